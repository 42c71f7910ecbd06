"""Render cross-links: related terms, comparisons across texts, panels and the map."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.relations import ENGLISH, LABELS
from build_tools.annotations.schema import KIND_LABELS
from build_tools.diagrams.graphs import canonical, clusters, hub, map_diagrams
from build_tools.diagrams.parts import ordered_edges
from build_tools.edition import CorpusText, Edition
from build_tools.site.diagrams import render_diagram
from build_tools.site.markup import escape_html, escape_markdown, front_matter, general_mark
from build_tools.terms.annotate import Found

FAMILY = ("variant_of", "same_mechanism_as")  # relations that make the "same" initiative
SNIPPET = 60


def _link(entry: GlossaryEntry, prefix: str) -> str:
    return f"[{escape_markdown(entry.term)}]({prefix}{entry.id}.md)"


def render_related(entry: GlossaryEntry, edition: Edition, svg: str | None = None) -> str:
    """The term's relations, grouped by type (parts in their numbered order), each with the
    related term's summary; then ``svg``, the drawing of them, when there is one."""
    edges = ordered_edges(edition.related(entry.id), edition.entry)
    if not edges:
        return ""
    lines = ["## 相关倡议 { #related }\n"]
    for kind in LABELS:
        targets = [e for edge in edges if edge.kind == kind and (e := edition.entry(edge.target))]
        if targets:
            lines.append(f"**{LABELS[kind]}** · *{ENGLISH[kind]}*\n")
            lines.extend(f"- {_link(t, '')}：{escape_markdown(t.summary)}" for t in targets)
            lines.append("")
    if svg:
        lines.append(render_diagram(f"term-{entry.id}", svg, f"“{entry.term}”及其直接关系"))
    return "\n".join(lines)


# term id -> the first occurrence of the term, or of a term of its family, in each text
# where one occurs, texts in id order. Computed once per build: pages only look it up.
Appearances = dict[str, tuple[Found, ...]]
COMPARISON_ROWS = 30  # a comparison across thousands of texts is no longer readable
# Other texts a panel item names; the rest are counted and linked to the term's occurrences.
# Three, not five: the panel is three quarters of a text page, and every page carries it.
ELSEWHERE_SHOWN = 3


def family_ids(term_id: str, edition: Edition) -> list[str]:
    """The term and the terms that are the same initiative under another name or place."""
    return list(dict.fromkeys([term_id, *(e.target for e in edition.related(term_id) if e.kind in FAMILY)]))


def term_appearances(edition: Edition) -> Appearances:
    """Where each term's initiative appears: one pass over the occurrences, then per term."""
    first: dict[str, dict[str, Found]] = defaultdict(dict)
    for found in edition.found:  # texts in id order, each in reading order
        first[found.occurrence.term_id].setdefault(found.text_id, found)
    result: Appearances = {}
    for entry in edition.glossary:
        merged: dict[str, Found] = {}
        for member in family_ids(entry.id, edition):
            for text_id, found in first.get(member, {}).items():
                known = merged.get(text_id)
                if known is None or _reading_order(found) < _reading_order(known):
                    merged[text_id] = found
        result[entry.id] = tuple(merged[text_id] for text_id in sorted(merged))
    return result


def _reading_order(found: Found) -> tuple[int, str, int]:
    block = found.block
    return block.lines[0], block.anchor, found.occurrence.start


def render_comparison(entry: GlossaryEntry, edition: Edition, appearances: Appearances,
                      snippet: Callable[[Found], str] | None = None) -> str:
    """Where the initiative appears (itself or a variant): place, year, text, its words.

    ``snippet`` renders the words (Markdown); the Traditional view quotes a text published
    in Traditional in its own characters.
    """
    snippet = snippet or comparison_snippet
    found_in = appearances.get(entry.id, ())
    if len(found_in) < 2:
        return ""
    rows = ["## 各地各时比较 { #comparison data-search-exclude }\n",  # quotes texts indexed on their own pages
            "同一倡议（含其变体与他处的同一机制）在本版各文本中的出现，按日期排列；摘录为该文本中首次出现之处。\n",
            "| 地点 | 日期 | 文本 | 写法 | 原文摘录 |", "| --- | --- | --- | --- | --- |"]
    ordered = sorted(found_in, key=lambda f: (_date(edition, f) is None, _date(edition, f) or "", f.text_id))
    for found in ordered[:COMPARISON_ROWS]:
        meta = edition.text(found.text_id).meta  # type: ignore[union-attr]
        rows.append(
            f"| {escape_markdown(meta.place.label())} | {meta.date or '不详'} | "
            f"[{escape_markdown(meta.title)}](../texts/{meta.id}.md#{found.block.anchor}) | "
            f"{escape_markdown(found.occurrence.form)} | {snippet(found)} |")
    if len(ordered) > COMPARISON_ROWS:
        rows.append(f"\n另有 {len(ordered) - COMPARISON_ROWS} 篇文本未列出，见下文“出现位置”。")
    return "\n".join(rows) + "\n"


def _date(edition: Edition, found: Found) -> str | None:
    return edition.text(found.text_id).meta.date  # type: ignore[union-attr]


def comparison_snippet(found: Found, text: str | None = None) -> str:
    """The words around an occurrence, escaped for a table cell; ``text`` is the block in
    another script of the same length (its offsets hold), by default the block's own."""
    text, start = found.block.text if text is None else text, found.occurrence.start
    begin = max(0, start - SNIPPET // 2)
    piece = text[begin:begin + SNIPPET]
    return escape_markdown(("…" if begin else "") + piece + ("…" if begin + SNIPPET < len(text) else ""))


def render_map(edition: Edition, svgs: dict[str, str] | None = None) -> str:
    """One diagram per group of related initiatives, then the unrelated terms by kind.

    ``svgs`` holds each group's drawing by name (map-1, map-2, …); a group without one is
    still listed.
    """
    groups, drawings = clusters(edition), map_diagrams(edition)
    every = canonical(edition.edges, edition)
    parts = [front_matter("倡议关系图", searchable=False), "# 倡议关系图 · Map of initiatives\n",
             (f"本版 {len(edition.glossary)} 条术语中，{sum(len(g) for g in groups)} 条由组成、变体或同一机制关系"
              f"连成 {len(groups)} 个关系网；每个关系网单独成图，以免连成一团。点击图中术语即进入其词条。"
              "实线箭头表示“属于”：由组成部分指向上位倡议，组成部分按编号顺序排列；虚线表示变体，点线表示参见，"
              "双向箭头表示他处的同一机制。不在同一关系网中的“参见”关系列于图后。\n")]
    for number, (group, drawn) in enumerate(zip(groups, drawings, strict=True), start=1):
        top = hub(group, edition)
        parts.append(f"## {number}. {escape_markdown(top.term)} 等 {len(group)} 条 {{ #group-{number} }}\n")
        for diagram in drawn:
            root = diagram.nodes[0].term
            if len(drawn) > 1:  # a large group: its programme, then each part with parts of its own
                parts.append(f"### {escape_markdown(root)} {{ #{diagram.name} }}\n")
            if svgs and diagram.name in svgs:
                parts.append(render_diagram(diagram.name, svgs[diagram.name], f"关系网 {number}：{root} 等 {len(diagram.nodes)} 条"))
        parts.append(f"本关系网的 {len(group)} 条术语：\n")
        parts.append(_link_list(group))
    group_of = {e.id: number for number, group in enumerate(groups) for e in group}
    see_also = [e for e in every if e.kind == "see_also"
                and (e.source not in group_of or group_of.get(e.source) != group_of.get(e.target))]
    if see_also:
        parts.append("## 参见关系 { #see-also }\n")
        parts.extend(f"- {_link(a, '')} ↔ {_link(b, '')}" for edge in see_also
                     if (a := edition.entry(edge.source)) and (b := edition.entry(edge.target)))
        parts.append("")
    related = {e.id for g in groups for e in g}
    parts.append("## 其余术语 { #unrelated }\n")
    for kind, label in KIND_LABELS.items():
        alone = sorted((e for e in edition.glossary if e.kind == kind and e.id not in related), key=pinyin_key)
        if alone:
            parts.append(f"**{label}**\n")
            parts.append(_link_list(alone))
    return "\n".join(parts)


def _link_list(entries: list[GlossaryEntry]) -> str:
    """Terms as a list: never joined with 、, which many terms contain themselves."""
    return "\n".join(f"- {_link(e, '')}" for e in entries) + "\n"


@dataclass(frozen=True)
class Elsewhere:
    """Another text where a term's initiative appears, as a panel links to it."""

    text_id: str
    anchor: str
    title: str
    form: str | None  # the form written there, when it is a relative's (a variant, say)


@dataclass(frozen=True)
class PanelItem:
    """What a text's panel shows of one term (and its tooltip reads), and nothing more."""

    term_id: str
    term: str
    pinyin: str
    english: str
    summary: str
    basis: str | None
    elsewhere: tuple[Elsewhere, ...]
    elsewhere_count: int


def panel_items(text: CorpusText, edition: Edition, appearances: Appearances) -> tuple[PanelItem, ...]:
    """The terms of a text's panel, in order of first occurrence, with where else they appear.

    Exactly what ``render_panel`` shows, so a page can be reused while these are equal.
    """
    ids = dict.fromkeys(f.occurrence.term_id for f in edition.found_in_text(text.meta.id))
    items = []
    for entry in (e for term_id in ids if (e := edition.entry(term_id))):
        found_in = appearances.get(entry.id, ())
        others = itertools.islice((f for f in found_in if f.text_id != text.meta.id), ELSEWHERE_SHOWN)
        elsewhere = tuple(
            Elsewhere(f.text_id, f.block.anchor, edition.text(f.text_id).meta.title,  # type: ignore[union-attr]
                      f.occurrence.form if f.occurrence.term_id != entry.id else None)
            for f in others)
        items.append(PanelItem(entry.id, entry.term, entry.pinyin, entry.english, entry.summary, entry.basis,
                               elsewhere, len(found_in) - 1))  # this text is among them
    return tuple(items)


def render_panel(items: tuple[PanelItem, ...]) -> str:
    """The closing panel of a text page: its initiatives and where else they appear.

    Each item also holds what the term's tooltip shows (term, pinyin, gloss, summary):
    the tooltip script reads it from here, so the page carries that text only once.
    """
    if not items:
        return ""
    rendered = "\n".join(map(_panel_item, items))
    return ("## 本文涉及的倡议与提法 { #initiatives data-search-exclude }\n\n"
            f"本文共涉及 {len(items)} 条术语，按首次出现的顺序排列；“又见”列出本版其他文本中出现该术语或其变体之处。\n\n"
            f'<ul class="initiatives" data-search-exclude>\n{rendered}\n</ul>\n')


def _panel_item(item: PanelItem) -> str:
    links = "；".join(
        f'<a href="../{e.text_id}/#{e.anchor}">{escape_html(e.title)}</a>'
        + (f"（作“{escape_html(e.form)}”）" if e.form is not None else "")
        for e in item.elsewhere)
    more = (f'<a href="../../glossary/{item.term_id}/#occurrences">等 {item.elsewhere_count} 篇</a>'
            if item.elsewhere_count > ELSEWHERE_SHOWN else "")
    elsewhere = f' <span class="gl-elsewhere">又见：{links}{more}</span>' if item.elsewhere else ""
    return (f'<li id="gl-{item.term_id}"><a class="gl-term" href="../../glossary/{item.term_id}/" lang="zh-Hans">'
            f'{escape_html(item.term)}</a> <span class="gl-pinyin" lang="zh-Latn-pinyin">{escape_html(item.pinyin)}'
            f'</span> <span class="gl-english" lang="en">{escape_html(item.english)}</span> '
            f'<span class="gl-summary">{escape_html(item.summary)}{general_mark(item.basis)}</span>{elsewhere}</li>')
