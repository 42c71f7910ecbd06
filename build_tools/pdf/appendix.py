"""Render the glossary appendix: every term by pinyin, its definition, relations and pages."""

from __future__ import annotations

from html import escape
from itertools import groupby

from build_tools.annotations.definitions import Spans, link_citations, render_definition
from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.relations import LABELS
from build_tools.annotations.schema import KIND_LABELS
from build_tools.edition import CorpusText, Edition
from build_tools.pdf.ids import chinese_number, entry_id
from build_tools.pdf.typeset import basis_mark, typeset_all, typeset_html
from build_tools.presentation import cited_title, scope_shown
from build_tools.stages.typography import join_cjk_lines


def render_appendix(edition: Edition, texts: list[CorpusText]) -> str:
    """The glossary appendix; ``texts`` are the chapters in order, for chapter numbers."""
    numbers = {text.meta.id: number for number, text in enumerate(texts, start=1)}
    entries = sorted(edition.glossary, key=pinyin_key)
    groups = []
    for initial, members in groupby(entries, key=initial_of):
        rendered = "".join(render_entry(entry, edition, numbers) for entry in members)
        groups.append(f'<section class="letter"><h2 class="letter-head" data-bookmark="{initial}">'
                      f'{initial}</h2>{rendered}</section>')
    return ('<section class="appendix" id="glossary">'
            '<h1 class="appendix-title" data-title="术语表" data-bookmark="术语表">术语表 · Glossary</h1>'
            f'<p class="appendix-intro">共 {len(entries)} 条，按拼音排序。每条列出释义、组成、相关倡议、出处，'
            '以及在本版各篇中出现的段落与页码。</p>'
            f'{"".join(groups)}</section>\n')


def initial_of(entry: GlossaryEntry) -> str:
    """The heading an entry is filed under: the first letter of its pinyin, or 0–9."""
    first = pinyin_key(entry)[0][0][:1].upper()
    return first if first.isascii() and first.isalpha() else "0–9"


def render_entry(entry: GlossaryEntry, edition: Edition, numbers: dict[str, int]) -> str:
    """One entry: heading, gloss, summary, definition, then its facts."""
    term = escape(entry.term)
    rows = [_variants(entry), _scope(entry), _components(entry, edition), *_related(entry, edition),
            ("说明", typeset_all(join_cjk_lines(entry.note)) if entry.note else ""),
            ("出处", _sources(entry, numbers)), ("出现位置", _occurrences(entry, edition, numbers))]
    facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows if value)
    return (f'<section class="entry" id="{entry_id(entry.id)}">'
            f'<h3 class="entry-head" data-term="{term}" data-bookmark="{term}">'
            f'<span class="entry-term">{typeset_all(entry.term)}</span> '
            f'<span class="entry-pinyin" lang="zh-Latn-pinyin">{escape(entry.pinyin)}</span></h3>'
            f'<p class="entry-gloss"><span lang="en">{escape(entry.english)}</span>'
            f' · {escape(KIND_LABELS[entry.kind])}</p>'
            f'<p class="entry-summary">{typeset_all(entry.summary)}{basis_mark(entry.basis)}</p>'
            f'<div class="entry-definition">{render_entry_definition(entry, edition)}</div>'
            f'<dl class="entry-facts">{facts}</dl></section>')


def render_entry_definition(entry: GlossaryEntry, edition: Edition) -> str:
    """The sanitised definition, its citations of known texts linked inside the PDF."""
    # Sanitised without site links, so the only links added are ours.
    def cite(text_id: str, spans: Spans) -> str | None:
        text = edition.text(text_id)
        return render_citation(cited_title(text.meta), text_id, spans) if text else None
    return typeset_html(link_citations(render_definition(entry.definition), cite))


def render_citation(title: str, text_id: str, spans: Spans) -> str:
    """《title》第N段 with its page, a range by its first paragraph; never broken inside."""
    units = [f'<a class="citation" href="#{text_id}-p{first}">第{first}{"" if last == first else f"—{last}"}段</a>'
             for first, last in spans]
    units[0] = escape(title) + units[0]
    return "".join(f'<span class="nobr">{unit}{"、" if n < len(units) else ""}</span>'
                   for n, unit in enumerate(units, start=1))


def _page_link(href: str, label: str) -> str:
    return f'<a class="page-ref" href="#{href}">{label}</a>'


def _variants(entry: GlossaryEntry) -> tuple[str, str]:
    return "其他写法", "、".join(typeset_all(v) for v in entry.variants)


def _scope(entry: GlossaryEntry) -> tuple[str, str]:
    scope = entry.scope
    parts = [(label, value) for label, value in (("地点", scope.place), ("主体", scope.body),
                                                 ("时期", scope.period)) if value]
    known = [f"{label}：{typeset_all(scope_shown(value))}" for label, value in parts]
    return "适用范围", "；".join(known)


def _components(entry: GlossaryEntry, edition: Edition) -> tuple[str, str]:
    items = []
    for component in entry.components:
        target = edition.entry(component.term) if component.term else None
        shown = typeset_all(component.text)
        items.append(_page_link(entry_id(target.id), shown) if target else shown)
    return "组成", "；".join(items)


def _related(entry: GlossaryEntry, edition: Edition) -> list[tuple[str, str]]:
    edges = edition.related(entry.id)
    rows = []
    for kind, label in LABELS.items():
        targets = [t for edge in edges if edge.kind == kind and (t := edition.entry(edge.target))]
        links = "、".join(_page_link(entry_id(t.id), typeset_all(t.term)) for t in targets)
        rows.append((escape(label), links))
    return rows


def _sources(entry: GlossaryEntry, numbers: dict[str, int]) -> str:
    cited = []
    for source in entry.sources:
        if source.text is None:
            cited.append("通行解释（据公开的通行说法，非出自本版文本）")
        elif source.text in numbers and source.paragraph:
            label = f"第{chinese_number(numbers[source.text])}篇 {source.paragraph}"
            cited.append(_page_link(f"{source.text}-{source.paragraph}", label))
    return "；".join(cited)


def _occurrences(entry: GlossaryEntry, edition: Edition, numbers: dict[str, int]) -> str:
    """Each block the term occurs in, by chapter, with its page (target-counter)."""
    found = [f for f in edition.found_of_term(entry.id) if f.text_id in numbers]
    if not found:
        return "本版文本中未出现"
    anchors: dict[str, dict[str, None]] = {}
    for item in sorted(found, key=lambda f: numbers[f.text_id]):
        anchors.setdefault(item.text_id, {})[item.block.anchor] = None
    chapters = [f"第{chinese_number(numbers[text_id])}篇 "
                + "、".join(_page_link(f"{text_id}-{anchor}", anchor) for anchor in blocks)
                for text_id, blocks in anchors.items()]
    return f"共 {len(found)} 处：" + "；".join(chapters)
