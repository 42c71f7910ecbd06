"""Tables for structure_lines, built from lines in memory: headings, lists, captions, anchors."""

from __future__ import annotations

import pytest

from build_tools.model import DroppedLine, SourceLine
from build_tools.stages.structure import Line, structure_lines

# A body paragraph long enough to tell whether the text indents its paragraphs.
BODY = "新区始终把工业和城市作为经济大发展的两个“驱动器”，着力实施工业推动战略和城市带动战略，不断推进建设。"
INDENTED = "  " + BODY


def make_lines(*rows: str) -> tuple[Line, ...]:
    """Lines from rows: two leading spaces mean indented, a leading newline a blank line before."""
    lines = []
    for number, row in enumerate(rows, start=1):
        text = row.lstrip("\n").strip()
        source = SourceLine(number, text, row.lstrip("\n").startswith("  "), row.startswith("\n"))
        lines.append(Line(source, text))
    return tuple(lines)


def blocks(*rows: str, title: str = "不在文中的标题") -> list[tuple[str, str, str]]:
    """(anchor, kind, text) of every block the rows become."""
    found, _, _ = structure_lines(make_lines(*rows), title)
    return [(b.anchor, b.kind.value, b.text) for b in found]


def kind_of(line: str, *, before: str = BODY, after: str = BODY) -> str:
    """The kind one line gets between two body paragraphs."""
    return blocks(before, line, after)[1][1]


@pytest.mark.parametrize("rows, expected", [
    ((BODY, "党建赋能 特色产业活力迸发", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "党建赋能 特色产业活力迸发"), ("p2", "paragraph", BODY)]),
    ((INDENTED, "  以“大党建”为第一统领", "  凝聚力量助力发展", "\n" + INDENTED),
     [("p1", "paragraph", BODY), ("s1", "heading", "以“大党建”为第一统领 凝聚力量助力发展"),
      ("p2", "paragraph", BODY)]),
    ((BODY, "集结", "108支队伍“驻”进重点村", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "集结 108支队伍“驻”进重点村"), ("p2", "paragraph", BODY)]),
    # a blank line between two short lines separates two headings
    ((BODY, "集结", "\n冲锋", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "集结"), ("s2", "heading", "冲锋"),
      ("p2", "paragraph", BODY)]),
    # numbered section headings are headings, and never merge with the next one
    ((BODY, "一、总体要求", "（一）指导思想", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "一、总体要求"), ("s2", "heading", "（一）指导思想"),
      ("p2", "paragraph", BODY)]),
    ((INDENTED, "  一", "  拓振兴之路", INDENTED),
     [("p1", "paragraph", BODY), ("s1", "heading", "一"), ("s2", "heading", "拓振兴之路"),
      ("p2", "paragraph", BODY)]),
    ((BODY, "第一章 总则", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "第一章 总则"), ("p2", "paragraph", BODY)]),
    # a question introducing a list; the items; the paragraph after an item is no caption
    ((BODY, "如何共谋产业发展？", "1.帮助结对村做好产业规划。", "曹江镇荷垌村展现新风貌。",
      "2.当好乡村振兴发展的“服务员”。", BODY),
     [("p1", "paragraph", BODY), ("s1", "heading", "如何共谋产业发展？"),
      ("p2", "list_item", "1.帮助结对村做好产业规划。"), ("p3", "paragraph", "曹江镇荷垌村展现新风貌。"),
      ("p4", "list_item", "2.当好乡村振兴发展的“服务员”。"), ("p5", "paragraph", BODY)]),
    ((BODY, "“五个一”系列活动", "1.组织一次集中劳动",
      "组建市直机关党员志愿服务队伍，每月至少开展1次集中劳动日活动。"),
     [("p1", "paragraph", BODY), ("s1", "heading", "“五个一”系列活动"),
      ("p2", "list_item", "1.组织一次集中劳动"),
      ("p3", "paragraph", "组建市直机关党员志愿服务队伍，每月至少开展1次集中劳动日活动。")]),
    ((BODY, "……", BODY),
     [("p1", "paragraph", BODY), ("p2", "ellipsis", "……"), ("p3", "paragraph", BODY)]),
])
def test_blocks(rows: tuple[str, ...], expected: list[tuple[str, str, str]]) -> None:
    assert blocks(*rows) == expected


@pytest.mark.parametrize("line, kind", [
    ("（一）着力增强“四个意识”。坚持把对党绝对忠诚作为最根本的政治要求。", "paragraph"),
    ("一、抓堡垒建设强功能。聚焦增强党组织政治功能和组织功能。", "paragraph"),
    ("一是建村级保障机制。将村级组织年运转经费提高到3万元。", "paragraph"),
    ("1.组织一次集中劳动", "list_item"),
    ("1、建设一个利民项目", "list_item"),
    ("2023.全市完成投资3.5亿元。", "paragraph"),
    ("2023.5月，全市召开大会。", "paragraph"),
    ("12.5%的村实现集体经济增收。", "paragraph"),
    ("1.帮助结对村做好产业规划，推动村级集体经济实力有新增强、农业产业有新发展。", "paragraph"),
    ("……", "ellipsis"),
    ("...", "ellipsis"),
    # captions in a text whose paragraphs are not indented: what a photo shows
    ("曹江镇荷垌村展现新风貌。", "caption"),
    ("荷垌村新貌。", "caption"),
    ("茂名市委常委、高州市委书记王土瑞（中）率队到典型村建设一线调研。", "caption"),
    ("作者在毕节金海湖新区招商引资推介会上作推介（供图/毕节金海湖新区党政办）", "caption"),
    ("图为化屋村新貌", "caption"),
    # short sentences that are prose: statistics, claims, quotes, comments
    ("毕节是贵州省劳务输出第一大市，外出务工人员将近200万人。", "paragraph"),
    ("民生幸福的成色，离不开基层治理的底色。", "paragraph"),
    ("这需要带着直面根本的勇气和解决实际问题的能力。", "paragraph"),
    ("千秋伟业，人才为先。", "paragraph"),
    ("“不用回老家，就办好了。”", "paragraph"),
])
def test_kind_in_a_text_without_indentation(line: str, kind: str) -> None:
    assert kind_of(line) == kind


@pytest.mark.parametrize("line, kind", [
    ("海雀村林海", "caption"),
    ("毕节市林业局为赫章县海雀村颁发的林业碳票", "caption"),
    ("  千秋伟业，人才为先。", "paragraph"),
    ("  一", "heading"),
    ("一", "heading"),
    ("一、总体要求", "heading"),
    ("  创新驱动发展，奋斗开创未来。", "paragraph"),
])
def test_kind_in_an_indented_text(line: str, kind: str) -> None:
    assert kind_of(line, before=INDENTED, after=INDENTED) == kind


@pytest.mark.parametrize("rows, title, dropped, byline", [
    (("实施“四抓四强”促乡村全面振兴", "中共贵州省黔东南苗族侗族自治州委组织部", BODY),
     "实施“四抓四强”促乡村全面振兴",
     [(1, "title"), (2, "byline")], "中共贵州省黔东南苗族侗族自治州委组织部"),
    (("某县召开推进会", "本报记者 张三 通讯员 李四", BODY),
     "某县召开推进会", [(1, "title"), (2, "byline")], "本报记者 张三 通讯员 李四"),
    (("某县召开推进会", "记者：王五", BODY), "某县召开推进会", [(1, "title"), (2, "byline")], "记者：王五"),
    (("某县召开推进会", "本报评论员", BODY), "某县召开推进会", [(1, "title"), (2, "byline")], "本报评论员"),
    (("某县召开推进会", "记者手记", BODY), "某县召开推进会", [(1, "title")], None),
    (("牢记嘱托勇担使命 感恩奋进再启征程|写在毕节市“两会”召开之际", BODY),
     "牢记嘱托勇担使命 感恩奋进再启征程｜写在毕节市“两会”召开之际", [(1, "title")], None),
    (("工业推动 城市带动 凝心聚力打赢“113攻坚战”", "党建赋能 特色产业活力迸发", BODY),
     "工业推动 城市带动 凝心聚力打赢“113攻坚战”", [(1, "title")], None),
    (("党建赋能 特色产业活力迸发", BODY), "编者拟的另一个标题", [], None),
])
def test_title_and_byline_are_removed(rows: tuple[str, ...], title: str,
                                      dropped: list[tuple[int, str]], byline: str | None) -> None:
    found, removed, found_byline = structure_lines(make_lines(*rows), title)
    assert [(d.number, d.rule) for d in removed] == dropped
    assert found_byline == byline
    assert [b.text for b in found][-1] == BODY


def test_title_far_down_the_text_is_body() -> None:
    rows = (BODY,) * 6 + ("党建赋能 特色产业活力迸发", BODY)
    title = "党建赋能 特色产业活力迸发"
    assert blocks(*rows, title=title)[6] == ("s1", "heading", title)


def test_anchors_are_counted_per_kind_and_ignore_heading_text() -> None:
    first = blocks(BODY, "集结", BODY, "曹江镇荷垌村展现新风貌。", BODY, "冲锋", BODY)
    second = blocks(BODY, "迎难", BODY, "荷垌村新貌。", BODY, "相关", BODY)
    assert [a for a, _, _ in first] == ["p1", "s1", "p2", "c1", "p3", "s2", "p4"]
    assert [a for a, _, _ in second] == [a for a, _, _ in first]


def test_block_keeps_line_numbers_original_script_and_paragraph_number() -> None:
    lines = (Line(SourceLine(7, "以“大黨建”為第一統領", True, False), "以“大党建”为第一统领"),
             Line(SourceLine(8, "凝聚力量助力發展", True, False), "凝聚力量助力发展"),
             Line(SourceLine(10, BODY, True, True), BODY))
    heading, paragraph = structure_lines(lines, "无关")[0]
    assert (heading.lines, heading.number) == ((7, 8), 1)
    assert heading.text == "以“大党建”为第一统领 凝聚力量助力发展"
    assert heading.original == "以“大黨建”為第一統領 凝聚力量助力發展"
    assert (paragraph.anchor, paragraph.lines, paragraph.number) == ("p1", (10,), 1)


def test_dropped_title_keeps_its_original_script() -> None:
    lines = (Line(SourceLine(7, "實施“四抓四強”促鄉村全面振興", False, True), "实施“四抓四强”促乡村全面振兴"),
             Line(SourceLine(9, BODY, True, True), BODY))
    _, dropped, _ = structure_lines(lines, "实施“四抓四强”促乡村全面振兴")
    assert dropped == (DroppedLine(7, "實施“四抓四強”促鄉村全面振興", "title"),)
