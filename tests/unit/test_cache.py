"""The disk cache for drawn images (`liftheavy.cache`): a key is drawn once, a torn or
missing entry is drawn again, and no cache directory (or one that cannot be written) only
costs the drawing. tests/site/test_previews.py checks a warm build's bytes against a clean one."""

from __future__ import annotations

from pathlib import Path

from liftheavy.browser.manifest import encode_png
from liftheavy.cache import DiskCache, fingerprint

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
