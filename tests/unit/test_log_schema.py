"""schemas/log.schema.json describes the file Your log exports, and agrees with the browser's import.

The shared cases in tests/fixtures/log-files.json are judged here by the schema (and, once
logfile.js is in, by the browser's import in node --test, so the two cannot drift).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas/log.schema.json").read_text(encoding="utf-8"))
CASES = json.loads((ROOT / "tests/fixtures/log-files.json").read_text(encoding="utf-8"))
DRAFTS = {"2020-12": jsonschema.Draft202012Validator, "draft-07": jsonschema.Draft7Validator}


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
