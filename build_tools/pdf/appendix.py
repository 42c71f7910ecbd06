"""Render the glossary appendix: a book's terms by pinyin, their definitions, relations and pages."""

from __future__ import annotations

from html import escape
from itertools import groupby

from build_tools.annotations.definitions import Spans, link_citations, render_definition
from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.relations import LABELS
from build_tools.annotations.schema import KIND_LABELS
from build_tools.edition import Edition
from build_tools.pdf.contents import Book, Scope
from build_tools.pdf.ids import chinese_number, entry_id
from build_tools.pdf.typeset import basis_mark, typeset_all, typeset_html
from build_tools.presentation import cited_title, scope_shown
from build_tools.stages.typography import join_cjk_lines

INTRO = {  # what the appendix holds, after "共 N 条"
    Scope.EDITION: "按拼音排序。每条列出释义、组成、相关倡议、出处，以及在本版各篇中出现的段落与页码。",
    Scope.SELECTION: "即本书各篇用到的术语，按拼音排序。每条列出释义、组成、相关倡议、出处，以及在本书各篇中出现的段落与页码。",
    Scope.TEXT: "即本篇用到的术语，按拼音排序。每条列出释义、组成、相关倡议、出处，以及在本篇中出现的段落。",
}


def render_appendix(edition: Edition, book: Book) -> str:
    """The glossary appendix of a book: its entries by pinyin (none: no appendix)."""
    if not book.entries:
        return ""
    groups = []
    for initial, members in groupby(book.entries, key=initial_of):
        rendered = "".join(render_entry(entry, edition, book) for entry in members)
        groups.append(f'<section class="letter"><h2 class="letter-head" data-bookmark="{initial}">'
                      f'{initial}</h2>{rendered}</section>')
    return ('<section class="appendix" id="glossary">'
            '<h1 class="appendix-title" data-title="术语表" data-bookmark="术语表">术语表 · Glossary</h1>'
            f'<p class="appendix-intro">共 {len(book.entries)} 条，{INTRO[book.scope]}</p>'
            f'{"".join(groups)}</section>\n')


def initial_of(entry: GlossaryEntry) -> str:
    """The heading an entry is filed under: the first letter of its pinyin, or 0–9."""
    first = pinyin_key(entry)[0][0][:1].upper()
    return first if first.isascii() and first.isalpha() else "0–9"


def render_entry(entry: GlossaryEntry, edition: Edition, book: Book) -> str:
    """One entry: heading, gloss, summary, definition, then its facts."""
    term = escape(entry.term)
    rows = [_variants(entry), _scope(entry), _components(entry, edition, book), *_related(entry, edition, book),
            ("说明", typeset_all(join_cjk_lines(entry.note)) if entry.note else ""),
            ("出处", _sources(entry, edition, book)), ("出现位置", _occurrences(entry, edition, book))]
    facts = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows if value)
    return (f'<section class="entry" id="{entry_id(entry.id)}">'
            f'<h3 class="entry-head" data-term="{term}" data-bookmark="{term}">'
            f'<span class="entry-term">{typeset_all(entry.term)}</span> '
            f'<span class="entry-pinyin" lang="zh-Latn-pinyin">{escape(entry.pinyin)}</span></h3>'
            f'<p class="entry-gloss"><span lang="en">{escape(entry.english)}</span>'
            f' · {escape(KIND_LABELS[entry.kind])}</p>'
            f'<p class="entry-summary">{typeset_all(entry.summary)}{basis_mark(entry.basis)}</p>'
            f'<div class="entry-definition">{render_entry_definition(entry, edition, book)}</div>'
            f'<dl class="entry-facts">{facts}</dl></section>')


def render_entry_definition(entry: GlossaryEntry, edition: Edition, book: Book) -> str:
    """The sanitised definition, its citations of the book's texts linked inside the PDF and
    of the edition's other texts named by title."""
    # Sanitised without site links, so the only links added are ours.
    def cite(text_id: str, spans: Spans) -> str | None:
        text = edition.text(text_id)
        if text is None:
            return None
        return render_citation(cited_title(text.meta), text_id, spans, linked=book.holds_text(text_id))
    return typeset_html(link_citations(render_definition(entry.definition), cite))


def render_citation(title: str, text_id: str, spans: Spans, linked: bool = True) -> str:
    """《title》第N段 with its page (``linked``: the text is in the book), a range by its first
    paragraph; never broken inside."""
    def paragraphs(first: int, last: int) -> str:
        shown = f'第{first}{"" if last == first else f"—{last}"}段'
        return f'<a class="citation" href="#{text_id}-p{first}" data-page="">{shown}</a>' if linked else shown
    units = [paragraphs(first, last) for first, last in spans]
    units[0] = escape(title) + units[0]
    return "".join(f'<span class="nobr">{unit}{"、" if n < len(units) else ""}</span>'
                   for n, unit in enumerate(units, start=1))


def _page_link(href: str, label: str) -> str:
    return f'<a class="page-ref" href="#{href}" data-page="">{label}</a>'


def _variants(entry: GlossaryEntry) -> tuple[str, str]:
    return "其他写法", "、".join(typeset_all(v) for v in entry.variants)


def _scope(entry: GlossaryEntry) -> tuple[str, str]:
    scope = entry.scope
    parts = [(label, value) for label, value in (("地点", scope.place), ("主体", scope.body),
                                                 ("时期", scope.period)) if value]
    known = [f"{label}：{typeset_all(scope_shown(value))}" for label, value in parts]
    return "适用范围", "；".join(known)


def _term(entry: GlossaryEntry, book: Book) -> str:
    """A term named in another entry: linked to its entry with its page when the book holds it."""
    shown = typeset_all(entry.term)
    return _page_link(entry_id(entry.id), shown) if book.holds_entry(entry.id) else shown


def _components(entry: GlossaryEntry, edition: Edition, book: Book) -> tuple[str, str]:
    items = []
    for component in entry.components:
        target = edition.entry(component.term) if component.term else None
        shown = typeset_all(component.text)
        items.append(_page_link(entry_id(target.id), shown) if target and book.holds_entry(target.id) else shown)
    return "组成", "；".join(items)


def _related(entry: GlossaryEntry, edition: Edition, book: Book) -> list[tuple[str, str]]:
    edges = edition.related(entry.id)
    rows = []
    for kind, label in LABELS.items():
        targets = [t for edge in edges if edge.kind == kind and (t := edition.entry(edge.target))]
        rows.append((escape(label), "、".join(_term(t, book) for t in targets)))
    return rows


def _chapter(book: Book, text_id: str) -> str:
    """How an entry names a chapter: 第N篇 (nothing in the PDF of one text)."""
    return "" if book.scope is Scope.TEXT else f"第{chinese_number(book.numbers[text_id])}篇 "


def _sources(entry: GlossaryEntry, edition: Edition, book: Book) -> str:
    cited = []
    for source in entry.sources:
        text = edition.text(source.text) if source.text else None
        if source.text is None:
            cited.append("通行解释（据公开的通行说法，非出自本版文本）")
        elif book.holds_text(source.text) and source.paragraph:
            cited.append(_page_link(f"{source.text}-{source.paragraph}", f"{_chapter(book, source.text)}{source.paragraph}"))
        elif text is not None and source.paragraph:  # another text of the edition: by its title
            cited.append(f"{escape(cited_title(text.meta))} {source.paragraph}")
    return "；".join(cited)


def _occurrences(entry: GlossaryEntry, edition: Edition, book: Book) -> str:
    """Each block of the book's texts the term occurs in, by chapter, with its page."""
    found = [f for f in edition.found_of_term(entry.id) if book.holds_text(f.text_id)]
    if not found:
        return "本版文本中未出现"
    anchors: dict[str, dict[str, None]] = {}
    for item in sorted(found, key=lambda f: book.numbers[f.text_id]):
        anchors.setdefault(item.text_id, {})[item.block.anchor] = None
    chapters = [_chapter(book, text_id) + "、".join(_page_link(f"{text_id}-{anchor}", anchor) for anchor in blocks)
                for text_id, blocks in anchors.items()]
    return f"共 {len(found)} 处：" + "；".join(chapters)
