"""Links between pages, as MkDocs writes them with `use_directory_urls: true`.

Generated HTML is stashed by Markdown as raw HTML, so MkDocs does not rewrite links in it;
we write the final relative URL ourselves (`week-1.md` lives at `week-1/`). Relative URLs
keep the site working under any base path (a project page, a preview, a local server).
Absolute URLs (under `site_url`) are only for what leaves the site: link previews, the feed,
the calendar and canonical links of redirect stubs.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from urllib.parse import urlencode

# Files published at the site root for readers to follow the program (pinned public URLs).
# The feeds must stay at the root: Material looks for sitemap.xml next to each feed link.
FEED_FILE = "feed.xml"
ATOM_FILE = "atom.xml"
CALENDAR_FILE = "runners-lift-heavy.ics"


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


def site_path(src_uri: str) -> str:
    """A page's path below the site's address: index.md → '', week-1.md → 'week-1/'."""
    directory = page_dir(src_uri)
    return f"{directory}/" if directory else ""


def relative_file_url(from_src: str, path: str) -> str:
    """The link from the page `from_src` to a file at `path` below the site root (feed.xml)."""
    return posixpath.relpath(path, page_dir(from_src) or ".")


def absolute_url(site_url: str, path: str) -> str:
    """`path` (below the site root, like 'week-2/' or '/week-2/#session-a') under `site_url`."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def with_parameters(url: str, parameters: Mapping[str, str]) -> str:
    """`url` with query parameters added before any #fragment (UTM tags for feed links)."""
    if not parameters:
        return url
    address, hash_mark, fragment = url.partition("#")
    separator = "&" if "?" in address else "?"
    return f"{address}{separator}{urlencode(parameters)}{hash_mark}{fragment}"
