"""Relative links between pages, as MkDocs writes them with `use_directory_urls: true`.

Generated HTML is stashed by Markdown as raw HTML, so MkDocs does not rewrite links in it;
we write the final relative URL ourselves (`week-1.md` lives at `week-1/`). Relative URLs
keep the site working under any base path (a project page, a preview, a local server).
"""

from __future__ import annotations

import posixpath


def page_dir(src_uri: str) -> str:
    """The directory a page is served from: index.md → '', week-1.md → 'week-1'."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return posixpath.dirname(stem)
    return stem


def relative_url(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """The link from the page `from_src` to the page `to_src` (and `#anchor`)."""
    path = posixpath.relpath(page_dir(to_src) or ".", page_dir(from_src) or ".")
    url = "./" if path == "." else f"{path}/"
    return f"{url}#{anchor}" if anchor else url
