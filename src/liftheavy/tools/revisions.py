"""The program as it was at a git revision, read with the same loader as the build.

`git archive REV data` packs that revision's `data/` folder; it is unpacked into a
temporary folder (tarfile's "data" filter refuses links and paths that leave it) and
loaded with `load_program`, so a revision's data is judged exactly as a build would.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from liftheavy.data.loader import load_program
from liftheavy.data.model import Program


class RevisionError(Exception):
    """A revision or its data/ folder cannot be read from git."""


def program_at(revision: str, repository: Path) -> Program:
    """Load `data/` as it is at `revision` in the git repository at `repository`.

    Raises RevisionError when git cannot give the data, DataError when the data is invalid."""
    if revision.startswith("-"):  # never let a revision be read as a git option
        raise RevisionError(f"'{revision}' is not a revision")
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "--", "data"],
        cwd=repository,
        capture_output=True,
        timeout=60,
        check=False,
    )
    if archive.returncode != 0:
        reason = archive.stderr.decode("utf-8", "replace").strip() or "git archive failed"
        raise RevisionError(f"cannot read data/ at {revision}: {reason}")
    with tempfile.TemporaryDirectory(prefix="liftheavy-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        return load_program(Path(folder))
