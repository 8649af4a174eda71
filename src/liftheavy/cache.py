"""A content-addressed cache on disk for files the build draws (preview images, app icons).

Drawing and compressing PNG images is most of what our hooks add to a build, yet their
inputs rarely change. Like Material's social plugin (`.cache/plugin/social`), the build keeps
what it drew in `.cache/liftheavy/` at the project root, under the SHA-256 of everything the
bytes depend on: the kind of file, the source of the code that draws it, its data files
(fonts) and the inputs of this one file. Same key, same bytes, so a build with the cache gives
exactly the bytes of a clean build; any change to the inputs or the code is a new key. A
missing or unreadable cache only costs the time to draw again. Entries are written to a
temporary file and renamed, so a build that is stopped halfway never leaves a torn file.

    Build (hooks/liftheavy_glue.py) --DiskCache(root/.cache/liftheavy)--> previewcards, manifest

`TEMPLATE_BYTECODE` does the same for our Jinja templates: compiling them is most of what
rendering the pages costs in a fresh build process. Jinja keys each entry by the template's
name and checks its source's checksum, so an edited template is compiled again; the entries
live in Jinja's own per-user folder in the temporary directory.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

CACHE_DIR = Path(".cache") / "liftheavy"  # below the project root, next to Material's .cache/plugin/
# LIFTHEAVY_CACHE=off builds as a clean machine would, drawing and compiling everything
# (`make bench` reports that cold build next to the usual warm one).
CACHING = os.environ.get("LIFTHEAVY_CACHE", "on") != "off"
TEMPLATE_BYTECODE = FileSystemBytecodeCache() if CACHING else None  # holds no state but its folder's name
_PNG_END = b"IEND\xaeB`\x82"  # the last chunk of every PNG file: an entry cut short lacks it


def fingerprint(*parts: bytes | str) -> str:
    """SHA-256 over `parts`, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(files: Iterable[Path]) -> str:
    """A fingerprint of the files a drawing depends on (its module's source, its fonts)."""
    return fingerprint(*(path.read_bytes() for path in files))


@dataclass(frozen=True, slots=True)
class DiskCache:
    """PNG files by key below `directory`; `directory=None` draws every time."""

    directory: Path | None

    def png(self, key: str, draw: Callable[[], bytes]) -> bytes:
        """The PNG stored under `key`, or `draw()`'s, stored for the next build."""
        if self.directory is None:
            return draw()
        path = self.directory / f"{key}.png"
        try:
            stored = path.read_bytes()
        except OSError:
            stored = b""
        if stored.endswith(_PNG_END):
            return stored
        drawn = draw()
        self._store(path, drawn)
        return drawn

    def _store(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only or full disk: the build goes on without caching
