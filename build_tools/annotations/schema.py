"""The annotation schema, declared once: every field, its shape and what it means.

Contributors' documentation (``python -m build_tools schema``) is printed from these
declarations, and ``read_record`` validates against them, so the two cannot drift.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_tools.annotations.yamlfile import is_null, is_truthy_trap, position
from build_tools.problems import Problem, problem
from build_tools.stages.script import PROFILES
from build_tools.stages.typography import unfold_cjk

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ANCHOR = re.compile(r"^(?:p|s|c)[1-9][0-9]*$")
KIND_LABELS = {  # the fixed vocabulary of `kind`, with the heading each kind gets on the site
    "slogan": "提法", "initiative": "举措", "mechanism": "机制", "campaign": "专项行动",
    "programme": "工程与计划", "institution": "机构与制度", "concept": "概念", "model": "模式",
    "document": "文件",
}
KINDS = tuple(KIND_LABELS)
RELATIONS = ("part_of", "has_part", "variant_of", "same_mechanism_as", "see_also")
SCRIPTS = ("simplified", "traditional")
OPENCC_PROFILES = tuple(PROFILES)  # declared with their meanings in stages.script
MAX_TEXT = 4000  # characters in one field: bounds Markdown rendering time
MAX_SUMMARY = 160

Converter = Callable[[Node, str], tuple[Any, list[Problem]]]


@dataclass(frozen=True)
class Field:
    """One key of an annotation file."""

    name: str
    convert: Converter
    required: bool
    doc: str
    example: str = ""


def field_positions(values: dict[str, Any]) -> tuple[tuple[str, int, int], ...]:
    """Pair each field read by ``mapping_items`` with the line and column of its value."""
    return tuple((k[:-1], *v) for k, v in values.items() if k.endswith("@"))


def find_position(positions: tuple[tuple[str, int, int], ...], field: str) -> tuple[int, int]:
    """Return where a field was written, or the top of the file when it was not."""
    return next(((line, col) for name, line, col in positions if name == field), (1, 1))


def type_error(node: Node, path: str, expected: str) -> list[Problem]:
    found = {ScalarNode: "a single value", SequenceNode: "a list", MappingNode: "a mapping"}
    return [problem(path, *position(node), "wrong-type",
                    f"expected {expected}, found {found.get(type(node), 'something else')}")]


def text(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """A single line or block of text; YAML 1.1 booleans must be quoted.

    A line break between two Chinese characters is no space in Chinese, but YAML folding
    makes it one, and nothing later can tell it from a space the editor typed: it is dropped
    here. A literal block keeps its line breaks (and so its line numbers for problems); the
    outputs join its Chinese lines when they render it.
    """
    if not isinstance(node, ScalarNode):
        return None, type_error(node, path, "text")
    if is_null(node):
        return None, []
    if is_truthy_trap(node):
        return None, [problem(path, *position(node), "truthy",
                              f"'{node.value}' would be read as a yes/no value; "
                              f"quote it: \"{node.value}\"")]
    value = _cjk_prose(node)
    if len(value) > MAX_TEXT:
        return None, [problem(path, *position(node), "too-long",
                              f"text is longer than {MAX_TEXT} characters; shorten it")]
    return value, []


def _cjk_prose(node: ScalarNode) -> str:
    value = node.value.strip()
    if node.style != "|" and node.end_mark.line > node.start_mark.line:
        value = unfold_cjk(value)  # folded: each line break is already a space
    return value


def one_line(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """Text without line breaks."""
    value, found = text(node, path)
    if value is not None and "\n" in value:
        return None, [problem(path, *position(node), "multi-line", "must be a single line")]
    return value, found


def summary_text(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """One line short enough for a tooltip."""
    value, found = one_line(node, path)
    if value is not None and len(value) > MAX_SUMMARY:
        return None, [problem(path, *position(node), "too-long",
                              f"summary is {len(value)} characters; keep it under {MAX_SUMMARY}")]
    return value, found


def text_list(node: Node, path: str) -> tuple[tuple[str, ...], list[Problem]]:
    """A list of one-line texts."""
    if is_null(node):
        return (), []
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list")
    values, found = [], []
    for item in node.value:
        value, item_problems = one_line(item, path)
        found.extend(item_problems)
        if value:
            values.append(value)
    return tuple(values), found


def choice(options: tuple[str, ...]) -> Converter:
    """One of a fixed vocabulary."""
    def convert(node: Node, path: str) -> tuple[str | None, list[Problem]]:
        value, found = one_line(node, path)
        if value is not None and value not in options:
            return None, [problem(path, *position(node), "unknown-value",
                                  f"'{value}' is not one of: {', '.join(options)}")]
        return value, found
    return convert


def iso_date(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """A date written YYYY-MM-DD, or null when the text gives none."""
    value, found = one_line(node, path)
    if value is None:
        return None, found
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return None, [problem(path, *position(node), "bad-date",
                              f"'{value}' is not a date written YYYY-MM-DD; use null if unknown")]
    return value, []


def slug(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """An id: lowercase ASCII letters, digits and single hyphens."""
    value, found = one_line(node, path)
    if value is not None and not SLUG.match(value):
        return None, [problem(path, *position(node), "bad-id",
                              f"'{value}' is not an id (lowercase ASCII, digits, hyphens)")]
    return value, found


def sha256_hex(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    """A SHA-256 digest in lowercase hex."""
    value, found = one_line(node, path)
    if value is not None and not re.fullmatch(r"[0-9a-f]{64}", value):
        return None, [problem(path, *position(node), "bad-sha256", "expected 64 lowercase hex digits")]
    return value, found


def _content_position(node: Node) -> tuple[int, int]:
    """Where a value's text starts: a block scalar (| or >) starts on the next line."""
    line, column = position(node)
    if isinstance(node, ScalarNode) and node.style in ("|", ">"):
        return line + 1, column
    return line, column


def mapping_items(node: Node, path: str, fields: tuple[Field, ...]
                  ) -> tuple[dict[str, Any], list[Problem]]:
    """Read a mapping against declared fields: unknown keys and missing required keys are errors."""
    if not isinstance(node, MappingNode):
        return {}, type_error(node, path, "a mapping of keys to values")
    by_name = {f.name: f for f in fields}
    values: dict[str, Any] = {}
    found: list[Problem] = []
    reported: set[str] = set()  # fields that already have a problem: no "empty" on top
    for key, value in node.value:
        field = by_name.get(key.value)
        if field is None:
            found.append(problem(path, *position(key), "unknown-key",
                                 f"unknown key '{key.value}'; expected one of: {', '.join(by_name)}"))
            continue
        values[field.name], field_problems = field.convert(value, path)
        values[field.name + "@"] = _content_position(value)
        found.extend(field_problems)
        if field_problems:
            reported.add(field.name)
    for field in fields:
        if field.required and values.get(field.name) in (None, "", ()) and field.name not in reported:
            if field.name not in values:
                found.append(problem(path, *position(node), "missing-key",
                                     f"required key '{field.name}' is missing: {field.doc}"))
            else:
                line, column = values[field.name + "@"]
                found.append(problem(path, line, column, "empty-value",
                                     f"'{field.name}' must not be empty: {field.doc}"))
    return values, found
