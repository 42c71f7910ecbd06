"""Render one corpus text as a chapter: metadata, headings, numbered paragraphs, term footnotes.

Each term gets a footnote (term, pinyin, English, a short gloss and the page of its
appendix entry) at its first occurrence in the chapter, marked with a dotted underline;
later occurrences are unmarked links to the glossary appendix. The gloss is the summary
cut to ``GLOSS_BUDGET`` characters at a sentence or clause end, so that footnotes stay
under about a third of a page; the whole summary is in the appendix. Titles break only
between words. Paragraph numbers and ids repeat the site's anchors.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from build_tools.annotations.glossary import GlossaryEntry
from build_tools.annotations.textmeta import TextMeta
from build_tools.edition import CorpusText, Edition
from build_tools.model import Block, BlockKind
from build_tools.pdf.ids import block_id, chapter_id, chinese_number, entry_id, footnote_id
from build_tools.pdf.typeset import basis_mark, typeset, typeset_all, typeset_words
from build_tools.pdf.words import short_gloss, word_ends
from build_tools.presentation import POINT_LEAD, dictionary_words, meta_rows, text_page_url
from build_tools.terms.annotate import Found

GLOSS_BUDGET = 20  # characters of summary in a footnote (the summaries run to 64)


@dataclass(frozen=True)
class Mark:
    """An occurrence to render, and whether it is the term's first in the chapter."""

    found: Found
    entry: GlossaryEntry
    first: bool
    gloss: str = ""  # the footnote's short gloss, on a first occurrence


def render_chapter(text: CorpusText, number: int | None, edition: Edition, site_url: str | None = None) -> str:
    """Render the HTML section of one text: 第N篇 when ``number`` is given (a book of several).

    The metadata names the text's page on the published site when ``site_url`` is known.
    """
    meta = text.meta
    marks = chapter_marks(edition, meta.id)
    words = dictionary_words(edition.glossary)
    blocks = []
    previous: Block | None = None
    for block in text.article.blocks:
        blocks.append(render_block(meta.id, block, marks.get(block.anchor, ()), previous, words))
        previous = block
    title = escape(meta.title)
    editor_title = '<span class="editor-title">〔编者拟题〕</span>' if meta.title_source == "editor" else ""
    label = f'<p class="chapter-label">第{chinese_number(number)}篇</p>' if number is not None else ""
    return (f'<section class="chapter" id="{chapter_id(meta.id)}">{label}'
            f'<h1 class="chapter-title" data-title="{title}" data-bookmark="{title}">'
            f'{typeset_words(meta.title, word_ends(meta.title, words))}{editor_title}</h1>'
            f'{render_meta(meta, site_url)}{"".join(blocks)}</section>\n')


def chapter_marks(edition: Edition, text_id: str) -> dict[str, tuple[Mark, ...]]:
    """The occurrences of one text by block anchor, the first of each term flagged."""
    seen: set[str] = set()
    marks: dict[str, list[Mark]] = defaultdict(list)
    words = dictionary_words(edition.glossary)
    for found in edition.found_in_text(text_id):
        entry = edition.entry(found.occurrence.term_id)
        if entry is None:
            continue
        first = entry.id not in seen
        gloss = short_gloss(entry.summary, GLOSS_BUDGET, words) if first else ""
        marks[found.block.anchor].append(Mark(found, entry, first, gloss))
        seen.add(entry.id)
    return {anchor: tuple(items) for anchor, items in marks.items()}


def footnote_ids(edition: Edition, text_id: str) -> list[str]:
    """The ids of a chapter's footnotes, in order: one per term, at its first occurrence."""
    return [footnote_id(text_id, mark.entry.id)
            for marks in chapter_marks(edition, text_id).values() for mark in marks if mark.first]


def render_meta(meta: TextMeta, site_url: str | None = None) -> str:
    """The text's metadata as a definition list, with the id to cite it by and, when the
    published address is known, the address of its page."""
    rows = [*meta_rows(meta), ("引用标识", f"{meta.id}（段落引作 {meta.id} p1、p2……）")]
    page = [("网页版", text_page_url(site_url, meta.id))] if site_url else []
    items = "".join(f"<dt>{escape(label)}</dt><dd>{typeset_all(value)}</dd>" for label, value in rows + page)
    return f'<dl class="text-meta">{items}</dl>'


def render_block(text_id: str, block: Block, marks: tuple[Mark, ...], previous: Block | None,
                 words: tuple[str, ...] = ()) -> str:
    """Render a heading, a caption or a numbered paragraph; a heading breaks only between
    ``words`` (jieba's, with these glossary words)."""
    ident = block_id(text_id, block)
    if block.kind is BlockKind.HEADING:
        ends = word_ends(block.text, words)
        return (f'<h2 class="section" id="{ident}" data-bookmark="{escape(block.text)}">'
                f'{render_inline(text_id, block, 0, len(block.text), marks, ends)}</h2>')
    if block.kind is BlockKind.CAPTION:
        return f'<p class="caption" id="{ident}">{render_inline(text_id, block, 0, len(block.text), marks)}</p>'
    classes = ["para", block.kind.value.replace("_", "-")]
    if previous is not None and previous.kind is BlockKind.LIST_ITEM:
        classes.append("item-body")
    return (f'<p class="{" ".join(classes)}" id="{ident}"><span class="pn">{block.number}</span>'
            f'{_body(text_id, block, marks)}</p>')


def _body(text_id: str, block: Block, marks: tuple[Mark, ...]) -> str:
    """Set the numbered lead sentence of a point in bold, as the site does."""
    match = POINT_LEAD.match(block.text) if block.kind is BlockKind.PARAGRAPH else None
    split = match.end() if match else 0
    for mark in marks:  # never cut a term in two: its footnote would be lost
        if mark.found.occurrence.start < split < mark.found.occurrence.end:
            split = mark.found.occurrence.end
    lead = f"<strong>{render_inline(text_id, block, 0, split, marks)}</strong>" if split else ""
    return lead + render_inline(text_id, block, split, len(block.text), marks)


def render_inline(text_id: str, block: Block, start: int, end: int, marks: tuple[Mark, ...],
                  ends: frozenset[int] | None = None) -> str:
    """Render ``block.text[start:end]`` with its terms marked; with word ``ends`` (a
    title), no line breaks inside a word or a term."""
    def plain(first: int, last: int) -> str:
        return typeset(block.text, first, last) if ends is None else typeset_words(block.text, ends, first, last)

    parts, position = [], start
    for mark in marks:
        occurrence = mark.found.occurrence
        if occurrence.start < start or occurrence.end > end:
            continue
        parts.append(plain(position, occurrence.start))
        term = render_term(text_id, block.text, mark)
        parts.append(term if ends is None else f'<span class="nobr">{term}</span>')
        position = occurrence.end
    parts.append(plain(position, end))
    return "".join(parts)


def render_term(text_id: str, text: str, mark: Mark) -> str:
    """A later occurrence links to the appendix; the first also carries the footnote.

    The last character and the footnote call stay together, so no line starts with a call.
    """
    start, end = mark.found.occurrence.start, mark.found.occurrence.end
    href = f"#{entry_id(mark.entry.id)}"
    if not mark.first:
        return f'<a class="gl" href="{href}">{typeset(text, start, end)}</a>'
    head = f'<a class="gl first" href="{href}">{typeset(text, start, end - 1)}</a>' if end - start > 1 else ""
    tail = f'<a class="gl first" href="{href}">{typeset(text, end - 1, end)}</a>'
    return f'{head}<span class="nobr">{tail}{render_footnote(text_id, mark)}</span>'


def render_footnote(text_id: str, mark: Mark) -> str:
    """The footnote of a term: term (linked to its entry), pinyin, English, short gloss, and
    the page of its entry in the appendix, where the whole summary is (book.css .fn-page)."""
    entry, form = mark.entry, mark.found.occurrence.form
    variant = typeset_all(f"（文中作“{form}”）") if form != entry.term else ""
    return (f'<span class="fn" id="{footnote_id(text_id, entry.id)}">'
            f'<a class="fn-term" href="#{entry_id(entry.id)}">{typeset_all(entry.term)}</a> '
            f'<span class="fn-pinyin" lang="zh-Latn-pinyin">{escape(entry.pinyin)}</span> '
            f'<span class="fn-english" lang="en">{escape(entry.english)}</span>{variant}'
            f'<span class="fn-sep">：</span>{typeset_all(mark.gloss)}{basis_mark(entry.basis)}'
            f'<a class="fn-page" href="#{entry_id(entry.id)}" data-page=""></a></span>')
