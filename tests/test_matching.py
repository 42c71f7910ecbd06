"""Tables for the term matcher: leftmost-longest, variants, exclusions, digits, edges."""

from __future__ import annotations

import pytest

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
