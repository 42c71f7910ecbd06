"""Invariants over the real texts and annotations: what must hold for the edition to ship."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from build_tools.edition import Edition
from build_tools.site.outputs import render_outputs
from tests.sitebuild import PROJECT, build_site, copy_project

MKDOCS_EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def test_real_annotations_have_no_problems_even_strict(loaded) -> None:  # type: ignore[no-untyped-def]
    problems = loaded[2]
    assert [p.format_text() for p in problems] == []


def test_every_text_and_a_real_glossary_load(edition: Edition) -> None:
    assert len(edition.texts) == 5
    assert len(edition.glossary) >= 100


def test_no_term_or_variant_defined_twice(edition: Edition) -> None:
    forms = [form for e in edition.glossary for form in (e.term, *e.variants)]
    assert len(forms) == len(set(forms))


def test_every_citation_points_at_a_paragraph_with_the_term(edition: Edition) -> None:
    for entry in edition.glossary:
        for source in entry.sources:
            if source.text is None:
                continue
            text = edition.text(source.text)
            assert text is not None, entry.path
            block = text.article.paragraph(source.paragraph or "")
            assert block is not None, (entry.path, source.paragraph)
            assert any(form in block.text for form in (entry.term, *entry.variants)), (
                entry.path, source.paragraph)


def test_every_term_occurs_somewhere(edition: Edition) -> None:
    used = {f.occurrence.term_id for f in edition.found}
    assert [e.id for e in edition.glossary if e.id not in used] == []


class _BlockText(HTMLParser):
    """Collect the visible text of each block (ids p…, s…, c…), minus numbers and permalinks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: dict[str, str] = {}
        self._current: str | None = None
        self._depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self._current is None and re.fullmatch(r"[psc]\d+", attributes.get("id") or ""):
            self._current, self._depth = attributes["id"], 0
            self.blocks[self._current] = ""
        if self._current is not None:
            self._depth += 1
            classes = (attributes.get("class") or "").split()
            if "para-num" in classes or "headerlink" in classes or self._skip:
                self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._current is None:
            return
        self._skip = max(0, self._skip - 1)
        self._depth -= 1
        if self._depth == 0:
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and not self._skip:
            self.blocks[self._current] += data


def test_removing_our_markup_gives_back_the_cleaned_text(loaded) -> None:  # type: ignore[no-untyped-def]
    _, edition, _ = loaded
    outputs = dict(render_outputs(edition, PROJECT))
    for text in edition.texts:
        page = outputs[f"docs/texts/{text.meta.id}/index.md"].decode("utf-8")
        parser = _BlockText()
        parser.feed(markdown.markdown(page, extensions=MKDOCS_EXTENSIONS))
        expected = {b.anchor: b.text for b in text.article.blocks}
        assert parser.blocks == expected, text.meta.id


def test_every_occurrence_is_linked_on_its_page(loaded) -> None:  # type: ignore[no-untyped-def]
    _, edition, _ = loaded
    outputs = dict(render_outputs(edition, PROJECT))
    for text in edition.texts:
        page = markdown.markdown(outputs[f"docs/texts/{text.meta.id}/index.md"].decode("utf-8"),
                                 extensions=MKDOCS_EXTENSIONS)
        # Quiet repeats (tabindex="-1" data-quiet) are links too: every occurrence is one.
        links = re.findall(r'<a class="gl" href="\.\./\.\./glossary/([a-z0-9-]+)/"[^>]*>([^<]+)</a>', page)
        expected = [(f.occurrence.term_id, html.escape(f.occurrence.form, quote=False))
                    for f in edition.found if f.text_id == text.meta.id]
        assert links == expected, text.meta.id


@pytest.mark.site
def test_search_index_keeps_slogans_whole(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    index = json.loads((root / "site/search/search_index.json").read_text(encoding="utf-8"))
    # Words as the search worker splits them: at the index's own separator (Chinese
    # punctuation included, so “四抓四强” is the word 四抓四强).
    separator = index["config"]["separator"]
    words = {word for doc in index["docs"] for word in re.split(separator, doc["text"]) if word}
    # Material indexes only Han runs through jieba, so 113攻坚战 is stored as 113 + 攻坚战;
    # test_browser.test_search_finds_slogans_first checks that searching it still works.
    for slogan in ("四抓四强", "一中心一张网十联户", "五个一", "积分超市", "攻坚战"):
        assert slogan in words, slogan
