"""Relation diagrams: DOT from the model (escaped, every node a link), parts in order, the map's pieces."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from build_tools.annotations.relations import Edge
from build_tools.diagrams import layout
from build_tools.diagrams.dot import dot_label, dot_string, render_dot
from build_tools.diagrams.graphs import Diagram, clusters, map_diagrams, term_diagram
from build_tools.diagrams.layout import layout_svgs
from build_tools.diagrams.parts import chinese_ordinal, ordered_edges
from build_tools.edition import Edition
from build_tools.pdf.diagrams import map_sources
from build_tools.problems import ProblemError
from build_tools.site.diagrams import diagram_sources, term_href
from build_tools.site.render_relations import render_map, render_related

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
HOSTILE = ['<script>alert(1)</script>', '"]; evil [label="x', "a\\", "\\N\\G&lt;&amp;", "line\nbreak", "x\" -> \"y"]
FOUR = ["zhua-bao-lei-jian-she-qiang-gong-neng", "zhua-ren-cai-pei-yang-qiang-qian-neng",
        "zhua-ji-ti-jing-ji-qiang-dong-neng", "zhua-xiang-cun-zhi-li-qiang-xiao-neng"]  # 之一 … 之四
TEN = ["liu-jin", "bao-jie-yuan", "yang-hu-bao-jie-yuan", "he-dao-guan-li-yuan", "tuo-pin-gong-jian-jiang-xi-suo"]


def parts_of(edition: Edition, term_id: str) -> list[str]:
    return [e.target for e in ordered_edges(edition.related(term_id), edition.entry) if e.kind == "has_part"]


@pytest.mark.parametrize("numeral, value", [("一", 1), ("四", 4), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_chinese_ordinal(numeral: str, value: int) -> None:
    assert chinese_ordinal(numeral) == value


def test_parts_of_si_zhua_si_qiang_run_in_their_numbered_order(edition: Edition) -> None:
    assert parts_of(edition, "si-zhua-si-qiang") == FOUR
    assert [edition.entry(t).summary[7] for t in FOUR] == list("一二三四")  # type: ignore[union-attr]


def test_parts_of_shi_da_xing_dong_follow_its_component_list(edition: Edition) -> None:
    assert parts_of(edition, "shi-da-xing-dong")[:len(TEN)] == TEN


def test_parts_without_a_component_list_follow_their_ordinals(edition: Edition) -> None:
    parent = edition.entry("si-zhua-si-qiang")
    assert parent is not None
    bare = replace(edition, glossary=tuple(replace(e, components=()) if e.id == parent.id else e
                                           for e in edition.glossary))
    assert parts_of(bare, "si-zhua-si-qiang") == FOUR


def test_term_page_lists_and_draws_parts_in_order(edition: Edition) -> None:
    page = render_related(edition.entry("si-zhua-si-qiang"), edition)  # type: ignore[arg-type]
    listed = re.findall(r"\]\(\.\./([a-z-]+)/index\.md\)", page.split("**组成部分**")[1].split("**")[0])
    assert listed == FOUR
    diagram = term_diagram(edition.entry("si-zhua-si-qiang"), edition)  # type: ignore[arg-type]
    assert diagram is not None
    assert [e.source for e in diagram.edges if e.kind == "part_of"] == FOUR


def test_every_node_of_every_diagram_is_a_relative_link(edition: Edition) -> None:
    for name, source in diagram_sources(edition).items():
        nodes = re.findall(r'^  "([^"]+)" \[label=', source, re.MULTILINE)
        links = re.findall(r'href="\.\./([^"/]+)/"', source)
        assert nodes and nodes == links, name


def test_the_map_is_split_into_readable_pieces(edition: Edition) -> None:
    drawn = map_diagrams(edition)
    assert len(drawn) == len(clusters(edition)) > 1
    assert all(len(d.nodes) <= 15 for group in drawn for d in group)
    for group, pieces in zip(clusters(edition), drawn, strict=True):  # every term drawn somewhere
        assert {e.id for e in group} == {e.id for d in pieces for e in d.nodes}
    assert [d.nodes[0].id for d in drawn[0]][:2] == ["si-zhua-si-qiang", FOUR[0]]


def test_map_page_lists_terms_as_lists_never_joined(edition: Edition) -> None:
    page = render_map(edition, {})
    assert ")、[" not in page
    assert "- [四抓四强](../si-zhua-si-qiang/index.md)" in page.splitlines()


def test_pdf_nodes_lead_to_the_appendix(edition: Edition) -> None:
    sources = map_sources(edition)
    assert sources.keys() == {d.name for group in map_diagrams(edition) for d in group}
    assert all('href="#gl-' in s and 'href="../' not in s for s in sources.values())


@pytest.mark.parametrize("label", HOSTILE)
def test_a_hostile_label_cannot_break_out(edition: Edition, label: str) -> None:
    entry = replace(edition.glossary[0], id="hostile", term=label)
    other = replace(edition.glossary[1], id="other", term="正常")
    source = render_dot(Diagram("h", (entry, other), (Edge("hostile", "see_also", "other"),)), term_href)
    assert source.count("\n  \"") == 3  # two nodes and one edge: nothing injected
    svg = ET.fromstring(layout_svgs([source])[0])
    assert [a.get(XLINK) for a in svg.iter(f"{SVG}a")] == ["../hostile/", "../other/"]
    texts = ["".join(a.itertext()).strip() for a in svg.iter(f"{SVG}a")]
    assert texts[0].replace("\n", "") == label.replace("\n", " ").strip()
    assert not [e for e in svg.iter() if e.tag.removeprefix(SVG) in ("script", "foreignObject")]


@pytest.mark.parametrize("text, expected", [
    ("四抓四强", '"四抓四强"'),
    ("支部带实体、强村带弱村、能人带群众", '"支部带实体、\\n强村带弱村、能人带群众"'),
    ("村集体公司+合作社+文化传承人+文创公司", '"村集体公司+合作社+\\n文化传承人+文创公司"'),
    ("脱贫攻坚同步全面小康决胜决战", '"脱贫攻坚同步全面小康决胜决战"'),  # no mark to break at
    ('"a"', '"\\"a\\""'),
])
def test_long_labels_break_at_a_mark_near_the_middle(text: str, expected: str) -> None:
    assert dot_label(text) == expected
    assert dot_string('a"b\\') == '"a\\"b\\\\"'


def test_layout_lays_out_every_graph_as_trimmed_svg(edition: Edition) -> None:
    sources = list(diagram_sources(edition).values())[:5]
    svgs = layout_svgs(sources)
    assert len(svgs) == 5
    for svg in svgs:
        assert svg.startswith("<svg") and "<!--" not in svg and "<title>" not in svg and "\n\n" not in svg
        ET.fromstring(svg)


def test_a_missing_dot_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "DOT", "no-such-dot-program")
    with pytest.raises(ProblemError) as raised:
        layout_svgs(["digraph { a }"])
    assert raised.value.problem.code == "missing-graphviz" and "graphviz" in raised.value.problem.message
