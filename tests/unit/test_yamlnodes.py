"""Reading YAML: libyaml's C parser composes valid files, PyYAML's own reads the rest, and
both give the same node tree (values, tags, line and column of every node) for every file
the program has. Bad input keeps PyYAML's words (tests/unit/test_load.py checks them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from conftest import ROOT
from liftheavy.data import yamlnodes
from liftheavy.data.yamlnodes import compose

DATA_FILES = sorted((ROOT / "data").rglob("*.yaml"))


def _shape(node: Node) -> Iterator[tuple[object, ...]]:
    """Every node as (kind, tag, value, line, column), depth first."""
    stack = [node]
    while stack:
        current = stack.pop()
        mark = current.start_mark
        value = current.value if isinstance(current, ScalarNode) else type(current).__name__
        yield (current.tag, value, mark.line, mark.column)
        if isinstance(current, SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, MappingNode):
            for key, item in reversed(current.value):
                stack.extend((item, key))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_libyaml_and_pyyaml_compose_the_same_tree(path: Path) -> None:
    assert yaml.__with_libyaml__  # the lock's PyYAML wheel carries libyaml
    text = path.read_text(encoding="utf-8")
    fast = yamlnodes._compose_with_libyaml(text)
    assert fast is not None
    slow = yamlnodes._NodeLoader(text).get_single_node()
    assert list(_shape(fast)) == list(_shape(slow))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias: refused, in PyYAML's words
        "a: &x 1\n",  # an anchor alone is refused too
        "a: [1, 2\n",  # a syntax error
        "",  # empty
    ],
)
def test_files_libyaml_cannot_answer_for_go_to_pyyaml(text: str) -> None:
    assert yamlnodes._compose_with_libyaml(text) is None


def test_an_alias_is_still_refused_with_its_line() -> None:
    node, problems = compose("data/x.yaml", b"a: 1\nb: &x 2\nc: *x\n")
    assert node is None
    assert [(problem.line, problem.message) for problem in problems] == [
        (2, "anchors (&name) and aliases (*name) are not allowed; write the value out in full")
    ]
