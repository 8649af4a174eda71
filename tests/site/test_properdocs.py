"""A second MkDocs: ProperDocs (`properdocs` on PyPI, the maintained fork of MkDocs 1.6.1,
pinned in requirements-dev.lock) builds the site with our hooks, strictly, from the same
lock, and the result is the MkDocs build but for the generator tag.

MkDocs 1.6.1 is unmaintained and MkDocs 2.0 drops plugins and hooks; this keeps the way out
open. The switch is one line (ARCHITECTURE.md, "A second MkDocs"). The only differences allowed:
each page's `<meta name="generator">`, and in `sw.js` the content hashes of exactly those
pages plus the cache version made from the hashes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site

PROPERDOCS = Path(sys.executable).parent / "properdocs"
SAME_TIME = {"SOURCE_DATE_EPOCH": "1767225600"}  # both builds date their feeds alike
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')
PRECACHE = re.compile(r"const PRECACHE=(\{.*?\});")
VERSION = re.compile(r'const VERSION="(\w+)";')


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    mkdocs, properdocs = tmp_path_factory.mktemp("mkdocs"), tmp_path_factory.mktemp("properdocs")
    assert PROPERDOCS.exists(), "properdocs is missing: `make install` installs requirements-dev.lock"
    for site_dir, engine in ((mkdocs, None), (properdocs, PROPERDOCS)):
        result = build_site(ROOT, site_dir, **({"engine": engine} if engine else {}), **SAME_TIME)
        assert result.returncode == 0, result.stderr
    return mkdocs, properdocs


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _file_of(entry: str) -> str:
    return entry + "index.html" if entry == "" or entry.endswith("/") else entry


def test_properdocs_builds_strictly_what_mkdocs_builds_but_the_generator_tag(builds: tuple[Path, Path]) -> None:
    mkdocs, properdocs = map(_files, builds)
    assert mkdocs.keys() == properdocs.keys()
    differ = sorted(name for name in mkdocs if mkdocs[name] != properdocs[name])
    pages = sorted(name for name in mkdocs if name.endswith(".html") and GENERATOR.search(mkdocs[name].decode()))
    assert len(pages) > 10
    assert differ == sorted([*pages, "sw.js"])
    for name in pages:
        ours, theirs = mkdocs[name].decode(), properdocs[name].decode()
        assert GENERATOR.findall(ours) == ["mkdocs-1.6.1, mkdocs-material-9.8.2"], name
        assert GENERATOR.findall(theirs) == ["mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.2"], name
        assert GENERATOR.sub("", ours) == GENERATOR.sub("", theirs), name


def test_the_service_workers_differ_only_by_the_hashes_of_the_pages_that_differ(builds: tuple[Path, Path]) -> None:
    mkdocs, properdocs = map(_files, builds)
    workers = [site["sw.js"].decode() for site in (mkdocs, properdocs)]
    precaches = [json.loads(PRECACHE.search(worker).group(1)) for worker in workers]
    assert precaches[0].keys() == precaches[1].keys()
    for entry in precaches[0]:
        name = _file_of(entry)
        assert (precaches[0][entry] == precaches[1][entry]) == (mkdocs[name] == properdocs[name]), entry
        # Each hash is the file's own (the revision the worker compares on update).
        assert precaches[1][entry] == hashlib.sha256(properdocs[name]).hexdigest()[: len(precaches[1][entry])]
    masked = [VERSION.sub("VERSION", PRECACHE.sub("PRECACHE", worker)) for worker in workers]
    assert masked[0] == masked[1]
