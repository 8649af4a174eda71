"""Runners Lift Heavy: the program data → page core.

Plain Python with no MkDocs imports, so the same functions serve the MkDocs hooks,
the `make check` command line and the tests:

    data/*.yaml --load.load_program--> model.Program --render.render_*--> Markdown/HTML

Around it, for editors and reviewers: `check` (make check), `schema` (JSON Schemas from the
same vocabularies and `limits`), `changes` + `revisions` (what a pull request changes).
"""
