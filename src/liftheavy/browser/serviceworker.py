"""Offline after one visit: the service worker and its precache list, made from the built site.

`hooks/offline.py` calls `write_service_worker(site_dir, base_path)` after every other hook
has written its files. It lists every page of the site and every file those pages load
(scripts, styles, icons, the web app manifest and its icons, files named in the CSS, and
Material's search worker with its index), each with a hash of its content, and writes
`sw.js` at the site root from `templates/sw.js.j2`, so its scope is the whole site.

A new deploy changes a hash, so `sw.js` changes and browsers install the new list on the
next online visit; files whose hash did not change are copied from the old cache instead
of downloaded again. Everything else the site holds (source maps, search language packs
for other languages, feeds, social images) is left to the network.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from liftheavy.browser.minifier import minify
from liftheavy.cache import TEMPLATE_BYTECODE

SERVICE_WORKER = "sw.js"
SEARCH_INDEX = "search/search_index.json"  # loaded by Material's search worker, not by a tag
# Material's bundle asks for the sitemap on every page with a <link rel="alternate"> (our feeds),
# so offline it would fail in the console on every page.
SITEMAP = "sitemap.xml"
# A revision only has to differ from the file's previous one: 6 hex digits (24 bits) miss a
# change once in 16 million, and every page's sw.js is about 1 byte lighter per file listed.
REVISION_LENGTH = 6
# How long a page waits for the network before it shows the saved copy (weak gym signal).
NETWORK_TIMEOUT_MS = 3500
_LOADED_RELS = {"stylesheet", "icon", "shortcut", "manifest", "apple-touch-icon", "preload", "modulepreload"}
# Only these elements can load a file, so the scan reads just them (a page is ~50 KB of
# HTML, its loading tags a few hundred bytes): the start tags of link, script, img and
# source (quoted attribute values may hold '>'), and Material's configuration script whole.
_LOADING_TAG = re.compile(
    r"""<script\b[^>]*\bid=["']?__config\b.*?</script\s*>|<(?:link|script|img|source)\b(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.DOTALL | re.IGNORECASE,
)
_START_TAG = re.compile(r"""<(?P<name>[a-zA-Z]+)\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
# One attribute: a name, optionally = and a double-quoted, single-quoted or bare value.
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    autoescape=select_autoescape(default=True, default_for_string=True),
    keep_trailing_newline=True,
    bytecode_cache=TEMPLATE_BYTECODE,  # compiled once per machine, not once per build
)


@dataclass(frozen=True, slots=True)
class PrecacheEntry:
    url: str  # relative to the site root: "" (the overview), "week-1/", "assets/…"
    revision: str  # the start of the file's SHA-256


def _attributes(start_tag: str, after_name: int) -> dict[str, str]:
    """A start tag's attributes, names lowercased and values unescaped, as a browser reads them
    (the last of a repeated name wins, as in Python's HTMLParser)."""
    values = {}
    for match in _ATTRIBUTE.finditer(start_tag, after_name, len(start_tag) - 1):  # up to the '>'
        name, *quoted_or_bare = match.groups()
        values[name.lower()] = html.unescape(next((value for value in quoted_or_bare if value is not None), ""))
    return values


def _tag_references(tag: str) -> list[str]:
    """The URLs one loading tag (a `_LOADING_TAG` match) makes the browser fetch."""
    start = _START_TAG.match(tag)
    if start is None:
        return []
    name, values = start.group("name").lower(), _attributes(start.group(0), start.end("name"))
    if name == "script" and values.get("id") == "__config":
        # Material's configuration names its search worker (a script's text is not unescaped).
        try:
            worker = json.loads(tag[start.end() : tag.rfind("<")] or "{}").get("search")
        except (ValueError, AttributeError):  # not Material's config after all: nothing to add
            worker = None
        return [worker] if isinstance(worker, str) else []
    urls = []
    rels = set(values.get("rel", "").lower().split())
    if name == "link" and rels & _LOADED_RELS and values.get("href"):
        urls.append(values["href"])
    elif name in ("script", "img", "source") and values.get("src"):
        urls.append(values["src"])
    if name in ("img", "source") and values.get("srcset"):
        # A <picture>'s other file (a figure's still, for reduced motion): every candidate.
        urls.extend(candidate.split()[0] for candidate in values["srcset"].split(",") if candidate.strip())
    return urls


def page_url(relative_path: str) -> str:
    """The URL a built page is served at: week-1/index.html → week-1/, index.html → ''."""
    if relative_path == "index.html":
        return ""
    return relative_path.removesuffix("index.html")


def _site_path(
    site_dir: Path, from_url: str, reference: str, base_path: str, seen: dict[str, str | None] | None = None
) -> str | None:
    """The file in the site that `reference` (on the page at `from_url`) loads, if any.
    `seen` keeps the answers of one scan by target path: every page loads the same assets,
    so each file is looked up on disk once (one dict per scan, so a rebuild sees new files)."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or reference.startswith("data:"):
        return None
    # Pages are resolved as if served from the root; 404.html uses absolute base-path URLs.
    target = urlsplit(urljoin("/" + from_url, reference)).path
    if target.startswith(base_path):
        target = "/" + target[len(base_path) :]
    if seen is None:
        return _site_file(site_dir, target)
    if target not in seen:
        seen[target] = _site_file(site_dir, target)
    return seen[target]


def _site_file(site_dir: Path, target: str) -> str | None:
    """The built file served at the path `target` ('/week-1/', '/assets/x.css'), if any."""
    path = posixpath.normpath(unquote(target)).lstrip("/")
    if path in ("", "."):
        path = "index.html"
    elif target.endswith("/") or (site_dir / path).is_dir():
        path += "/index.html"
    return path if (site_dir / path).is_file() else None


def precache_list(site_dir: Path, base_path: str = "/") -> list[PrecacheEntry]:
    """Every page and every file the pages load, sorted by URL, each with its revision."""
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    wanted = set(pages)
    todo = list(pages)
    seen: dict[str, str | None] = {}
    resolved: dict[tuple[str, str], str | None] = {}
    while todo:
        path = todo.pop()
        text = (site_dir / path).read_text(encoding="utf-8", errors="replace")
        if path.endswith(".html"):
            references = [url for tag in _LOADING_TAG.finditer(text) for url in _tag_references(tag.group(0))]
        elif path.endswith(".css"):
            references = [match.group(2) for match in _CSS_URL.finditer(text)]
        elif path.endswith(".webmanifest"):
            references = [icon.get("src", "") for icon in json.loads(text).get("icons", [])]
        else:
            continue
        base = page_url(path) if path.endswith(".html") else path
        for reference in references:
            # Pages in one folder share their references (Material's assets): resolve each once.
            key = (base[: base.rfind("/") + 1], reference)
            if key not in resolved:
                resolved[key] = _site_path(site_dir, base, reference, base_path, seen)
            found = resolved[key]
            if found and found not in wanted and found != SERVICE_WORKER:
                wanted.add(found)
                todo.append(found)
    if any("/workers/search." in path for path in wanted) and (site_dir / SEARCH_INDEX).is_file():
        wanted.add(SEARCH_INDEX)
    if (site_dir / SITEMAP).is_file():
        wanted.add(SITEMAP)
    entries = [
        PrecacheEntry(page_url(path) if path.endswith(".html") else path, _revision(site_dir / path)) for path in wanted
    ]
    return sorted(entries, key=lambda entry: entry.url)


def _revision(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:REVISION_LENGTH]


def render_service_worker(entries: list[PrecacheEntry]) -> str:
    """sw.js, minified: the precache list (URL → revision) and a version that changes with any file."""
    precache = {entry.url: entry.revision for entry in entries}
    version = hashlib.sha256(json.dumps(precache, sort_keys=True).encode("utf-8")).hexdigest()[:REVISION_LENGTH]
    template = _ENV.get_template("sw.js.j2")
    return minify(template.render(precache=precache, version=version, timeout_ms=NETWORK_TIMEOUT_MS), ".js")


def write_service_worker(site_dir: Path, base_path: str = "/") -> list[PrecacheEntry]:
    """Write sw.js at the root of the built site; return what it precaches."""
    entries = precache_list(site_dir, base_path)
    (site_dir / SERVICE_WORKER).write_text(render_service_worker(entries), encoding="utf-8")
    return entries
