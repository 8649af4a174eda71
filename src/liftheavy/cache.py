"""A content-addressed cache on disk for what the build draws and derives from the data.

Drawing and compressing PNG images is most of what our hooks add to a build, yet their
inputs rarely change. Like Material's social plugin (`.cache/plugin/social`), the build keeps
what it drew in `.cache/liftheavy/` at the project root, under the SHA-256 of everything the
bytes depend on: the kind of file, the source of the code that draws it, its data files
(fonts) and the inputs of this one file. Same key, same bytes, so a build with the cache gives
exactly the bytes of a clean build; any change to the inputs or the code is a new key. A
missing or unreadable cache only costs the time to draw again. Entries are written to a
temporary file and renamed, so a build that is stopped halfway never leaves a torn file.

    Build (hooks/liftheavy_glue.py) --DiskCache(root/.cache/liftheavy)--> previewcards, manifest

`DiskCache.value` keeps Python values the same way, pickled: the loaded publication, the
generated pages, the figures and the bundled page scripts (`hooks/liftheavy_glue.py`), keyed
by `source_fingerprint` of the files they were read from together with `code_version()`:
every source file of this package and the versions of the libraries that shape the values.
Reading the data, rendering the pages and drawing the figures is most of what our hooks add
to a build with warm caches, and an unchanged input gives the same value, so the same bytes.
Pickle runs code from the file it reads: the folder is the build's own, as trusted as Jinja's
bytecode cache (marshal) next to it, and nothing from outside the checkout is read this way.

`TEMPLATE_BYTECODE` does the same for our Jinja templates: compiling them is most of what
rendering the pages costs in a fresh build process. Jinja keys each entry by the template's
name and checks its source's checksum, so an edited template is compiled again; the entries
live in Jinja's own per-user folder in the temporary directory.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2
import rcssmin
import rjsmin
import yaml
from jinja2 import FileSystemBytecodeCache

CACHE_DIR = Path(".cache") / "liftheavy"  # below the project root, next to Material's .cache/plugin/
# LIFTHEAVY_CACHE=off builds as a clean machine would, drawing and compiling everything
# (`make bench` reports that cold build next to the usual warm one).
CACHING = os.environ.get("LIFTHEAVY_CACHE", "on") != "off"
TEMPLATE_BYTECODE = FileSystemBytecodeCache() if CACHING else None  # holds no state but its folder's name
_PNG_END = b"IEND\xaeB`\x82"  # the last chunk of every PNG file: an entry cut short lacks it
PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = (".py", ".j2", ".js", ".css")  # what the package's values are made by (fonts only shape pixels)
T = TypeVar("T")


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


def source_fingerprint(root: Path, pattern: str = "**/*") -> str:
    """A fingerprint of the files below `root` matching `pattern`: their paths and their bytes."""
    return _files_fingerprint(root, sorted(path for path in root.glob(pattern) if path.is_file()))


def code_version() -> str:
    """Everything a stored value depends on besides its inputs: this package's source files,
    Python's version and the versions of the libraries whose behaviour ends up in a value
    (parsing, templates, escaping, minifying)."""
    code = sorted(path for path in PACKAGE.rglob("*") if path.suffix in _CODE_SUFFIXES)
    # Modules' own __version__ where they keep one: reading a package's metadata costs more.
    versions = [yaml.__version__, jinja2.__version__, rjsmin.__version__, rcssmin.__version__]
    versions.append(importlib.metadata.version("MarkupSafe"))  # its __version__ is deprecated
    return fingerprint(sys.version, *versions, _files_fingerprint(PACKAGE, code))


def _files_fingerprint(root: Path, files: list[Path]) -> str:
    return fingerprint(*(part for path in files for part in (path.relative_to(root).as_posix(), path.read_bytes())))


@dataclass(frozen=True, slots=True)
class DiskCache:
    """PNG files and pickled values by key below `directory`; `directory=None` computes every time."""

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

    def value(self, name: str, key: str, compute: Callable[[], T]) -> T:
        """The value `name` stored under `key`, or `compute()`'s, stored for the next build.

        One entry is kept per name: storing a new key removes the older ones, so editing
        the data under `mkdocs serve` does not grow the folder. An entry that cannot be read
        back (torn, or written by another Python) is computed again; an exception from
        `compute` (a data problem) stores nothing."""
        if self.directory is None:
            return compute()
        path = self.directory / f"{name}-{key}.pickle"
        try:
            return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
        except Exception:  # any unreadable entry only means computing it again
            pass
        computed = compute()
        self._store(path, pickle.dumps(computed, protocol=pickle.HIGHEST_PROTOCOL))
        for older in self.directory.glob(f"{name}-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
        return computed

    def _store(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except OSError:
            pass  # a read-only or full disk: the build goes on without caching
