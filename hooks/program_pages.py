"""MkDocs hook: generate the week pages and the exercise library from `data/`.

Thin glue around the `liftheavy` core (no MkDocs imports there):

- on_startup: remember whether this is `mkdocs serve` (a preview shows unreleased weeks);
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
import os
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.data.errors import DataError
from liftheavy.data.model import Program
from liftheavy.data.publication import load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.pages.render import GeneratedPage, expand_markers, library_sections, render_pages

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.liftheavy")

# Hook modules are not reloaded by `mkdocs serve`, so this is reset by every on_config
# (which runs on every rebuild) and only carries one build's data between its events.
_build: dict[str, object] = {}
_invocation = {"command": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember the command: `serve` previews every week unless RELEASE_DATE is set."""
    _invocation["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the program once per build and put every published week into the navigation."""
    try:
        root = Path(config.config_file_path).parent
        publication = load_publication(root, Path(config.docs_dir), os.environ, _invocation["command"])
    except ReleaseDateError as error:
        raise PluginError(str(error)) from None
    except DataError as error:
        raise PluginError(f"the program data has problems:\n{error}") from None
    program, release = publication.program, publication.release
    pages = render_pages(program, release)
    _build.clear()
    _build.update(program=program, release=release, pages={page.src_uri: page for page in pages})
    config.nav = _navigation(release.published(program))
    log.info(
        "Release date %s%s: publishing weeks %s",
        release.today,
        " (preview)" if release.preview else "",
        [week.number for week in release.published(program).weeks],
    )
    return config


def _navigation(program: Program) -> list[dict[str, object]]:
    # MkDocs and Material insert nav and page titles as raw HTML: escape the data's text.
    weeks = [{str(escape(f"Week {week.number}: {week.title}")): f"{week.slug}.md"} for week in program.weeks]
    library = [{section.title: section.src_uri} for section in library_sections(program)]
    return [
        {"Overview": "index.md"},
        {"Why lift heavy": "why-lift-heavy.md"},
        {"The weeks": weeks},
        {"Exercise library": [{"All exercises": "exercises.md"}, *library]},
        {"About": "about.md"},
    ]


@event_priority(50)  # before plugins that snapshot the file list
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated pages; refuse to silently replace a hand-written one."""
    for page in _build["pages"].values():
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} would replace a generated page; remove or rename it")
        file = File.generated(config, page.src_uri, content=page.markdown)
        # edit_uri is relative to `edit_uri` in mkdocs.yml (…/docs/), so step out of docs/.
        file.edit_uri = f"../{page.edit_path}" if page.edit_path else None
        files.append(file)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Set generated pages' metadata; expand data markers in hand-written pages."""
    generated: GeneratedPage | None = _build["pages"].get(page.file.src_uri)
    if generated is not None:
        # Material writes meta title and description unescaped (even inside attributes).
        page.meta.setdefault("title", str(escape(generated.title)))
        page.meta.setdefault("description", str(escape(generated.description)))
        return markdown
    return expand_markers(markdown, _build["program"], page.file.src_uri, _build["release"])
