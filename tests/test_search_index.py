"""The search index holds what readers search for, compactly: the texts and the terms,
not the apparatus around them, in UTF-8 rather than ASCII escapes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_tools.edition import Edition
from build_tools.site.render_glossary import occurrence_excerpt
from build_tools.site.search_index import INDEX, compact_search_index

pytestmark = pytest.mark.site
HAN_ESCAPE = re.compile(rb"\\u[4-9][0-9a-f]{3}")  # \u4e00-\u9fff written as an escape


def entries(site: Path) -> list[dict[str, str]]:
    return json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]


def test_compacting_keeps_every_string_and_halves_each_chinese_character() -> None:
    material = json.dumps({"config": {"separator": "[\\s\\u200b\\-]"},
                           "docs": [{"location": "texts/x/#p1", "title": "四抓四强", "text": "<p>实施\u200b“四抓四强”</p>"}]},
                          separators=(",", ":")).encode("ascii")
    compact = compact_search_index(material)
    assert json.loads(compact) == json.loads(material)
    assert not HAN_ESCAPE.search(compact) and "四抓四强".encode() in compact
    wide = sum(ord(c) > 0x7FF for c in "四抓四强实施\u200b“四抓四强”")  # 6 bytes escaped, 3 in UTF-8
    assert len(material) - len(compact) == 3 * wide


def test_the_built_indexes_are_utf8_in_both_views(built_site: Path) -> None:
    for site in (built_site, built_site / "zh-Hant"):
        data = (site / INDEX).read_bytes()
        assert not HAN_ESCAPE.search(data), site
        assert "四抓四强".encode() in data or "四抓四強".encode() in data, site


def test_paragraph_numbers_and_source_lines_are_not_indexed(built_site: Path, edition: Edition) -> None:
    text = edition.text("jinhaihu-113")
    assert text is not None
    page = [e for e in entries(built_site) if e["location"].startswith("texts/jinhaihu-113/")]
    indexed = "".join(e["text"] for e in page).replace("\u200b", "")
    assert "原始文本" not in indexed and "引用格式" not in indexed
    assert not any(e["location"].endswith("#initiatives") for e in page)  # the panel repeats the glossary
    first = next(b for b in text.article.blocks if b.anchor == "p1")
    assert f"<p>{first.text[:8]}" in indexed  # the paragraph starts with its words, not "1"


def test_term_pages_are_indexed_without_their_quotations(built_site: Path, edition: Edition) -> None:
    entry = edition.entry("si-zhua-si-qiang")
    assert entry is not None
    page = [e for e in entries(built_site) if e["location"].startswith(f"glossary/{entry.id}/")]
    indexed = "".join(e["text"] for e in page).replace("\u200b", "")
    assert entry.summary[:10] in indexed  # the definition is found
    assert not any(e["location"].endswith(("#occurrences", "#comparison")) for e in page)
    quoted = re.sub(r"<[^>]+>|…|\\", "", occurrence_excerpt(edition.found_of_term(entry.id)[0]))
    assert quoted not in indexed
