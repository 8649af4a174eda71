"""The schemas as the coach's tools judge them, not as our own Python reads them.

- yaml-language-server (npm; the engine of VS Code's YAML extension and github.dev), driven
  over its stdio protocol: the real data files get no diagnostics; broken copies each get a
  diagnostic on the line that is wrong; a misspelt exercise id is offered the right ones.
- ajv (npm, draft 2020-12, default options): every schema compiles, every `pattern` is an ECMAScript
  regular expression valid with the `u` flag, the real data validates.
- check-jsonschema (PyPI) with its default regex engine: the real data validates.

Missing node or npm packages: skip locally, fail under CI (`missing_tool`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, missing_tool
from support.languageserver import LanguageServer

SCHEMAS = ROOT / "schemas"
SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
DATA_FILES = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "data" / "weeks").glob("*.yaml"))


def node(package: str) -> str:
    found = shutil.which("node")
    if found is None or not (ROOT / "node_modules" / package).is_dir():
        missing_tool(f"node or node_modules/{package} is missing; `make test` installs them (npm ci)")
    assert found is not None
    return found


def kind_of(path: Path) -> str:
    return "week" if path.parent.name == "weeks" else path.stem


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/ and schemas/, where broken copies of the data files can be put."""
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copytree(SCHEMAS, root / "schemas")
    return root


@pytest.fixture(scope="module")
def editor(project: Path) -> Iterator[LanguageServer]:
    server = LanguageServer([node("yaml-language-server"), str(SERVER), "--stdio"], project)
    yield server
    server.close()


def _messages(diagnostics: list[dict]) -> list[str]:
    return [f"{d['range']['start']['line'] + 1}: {d['message']}" for d in diagnostics]


def test_the_real_data_files_get_no_diagnostics(editor: LanguageServer, project: Path) -> None:
    files = [project / path.relative_to(ROOT) for path in DATA_FILES]
    found = editor.diagnose(files)
    assert {path.name: _messages(diagnostics) for path, diagnostics in found.items()} == {
        path.name: [] for path in files
    }


def _replace_line(text: str, old: str, new: str) -> tuple[str, str]:
    """`text` with the first line that contains `old` changed to contain `new`; and that line."""
    lines = text.splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines) if old in line)
    lines[number] = lines[number].replace(old, new, 1)
    return "".join(lines), lines[number].rstrip("\n")


def _insert_after(text: str, after: str, new: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines) if after in line)
    lines.insert(number + 1, new + "\n")
    return "".join(lines), new


def _remove_line(text: str, old: str, marked: str) -> tuple[str, str]:
    """`text` without the first line containing `old` after the line containing `marked`;
    the marked line is where an editor reports the field missing (the start of its mapping)."""
    lines = text.splitlines(keepends=True)
    start = next(index for index, line in enumerate(lines) if marked in line)
    number = next(index for index in range(start, len(lines)) if old in lines[index])
    del lines[number]
    return "".join(lines), lines[start].rstrip("\n")


WEEK = "data/weeks/week-1.yaml"
_WEEK_TEXT = (ROOT / WEEK).read_text(encoding="utf-8")
# Taken from the data, whatever the program says: week 1's title line, its first set count,
# the first exercise it names (the id to misspell), and a source's address in program.yaml.
TITLE = re.search(r"^title: .*$", _WEEK_TEXT, re.MULTILINE).group(0)
SETS = re.search(r"sets: \d+", _WEEK_TEXT).group(0)
FIRST_ID = re.search(r"- exercise: (\S+)", _WEEK_TEXT).group(1)
MISSPELT = FIRST_ID[:-2] + FIRST_ID[-1] + FIRST_ID[-2]  # the last two letters swapped
BROKEN = {
    # case: (file it is a copy of, how it is broken, words the editor's message must contain)
    "unknown key": (WEEK, lambda text: _insert_after(text, TITLE, "colour: red"), "not allowed"),
    "sets: three": (WEEK, lambda text: _replace_line(text, SETS, "sets: three"), "integer"),
    "misspelt exercise id": (
        WEEK,
        lambda text: _replace_line(text, f"exercise: {FIRST_ID}", f"exercise: {MISSPELT}"),
        FIRST_ID,  # the message lists the allowed ids
    ),
    "url with a space": (
        "data/program.yaml",
        lambda text: _replace_line(text, "url: https://", "url: https:// "),
        "pattern",
    ),
    "missing required field": (
        WEEK,
        lambda text: _remove_line(text, "rest_s:", f"- exercise: {FIRST_ID}"),
        "rest_s",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_copy_gets_a_diagnostic_on_the_line_that_is_wrong(
    editor: LanguageServer, project: Path, case: str
) -> None:
    original, breaking, message = BROKEN[case]
    text, wrong_line = breaking((ROOT / original).read_text(encoding="utf-8"))
    assert text != (ROOT / original).read_text(encoding="utf-8")
    broken = (project / original).with_name(f"broken-{case.replace(' ', '-').replace(':', '')}.yaml")
    broken.write_text(text, encoding="utf-8")
    diagnostics = editor.diagnose([broken])[broken]
    line = text.splitlines().index(wrong_line) + 1
    assert _messages(diagnostics), f"{case}: the editor says nothing"
    assert {number for number, _ in (entry.split(": ", 1) for entry in _messages(diagnostics))} == {str(line)}, (
        f"{case}: expected every diagnostic on line {line} ({wrong_line.strip()!r}), got {_messages(diagnostics)}"
    )
    assert any(message in entry for entry in _messages(diagnostics)), _messages(diagnostics)


def test_a_misspelt_exercise_id_is_offered_the_library_ids(editor: LanguageServer, project: Path) -> None:
    text, line = _replace_line(_WEEK_TEXT, f"exercise: {FIRST_ID}", f"exercise: {FIRST_ID[:3]}")
    draft = project / "data" / "weeks" / "draft-completion.yaml"
    draft.write_text(text, encoding="utf-8")
    editor.open(draft)
    offered = editor.completions(draft, text.splitlines().index(line), len(line))
    library = yaml.safe_load((ROOT / "data" / "exercises.yaml").read_text(encoding="utf-8"))["exercises"]
    assert FIRST_ID in offered
    assert set(offered) <= {exercise["id"] for exercise in library}


# -- ajv and check-jsonschema ---------------------------------------------------------------


class _AsEditorsRead(yaml.SafeLoader):
    """YAML as editors hand it to a JSON Schema engine: a date stays text (2027-01-04)."""


_AsEditorsRead.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def ajv(documents: list[dict]) -> dict:
    schemas = {path.stem.removesuffix(".schema"): json.loads(path.read_text()) for path in SCHEMAS.glob("*.json")}
    command = [node("ajv"), str(ROOT / "tests" / "repo" / "schemacheck.cjs")]
    payload = json.dumps({"schemas": schemas, "documents": documents})
    result = subprocess.run(command, input=payload, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _document(path: Path, text: str) -> dict:
    return {"file": path.name, "schema": kind_of(path), "data": yaml.load(text, Loader=_AsEditorsRead)}


def test_ajv_compiles_every_schema_and_every_pattern_with_the_u_flag_and_the_data_validates() -> None:
    verdict = ajv([_document(path, path.read_text(encoding="utf-8")) for path in DATA_FILES])
    assert verdict["patterns"] > 20  # the check looked at the schemas' patterns
    assert verdict["bad_patterns"] == []
    assert verdict["compile_errors"] == {}
    assert verdict["invalid"] == {path.name: [] for path in DATA_FILES}


def test_ajv_rejects_a_broken_copy() -> None:
    text, _ = BROKEN["url with a space"][1]((ROOT / "data/program.yaml").read_text(encoding="utf-8"))
    verdict = ajv([_document(ROOT / "data/program.yaml", text)])
    assert [error["keyword"] for error in verdict["invalid"]["program.yaml"]] == ["pattern"]


def _check_jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("kind", ["program", "exercises", "week", "redirects"])
def test_check_jsonschema_with_its_default_regex_engine_accepts_the_data(kind: str) -> None:
    files = [path for path in DATA_FILES if kind_of(path) == kind]
    result = _check_jsonschema(SCHEMAS / f"{kind}.schema.json", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_misspelt_exercise_id(tmp_path: Path) -> None:
    text, _ = BROKEN["misspelt exercise id"][1]((ROOT / WEEK).read_text(encoding="utf-8"))
    broken = tmp_path / "week-1.yaml"
    broken.write_text(text, encoding="utf-8")
    result = _check_jsonschema(SCHEMAS / "week.schema.json", broken)
    assert result.returncode == 1
    assert MISSPELT in result.stdout
