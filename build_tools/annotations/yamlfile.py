"""Load YAML strictly, keeping a line and column on every node.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, reads ``no`` as
False and expands alias bombs; annotation files are small, hand-written and untrusted,
so we refuse aliases, anchors and tags from the event stream, compose the node graph
(never construct Python objects from it) and check duplicate keys on the nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_tools.problems import Problem, problem

MAX_FILE_BYTES = 256 * 1024  # a glossary entry is a few KB; anything larger is a mistake
MAX_DEPTH = 12
# YAML 1.1 reads these as booleans; in a text field they are almost always a mistake.
TRUTHY = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
NULLS = ("", "~", "null", "Null", "NULL")


# libyaml (C) parses ~5x faster than pure Python; the wheels we pin include it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ALLOWED_TAGS = (None, "!", "tag:yaml.org,2002:str")


@dataclass(frozen=True)
class YamlDocument:
    """A composed YAML file: its root node (None when empty) and its path for problems."""

    path: str
    root: Node | None


def load_yaml(text: str, path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Compose one YAML document strictly; return it or the problems that stopped it."""
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return None, [problem(path, 1, 1, "file-too-large",
                              f"file is larger than {MAX_FILE_BYTES // 1024} KiB; split it")]
    try:
        refused = _refused_event(text, path)
        if refused:
            return None, [refused]
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as err:
        return None, _syntax_problems(text, path, err)
    except yaml.YAMLError as err:
        return None, [problem(path, 1, 1, "yaml-syntax", f"not valid YAML: {err}")]
    problems = list(_check_structure(path, root, 0)) if root is not None else []
    return (None if problems else YamlDocument(path, root)), problems


def _refused_event(text: str, path: str) -> Problem | None:
    """Refuse aliases, anchors and explicit tags before anything is composed.

    Aliases are how "billion laughs" bombs expand; annotation files never need them.
    """
    for event in yaml.parse(text, Loader=_LOADER):
        mark = event.start_mark  # libyaml always sets it; the stubs allow None
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(event, AliasEvent):
            return problem(path, line, column, "yaml-alias",
                           "aliases (*name) are not allowed in annotation files; write the value out")
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            if event.anchor is not None:
                return problem(path, line, column, "yaml-anchor",
                               "anchors (&name) are not allowed in annotation files; remove it")
            if event.tag not in ALLOWED_TAGS:
                return problem(path, line, column, "yaml-tag",
                               f"explicit tags ({event.tag}) are not allowed in annotation files; remove it")
    return None


def _syntax_problems(text: str, path: str, err: yaml.MarkedYAMLError) -> list[Problem]:
    """Where the parser stopped, and first where the mistake is when that is elsewhere.

    An unclosed quote swallows the rest of the file, so the parser stops far below it;
    PyYAML's context mark still points at the quote that opened the scalar.
    """
    stopped = _syntax_problem(text, path, err)
    opened = err.context_mark
    if not (opened and err.context and "quoted scalar" in err.context and opened.line + 1 != stopped.line):
        return [stopped]
    return [problem(path, opened.line + 1, opened.column + 1, "yaml-syntax",
                    f"not valid YAML: this quoted value never closes (the parser ran on to line "
                    f"{stopped.line}); add the closing quote {_opening_quote(text, opened)!r}"),
            stopped]


def _opening_quote(text: str, mark: yaml.Mark) -> str:
    """The character a mark points at (the quote that opened a scalar)."""
    lines = text.split("\n")
    return lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else '"'


def _syntax_problem(text: str, path: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f"{err.context + ', ' if err.context else ''}{err.problem or 'syntax error'}"
    lines = text.split("\n")
    if "\t" in message or (line <= len(lines) and lines[line - 1][column - 1:column] == "\t"):
        message += " (indent with spaces, not tabs)"
    return problem(path, line, column, "yaml-syntax", f"not valid YAML: {message}")


def _check_structure(path: str, node: Node, depth: int) -> list[Problem]:
    """Refuse duplicate keys, complex keys and excessive nesting, with locations."""
    if depth > MAX_DEPTH:
        return [problem(path, *position(node), "yaml-depth", f"nested deeper than {MAX_DEPTH} levels")]
    found: list[Problem] = []
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                found.append(problem(path, *position(key), "yaml-key", "keys must be plain text"))
                continue
            if key.value in seen:
                found.append(problem(
                    path, *position(key), "duplicate-key",
                    f"key '{key.value}' is defined twice (first on line {seen[key.value]}); "
                    "keep one",
                ))
            seen.setdefault(key.value, position(key)[0])
            found.extend(_check_structure(path, value, depth + 1))
    elif isinstance(node, SequenceNode):
        for item in node.value:
            found.extend(_check_structure(path, item, depth + 1))
    return found


def position(node: Node) -> tuple[int, int]:
    """Return the 1-based line and column where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def is_plain(node: Node) -> bool:
    """Tell whether a scalar was written unquoted (libyaml says '', pure PyYAML None)."""
    return isinstance(node, ScalarNode) and node.style in (None, "")


def is_null(node: Node) -> bool:
    """Tell whether a node is YAML null (``~``, ``null`` or nothing), not a quoted string."""
    return is_plain(node) and node.value in NULLS


def is_truthy_trap(node: Node) -> bool:
    """Tell whether a plain scalar would be read as a YAML 1.1 boolean."""
    return is_plain(node) and bool(TRUTHY.match(node.value))
