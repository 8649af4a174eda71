"""MkDocs hook: old addresses keep working (`data/redirects.yaml` → redirect stub pages).

Thin glue around `liftheavy.sharing.redirectstubs` (no MkDocs imports there); the
redirects and the preview cards come from `liftheavy_glue.current_build` (the loader has
already checked each redirect's form):

- on_env (every page is rendered, so its anchors are known): check each redirect against
  the built site, a wrong target is a `data/redirects.yaml:line:col` error that stops the build;
- on_post_build: write one stub page per redirect at its old address.

Redirects to a week that is not out yet wait for it, like the week's page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from liftheavy.data.errors import DataError
from liftheavy.sharing.previewcards import Card, PagePreview, card_for, page_preview
from liftheavy.sharing.redirectstubs import check_redirects, render_stub, stub_file

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy_glue import current_build, on_startup, require_site_url

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

__all__ = ["on_env", "on_post_build", "on_startup"]
log = logging.getLogger("mkdocs.plugins.liftheavy.redirects")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    """Check every redirect against the rendered pages; keep the stubs to write."""
    build = current_build(config)
    publication = build.publication
    pages = {f"/{file.page.url}": file.page for file in files.documentation_pages() if file.page is not None}
    anchors = {path: frozenset(page.present_anchor_ids or ()) for path, page in pages.items()}
    published = {week.slug for week in publication.published.weeks}
    unpublished = frozenset(f"/{week.slug}/" for week in publication.program.weeks if week.slug not in published)
    taken = frozenset(file.dest_uri for file in files)
    ready, problems = check_redirects(publication.program.redirects, anchors, unpublished, taken)
    if problems:
        raise PluginError(f"the program data has problems:\n{DataError(problems)}")
    build.redirect_stubs = [
        (redirect, _preview(pages[redirect.new.split("#")[0]], build.cards, config)) for redirect in ready
    ]


def _preview(page: Page, cards: dict[str, Card], config: MkDocsConfig) -> PagePreview:
    return page_preview(
        site_url=require_site_url(config, "redirect stubs need absolute URLs"),
        src_uri=page.file.src_uri,
        meta=page.meta,
        title=page.title,
        site_name=config.site_name,
        site_description=config.site_description or "",
        card=card_for(cards, page.file.src_uri),
    )


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the stub pages into the built site."""
    stubs = current_build(config).redirect_stubs
    for redirect, preview in stubs:
        path = Path(config.site_dir) / stub_file(redirect)
        path.parent.mkdir(parents=True, exist_ok=True)
        stub = render_stub(redirect, preview, config.site_name, favicon=config.theme["favicon"])
        path.write_text(stub, encoding="utf-8")
    if stubs:
        log.info("Redirects: %s", ", ".join(f"{redirect.old} → {redirect.new}" for redirect, _ in stubs))
