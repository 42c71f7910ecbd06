"""The PDF's titles and footnotes as laid out: titles break only between words, footnotes
take at most a third of a page. Measured on WeasyPrint's own boxes (``pdf/measure.py``)
for one in-process build of the real edition; tables for the pure helpers first.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from build_tools.edition import Edition
from build_tools.model import BlockKind
from build_tools.pdf import render
from build_tools.pdf.build import build_pdf
from build_tools.pdf.chapter import GLOSS_BUDGET, chapter_marks
from build_tools.pdf.patches import footnote_area_by_parts
from build_tools.pdf.render import Laid
from build_tools.pdf.typeset import ZWSP, typeset_words
from build_tools.pdf.words import ELLIPSIS, segment, short_gloss, word_ends
from build_tools.presentation import dictionary_words

GLOSSARY_WORDS = ("113攻坚战", "百千万工程", "两会")


@pytest.mark.parametrize("text, expected", [
    ("凝心聚力打赢“113攻坚战”", "凝心|聚力|打赢|“|113攻坚战|”"),
    ("结对共建助力“百千万工程”", "结对|共建|助力|“|百千万工程|”"),
    ("写在毕节市“两会”召开之际", "写|在|毕节市|“|两会|”|召开|之际"),
])
def test_glossary_terms_are_single_words(text: str, expected: str) -> None:
    assert "|".join(text[a:b] for a, b in segment(text, GLOSSARY_WORDS)) == expected


@pytest.mark.parametrize("text, expected", [
    ("打赢“113攻坚战”", f'<span class="nobr">打赢</span>{ZWSP}“<span class="nobr">113攻坚战</span>”'),
    ("助力百千万工程", '<span class="nobr">助力</span><span class="nobr">百千万工程</span>'),
    ("城市 带动", '<span class="nobr">城市</span> <span class="nobr">带动</span>'),
])
def test_typeset_words_keeps_each_word_on_one_line(text: str, expected: str) -> None:
    assert typeset_words(text, word_ends(text, GLOSSARY_WORDS)) == expected


@pytest.mark.parametrize("summary, budget, expected", [
    ("短的摘要。", 20, "短的摘要。"),                                              # fits: whole
    ("黔东南州把党支部建在产业链上的模式之一。另有说明文字在后面。", 24, "黔东南州把党支部建在产业链上的模式之一。"),
    ("村集体和农户同时增收，是“四联双增”的目标之一。", 16, f"村集体和农户同时增收{ELLIPSIS}"),     # a clause
    ("利用林下土地发展种植（通行解释）；毕节实施行动计划。", 20, f"利用林下土地发展种植（通行解释）{ELLIPSIS}"),
    ("以一中心一张网十联户为核心推进乡村基层治理现代化建设", 14, f"以一中心一张网十联户为核心{ELLIPSIS}"),  # words
])
def test_short_gloss_cuts_where_the_summary_reads_whole(summary: str, budget: int, expected: str) -> None:
    words = ("一中心一张网十联户",)
    assert short_gloss(summary, budget, words) == expected


@dataclass(frozen=True)
class Measured:
    """The real edition's book, laid out once with every footnote-area measurement checked."""

    laid: Laid
    calls: int  # measurements of a footnote area during layout
    differences: list[tuple[object, ...]]  # where footnote_area_by_parts and WeasyPrint disagree


@pytest.fixture(scope="module")
def measured(edition: Edition) -> Measured:
    """Build the book; each time the footnote area is measured, measure it WeasyPrint's way too."""
    from weasyprint.layout import LayoutContext

    weasyprint = LayoutContext._update_footnote_area
    calls, differences = [0], []

    @contextmanager
    def checking() -> Iterator[None]:
        with footnote_area_by_parts():
            ours = LayoutContext._update_footnote_area

            def both(context: Any) -> bool:
                before = context.page_bottom, context.current_footnote_area.height
                theirs = weasyprint(context), context.page_bottom, context.current_footnote_area.height
                context.page_bottom, context.current_footnote_area.height = before
                mine = ours(context), context.page_bottom, context.current_footnote_area.height
                calls[0] += 1
                if theirs[0] != mine[0] or any(abs(a - b) > 1e-6 for a, b in zip(theirs[1:], mine[1:])):
                    differences.append((theirs, mine, len(context.current_page_footnotes)))
                return bool(mine[0])

            LayoutContext._update_footnote_area = both
            yield

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "footnote_area_by_parts", checking)
        built, problems = build_pdf(edition, datetime(2026, 1, 1, tzinfo=UTC))
    assert problems == []
    return Measured(built, calls[0], differences)


@pytest.fixture(scope="module")
def laid(measured: Measured) -> Laid:
    return measured.laid


def test_footnote_areas_measured_by_parts_are_what_weasyprint_measures(measured: Measured) -> None:
    assert measured.calls > 500 and measured.differences == []


def test_every_title_is_measured(laid: Laid, edition: Edition) -> None:
    headings = sum(b.kind is BlockKind.HEADING for t in edition.texts for b in t.article.blocks)
    assert len(laid.title_lines) == len(edition.texts) + headings
    assert any(len(lines) > 1 for lines in laid.title_lines)  # long titles do wrap


def test_no_title_breaks_inside_a_word(laid: Laid, edition: Edition) -> None:
    words = dictionary_words(edition.glossary)
    broken = []
    for lines in laid.title_lines:
        shown = [line.replace(ZWSP, "") for line in lines]
        title = "".join(shown)
        allowed = word_ends(title, words)
        for offset in itertools.accumulate(len(line) for line in shown[:-1]):
            if offset not in allowed:
                broken.append(f"{title[:offset]}/{title[offset:]}")
    assert broken == []


def test_footnotes_take_at_most_a_third_of_any_page(laid: Laid) -> None:
    assert len(laid.footnote_shares) == laid.pages
    assert 0.15 < max(laid.footnote_shares) <= 1 / 3, max(laid.footnote_shares)


def test_footnote_glosses_are_short_and_cut_at_boundaries(edition: Edition) -> None:
    glosses = [mark.gloss for text in edition.texts for marks in chapter_marks(edition, text.meta.id).values()
               for mark in marks if mark.first]
    assert glosses and all(0 < len(gloss) <= GLOSS_BUDGET + len(ELLIPSIS) for gloss in glosses)
    assert any(gloss.endswith(ELLIPSIS) for gloss in glosses)  # long summaries were cut
