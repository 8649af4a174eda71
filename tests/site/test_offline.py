"""The service worker's precache list (`liftheavy.browser.serviceworker`): on the real built site every
page and every file a page loads is listed with the hash of its content, nothing else is,
and a changed file changes the service worker."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from conftest import ROOT
from liftheavy.browser.serviceworker import REVISION_LENGTH, precache_list, render_service_worker, write_service_worker
from liftheavy.tools.htmlscan import html_pages, page_url, resolve, scan


def _precache(site: Path) -> dict[str, str]:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const PRECACHE\s*=\s*(\{[^}]*\})", text).group(1))


def _file(site: Path, url: str) -> Path:
    path = site / url
    return path / "index.html" if url == "" or url.endswith("/") else path


def test_service_worker_sits_at_the_site_root(site: Path) -> None:
    assert (site / "sw.js").is_file()


def test_every_page_is_precached_with_the_hash_of_its_content(site: Path) -> None:
    precache = _precache(site)
    for path in html_pages(site):
        url = page_url(site, path).lstrip("/")
        assert url in precache, url
        assert precache[url] == hashlib.sha256(path.read_bytes()).hexdigest()[:REVISION_LENGTH]


def test_every_file_a_page_loads_is_precached(site: Path) -> None:
    precache = _precache(site)
    missing = set()
    for path in html_pages(site):
        for resource in scan(path).resources:
            target = resolve(site, page_url(site, path), resource)
            if target is not None:
                relative = target[0].relative_to(site).as_posix()
                if relative.removesuffix("index.html") not in precache and relative not in precache:
                    missing.add(relative)
    assert missing == set()
    assert "search/search_index.json" in precache  # what Material's search worker fetches
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert {icon["src"] for icon in manifest["icons"]} <= set(precache)


def test_precache_lists_only_relative_urls_of_real_files(site: Path) -> None:
    precache = _precache(site)
    for url, revision in precache.items():
        assert not url.startswith(("/", "http:", "https:")), url
        file = _file(site, url)
        assert file.is_file(), url
        assert revision == hashlib.sha256(file.read_bytes()).hexdigest()[:REVISION_LENGTH], url
    assert "sw.js" not in precache
    assert not [url for url in precache if url.endswith(".map") or "/lunr/" in url]


def _tiny_site(root: Path) -> Path:
    (root / "a").mkdir(parents=True)
    (root / "css").mkdir()
    (root / "index.html").write_text(
        '<link rel="stylesheet" href="css/s.css"><script src="https://cdn.example/x.js"></script><a href="a/">A</a>'
    )
    (root / "a" / "index.html").write_text(
        '<img src="../pic.png?v=1"><img src="data:image/png;base64,AA=="><script id="__config">not json</script>'
    )
    (root / "404.html").write_text('<link rel="icon" href="/base/pic.png">')
    (root / "css" / "s.css").write_text("body { background: url('../bg.png') }")
    (root / "pic.png").write_bytes(b"png")
    (root / "bg.png").write_bytes(b"bg")
    (root / "unused.png").write_bytes(b"not loaded by any page")
    return root


def test_precache_follows_pages_styles_and_the_base_path(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path / "site")
    urls = [entry.url for entry in precache_list(site, "/base/")]
    assert urls == ["", "404.html", "a/", "bg.png", "css/s.css", "pic.png"]


def test_loading_tags_are_read_as_a_browser_reads_them(tmp_path: Path) -> None:
    """Quoting, case, entities, a '>' inside a value, srcset, rel lists, Material's config."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    for name in ("a b.css", "q.js", "bare.js", "x&y.png", "still.svg", "loop.svg", "worker.js", "icon.png", "feed.xml"):
        (site / "assets" / name).write_text(name)
    (site / "index.html").write_text(
        "<LINK REL='Stylesheet' HREF='assets/a%20b.css'>"
        '<script src="assets/q.js" data-note="a > b"></script><script src=assets/bare.js defer></script>'
        '<picture><source srcset="assets/still.svg 1x, assets/loop.svg 2x"><img src="assets/x&amp;y.png" alt=""></picture>'
        '<link rel="shortcut icon" href="assets/icon.png"><link rel="alternate" href="assets/feed.xml">'
        '<script id="__config" type="application/json">{"search": "assets/worker.js"}</script>'
    )
    urls = [entry.url for entry in precache_list(site, "/")]
    assert urls == [
        "",
        "assets/a b.css",
        "assets/bare.js",
        "assets/icon.png",
        "assets/loop.svg",
        "assets/q.js",
        "assets/still.svg",
        "assets/worker.js",
        "assets/x&y.png",
    ]


def test_a_changed_file_changes_the_service_worker(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path / "site")
    first = write_service_worker(site, "/base/")
    before = (site / "sw.js").read_text()
    assert write_service_worker(site, "/base/") == first  # sw.js itself is never listed
    (site / "bg.png").write_bytes(b"new background")
    after = render_service_worker(precache_list(site, "/base/"))
    assert after != before
    version = re.compile(r'const VERSION\s*=\s*"([0-9a-f]+)"')
    assert len(version.search(after).group(1)) == REVISION_LENGTH
    assert version.search(after).group(1) != version.search(before).group(1)


def test_service_worker_template_is_plain_javascript(tmp_path: Path) -> None:
    text = render_service_worker(precache_list(_tiny_site(tmp_path / "site"), "/"))
    assert "{{" not in text
    assert "{%" not in text
    assert re.search(r'const PRECACHE\s*=\s*\{"":\s*"', text)
    assert "importScripts" not in text  # no third-party code in the worker
    assert (ROOT / "src" / "liftheavy" / "browser" / "templates" / "sw.js.j2").is_file()
