"""Per-text metadata: the schema of ``annotations/texts/<id>.yml`` and its loader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from yaml.nodes import Node

from build_tools.annotations.schema import (
    OPENCC_PROFILES,
    SCRIPTS,
    Field,
    choice,
    field_positions,
    find_position,
    iso_date,
    mapping_items,
    one_line,
    sha256_hex,
    text,
)
from build_tools.annotations.yamlfile import position
from build_tools.problems import Problem, problem


@dataclass(frozen=True)
class Place:
    """Where a text is about, as precisely as the text says."""

    province: str | None = None
    prefecture: str | None = None
    county: str | None = None

    def label(self) -> str:
        """Join the known levels, broadest first."""
        return " ".join(p for p in (self.province, self.prefecture, self.county) if p) or "不详"


def _place(node: Node, path: str) -> tuple[Place, list[Problem]]:
    values, found = mapping_items(node, path, PLACE_FIELDS)
    return Place(values.get("province"), values.get("prefecture"), values.get("county")), found


def _web_address(node: Node, path: str) -> tuple[str | None, list[Problem]]:
    value, found = one_line(node, path)
    if value is not None and not re.match(r"^https?://[^\s<>\"']+$", value):
        return None, [problem(path, *position(node), "bad-url",
                              f"'{value}' is not a web address starting with http:// or https://")]
    return value, found


PLACE_FIELDS = (
    Field("province", one_line, False, "province, e.g. 贵州省"),
    Field("prefecture", one_line, False, "prefecture-level city or autonomous prefecture"),
    Field("county", one_line, False, "county, county-level city, district or new area"),
)
TEXT_FIELDS = (
    Field("title", one_line, True, "the title as the text gives it (Simplified)"),
    Field("title_source", choice(("text", "editor")), False,
          "'editor' when the scraped text has no title and the editors supplied one"),
    Field("short_title", one_line, False,
          "the title as citations show it, made of the title's own words (e.g. the main title "
          "before ｜); the title itself when not given"),
    Field("date", iso_date, False, "publication date YYYY-MM-DD, or null when the text gives none"),
    Field("outlet", one_line, False, "the site or publication that carried the text"),
    Field("source_line", one_line, False, "the source/date/author line exactly as scraped"),
    Field("author", one_line, False, "the author or issuing body as the text names it"),
    Field("editor", one_line, False, "the responsible editor, when named"),
    Field("place", _place, False, "province / prefecture / county the text is about"),
    Field("script", choice(SCRIPTS), True, "the script of the raw text"),
    Field("convert", choice(OPENCC_PROFILES), False,
          "OpenCC profile converting the raw text to Simplified (t2s for Traditional)"),
    Field("encoding", one_line, True, "the raw file's encoding, e.g. utf-8, gb18030, big5"),
    Field("sha256", sha256_hex, True, "SHA-256 of the raw file; a changed source is an error"),
    Field("note", text, False, "anything uncertain about the text or its metadata"),
    Field("note_zh", text, False,
          "the note in Chinese, as readers see it: a faithful rendering of note, nothing added; "
          "required with note"),
    Field("source_url", _web_address, False, "the page's own address, when the saved page gives it"),
)


@dataclass(frozen=True)
class TextMeta:
    """Metadata of one corpus text."""

    id: str
    path: str
    title: str
    title_source: str | None
    date: str | None
    outlet: str | None
    source_line: str | None
    author: str | None
    editor: str | None
    place: Place
    script: str
    convert: str | None
    encoding: str
    sha256: str
    note: str | None
    positions: tuple[tuple[str, int, int], ...]  # (field, line, column) for later problems
    source_url: str | None = None
    short_title: str | None = None
    note_zh: str | None = None

    @property
    def cited_title(self) -> str:
        """The title citations show: the short title when there is one."""
        return self.short_title or self.title

    def position_of(self, field: str) -> tuple[int, int]:
        """Return where a field was written, or the top of the file."""
        return find_position(self.positions, field)


def read_text_meta(root: Node | None, path: str, text_id: str
                   ) -> tuple[TextMeta | None, list[Problem]]:
    """Validate one composed metadata file and build its record."""
    if root is None:
        return None, [problem(path, 1, 1, "empty-file", "the file is empty")]
    values, found = mapping_items(root, path, TEXT_FIELDS)
    if found:
        return None, found
    if values["script"] == "traditional" and not values.get("convert"):
        line, column = values["script@"]
        return None, [problem(path, line, column, "missing-convert",
                              "a traditional text needs 'convert: t2s' (or another profile)")]
    found = _short_title_problems(values, path) + _note_problems(values, path)
    if found:
        return None, found
    fields: dict[str, Any] = {f.name: values.get(f.name) for f in TEXT_FIELDS}
    fields["place"] = fields["place"] or Place()
    return TextMeta(id=text_id, path=path, positions=field_positions(values), **fields), []


def _short_title_problems(values: dict[str, Any], path: str) -> list[Problem]:
    """A short title only shortens the title: each of its words is one of the title's."""
    short = values.get("short_title")
    if short is None or all(word in values["title"] for word in short.split()):
        return []
    line, column = values["short_title@"]
    return [problem(path, line, column, "short-title-not-in-title",
                    f"short_title '{short}' is not taken from the title '{values['title']}'; "
                    "shorten the title with its own words")]


def _note_problems(values: dict[str, Any], path: str) -> list[Problem]:
    """Readers see the note in Chinese: an English note needs its Chinese rendering."""
    if values.get("note") is None or values.get("note_zh") is not None:
        return []
    line, column = values["note@"]
    return [problem(path, line, column, "note-without-chinese",
                    "a note needs note_zh, its faithful Chinese rendering: readers see that one")]
