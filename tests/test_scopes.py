"""Scope facts are verified: unknown, in a cited paragraph or the cited texts' metadata, or general."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.build import load, load_and_check
from build_tools.scopes import Evidence, judge, place_names, short_form
from tests.test_problems import with_files

PROJECT = Path(__file__).resolve().parent.parent
EVIDENCE = Evidence(blocks="市第二次党代会提出……依托市委、市政府把新区打造为……大方县与广州天河区合作开设",
                    cores=("贵州", "毕节", "金海湖"), authors="黔东南州委组织部\n中共贵州省黔东南苗族侗族自治州委组织部",
                    years=frozenset({"2017"}))


@pytest.mark.parametrize("place, names", [
    ("贵州省毕节市金海湖新区", ["贵州", "毕节", "金海湖"]),
    ("贵州省黔东南苗族侗族自治州", ["贵州", "黔东南"]),
    ("黔东南州", ["黔东南"]),
    ("广东省广州市天河区", ["广东", "广州", "天河"]),  # 广州 is a name, not 广 + 州
    ("贵州省毕节市威宁彝族回族苗族自治县", ["贵州", "毕节", "威宁"]),
    ("全国", ["全国"]),
])
def test_a_place_splits_into_named_components(place: str, names: list[str]) -> None:
    assert place_names(place) == names


@pytest.mark.parametrize("field, value, cites_general, status", [
    ("place", "unknown", False, "unknown"),
    ("body", "unknown（工作方案的发布机关本文未载）", False, "unknown"),
    ("place", "贵州省毕节市金海湖新区", False, "verified"),  # every component in the metadata
    ("place", "贵州省毕节市大方县", False, "verified"),  # 大方 in a cited block
    ("place", "广东省茂名市高州市", False, "unsupported"),  # the slip: another text's place
    ("place", "贵州省（本文所见：毕节市、黔东南州）", False, "unsupported"),  # a note of what the corpus shows is checked
    ("place", "全国", False, "unsupported"),
    ("place", "全国（据通行解释）", True, "general"),
    ("place", "全国（据通行解释）", False, "unsupported"),  # general knowledge needs a general source
    ("body", "中共毕节市委", False, "verified"),  # the text says 市委 of its own city
    ("body", "毕节市第二次党代会", False, "verified"),
    ("body", "中共黔东南州委", False, "verified"),  # named in the author of record
    ("body", "中共毕节市第二次代表大会", False, "unsupported"),  # not the text's words
    ("body", "大方县与广州天河区", False, "verified"),
    ("period", "2017年（本文所见）", False, "verified"),
    ("period", "2022—2024年（本文所见）", False, "unsupported"),
])
def test_a_scope_fact_is_judged(field: str, value: str, cites_general: bool, status: str) -> None:
    assert judge(field, value, EVIDENCE, cites_general).status == status


def test_short_forms_follow_how_texts_name_bodies() -> None:
    assert short_form("中共贵州省黔东南苗族侗族自治州委组织部") == "黔东南州委组织部"
    assert short_form("中共贵州省委") == "贵州省委"  # a provincial body keeps its province


def test_the_real_glossary_states_no_unsupported_scope() -> None:
    _, problems = load(PROJECT)
    assert [p for p in problems if p.code == "scope-unsupported"] == []


@pytest.mark.parametrize("entry, old, new, line, column, fragment", [
    # The slip a review found: an issuing body the cited text never names.
    ("1-1-n", "  body: unknown（", "  body: 中共高州市委（", 14, 9, "scope.body '中共高州市委（"),
    ("yi-cheng-san-qu", "  body: unknown\n", "  body: 国务院\n", 10, 9, "国务院 is in no cited paragraph"),
    ("wu-ge-yi", "  body: unknown（", "  body: 中共高州市委（市直机关党组织）（", 25, 9, "中共高州市委 is in no cited paragraph"),
    ("jie-er-bu-jian", "  period: unknown\n", "  period: 2023年\n", 11, 11, "2023 is in no cited paragraph"),
    ("jie-er-bu-jian", "  place: 广东省茂名市高州市\n", "  place: 全国（据通行解释）\n", 9, 10,
     "does not cite '- general'"),
])
def test_an_invented_scope_fact_is_caught(entry: str, old: str, new: str, line: int, column: int,
                                          fragment: str) -> None:
    path = f"annotations/glossary/{entry}.yml"
    text = (PROJECT / path).read_text(encoding="utf-8")
    assert old in text
    _, problems = load_and_check(with_files({path: text.replace(old, new, 1)}))
    found = [p for p in problems if p.code == "scope-unsupported"]
    assert [(p.path, p.line, p.column) for p in found] == [(path, line, column)]
    assert fragment in found[0].message, found[0].message
