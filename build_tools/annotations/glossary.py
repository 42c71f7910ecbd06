"""Glossary entries: the schema of ``annotations/glossary/<id>.yml`` and its loader."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_tools.annotations.contexts import Context, read_exclusions
from build_tools.annotations.schema import (
    ANCHOR,
    KINDS,
    RELATIONS,
    Field,
    choice,
    field_positions,
    find_position,
    mapping_items,
    one_line,
    slug,
    summary_text,
    text,
    text_list,
    type_error,
)
from build_tools.annotations.yamlfile import is_null, position
from build_tools.problems import Problem, problem


@dataclass(frozen=True)
class Component:
    """A part of a numbered slogan, optionally itself a glossary term."""

    text: str
    term: str | None
    line: int
    column: int


@dataclass(frozen=True)
class SourceRef:
    """Where a definition comes from: a paragraph of a corpus text, or general knowledge."""

    text: str | None  # None means "general": a well-documented national slogan
    paragraph: str | None
    line: int
    column: int
    quote: str | None = None  # the words of the paragraph the citation rests on


@dataclass(frozen=True)
class Relation:
    """A typed link from one term to another."""

    kind: str
    target: str
    line: int
    column: int


@dataclass(frozen=True)
class Scope:
    """Where and when a term means what the entry says."""

    place: str | None = None
    body: str | None = None
    period: str | None = None
    positions: tuple[tuple[str, int, int], ...] = ()  # (field, line, column) for problems

    def position_of(self, field: str) -> tuple[int, int]:
        """Return where a scope field was written (the top of the file if it was not)."""
        return find_position(self.positions, field)


def _components(node: Node, path: str) -> tuple[tuple[Component, ...], list[Problem]]:
    if is_null(node):
        return (), []
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list of parts")
    items, found = [], []
    for item in node.value:
        line, column = position(item)
        if isinstance(item, MappingNode):
            values, item_problems = mapping_items(item, path, COMPONENT_FIELDS)
            found.extend(item_problems)
            if values.get("text"):
                items.append(Component(values["text"], values.get("term"), line, column))
        else:
            value, item_problems = one_line(item, path)
            found.extend(item_problems)
            if value:
                items.append(Component(value, None, line, column))
    return tuple(items), found


def _sources(node: Node, path: str) -> tuple[tuple[SourceRef, ...], list[Problem]]:
    if is_null(node):
        return (), []  # reported as "must not be empty" by the schema reader
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list of sources")
    items, found = [], []
    for item in node.value:
        line, column = position(item)
        if isinstance(item, ScalarNode) and item.value == "general":
            items.append(SourceRef(None, None, line, column))
            continue
        values, item_problems = mapping_items(item, path, SOURCE_FIELDS)
        found.extend(item_problems)
        if values.get("text") and values.get("paragraph"):
            items.append(SourceRef(values["text"], values["paragraph"], line, column, values.get("quote")))
    return tuple(items), found


def _anchor(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    value, found = one_line(node, path)
    if value is not None and not ANCHOR.match(value):
        return None, [problem(path, *position(node), "bad-anchor",
                              f"'{value}' is not a paragraph anchor such as p12")]
    return value, found


def _related(node: Node, path: str) -> tuple[tuple[Relation, ...], list[Problem]]:
    if is_null(node):
        return (), []
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list such as '- part_of: some-term-id'")
    items, found = [], []
    for item in node.value:
        if not isinstance(item, MappingNode) or len(item.value) != 1:
            found.append(problem(path, *position(item), "bad-relation",
                                 "write each relation as '- relation: term-id', "
                                 f"relation one of: {', '.join(RELATIONS)}"))
            continue
        key, value = item.value[0]
        if key.value not in RELATIONS:
            found.append(problem(path, *position(key), "unknown-relation",
                                 f"'{key.value}' is not one of: {', '.join(RELATIONS)}"))
            continue
        target, target_problems = slug(value, path)
        found.extend(target_problems)
        if target:
            items.append(Relation(key.value, target, *position(value)))
    return tuple(items), found


@dataclass(frozen=True)
class TraditionalForms:
    """The Traditional spellings of an entry's forms where OpenCC cannot decide, and why."""

    forms: tuple[str, ...]
    basis: str


def _traditional(node: Node, path: str) -> tuple[TraditionalForms | None, list[Problem]]:
    if is_null(node):
        return None, []
    values, found = mapping_items(node, path, TRADITIONAL_FIELDS)
    if found or not values.get("forms") or not values.get("basis"):
        return None, found
    return TraditionalForms(values["forms"], values["basis"]), []


def _scope(node: Node, path: str) -> tuple[Scope, list[Problem]]:
    if is_null(node):
        return Scope(), []
    values, found = mapping_items(node, path, SCOPE_FIELDS)
    return Scope(values.get("place"), values.get("body"), values.get("period"), field_positions(values)), found


BASES = ("general",)
COMPONENT_FIELDS = (
    Field("text", one_line, True, "the part as the source words it"),
    Field("term", slug, False, "id of the glossary entry for this part, if it has one"),
)
SOURCE_FIELDS = (
    Field("text", slug, True, "id of the corpus text (file name under texts/ without .txt)"),
    Field("paragraph", _anchor, True, "paragraph anchor on the text page, such as p12"),
    Field("quote", one_line, False, "the paragraph's own words this citation rests on; check finds them "
          "there, and 'anchors --reattach' follows them if the paragraph's id changes "
          "(default: the term or a variant)"),
)
SCOPE_FIELDS = (
    Field("place", one_line, False, "where the term has this meaning, or 'unknown'"),
    Field("body", one_line, False, "the body that issued or runs it, or 'unknown'"),
    Field("period", one_line, False, "when: a year or range as the sources give it, or 'unknown'"),
)
TRADITIONAL_FIELDS = (
    Field("forms", text_list, True, "the term or a variant written in Traditional, whole, as the Traditional "
          "view and PDF print it", "[抱團發展]"),
    Field("basis", one_line, True, "why these forms: the Traditional original that writes them, cited as "
          "'text-id pN' (check finds them there), or 通行写法 and the reason"),
)
GLOSSARY_FIELDS = (
    Field("term", one_line, True, "the Simplified form exactly as it appears in the texts",
          "五个一"),
    Field("variants", text_list, False,
          "other written forms found in texts; Traditional forms are derived automatically",
          "[文明积分超市]"),
    Field("traditional", _traditional, False,
          "Traditional spellings where OpenCC cannot decide a character's form (发 發/髮, 干 幹/乾, 台 臺/檯): "
          "'{forms: [...], basis: ...}'; check asks for it when a form has such a character that no OpenCC "
          "phrase settles; otherwise the Traditional form is derived with OpenCC s2tw"),
    Field("pinyin", one_line, True, "pinyin with tone marks, confirmed by a person", "wǔ gè yī"),
    Field("pinyin_confirmed", text_list, False,
          "readings checked by a person where pypinyin reads otherwise: a piece of the term and its "
          "syllables; check stops warning about those syllables", "[佛茂 fó mào]"),
    Field("english", one_line, True, "a short English gloss", "Five Ones"),
    Field("kind", choice(KINDS), True, f"one of: {', '.join(KINDS)}", "slogan"),
    Field("summary", summary_text, True, "one line for the tooltip, in Chinese or English"),
    Field("basis", choice(BASES), False,
          "'general' when the summary rests on general knowledge rather than a cited paragraph: needs a "
          "'- general' source and a definition that says 据通行解释; shown as 〔通行解释〕 in tooltip, term "
          "page and PDF. check requires it when an entry cites general and its summary quotes no cited "
          "paragraph", "general"),
    Field("definition", text, True,
          "the fuller explanation; Markdown subset: paragraphs, *emphasis*, **strong**, lists, links"),
    Field("components", _components, False,
          "for numbered slogans, the parts; '- text' or '- {text: …, term: id}'"),
    Field("scope", _scope, False, "place, body and period the meaning holds for"),
    Field("sources", _sources, True,
          "'- {text: id, paragraph: p12}' for each cited passage, or '- general' for a "
          "well-documented national slogan explained from general knowledge"),
    Field("related", _related, False,
          f"typed links to other terms, '- relation: term-id'; relations: {', '.join(RELATIONS)}"),
    Field("exclude", read_exclusions, False,
          "where these characters are not this term: a longer string (二十五个一级), or the words "
          "around it, '{before: 等}' (see CONTRIBUTING: exclusions by context)"),
    Field("note", text, False, "what is uncertain or unknown about this entry"),
)


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the glossary, as a contributor wrote it."""

    id: str
    path: str
    term: str
    variants: tuple[str, ...]
    pinyin: str
    pinyin_confirmed: tuple[str, ...]
    english: str
    kind: str
    summary: str
    basis: str | None
    definition: str
    components: tuple[Component, ...]
    scope: Scope
    sources: tuple[SourceRef, ...]
    related: tuple[Relation, ...]
    exclude: tuple[str | Context, ...]
    note: str | None
    positions: tuple[tuple[str, int, int], ...]  # (field, line, column) for later problems
    traditional: TraditionalForms | None = None  # declared after variants in the file, like the schema

    def position_of(self, field: str) -> tuple[int, int]:
        """Return where a field was written, or the top of the file."""
        return find_position(self.positions, field)


def read_glossary_entry(root: Node | None, path: str, entry_id: str
                        ) -> tuple[GlossaryEntry | None, list[Problem]]:
    """Validate one composed glossary file and build its entry."""
    if root is None:
        return None, [problem(path, 1, 1, "empty-file", "the file is empty; see CONTRIBUTING.md")]
    values, found = mapping_items(root, path, GLOSSARY_FIELDS)
    if found:
        return None, found
    return GlossaryEntry(
        id=entry_id, path=path,
        positions=field_positions(values),
        **{f.name: _default(values, f.name) for f in GLOSSARY_FIELDS},
    ), []


def _default(values: dict[str, Any], name: str) -> Any:
    if name in values and values[name] is not None:
        return values[name]
    return {"variants": (), "pinyin_confirmed": (), "components": (), "related": (), "exclude": (),
            "scope": Scope()}.get(name)


TONE_NUMBERS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}  # ā á ǎ à as combining marks


def pinyin_key(entry: GlossaryEntry) -> tuple[tuple[str, ...], str]:
    """Sort key for glossary order: the entry's confirmed pinyin with tone numbers, then the term.

    The reading a person confirmed, not a guess from the characters: 佛茂协作 sorts under
    fó (not fú) and 113攻坚战 under yī yī sān, as it is read.
    """
    return _tone_numbered(entry.pinyin), entry.term


@functools.cache
def _tone_numbered(pinyin: str) -> tuple[str, ...]:
    """'Wǔ gè lǜ' -> ('wu3', 'ge4', 'lv4'): syllables as letters and a tone number."""
    syllables = []
    for written in pinyin.split():
        decomposed = unicodedata.normalize("NFD", written.lower())
        tone = "".join(TONE_NUMBERS.get(character, "") for character in decomposed)
        kept = "".join(c for c in decomposed if (c.isascii() and c.isalnum()) or c == "\u0308")  # ü keeps its dots
        letters = unicodedata.normalize("NFC", kept).replace("ü", "v")
        if letters:
            syllables.append(letters + tone)
    return tuple(syllables)
