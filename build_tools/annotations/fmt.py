"""Canonical form of annotation files: one way to write each fact, so diffs show meaning.

Keys follow the schema's declaration order; lists whose order carries no meaning
(variants, exclude, sources, related) are sorted; components keep their order. A string
is written plain only when YAML reads it back as the same string, otherwise quoted;
multi-line text is a literal block. Like mdformat, the result is parsed again and
compared with the original: a file is never rewritten if its meaning would change.
Comments are not kept (write lasting remarks in ``note:``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from build_tools.annotations.anchors import dump_ledger, read_ledger
from build_tools.annotations.contexts import Context
from build_tools.annotations.glossary import GLOSSARY_FIELDS, GlossaryEntry, read_glossary_entry
from build_tools.annotations.relations import INVERSE
from build_tools.annotations.schema import RELATIONS
from build_tools.annotations.textmeta import TEXT_FIELDS, TextMeta, read_text_meta
from build_tools.annotations.yamlfile import TRUTHY, load_yaml
from build_tools.problems import Problem, problem

INDENT = "  "
PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|[\s]$|: | #|^$")


@dataclass(frozen=True)
class Formatted:
    """A file's canonical text, and whether that differs from what is on disk."""

    path: str
    text: str
    changed: bool


def format_annotation(text: str, path: str, record_id: str) -> tuple[Formatted | None, list[Problem]]:
    """Canonicalise one glossary, text-metadata or anchor-ledger file (chosen by its folder)."""
    if "/anchors/" in f"/{path}":
        return _format_ledger(text, path)
    is_glossary = "/glossary/" in f"/{path}"
    reader = read_glossary_entry if is_glossary else read_text_meta
    record, problems = _read(text, path, record_id, reader)
    if record is None:
        return None, problems
    canonical = render_glossary_yaml(record) if is_glossary else render_text_meta_yaml(record)
    again, _ = _read(canonical, path, record_id, reader)
    if again is None or meaning(again) != meaning(record):
        return None, [problem(path, 1, 1, "fmt-meaning",
                              "formatting would change this file's meaning; it was left as it is "
                              "(please report this as a bug in build_tools/annotations/fmt.py)")]
    return Formatted(path, canonical, canonical != text), []


def _format_ledger(text: str, path: str) -> tuple[Formatted | None, list[Problem]]:
    """A ledger's canonical form is the one ``anchors --update`` writes: one id a line, in order."""
    document, problems = load_yaml(text, path)
    if document is None:
        return None, problems
    entries, found = read_ledger(document.root, path)
    if found:
        return None, found
    canonical = dump_ledger(entries)
    return Formatted(path, canonical, canonical != text), []


def _read(text: str, path: str, record_id: str, reader: Any) -> tuple[Any, list[Problem]]:
    document, problems = load_yaml(text, path)
    if document is None:
        return None, problems
    return reader(document.root, path, record_id)


def meaning(record: GlossaryEntry | TextMeta) -> Any:
    """What a record says, without where it was written or in which order unordered lists are."""
    def strip(value: Any) -> Any:
        if hasattr(value, "__dataclass_fields__"):
            return tuple((name, strip(getattr(value, name))) for name in value.__dataclass_fields__
                         if name not in ("line", "column", "positions", "path"))
        if isinstance(value, tuple):
            return tuple(strip(item) for item in value)
        return value
    stripped = dict(strip(record))
    for name in ("variants", "pinyin_confirmed", "exclude", "sources", "related"):
        if name in stripped:
            stripped[name] = tuple(sorted(stripped[name], key=repr))
    return stripped


def scalar(value: str, indent: str, block: bool = False) -> str:
    """Write a string plain if YAML reads it back unchanged, as a block if multi-line."""
    if ("\n" in value or block) and not re.search(r"[ \t]\n|[ \t]$|^\s", value):
        body = "\n".join(f"{indent}{INDENT}{line}" if line else "" for line in value.split("\n"))
        return f"|\n{body}"
    if not PLAIN_UNSAFE.search(value) and not TRUTHY.match(value) and _reads_back(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _reads_back(value: str) -> bool:
    try:
        return yaml.safe_load(f"key: {value}") == {"key": value}
    except yaml.YAMLError:
        return False


def _lines(key: str, value: Any, indent: str = "", block: bool = False) -> list[str]:
    if value is None:
        return [f"{indent}{key}: null"]
    return [f"{indent}{key}: {scalar(value, indent, block)}"]


def _mapping_lines(key: str, pairs: list[tuple[str, str | None]], indent: str = "") -> list[str]:
    present = [(k, v) for k, v in pairs if v is not None]
    if not present:
        return []
    return [f"{indent}{key}:"] + [f"{indent}{INDENT}{k}: {scalar(v, indent + INDENT)}" for k, v in present]


def _list_lines(key: str, items: list[str]) -> list[str]:
    if not items:
        return []
    return [f"{key}:"] + [f"{INDENT}- {item}" for item in items]


def _traditional_lines(entry: GlossaryEntry) -> list[str]:
    if entry.traditional is None:
        return []
    forms = _list_lines("forms", [scalar(f, INDENT * 2) for f in entry.traditional.forms])
    return ["traditional:", *(INDENT + line for line in forms),
            *_lines("basis", entry.traditional.basis, INDENT)]


def render_glossary_yaml(entry: GlossaryEntry) -> str:
    """A glossary entry in canonical form; empty optional fields are left out."""
    item = INDENT + "  "
    parts: dict[str, list[str]] = {
        "term": _lines("term", entry.term),
        "variants": _list_lines("variants", [scalar(v, INDENT) for v in sorted(entry.variants)]),
        "traditional": _traditional_lines(entry),
        "pinyin": _lines("pinyin", entry.pinyin),
        "pinyin_confirmed": _list_lines("pinyin_confirmed", [scalar(v, INDENT) for v in sorted(entry.pinyin_confirmed)]),
        "english": _lines("english", entry.english),
        "kind": _lines("kind", entry.kind),
        "summary": _lines("summary", entry.summary),
        "basis": _lines("basis", entry.basis) if entry.basis else [],
        "definition": _lines("definition", entry.definition, block=True),  # prose grows
        "components": _list_lines("components", [
            scalar(c.text, item) if c.term is None
            else f"text: {scalar(c.text, item)}\n{item}term: {c.term}" for c in entry.components]),
        "scope": _mapping_lines("scope", [("place", entry.scope.place), ("body", entry.scope.body),
                                          ("period", entry.scope.period)]),
        "sources": _list_lines("sources", [
            "general" if s.text is None else f"text: {s.text}\n{item}paragraph: {s.paragraph}"
            + (f"\n{item}quote: {scalar(s.quote, item)}" if s.quote else "")
            for s in sorted(entry.sources, key=_source_key)]),
        "related": _list_lines("related", [
            f"{r.kind}: {r.target}" for r in sorted(entry.related, key=lambda r: (RELATIONS.index(r.kind), r.target))]),
        "exclude": _list_lines("exclude", [_exclusion(e, item) for e in sorted(entry.exclude, key=_exclusion_key)]),
        "note": _lines("note", entry.note) if entry.note else [],
    }
    return "\n".join(line for field in GLOSSARY_FIELDS for line in parts[field.name]) + "\n"


def _exclusion(exclusion: str | Context, item: str) -> str:
    if isinstance(exclusion, str):
        return scalar(exclusion, INDENT)
    sides = [(side, getattr(exclusion, side)) for side in ("before", "after") if getattr(exclusion, side)]
    return f"\n{item}".join(f"{side}: {scalar(value, item)}" for side, value in sides)


def _exclusion_key(exclusion: str | Context) -> tuple[int, str, str]:
    if isinstance(exclusion, str):
        return 0, exclusion, ""
    return 1, exclusion.before or "", exclusion.after or ""


def _source_key(source: Any) -> tuple[int, str, int]:
    if source.text is None:
        return 1, "", 0
    return 0, source.text, int(source.paragraph[1:])


def render_text_meta_yaml(meta: TextMeta) -> str:
    """Text metadata in canonical form; every top-level field is written, null when unknown."""
    lines: list[str] = []
    for field in TEXT_FIELDS:
        value = getattr(meta, field.name)
        if field.name == "place":
            lines += _mapping_lines("place", [("province", value.province),
                                              ("prefecture", value.prefecture), ("county", value.county)])
        elif field.name in ("convert", "title_source", "short_title", "note_zh", "source_url") and value is None:
            continue  # optional settings, absent rather than null
        else:
            lines += _lines(field.name, value)
    return "\n".join(lines) + "\n"


assert set(INVERSE) == set(RELATIONS)  # canonical order of related covers every relation
