"""The map of initiatives in the PDF: the site's drawings, each node a link to its entry.

The drawings are the map's own (``diagrams.graphs``), laid out by the same Graphviz call;
only the links differ: a node leads to the term's entry in the glossary appendix.
"""

from __future__ import annotations

from html import escape

from build_tools.diagrams.dot import render_dot
from build_tools.diagrams.graphs import clusters, hub, map_diagrams
from build_tools.edition import Edition
from build_tools.pdf.ids import entry_id
from build_tools.pdf.typeset import typeset_all


def map_sources(edition: Edition, face: str = "SC") -> dict[str, str]:
    """DOT source of each drawing of the map by name, its nodes linked inside the PDF, its
    labels in the book's Noto CJK ``face`` (TC in the Traditional book, whose fonts it embeds)."""
    return {d.name: render_dot(d, lambda term_id: f"#{entry_id(term_id)}", f"Noto Sans CJK {face}")
            for group in map_diagrams(edition) for d in group}


def render_map(edition: Edition, svgs: dict[str, str]) -> str:
    """The map section: one heading per group of related terms, its drawings under it."""
    if not svgs:
        return ""
    groups = []
    for number, (group, drawn) in enumerate(zip(clusters(edition), map_diagrams(edition), strict=True), start=1):
        top = escape(hub(group, edition).term)
        figures = "".join(f'<figure class="map-figure">{svgs[d.name]}</figure>'
                          for d in drawn if d.name in svgs)
        groups.append(f'<section class="map-group"><h2 class="map-head" data-bookmark="{top}">'
                      f"{number}. {typeset_all(hub(group, edition).term)} 等 {len(group)} 条</h2>{figures}</section>")
    return ('<section class="relation-map" id="map">'
            '<h1 class="appendix-title" data-title="倡议关系图" data-bookmark="倡议关系图">倡议关系图 · Map of initiatives</h1>'
            '<p class="appendix-intro">由组成、变体或同一机制关系相连的术语，每个关系网一图；较大的关系网按其组成部分分图。'
            "实线箭头由组成部分指向上位倡议；虚线表示变体，点线表示参见，双向箭头表示他处的同一机制。"
            f'各术语的释义与页码见术语表（按拼音排序）。</p>{"".join(groups)}</section>\n')
