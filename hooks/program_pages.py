"""MkDocs hook: generate the week pages and the exercise library from `data/`.

Thin glue around the `liftheavy` core (no MkDocs imports there); the build's program and
its generated pages come from `liftheavy_glue.current_build`:

- on_config: load and validate `data/` (every problem at once, as file:line:col), decide
  which weeks are released (RELEASE_DATE or today, UTC) and build the navigation;
- on_files: add one virtual page per week plus the exercise library (`File.generated`,
  nothing is written into docs/), each with "edit this page" pointing at its YAML file;
- on_page_markdown: give generated pages their title and description, and expand the
  `<!-- liftheavy:… -->` markers in hand-written pages (the overview's schedule table,
  the about page's sources).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.plugins import event_priority

from liftheavy.data.model import Program
from liftheavy.pages.render import library_sections

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy_glue import add_generated, current_build, on_startup

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["on_config", "on_files", "on_page_markdown", "on_startup"]
log = logging.getLogger("mkdocs.plugins.liftheavy")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the program once per build and put every published week into the navigation."""
    build = current_build(config)
    release, published = build.publication.release, build.publication.published
    config.nav = _navigation(published)
    weeks = [week.number for week in published.weeks]
    log.info("Release date %s%s: publishing weeks %s", release.today, " (preview)" if release.preview else "", weeks)
    return config


def _navigation(program: Program) -> list[dict[str, object]]:
    # MkDocs and Material insert nav and page titles as raw HTML: escape the data's text.
    weeks = [{str(escape(f"Week {week.number}: {week.title}")): f"{week.slug}.md"} for week in program.weeks]
    library = [{section.title: section.src_uri} for section in library_sections(program)]
    return [
        {"Overview": "index.md"},
        {"Why lift heavy": "why-lift-heavy.md"},
        {"The weeks": weeks},
        {"Your log": "log.md"},
        {"Exercise library": [{"All exercises": "exercises.md"}, *library]},
        {"About": "about.md"},
    ]


@event_priority(50)  # before plugins that snapshot the file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated pages; refuse to silently replace a hand-written one."""
    for page in current_build(config).pages.values():
        file = add_generated(files, config, page.src_uri, page.markdown, "page")
        # edit_uri is relative to `edit_uri` in mkdocs.yml (…/docs/), so step out of docs/.
        file.edit_uri = f"../{page.edit_path}" if page.edit_path else None
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set generated pages' metadata; expand data markers in hand-written pages."""
    build = current_build(config)
    generated = build.pages.get(page.file.src_uri)
    if generated is not None:
        # Material writes meta title and description unescaped (even inside attributes).
        page.meta.setdefault("title", str(escape(generated.title)))
        page.meta.setdefault("description", str(escape(generated.description)))
        # Week pages link the gym script (overrides/partials/liftheavy/body-end.html).
        if any(page.file.src_uri == f"{week.slug}.md" for week in build.publication.published.weeks):
            page.meta.setdefault("lh_script", "gym")
        return markdown
    return build.expanded_markdown(page.file.src_uri, markdown)
