"""Safe YAML → node tree with line and column marks, and typed reads from those nodes.

We never build Python objects straight from YAML. The text is composed into PyYAML's node
tree (safe resolver, no tags beyond the core schema, no anchors or aliases), and `Reader`
walks that tree, checking each value where it stands, so every problem knows its
`file:line:col` and its breadcrumb (`errors.Where`). `load.py` decides what the documents
mean and names the places; this module only reads, and words the messages for people
who have never seen YAML before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from liftheavy.data.errors import Problem, Where
from liftheavy.data.limits import ANY, TEXT, TEXT_LINES, Count, Whole

_T = TypeVar("_T")

# The real library is ~60 KB (33 exercises, each with its figure); the 200-exercise library of
# `make bench` is ~360 KB. A file past 1 MB is a mistake (or an attack), not a program.
MAX_FILE_BYTES = 1024 * 1024
_CORE = "tag:yaml.org,2002:"
_SAFE_TAGS = {f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_MD_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]*)[^)]*\)")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_SCALAR = yaml.constructor.SafeConstructor()  # converts single scalar nodes only
_NOT_TEXT = {f"{_CORE}int": "a number", f"{_CORE}float": "a number", f"{_CORE}bool": "yes or no"}


class _NodeLoader(yaml.SafeLoader):
    """Composes nodes only, refusing anchors and aliases (they allow "billion laughs")."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave it untyped
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) and aliases (*name) are not allowed; write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def _compose_with_libyaml(text: str) -> Node | None:
    """The node tree from libyaml's C parser (ten times faster than PyYAML's own), or None
    when the text needs PyYAML's: it is invalid, empty, or has anchors or aliases. Only
    PyYAML's parser words the messages `_syntax_problem` turns into plain language, so any
    file with a problem is read again by it; a valid file gives the same nodes either way
    (same resolver, same tags, same line and column marks)."""
    if not yaml.__with_libyaml__:
        return None
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
        node: Node | None = yaml.compose(text, Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    return node


def compose(path: str, raw: bytes) -> tuple[Node | None, list[Problem]]:
    """Parse one file into a node tree, or say why it cannot be read."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, "", f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(path, line, 1, "", "this file is not UTF-8 text; save it as UTF-8")]
    bad = _NON_PRINTABLE.search(text)
    if bad:  # PyYAML refuses these too, but without a line number
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        message = f"invisible control character U+{ord(bad.group()):04X}; delete it (it may come from copy and paste)"
        return None, [Problem(path, line, column, "", message)]
    fast = _compose_with_libyaml(text)
    if fast is not None:
        node: Node | None = fast
        return node, [_tag_problem(path, bad) for bad in _walk(fast) if bad.tag not in _SAFE_TAGS]
    loader = _NodeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, "", f"not valid YAML: {error}")]
    except RecursionError:
        return None, [Problem(path, 1, 1, "", "the YAML is nested too deeply")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(path, 1, 1, "", "the file is empty; see data/README.md for what it holds")]
    return node, [_tag_problem(path, bad) for bad in _walk(node) if bad.tag not in _SAFE_TAGS]


# PyYAML's parser messages, in the words a coach can act on.
_PLAIN_SYNTAX = (
    ("'\\t'", "tab character: YAML indentation must use spaces, not tabs"),
    ("mapping values are not allowed here",
     "a ': ' inside a value; put the whole value in double quotes, like \"Goblet squat: 5 reps\""),
    ("expected <block end>",
     "this line's indentation does not line up: use the same number of spaces as the other keys at its level"),
    ("could not find expected ':'", "expected 'key: value' here; the line may be cut off or missing its ':'"),
    ("expected ',' or ']'", "a [list] is not closed, or holds text with ': ' that needs double quotes"),
    ("expected ',' or '}'", "a {mapping} is not closed, or holds text with ': ' that needs double quotes"),
    ("found unexpected end of stream", "the file ends inside a quoted value; close the quote"),
)  # fmt: skip


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "not valid YAML"
    if "anchors" in problem:
        return Problem(path, line, column, "", problem)
    for pyyaml_words, plain in _PLAIN_SYNTAX:
        if pyyaml_words in problem:
            return Problem(path, line, column, "", plain)
    detail = f"{error.context}, {problem}" if error.context else problem
    message = f"this line cannot be read ({detail}); check the quotes, brackets and indentation here and just above"
    return Problem(path, line, column, "", message)


def _tag_problem(path: str, node: Node) -> Problem:
    tag = node.tag.replace(_CORE, "!!")
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, "", f"YAML tag '{tag}' is not allowed; write plain values")


def _walk(node: Node) -> Iterator[Node]:
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, MappingNode):
            for key, value in current.value:
                stack.extend((key, value))


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """'; did you mean 'x'?' for the closest choice, or '' when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def shown(node: Node) -> str:
    """A value as an error message quotes it: 'three', nothing, a list, a mapping."""
    if isinstance(node, ScalarNode):
        return repr(node.value) if node.value != "" else "nothing"
    return "a list" if isinstance(node, SequenceNode) else "a mapping"


@dataclass
class Reader:
    """Reads typed values out of one file's nodes, collecting every problem it meets."""

    file: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, node: Node, where: Where, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1, str(where), message))

    # -- containers ---------------------------------------------------------------------

    def mapping(
        self, node: Node, where: Where, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The fields of a mapping; unknown, duplicate and missing fields are problems."""
        if not isinstance(node, MappingNode):
            self.error(node, where, f"expected 'field: value' lines here, got {shown(node)}")
            return None
        known = required + optional
        found: dict[str, Node] = {}
        for key_node, value in node.value:
            key = str(key_node.value)
            if key in found:
                first = found[key].start_mark.line + 1
                self.error(key_node, where / key, f"'{key}' is given twice (first on line {first}); keep one")
            elif key not in known:
                hint = did_you_mean(key, known) or f"; the fields here are {', '.join(known)}"
                self.error(key_node, where / key, f"unknown field '{key}'{hint}")
            else:
                found[key] = value
        for key in required:
            if key not in found:
                self.error(node, where, f"missing required field '{key}'")
        return found

    def sequence(self, node: Node, where: Where, count: Count = ANY) -> list[Node]:
        """The items of a list (an empty list when it is not one, after reporting it)."""
        if not isinstance(node, SequenceNode):
            self.error(node, where, f"expected a list ('- item' lines), got {shown(node)}")
            return []
        length = len(node.value)
        if length < count.low:
            self.error(node, where, f"expected at least {count.low} item{'s' if count.low > 1 else ''}, got {length}")
        elif length > count.high:
            self.error(node, where, f"expected at most {count.high} items, got {length}")
        return list(node.value)

    def each(
        self, node: Node, where: Where, read: Callable[[Node, Where], _T | None], count: Count = ANY
    ) -> tuple[_T, ...]:
        """Read every item of a list with `read` (each named by its position, "item 2"),
        dropping the ones that had problems."""
        items = self.sequence(node, where, count)
        read_items = (read(item, where / f"item {index + 1}") for index, item in enumerate(items))
        return tuple(item for item in read_items if item is not None)

    # -- scalars ------------------------------------------------------------------------

    def integer(self, node: Node, where: Where, whole: Whole) -> int | None:
        """A whole number within the limits of `whole`."""
        if not (isinstance(node, ScalarNode) and node.tag == f"{_CORE}int"):
            self.error(node, where, f"expected a whole number like {whole.example}, got {shown(node)}")
            return None
        try:
            value = _SCALAR.construct_yaml_int(node)
        except ValueError:
            self.error(node, where, f"the number is too large; expected {whole.low} to {whole.high}")
            return None
        if not whole.low <= value <= whole.high:
            self.error(node, where, f"expected a whole number from {whole.low} to {whole.high}, got {value}")
            return None
        return value

    def boolean(self, node: Node, where: Where) -> bool | None:
        if not (isinstance(node, ScalarNode) and node.tag == f"{_CORE}bool"):
            self.error(node, where, f"expected true or false, got {shown(node)}")
            return None
        return bool(_SCALAR.construct_yaml_bool(node))

    def date(self, node: Node, where: Where) -> dt.date | None:
        """A calendar date, written 2027-01-04 (quoted or not)."""
        if isinstance(node, ScalarNode) and node.tag in (f"{_CORE}timestamp", f"{_CORE}str"):
            text = node.value.strip()
            try:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                    return dt.date.fromisoformat(text)
            except ValueError:
                self.error(node, where, f"there is no such date as {text}; write a real date like 2027-01-04")
                return None
        self.error(node, where, f"expected a date like 2027-01-04, got {shown(node)}")
        return None

    def text(self, node: Node, where: Where, *, max_length: int = TEXT, markdown: bool = False) -> str | None:
        """A non-empty line of text, as written; `markdown` allows *emphasis* and https links."""
        if isinstance(node, MappingNode) and len(node.value) == 1:
            message = "this text contains ': ', which YAML reads as 'field: value'; put the whole text in double quotes"
            self.error(node, where, message)
            return None
        if isinstance(node, ScalarNode) and node.tag in _NOT_TEXT and node.value.strip():
            # YAML reads 2027, 1.5 or true as a number or a yes/no, not text (editors agree).
            kind = _NOT_TEXT[node.tag]
            self.error(
                node, where, f"expected text, got {node.value!r}, which YAML reads as {kind}; put it in double quotes"
            )
            return None
        if not isinstance(node, ScalarNode) or node.tag == f"{_CORE}null" or not node.value.strip():
            self.error(node, where, f"expected text, got {shown(node)}")
            return None
        value = " ".join(node.value.split())
        if len(value) > max_length:
            self.error(node, where, f"text is {len(value)} characters; keep it to {max_length} at most")
            return None
        if _RAW_HTML.search(value):
            self.error(node, where, "HTML tags are not allowed; write plain text (Markdown *emphasis* and links work)")
            return None
        if markdown:
            for url in _MD_LINK.findall(value):
                if not url.startswith(("https://", "http://")):
                    self.error(node, where, f"link '{url}' must start with https:// (or http://)")
                    return None
        return value

    def texts(self, node: Node, where: Where, count: Count = TEXT_LINES, *, markdown: bool = False) -> tuple[str, ...]:
        return self.each(node, where, lambda item, at: self.text(item, at, markdown=markdown), count)

    def identifier(self, node: Node, where: Where) -> str | None:
        """A stable id: lowercase words joined by hyphens, e.g. goblet-squat."""
        value = node.value if isinstance(node, ScalarNode) and node.tag == f"{_CORE}str" else None
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.error(
                node,
                where,
                f"expected an id of lowercase letters, digits and hyphens like goblet-squat, got {shown(node)}",
            )
            return None
        return value

    def choice(self, node: Node, where: Where, choices: tuple[str, ...]) -> str | None:
        """One word from a controlled vocabulary."""
        value = node.value if isinstance(node, ScalarNode) else None
        if value not in choices:
            got = shown(node)
            hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
            self.error(node, where, f"expected one of {', '.join(choices)}, got {got}{hint}")
            return None
        return str(value)

    def url(self, node: Node, where: Where) -> str | None:
        value = self.text(node, where)
        if value is not None and not re.fullmatch(r"https?://[^\s<>\"']+", value):
            self.error(node, where, f"expected a web address starting with https://, got {value!r}")
            return None
        return value


def scalar_text(node: Node | None) -> str | None:
    """The text of a plain scalar, or None: for naming things in breadcrumbs before they are checked."""
    if isinstance(node, ScalarNode) and node.tag == f"{_CORE}str" and str(node.value).strip():
        return " ".join(str(node.value).split())
    return None


def mapping_value(node: Node, key: str) -> Node | None:
    """The value under `key` in a mapping node, if it is one and has that key (no checks)."""
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                found: Node = value
                return found
    return None
