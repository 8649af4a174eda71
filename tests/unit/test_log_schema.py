"""schemas/log.schema.json describes the file Your log exports, and agrees with the browser's import.

The shared cases in tests/fixtures/log-files.json are judged here by the schema and in
tests/js/logschema.test.js by parseImport (logfile.js), so the two cannot drift. A real export,
made by node running logfile.js, must validate; the same file spoiled must not.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import jsonschema
import pytest

from conftest import ROOT, missing_tool

SCHEMA = json.loads((ROOT / "schemas/log.schema.json").read_text(encoding="utf-8"))
CASES = json.loads((ROOT / "tests/fixtures/log-files.json").read_text(encoding="utf-8"))
DRAFTS = {"2020-12": jsonschema.Draft202012Validator, "draft-07": jsonschema.Draft7Validator}
JS = ROOT / "src/liftheavy/browser/js"


def errors(document: object, draft: str = "2020-12") -> list[str]:
    validator = DRAFTS[draft](SCHEMA, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]


@pytest.mark.parametrize("draft", DRAFTS)
@pytest.mark.parametrize("name", CASES["valid"])
def test_valid_log_files_pass(name: str, draft: str) -> None:
    assert errors(CASES["valid"][name], draft) == []


@pytest.mark.parametrize("draft", DRAFTS)
@pytest.mark.parametrize("name", [*CASES["invalid"], *CASES["schema_only"]])
def test_invalid_log_files_fail(name: str, draft: str) -> None:
    document = {**CASES["invalid"], **CASES["schema_only"]}[name]
    assert errors(document, draft), "the schema accepts a file it should refuse"


EXPORT = """
import { exportJson } from "%(js)s/logfile.js";
import { emptyLog, newEntry, putEntry } from "%(js)s/logstore.js";
import { readPlan } from "%(js)s/block.js";
const sets = [
  { exercise: "goblet-squat", card: "w2-a-goblet-squat", week: 2, session: "a", set: 1, date: "2026-12-01",
    kg: 24, reps: 8, rir: 2 },
  { exercise: "side-plank", week: 2, session: "b", set: 1, date: "2026-12-03", seconds: 30 },
  { exercise: "nordic-curl", set: 2, date: "2026-12-03", reps: 5, substitute: true },
].map((fields, n) => newEntry(fields, 1764590400000 + n));
const plan = readPlan({ version: 1, id: "k3j9x0a1b2c3d4e5", start: "2027-01-04", liftDays: [0, 3], longRun: 6,
  keyDays: [], mode: "full", moves: [{ from: 1, date: "2027-01-08" }], revision: 1 });
process.stdout.write(JSON.stringify([exportJson(sets.reduce(putEntry, emptyLog()), plan), exportJson(emptyLog(), null)]));
"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    node = shutil.which("node")
    if node is None:
        missing_tool("node is missing; `make test` installs it with apt-get (needs root)")
    script = tmp_path_factory.mktemp("log") / "export.mjs"
    script.write_text(EXPORT % {"js": JS.as_posix()}, encoding="utf-8")
    result = subprocess.run([node, str(script)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return [json.loads(text) for text in json.loads(result.stdout)]


def test_an_export_validates(exports: list[dict[str, object]]) -> None:
    full, empty = exports
    assert len(full["sets"]) == 3  # type: ignore[arg-type]
    assert full["plan"] is not None
    assert errors(full) == []
    assert errors(full, "draft-07") == []
    assert errors(empty) == []


def test_a_spoiled_export_does_not(exports: list[dict[str, object]]) -> None:
    full = exports[0]
    spoiled = json.loads(json.dumps(full))
    spoiled["sets"][0]["kg"] = "heavy"
    del spoiled["sets"][1]["rir"]
    spoiled["plan"]["liftDays"] = [0]
    assert sorted(errors(spoiled)) == [
        "plan/liftDays: [0] is too short",
        "sets/0/kg: 'heavy' is not of type 'number', 'null'",
        "sets/1: 'rir' is a required property",
    ]
