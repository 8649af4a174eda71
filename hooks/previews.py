"""MkDocs hook: link previews (Open Graph and Twitter tags) and their 1200×630 images.

Thin glue around `liftheavy.sharing.previewcards` (no MkDocs imports there):

- on_config: read what this build publishes (`load_publication`: the same data, release
  date and articles as the page hook, computed again from the same inputs);
- on_files: draw one image per published week, per article and a default one, and add
  them to the site under assets/previews/ (`File.generated`, nothing written to docs/);
- on_page_context / on_template_context: give every page, and the 404 page, its preview
  tags as `liftheavy_preview_tags` (rendered by the core's autoescaped template), which
  `overrides/partials/liftheavy/sharing.html` puts in the <head>.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy.data.errors import DataError
from liftheavy.data.publication import Publication, load_publication
from liftheavy.data.release import ReleaseDateError
from liftheavy.sharing.previewcards import Card, card_for, draw_card, page_preview, preview_cards, render_preview_tags

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.plugins.liftheavy.previews")

# Reset by every on_config (hook modules survive `mkdocs serve` rebuilds).
_cards: dict[str, Card] = {}
_invocation = {"command": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    _invocation["command"] = command


def on_config(config: MkDocsConfig) -> None:
    """Decide which cards this build draws: the published weeks, the articles, the default."""
    if not config.site_url:
        raise PluginError("site_url must be set in mkdocs.yml: link previews need absolute URLs")
    _cards.clear()
    _cards.update(preview_cards(_publication(config)))


def _publication(config: MkDocsConfig) -> Publication:
    try:
        return load_publication(
            Path(config.config_file_path).parent, Path(config.docs_dir), os.environ, _invocation["command"]
        )
    except ReleaseDateError as error:
        raise PluginError(str(error)) from None
    except DataError as error:
        raise PluginError(f"the program data has problems:\n{error}") from None


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Draw every card and publish it as a PNG (the feed hook reads their sizes from here)."""
    for card in _cards.values():
        if files.get_file_from_path(card.path) is not None:
            raise PluginError(f"docs/{card.path} would replace a generated preview image; remove or rename it")
        files.append(File.generated(config, card.path, content=draw_card(card, config.site_name, config.site_url)))
    log.debug("Drew %d preview images", len(_cards))
    return files


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    """The page's preview tags."""
    _add_tags(context, config, page.file.src_uri, page.meta, page.title)


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> None:
    """The 404 page is a theme template without a page: it gets the default preview."""
    if template_name == "404.html":
        _add_tags(context, config, None, {"title": "Page not found"}, None)


def _add_tags(
    context: TemplateContext, config: MkDocsConfig, src_uri: str | None, meta: dict, title: str | None
) -> None:
    preview = page_preview(
        site_url=config.site_url,
        src_uri=src_uri,
        meta=meta,
        title=title,
        site_name=config.site_name,
        site_description=config.site_description or "",
        card=card_for(_cards, src_uri),
    )
    context["liftheavy_preview_tags"] = render_preview_tags(preview, config.site_name)
