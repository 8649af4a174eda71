"""MkDocs hook: link previews (Open Graph and Twitter tags) and their 1200×630 images.

Thin glue around `liftheavy.sharing.previewcards` (no MkDocs imports there); the cards and
their images are drawn once per build by `liftheavy_glue.current_build`:

- on_files: add the images to the site under assets/previews/ (`File.generated`, nothing
  written to docs/);
- on_page_context / on_template_context: give every page, and the 404 page, its preview
  tags as `liftheavy_preview_tags` (rendered by the core's autoescaped template), which
  `overrides/partials/liftheavy/sharing.html` puts in the <head>.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from liftheavy.sharing.previewcards import card_for, page_preview, render_preview_tags

# Sibling imports must happen at import time: MkDocs puts hooks/ on sys.path only then.
from liftheavy_glue import add_generated, current_build, on_startup, require_site_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

__all__ = ["on_config", "on_files", "on_page_context", "on_startup", "on_template_context"]
log = logging.getLogger("mkdocs.plugins.liftheavy.previews")


def on_config(config: MkDocsConfig) -> None:
    require_site_url(config, "link previews need absolute URLs")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Publish every card as a PNG."""
    images = current_build(config).preview_images
    for path, png in images.items():
        add_generated(files, config, path, png, "preview image")
    log.debug("Drew %d preview images", len(images))
    return files


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
    """The page's preview tags."""
    _add_tags(context, config, page.file.src_uri, page.meta, page.title)


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> None:
    """The 404 page is a theme template without a page: it gets the default preview."""
    if template_name == "404.html":
        _add_tags(context, config, None, {"title": "Page not found"}, None)


def _add_tags(
    context: TemplateContext, config: MkDocsConfig, src_uri: str | None, meta: Mapping[str, Any], title: str | None
) -> None:
    preview = page_preview(
        site_url=require_site_url(config, "link previews need absolute URLs"),
        src_uri=src_uri,
        meta=meta,
        title=title,
        site_name=config.site_name,
        site_description=config.site_description or "",
        card=card_for(current_build(config).cards, src_uri),
    )
    # Our own key in the theme's context (MkDocs types only its own keys).
    context["liftheavy_preview_tags"] = render_preview_tags(preview, config.site_name)  # type: ignore[typeddict-unknown-key]
