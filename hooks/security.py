"""MkDocs hook: a Content-Security-Policy `<meta>` tag in every HTML page we publish.

Thin glue around `liftheavy.browser.csp`: pages get it in on_post_page, the theme's static
templates (404.html) in on_post_template. The policy hashes each page's own inline
scripts, so it runs last (priority -100), after anything else has changed the HTML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import event_priority

from liftheavy.browser.csp import add_content_security_policy

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page


@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Add the policy to a rendered page."""
    return add_content_security_policy(output)


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Add the policy to HTML templates such as 404.html (sitemap.xml is left alone)."""
    return add_content_security_policy(output_content) if template_name.endswith(".html") else output_content
