"""Small HTML readers for tests: links, ids and resource URLs of built pages (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class PageScan(HTMLParser):
    """Collects ids, <a href>s and the URLs a browser would fetch (scripts, styles, images),
    plus the <head>'s <meta> values (by property or name, in order) and <link rel> targets,
    and the library index's forwards: each id inside an `<li class="lh-forward">` → the
    href of that entry's link (where the index's script sends the browser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.link_rels: dict[str, list[dict[str, str]]] = {}
        self.scripts = 0
        self.forwards: dict[str, str] = {}
        self._forwarding: list[str] | None = None  # ids of the open lh-forward entry, until its link

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "li" and "lh-forward" in values.get("class", "").split():
            self._forwarding = []
        if "id" in values:
            self.ids.add(values["id"])
            if self._forwarding is not None:
                self._forwarding.append(values["id"])
        if tag == "a" and self._forwarding and "href" in values:
            self.forwards.update(dict.fromkeys(self._forwarding, values["href"]))
            self._forwarding = None
        if tag == "meta" and "content" in values:
            key = values.get("property") or values.get("name") or values.get("http-equiv", "").lower()
            self.meta.setdefault(key, []).append(values["content"])
        if tag == "link" and "rel" in values:
            self.link_rels.setdefault(values["rel"], []).append(values)
        if tag == "script":
            self.scripts += 1
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        elif tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.resources.append(values["src"])
        elif (
            tag == "link" and values.get("href") and values.get("rel") not in ("canonical", "alternate", "prev", "next")
        ):
            self.resources.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._forwarding = None


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_url(site: Path, path: Path) -> str:
    """The site-relative URL a page is served at: week-1/index.html → /week-1/."""
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


BASE_PATH = "/runners-lift-heavy/"  # the path of site_url; 404.html links from it


def resolve(site: Path, from_url: str, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    target = urlsplit(urljoin(from_url, href))
    site_path = "/" + target.path.removeprefix(BASE_PATH) if target.path.startswith(BASE_PATH) else target.path
    path = site / unquote(site_path).lstrip("/")
    if target.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, target.fragment
