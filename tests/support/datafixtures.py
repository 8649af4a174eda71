"""The shared data fixtures, for every test that feeds data to the loader or the schemas.

- `tests/fixtures/valid/`: a small, valid program (`data/` tree).
- `tests/fixtures/invalid/<kind>/*.yaml`: each replaces one file of the valid program
  (`TARGETS[kind]`) and lists the exact problems it must produce in `# expect:` lines;
  a `# loader-only:` line says why the JSON Schema cannot catch it (see test_schema.py).
"""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VALID = FIXTURES / "valid"
TARGETS = {
    "week": "data/weeks/week-1.yaml",
    "exercises": "data/exercises.yaml",
    "program": "data/program.yaml",
    "redirects": "data/redirects.yaml",
}
INVALID = sorted((FIXTURES / "invalid").glob("*/*.yaml"))


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _marked(fixture: Path, prefix: str) -> list[str]:
    text = fixture.read_text(encoding="utf-8")
    return [line.removeprefix(prefix) for line in text.splitlines() if line.startswith(prefix)]


def expected_problems(fixture: Path) -> list[str]:
    """The `# expect:` lines of an invalid fixture: the exact problems it must produce."""
    return _marked(fixture, "# expect: ")


def loader_only_reason(fixture: Path) -> str | None:
    """Why only the loader can catch this fixture's problem, or None if the schema must too."""
    reasons = _marked(fixture, "# loader-only: ")
    return reasons[0] if reasons else None
