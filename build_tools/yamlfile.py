"""Load YAML strictly, keeping a line and column on every node.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, reads ``no`` as
False and expands alias bombs; annotation files are small, hand-written and untrusted,
so we compose the node graph ourselves and refuse all three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from build_tools.problems import Problem, problem

MAX_FILE_BYTES = 256 * 1024  # a glossary entry is a few KB; anything larger is a mistake
MAX_DEPTH = 12
# YAML 1.1 reads these as booleans; in a text field they are almost always a mistake.
TRUTHY = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
NULLS = ("", "~", "null", "Null", "NULL")


class AnnotationYamlError(Exception):
    """A problem that stops composing a file; carries the mark of the offending token."""

    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.code, self.message = line, column, code, message


class _StrictComposer(Composer):
    """Refuse aliases, anchors and explicit tags while composing."""

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        event = self.peek_event()
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            raise AnnotationYamlError(
                mark.line + 1, mark.column + 1, "yaml-alias",
                "aliases (*name) are not allowed in annotation files; write the value out",
            )
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            if event.anchor is not None:
                raise AnnotationYamlError(
                    mark.line + 1, mark.column + 1, "yaml-anchor",
                    "anchors (&name) are not allowed in annotation files; remove it",
                )
            tag = getattr(event, "tag", None)
            if tag not in (None, "!", "tag:yaml.org,2002:str"):
                raise AnnotationYamlError(
                    mark.line + 1, mark.column + 1, "yaml-tag",
                    f"explicit tags ({tag}) are not allowed in annotation files; remove it",
                )
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


class _Loader(Reader, Scanner, Parser, _StrictComposer, SafeConstructor, Resolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _StrictComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


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
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except AnnotationYamlError as err:
        return None, [problem(path, err.line, err.column, err.code, err.message)]
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(path, err)]
    except yaml.YAMLError as err:
        return None, [problem(path, 1, 1, "yaml-syntax", f"not valid YAML: {err}")]
    finally:
        loader.dispose()
    problems = list(_check_structure(path, root, 0)) if root is not None else []
    return (None if problems else YamlDocument(path, root)), problems


def _syntax_problem(path: str, err: yaml.MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    text = f"{err.context + ', ' if err.context else ''}{err.problem or 'syntax error'}"
    if "'\\t'" in text:
        text += " (indent with spaces, not tabs)"
    return problem(path, line, column, "yaml-syntax", f"not valid YAML: {text}")


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


def is_null(node: Node) -> bool:
    """Tell whether a node is YAML null (``~``, ``null`` or nothing), not a quoted string."""
    return isinstance(node, ScalarNode) and node.style is None and node.value in NULLS


def is_truthy_trap(node: Node) -> bool:
    """Tell whether a plain scalar would be read as a YAML 1.1 boolean."""
    return isinstance(node, ScalarNode) and node.style is None and bool(TRUTHY.match(node.value))
