"""Runners Lift Heavy: the program data → page core.

Plain Python with no MkDocs imports, so the same functions serve the MkDocs hooks,
the `make check` command line and the tests:

    data/*.yaml --load.load_program--> model.Program --render.render_*--> Markdown/HTML

Around it, for editors and reviewers: `check` (make check), `schema` (JSON Schemas from the
same vocabularies and `limits`), `changes` + `revisions` (what a pull request changes).
and, for readers arriving from outside (links, previews, the feed):

    data/ + docs/ front matter + release date --publication.load_publication--> Publication
    Publication --previews--> 1200×630 PNGs and og: tags    --feed / ics--> feed.xml, atom.xml, .ics
    Publication + built pages --redirects--> stub pages at old addresses
"""
