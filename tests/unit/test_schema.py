"""The JSON Schemas in schemas/ and the loader agree: what one accepts the other accepts.

Every valid file (the fixture program and the real data/) passes both; every invalid
fixture fails both, except those marked `# loader-only:` (cross-file and YAML-level
checks a schema cannot express), which the schema must accept, so that the list of
loader-only checks stays honest. The verdicts are the same under draft 2020-12 (what the
schemas declare) and draft-07 (what the VS Code YAML extension validates with).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from conftest import ROOT
from liftheavy.data.errors import DataError
from liftheavy.data.loader import load_program
from liftheavy.data.model import EQUIPMENT, IMPLEMENTS, MUSCLES, PATTERNS
from liftheavy.data.yamlnodes import compose
from liftheavy.tools import schema
from support.datafixtures import INVALID, TARGETS, VALID, fixture_id, loader_only_reason

SCHEMAS = ROOT / "schemas"
VALIDATORS = {"2020-12": jsonschema.Draft202012Validator, "draft-07": jsonschema.Draft7Validator}


def kind_of(path: str) -> str:
    return "week" if "/weeks/" in path else Path(path).stem


def committed(kind: str) -> dict:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


FIXTURE_IDS = schema.library_ids(VALID)  # the fixture program's own exercise library


def schema_for(kind: str, root: Path) -> dict:
    """The committed schema for the real data; for the fixture program, the schema
    `make schemas` would write for it (its week schema lists the fixture's exercise ids)."""
    return committed(kind) if root == ROOT else schema.build(kind, FIXTURE_IDS)


def as_editors_see_it(node: Node) -> object:
    """The data as a YAML editor hands it to the schema: dates stay text, the last of two
    duplicate keys wins. (Our own composer: same refusals as the loader.)"""
    if isinstance(node, MappingNode):
        return {str(key.value): as_editors_see_it(value) for key, value in node.value}
    if isinstance(node, SequenceNode):
        return [as_editors_see_it(item) for item in node.value]
    assert isinstance(node, ScalarNode)
    if node.tag.endswith((":str", ":timestamp")):
        return node.value
    return yaml.SafeLoader("").construct_object(node)


def schema_errors(path: str, raw: bytes, draft: str = "2020-12", root: Path = VALID) -> list[str] | None:
    """What the schema says about one file, or None when it is not readable YAML data."""
    node, problems = compose(path, raw)
    if problems and node is None and "empty" in problems[0].message:
        data = None  # an empty file is a null document: the schema judges that
    elif problems:
        return None
    else:
        data = as_editors_see_it(node)
    validator = VALIDATORS[draft](schema_for(kind_of(path), root))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]


def data_files(root: Path) -> list[Path]:
    return sorted(root.glob("data/*.yaml")) + sorted(root.glob("data/weeks/*.yaml"))


# -- the committed schemas ---------------------------------------------------------------


def test_committed_schemas_are_up_to_date() -> None:
    outdated = "\n".join(map(str, schema.stale(ROOT, schema.library_ids(ROOT))))
    assert outdated == "", f"schemas/ is out of date with data/ (or `make schemas`):\n{outdated}"


def test_a_new_exercise_gets_the_exact_lines_to_add_to_the_week_schema(tmp_path: Path) -> None:
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    ids = schema.library_ids(ROOT)
    added = schema.ExerciseIds((*ids.current, "bird-dog"), ids.renamed)
    problems = schema.stale(tmp_path, added)
    assert {problem.file for problem in problems} == {"schemas/week.schema.json"}
    # Each list of ids (sessions, high-mileage version) gets the new id after the last one.
    last = f'"{ids.current[-1]}"'
    lines = (SCHEMAS / "week.schema.json").read_text(encoding="utf-8").splitlines()
    at = [number for number, line in enumerate(lines, 1) if line.strip() == last]
    assert [problem.line for problem in problems] == at
    indent = " " * (len(lines[at[0] - 1]) - len(lines[at[0] - 1].lstrip()))
    assert (
        problems[0].message
        == f'out of date with data/: replace line {at[0]} with:\n{indent}{last},\n{indent}"bird-dog"'
    )
    (tmp_path / "schemas" / "week.schema.json").write_text(schema.render("week", added), encoding="utf-8")
    assert schema.stale(tmp_path, added) == []


def test_the_week_schema_lists_the_library_ids() -> None:
    entry = committed("week")["properties"]["sessions"]["items"]["properties"]["blocks"]["items"]
    field = entry["properties"]["exercises"]["items"]["properties"]["exercise"]
    assert field["enum"] == [exercise.id for exercise in load_program(ROOT).exercises]


def test_renamed_ids_are_named_in_the_week_schema() -> None:
    ids = schema.ExerciseIds(("goblet-squat",), (("goblet-squat-kb", "goblet-squat"),))
    field = schema.exercise_id(ids)
    assert field["enum"] == ["goblet-squat"]
    assert "goblet-squat-kb is now goblet-squat" in field["description"]


@pytest.mark.parametrize("kind", schema.KINDS)
@pytest.mark.parametrize("draft", VALIDATORS)
def test_schema_is_a_valid_schema(kind: str, draft: str) -> None:
    VALIDATORS[draft].check_schema(committed(kind))


def _subschemas(node: dict, path: str = "#"):
    yield path, node
    for key, value in node.get("properties", {}).items():
        yield from _subschemas(value, f"{path}/properties/{key}")
    if isinstance(node.get("items"), dict):
        yield from _subschemas(node["items"], f"{path}/items")
    for index, option in enumerate(node.get("oneOf", [])):
        if "type" in option:
            yield from _subschemas(option, f"{path}/oneOf/{index}")


@pytest.mark.parametrize("kind", schema.KINDS)
def test_every_field_has_a_description_and_examples_and_objects_are_closed(kind: str) -> None:
    lacking = []
    for path, node in _subschemas(committed(kind)):
        if not node.get("description") or not node.get("examples"):
            lacking.append(f"{path}: description and examples")
        if node.get("type") == "object" and node.get("additionalProperties") is not False:
            lacking.append(f"{path}: additionalProperties: false")
    assert lacking == []


def test_controlled_vocabularies_are_the_models() -> None:
    exercise = committed("exercises")["properties"]["exercises"]["items"]["properties"]
    assert exercise["pattern"]["enum"] == list(PATTERNS)
    assert exercise["implement"]["enum"] == list(IMPLEMENTS)
    assert exercise["equipment"]["items"]["enum"] == list(EQUIPMENT)
    assert exercise["muscles"]["items"]["enum"] == list(MUSCLES)


@pytest.mark.parametrize("kind", schema.KINDS)
def test_examples_in_the_schema_are_valid(kind: str) -> None:
    # The examples are what the editor offers to complete with: they must pass themselves.
    bad = []
    for path, node in _subschemas(committed(kind)):
        checker = jsonschema.Draft202012Validator({key: value for key, value in node.items() if key != "examples"})
        bad += [f"{path}: {example!r}" for example in node.get("examples", []) if not checker.is_valid(example)]
    assert bad == []


# -- agreement with the loader -----------------------------------------------------------


@pytest.mark.parametrize("draft", VALIDATORS)
@pytest.mark.parametrize("root", [VALID, ROOT], ids=["fixture-program", "real-data"])
def test_valid_data_passes_the_loader_and_every_schema(root: Path, draft: str) -> None:
    load_program(root)  # raises DataError if the loader disagrees
    verdicts = {
        file.relative_to(root).as_posix(): schema_errors(
            file.relative_to(root).as_posix(), file.read_bytes(), draft, root
        )
        for file in data_files(root)
    }
    assert verdicts == {file: [] for file in verdicts}


@pytest.mark.parametrize("draft", VALIDATORS)
@pytest.mark.parametrize("fixture", INVALID, ids=fixture_id)
def test_invalid_fixture_fails_the_loader_and_the_schema(tmp_path: Path, fixture: Path, draft: str) -> None:
    shutil.copytree(VALID, tmp_path, dirs_exist_ok=True)
    target = TARGETS[fixture.parent.name]
    shutil.copy(fixture, tmp_path / target)
    with pytest.raises(DataError):
        load_program(tmp_path)
    errors = schema_errors(target, fixture.read_bytes(), draft)
    reason = loader_only_reason(fixture)
    if reason is None:
        assert errors, "the loader rejects this but the schema accepts it: add the check to schema.py"
    else:
        assert not errors, f"the schema catches this too ({errors}); remove the '# loader-only:' line"


def test_loader_only_checks_are_documented() -> None:
    guide = (ROOT / "data/README.md").read_text(encoding="utf-8")
    assert all(check in guide for check in schema.LOADER_ONLY)


# -- editor set-up -------------------------------------------------------------------------

MODELINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


@pytest.mark.parametrize("path", data_files(ROOT), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_each_data_file_names_its_schema_on_the_first_line(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.fullmatch(first_line)
    assert match, f"{path.name} must start with '# yaml-language-server: $schema=…'"
    kind = kind_of(path.relative_to(ROOT).as_posix())
    assert (path.parent / match.group(1)).resolve() == (SCHEMAS / f"{kind}.schema.json").resolve()


def test_vscode_recommends_the_yaml_extension_and_maps_the_schemas() -> None:
    extensions = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {
        Path(schema_path).name: globs if isinstance(globs, list) else [globs]
        for schema_path, globs in settings["yaml.schemas"].items()
    }
    for kind, pattern in schema.FILES.items():
        assert pattern in mapped[f"{kind}.schema.json"]
    assert all((ROOT / schema_path).is_file() for schema_path in settings["yaml.schemas"])
