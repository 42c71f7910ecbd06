"""The search index holds what readers search for, compactly: the texts and the terms,
not the apparatus around them, in UTF-8 rather than ASCII escapes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from material.plugins.search.plugin import SearchIndex

from build_tools.edition import Edition
from build_tools.site.render_glossary import occurrence_excerpt
from build_tools.site.search_index import INDEX, compact_search_index
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.site
HAN_ESCAPE = re.compile(rb"\\u[4-9][0-9a-f]{3}")  # \u4e00-\u9fff written as an escape


def entries(site: Path) -> list[dict[str, str]]:
    return json.loads((site / INDEX).read_text(encoding="utf-8"))["docs"]


def search_separator(config: str) -> str:
    """The search plugin's separator in one of our MkDocs configurations."""
    plugins = (PROJECT_ROOT / config).read_text(encoding="utf-8").split("\nplugins:", 1)[1]
    top_level = re.search(r"^\S", plugins, re.MULTILINE)  # the next top-level key ends the list
    listed = yaml.safe_load(plugins[:top_level.start()] if top_level else plugins)
    return next(item["search"]["separator"] for item in listed if isinstance(item, dict) and "search" in item)


def test_both_views_split_search_words_at_the_same_separator() -> None:
    # The Traditional view once kept Material's default: its index then held the zero-width
    # spaces beside every punctuation mark, 19.4 MB against the Simplified 16.5 MB at 1,000 articles.
    assert search_separator("mkdocs.zh-Hant.yml") == search_separator("mkdocs.yml")
    assert "，" in search_separator("mkdocs.yml") and "「" in search_separator("mkdocs.yml")


def material_index(edition: Edition) -> tuple[bytes, str]:
    """A search index as Material's plugin writes it, of one real text's paragraphs
    (segmented by the plugin's own jieba pass), and the separator of mkdocs.yml."""
    separator = search_separator("mkdocs.yml")
    text = edition.text("jinhaihu-113")
    assert text is not None
    segment = SearchIndex()._segment_chinese  # the plugin's own segmentation, zero-width spaces and all
    docs = [{"location": f"texts/jinhaihu-113/#{b.anchor}", "title": segment(text.meta.title),
             "text": segment(f"<p>{b.text}</p>")} for b in text.article.blocks]
    return json.dumps({"config": {"separator": separator}, "docs": docs}, separators=(",", ":")).encode(), separator


def words(index: dict, separator: str) -> list[list[str]]:
    """Each field's words as the search worker splits them (lunr: split at the separator, drop empties)."""
    return [[w for w in re.split(separator, doc[field]) if w] for doc in index["docs"] for field in ("title", "text")]


def test_compacting_keeps_every_word_and_takes_under_two_thirds(edition: Edition) -> None:
    material, separator = material_index(edition)
    compact = compact_search_index(material)
    before, after = json.loads(material), json.loads(compact)
    assert words(after, separator) == words(before, separator)
    assert [{k: v for k, v in d.items() if k not in ("title", "text")} for d in after["docs"]] == [
        {k: v for k, v in d.items() if k not in ("title", "text")} for d in before["docs"]]
    assert not HAN_ESCAPE.search(compact) and "攻坚战".encode() in compact
    assert len(compact) < 0.5 * len(material)  # 6 bytes a character escaped, 3 in UTF-8, fewer separators


def test_a_separator_that_is_not_one_character_class_drops_only_the_ends() -> None:
    material = json.dumps({"config": {"separator": "(x|y)"},
                           "docs": [{"location": "", "title": "\u200b四抓\u200b，\u200b四强\u200b", "text": ""}]})
    assert json.loads(compact_search_index(material.encode()))["docs"][0]["title"] == "四抓\u200b，\u200b四强"


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
    traditional = [e for e in entries(built_site / "zh-Hant") if e["location"].startswith("texts/jinhaihu-113/")]
    assert traditional and "OpenCC" not in "".join(e["text"] for e in traditional)  # the script note


def test_term_pages_are_indexed_without_their_quotations(built_site: Path, edition: Edition) -> None:
    entry = edition.entry("si-zhua-si-qiang")
    assert entry is not None
    page = [e for e in entries(built_site) if e["location"].startswith(f"glossary/{entry.id}/")]
    indexed = "".join(e["text"] for e in page).replace("\u200b", "")
    assert entry.summary[:10] in indexed  # the definition is found
    assert not any(e["location"].endswith(("#occurrences", "#comparison")) for e in page)
    quoted = re.sub(r"<[^>]+>|…|\\", "", occurrence_excerpt(edition.found_of_term(entry.id)[0]))
    assert quoted not in indexed
