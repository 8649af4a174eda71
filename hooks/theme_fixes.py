"""MkDocs hook: fix what Material's own HTML lacks for speed and accessibility.

Thin glue around `liftheavy.browser.themefixes`: on_files publishes the script that loads
search on demand; every page (on_post_page) and the theme's static HTML templates such as
404.html (on_post_template) get the search dialog's accessible name, deferred end-of-body
scripts and that script before Material's bundle. If Material's markup changes so a fix no longer applies,
a warning fails the strict build rather than shipping the old problem unnoticed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from liftheavy.browser.themefixes import LAZY_SEARCH_FILE, fix_page, lazy_search_script, missing_fixes

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.liftheavy.theme_fixes")


def _fixed(html: str, where: str) -> str:
    fixed = fix_page(html)
    for problem in missing_fixes(fixed):
        log.warning("%s: could not apply %s", where, problem)
    return fixed


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Publish the script that loads search on demand (its source is in the core)."""
    if files.get_file_from_path(LAZY_SEARCH_FILE) is not None:
        raise PluginError(f"docs/{LAZY_SEARCH_FILE} would replace a generated script; remove or rename it")
    files.append(File.generated(config, LAZY_SEARCH_FILE, content=lazy_search_script()))
    return files


@event_priority(-50)  # after content hooks, before the security policy hashes the page (-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Fix a rendered page."""
    return _fixed(output, page.file.src_uri)


@event_priority(-50)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Fix HTML templates such as 404.html (sitemap.xml is left alone)."""
    return _fixed(output_content, template_name) if template_name.endswith(".html") else output_content
