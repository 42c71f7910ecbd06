"""Tables for the term matcher: leftmost-longest, variants, exclusions, digits, edges."""

from __future__ import annotations

import pytest

from build_tools.annotations.contexts import Context, pattern_problem
from build_tools.terms.matching import TermForms, TermIndex

GLOSSARY = TermIndex([
    TermForms("wu-ge-yi", ("五个一",), ("二十五个一级",)),
    TermForms("shi-lian-hu", ("十联户",)),
    TermForms("yi-zhong-xin", ("一中心一张网十联户",)),
    TermForms("113", ("113攻坚战",)),
    TermForms("1-1-n", ("1+1+N",)),
    TermForms("ji-fen-chao-shi", ("积分超市", "文明积分超市")),
    TermForms("da-dang-jian", ("大党建",)),
    TermForms("dang-jian", ("党建",)),
    TermForms("si-zai", ("四在农家·美丽乡村", "四在农家•美丽乡村")),
])


def found(text: str) -> list[tuple[str, str]]:
    return [(o.term_id, text[o.start:o.end]) for o in GLOSSARY.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("开展五个一系列活动", [("wu-ge-yi", "五个一")]),
    ("深化一中心一张网十联户治理", [("yi-zhong-xin", "一中心一张网十联户")]),
    ("十联户为小网格", [("shi-lian-hu", "十联户")]),
    ("一中心一张网十联户和十联户", [("yi-zhong-xin", "一中心一张网十联户"), ("shi-lian-hu", "十联户")]),
    ("打赢113攻坚战", [("113", "113攻坚战")]),
    ("113个项目", []),
    ("建立1+1+N包户机制", [("1-1-n", "1+1+N")]),
    ("1+1+M", []),
    ("探索推广文明积分超市", [("ji-fen-chao-shi", "文明积分超市")]),
    ("创新打造积分超市", [("ji-fen-chao-shi", "积分超市")]),
    ("以大党建为统领", [("da-dang-jian", "大党建")]),
    ("抓党建促振兴", [("dang-jian", "党建")]),
    ("二十五个一级", []),
    ("二十五个一级和五个一", [("wu-ge-yi", "五个一")]),
    ("四在农家•美丽乡村", [("si-zai", "四在农家•美丽乡村")]),
    ("", []),
    ("五个", []),
], ids=lambda v: v if isinstance(v, str) else None)
def test_leftmost_longest(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text, start, end, expected", [
    ("五个一在段首", 0, 6, [(0, 3)]),
    ("段尾是五个一", 0, 6, [(3, 6)]),
    ("五个一十联户", 0, 6, [(0, 3), (3, 6)]),
    ("五个一十联户", 0, 4, [(0, 3)]),  # a match must lie wholly inside the span
    ("五个一十联户", 1, 6, [(3, 6)]),
])
def test_span_edges(text: str, start: int, end: int, expected: list[tuple[int, int]]) -> None:
    assert [(o.start, o.end) for o in GLOSSARY.find(text, start, end)] == expected


def test_overlapping_terms_never_nest() -> None:
    occurrences = GLOSSARY.find("大党建大党建党建")
    assert [(o.start, o.end) for o in occurrences] == [(0, 3), (3, 6), (6, 8)]


def test_exclusion_applies_only_to_its_own_term() -> None:
    index = TermIndex([TermForms("a", ("五个一",), ("二十五个一级",)), TermForms("b", ("一级",))])
    assert [(o.term_id, o.start) for o in index.find("二十五个一级")] == [("b", 4)]


# Exclusions by context, on invented sentences: everyday 土特产 (a local product) is not the
# policy term; the policy sense ("做强'土特产'", "做好土特产文章") is matched.
TU_TE_CHAN = (Context(before="等"), Context(before="的|当地|家乡"), Context(after="店"))
BY_CONTEXT = TermIndex([
    TermForms("tu-te-chan", ("土特产",), TU_TE_CHAN),
    TermForms("wu-ge-yi", ("五个一",), ("二十五个一级", Context(after="批"))),
    TermForms("dian-xing", ("典型",), (Context(before="、…等", after="村"),)),
])


@pytest.mark.parametrize("text, expected", [
    ("高山红薯、原生态蜂蜜等土特产深受市场欢迎", []),  # the corpus sentence
    ("板栗、核桃等土特产销往珠三角", []),  # a list of goods the fixed string 蜂蜜等土特产 missed
    ("回乡带上家乡的土特产", []),
    ("游客购买当地土特产", []),
    ("村口新开了一家土特产店", []),
    ("千方百计做强“土特产”", ["土特产"]),
    ("做好土特产文章", ["土特产"]),
    ("核桃等“土特产”销售活动", ["土特产"]),  # quoted: the word before is the quote, not 等
    ("二十五个一级和五个一批", []),  # a fixed string and a context together
    ("开展五个一活动", ["五个一"]),
    ("甲、乙等典型村", []),  # both sides must hold
    ("甲、乙等典型经验", ["典型"]),
    ("甲。乙等典型村", ["典型"]),  # … never crosses the end of a clause
    ("树立典型村", ["典型"]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_exclusion_by_context(text: str, expected: list[str]) -> None:
    assert [text[o.start:o.end] for o in BY_CONTEXT.find(text)] == expected


def test_a_context_looks_only_inside_the_span() -> None:
    text = "蜂蜜等土特产"
    assert [(o.start, o.end) for o in BY_CONTEXT.find(text, 3)] == [(3, 6)]  # 等 is outside the span


def test_a_fixed_string_misses_everyday_uses_that_a_context_catches() -> None:
    """The slip the review found: one fixed string (蜂蜜等土特产) does not cover new texts."""
    fixed = TermIndex([TermForms("tu-te-chan", ("土特产",), ("蜂蜜等土特产",))])
    assert [o.term_id for o in fixed.find("板栗、核桃等土特产销往珠三角")] == ["tu-te-chan"]
    assert BY_CONTEXT.find("板栗、核桃等土特产销往珠三角") == ()


@pytest.mark.parametrize("pattern, problem", [
    ("等", None), ("、…等", None), ("的|当地", None), ("…", "matches anything"), ("等|", "matches anything"),
])
def test_context_patterns_are_checked(pattern: str, problem: str | None) -> None:
    found = pattern_problem(pattern)
    assert (found is None) if problem is None else (problem in (found or ""))
