"""Property tests over generated Chinese text with debris, pinyin and punctuation mixed in."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.edition import Edition
from build_tools.model import Block, BlockKind
from build_tools.site.render_glossary import marked_inline
from build_tools.stages.chars import INVISIBLE
from build_tools.stages.clean import clean_lines
from build_tools.stages.typography import normalise_typography
from build_tools.terms.annotate import Found, build_index
from build_tools.terms.marking import mark_first_in_section

PIECES = [
    "乡村振兴", "五个一", "四抓四强", "一中心一张网十联户", "113攻坚战", "1+1+N", "党建", "鄉(xiāng)村",
    "戰(zhàn)斗", "（中）", "(含驻高)", "，", "。", ",", ":", ";", "!", "?", "(", ")", "“", "”", "……", "——",
    " ", "  ", "\t", "\u3000", "\u200b", "\ufeff", "\u202e", "&nbsp;", "&ldquo;", "<br>", "<p>", "3.08万元",
    "2800-3000元", "17:33", "发表评论", "本类热点", "1 1 1", "彭阳县| 博罗县| 平阴县| 德惠市| 宜都市",
    "[责任编辑: 汪强]", "来源: 毕节发布", "欢迎访问 某网!", "打印 纠错", "\n", "\n\n", "二十五个一级",
    "&#8203;", "&#x202E;", "&#0;",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
SETTINGS = settings(max_examples=int(__import__("os").environ.get("HYPOTHESIS_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(texts)
def test_cleaning_never_fails_and_leaves_no_invisible_characters(raw: str) -> None:
    cleaned = clean_lines(INVISIBLE.sub("", raw), "t2s")  # as the decode stage hands it over
    for line in cleaned.lines:
        assert line.text and line.text == line.text.strip()
        assert not re.search("[\u200b\ufeff\u202e\t]", line.text)


@SETTINGS
@given(texts)
def test_cleaning_is_idempotent(raw: str) -> None:
    once = [line.text for line in clean_lines(raw, "t2s").lines]
    twice = [line.text for line in clean_lines("\n".join(once), "t2s").lines]
    assert twice == once


@SETTINGS
@given(texts)
def test_typography_is_idempotent(raw: str) -> None:
    for line in raw.split("\n"):
        once = normalise_typography(line)
        assert normalise_typography(once) == once


@SETTINGS
@given(texts)
def test_removing_links_gives_back_the_text(edition: Edition, raw: str) -> None:
    text = raw.replace("\n", "")
    block = Block(BlockKind.PARAGRAPH, text, "p1", (1,), text, 1)
    index = build_index(edition.glossary)
    found = tuple(Found("x", block, o) for o in index.find(text))
    rendered = marked_inline(mark_first_in_section((block,), found))(block, 0, len(text), html.escape)
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)) == text
    assert rendered.count('<a class="gl"') == len(found)
    # One section: each term loud once, its repeats quiet.
    assert rendered.count("data-quiet") == len(found) - len({f.occurrence.term_id for f in found})


def _reference_leftmost_longest(forms: dict[str, list[str]], exclusions: dict[str, tuple[str, ...]],
                                text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The matcher's contract, spelled out by brute force: at each position from the left,
    the longest form starting there that is not inside one of its term's exclusion contexts."""
    def excluded(term_id: str, form: str, at: int) -> bool:
        return any(text.startswith(context, at - offset) and at - offset >= start
                   and at - offset + len(context) <= end
                   for context in exclusions.get(term_id, ())
                   for offset in range(len(context)) if context.startswith(form, offset))

    found, position = [], start
    while position < end:
        best = None
        for length in range(1, end - position + 1):
            form = text[position:position + length]
            for term_id in forms.get(form, ()):
                if not excluded(term_id, form, position):
                    best = (term_id, position, position + length)
        if best is None:
            position += 1
        else:
            found.append(best)
            position = best[2]
    return found


FORM_PIECES = ["一", "二", "中", "心", "一中心", "中心一", "网", "十联户", "一张网", "党建", "建"]


@SETTINGS
@given(st.data())
def test_matcher_is_leftmost_longest(data: st.DataObject) -> None:
    from build_tools.terms.matching import TermForms, TermIndex

    text = data.draw(st.lists(st.sampled_from(FORM_PIECES), max_size=30).map("".join))
    # Forms cut from the text itself, so that forms nest and overlap where they occur.
    substring = st.tuples(st.integers(0, len(text)), st.integers(1, 6)).map(lambda s: text[s[0]:s[0] + s[1]])
    term_forms = data.draw(st.lists(st.one_of(substring, st.sampled_from(FORM_PIECES)).filter(bool),
                                    min_size=1, max_size=8))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    with_exclusion = data.draw(st.booleans())
    terms = [TermForms(f"t{number}", (form,), (f"一{form}网",) if with_exclusion and number % 2 else ())
             for number, form in enumerate(term_forms)]
    forms: dict[str, list[str]] = {}
    for term in terms:
        forms.setdefault(term.forms[0], []).append(term.term_id)
    found = [(o.term_id, o.start, o.end) for o in TermIndex(terms).find(text, start, end)]
    assert found == _reference_leftmost_longest(forms, {t.term_id: t.exclude for t in terms}, text, start, end)
