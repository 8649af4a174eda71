"""The disk cache (`liftheavy.cache`): a key is drawn or computed once, a torn or missing
entry is made again, and no cache directory (or one that cannot be written) only costs the
work; keys follow every byte of the inputs and of our code. tests/site/test_previews.py and
tests/site/test_reproducible.py check a warm build's bytes against a clean one."""

from __future__ import annotations

from pathlib import Path

import pytest

import liftheavy.cache as cache_module
from liftheavy.browser.manifest import encode_png
from liftheavy.cache import DiskCache, code_version, fingerprint, source_fingerprint

PNG = encode_png(1, 1, b"\x00\x00\x00")


class Drawer:
    """Counts how often the cache asks for a drawing."""

    def __init__(self, data: bytes = PNG) -> None:
        self.calls = 0
        self.data = data

    def __call__(self) -> bytes:
        self.calls += 1
        return self.data


def test_a_key_is_drawn_once_then_read(tmp_path: Path) -> None:
    cache, draw = DiskCache(tmp_path / "cache"), Drawer()
    assert cache.png("k", draw) == PNG
    assert cache.png("k", draw) == PNG
    assert draw.calls == 1
    assert [path.name for path in (tmp_path / "cache").iterdir()] == ["k.png"]  # no temporary left


def test_a_torn_entry_is_drawn_again(tmp_path: Path) -> None:
    cache, draw = DiskCache(tmp_path), Drawer()
    (tmp_path / "k.png").write_bytes(PNG[:-5])  # a build stopped while writing, by some other tool
    assert cache.png("k", draw) == PNG
    assert draw.calls == 1
    assert (tmp_path / "k.png").read_bytes() == PNG


def test_without_a_directory_every_call_draws() -> None:
    draw = Drawer()
    DiskCache(None).png("k", draw)
    DiskCache(None).png("k", draw)
    assert draw.calls == 2


def test_an_unwritable_cache_still_returns_the_drawing(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("a file where the directory should be")
    assert DiskCache(tmp_path / "cache").png("k", Drawer()) == PNG


def test_fingerprints_keep_their_parts_apart() -> None:
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("a", b"b") == fingerprint(b"a", "b")
    assert len(fingerprint()) == 64


class Computer:
    """Counts how often the cache asks for a value; raises when told to."""

    def __init__(self, value: object = ("a", 1), error: Exception | None = None) -> None:
        self.calls = 0
        self.value = value
        self.error = error

    def __call__(self) -> object:
        self.calls += 1
        if self.error is not None:
            raise self.error
        return self.value


def test_a_value_is_computed_once_then_read(tmp_path: Path) -> None:
    cache, compute = DiskCache(tmp_path), Computer({"week-1.md": "# Week 1"})
    assert cache.value("pages", "k", compute) == {"week-1.md": "# Week 1"}
    assert cache.value("pages", "k", compute) == {"week-1.md": "# Week 1"}
    assert compute.calls == 1
    assert [path.name for path in tmp_path.iterdir()] == ["pages-k.pickle"]


def test_a_new_key_replaces_the_older_entry_of_the_same_name(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.value("pages", "old", Computer("old"))
    cache.value("figures", "old", Computer("figures"))
    assert cache.value("pages", "new", Computer("new")) == "new"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["figures-old.pickle", "pages-new.pickle"]


def test_an_unreadable_value_is_computed_again(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.value("pages", "k", Computer("first"))
    entry = tmp_path / "pages-k.pickle"
    entry.write_bytes(entry.read_bytes()[:5])  # torn
    compute = Computer("again")
    assert cache.value("pages", "k", compute) == "again"
    assert compute.calls == 1
    (tmp_path / "pages-k.pickle").write_bytes(b"not a pickle at all")
    assert cache.value("pages", "k", Computer("third")) == "third"


def test_a_failing_computation_stores_nothing(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    with pytest.raises(ValueError, match="bad data"):
        cache.value("publication", "k", Computer(error=ValueError("bad data")))
    assert list(tmp_path.iterdir()) == []
    assert cache.value("publication", "k", Computer("fixed")) == "fixed"


def test_without_a_directory_every_value_is_computed() -> None:
    compute = Computer()
    DiskCache(None).value("pages", "k", compute)
    DiskCache(None).value("pages", "k", compute)
    assert compute.calls == 2


def test_source_fingerprints_follow_names_and_bytes(tmp_path: Path) -> None:
    (tmp_path / "weeks").mkdir()
    (tmp_path / "weeks" / "week-1.yaml").write_text("title: A\n")
    before = source_fingerprint(tmp_path)
    assert source_fingerprint(tmp_path) == before
    (tmp_path / "weeks" / "week-1.yaml").write_text("title: B\n")
    edited = source_fingerprint(tmp_path)
    assert edited != before
    (tmp_path / "weeks" / "week-1.yaml").rename(tmp_path / "weeks" / "week-2.yaml")
    assert source_fingerprint(tmp_path) != edited
    assert source_fingerprint(tmp_path, "**/*.md") == source_fingerprint(tmp_path / "none", "**/*.md")


def test_the_code_version_changes_with_any_source_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "liftheavy"
    (package / "pages" / "templates").mkdir(parents=True)
    (package / "render.py").write_text("x = 1\n")
    (package / "pages" / "templates" / "week.md.j2").write_text("{{ week.title }}\n")
    monkeypatch.setattr(cache_module, "PACKAGE", package)
    before = code_version()
    (package / "pages" / "templates" / "week.md.j2").write_text("{{ week.title }}!\n")
    assert code_version() != before
    assert len(before) == 64
