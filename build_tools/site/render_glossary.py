"""Render glossary links, in-page tooltips, term pages, the index and the search dictionary."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from build_tools.annotations.definitions import Cite, Spans, anchor_spans, render_definition
from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.schema import KIND_LABELS
from build_tools.edition import Edition
from build_tools.model import Block
from build_tools.presentation import USER_WORD_FREQUENCY, cited_title, dictionary_words, scope_shown
from build_tools.site.markup import escape_html, escape_markdown, front_matter, general_mark
from build_tools.site.paging import pages_of, render_pager
from build_tools.site.render_relations import Appearances, render_comparison, render_related
from build_tools.site.render_text import Escape, InlineRenderer
from build_tools.stages.typography import join_cjk_lines
from build_tools.terms.annotate import Found
from build_tools.terms.marking import Marked, mark_first_in_section
from build_tools.traditional_forms import traditional_term

CONTEXT = 24  # characters of context each side of an occurrence on term pages
# An occurrence list continues on numbered pages past this many texts (site.paging); its
# first texts are quoted in context, a few occurrences each, the others listed by place:
# a term used in every text of 1,000 would otherwise make a page of over a megabyte.
OCCURRENCE_TEXTS_PER_PAGE = 100
QUOTED_TEXTS = 20  # texts quoted in context, on the first page
QUOTED_PER_TEXT = 3
OTHER_ANCHORS = {"s": "小标题", "c": "图片说明"}  # anchors of blocks that are not paragraphs
Excerpt = Callable[[Found], str]  # an occurrence's words in context, rendered


def linked_inline(edition: Edition, text_id: str) -> InlineRenderer:
    """An inline renderer that links every occurrence in a text to its term page, loudly
    at a term's first occurrence in each section and quietly after it."""
    text = edition.text(text_id)
    blocks = text.article.blocks if text else ()
    return marked_inline(mark_first_in_section(blocks, edition.found_in_text(text_id)))


def marked_inline(marks: Iterable[Marked]) -> InlineRenderer:
    """An inline renderer for these occurrences: each a link, quiet unless flagged first."""
    by_anchor: dict[str, list[Marked]] = defaultdict(list)
    for mark in marks:
        by_anchor[mark.found.block.anchor].append(mark)

    def render(block: Block, start: int, end: int, escape: Escape) -> str:
        parts, position = [], start
        for mark in by_anchor.get(block.anchor, ()):
            occurrence = mark.found.occurrence
            if occurrence.start < start or occurrence.end > end:
                continue
            parts.append(escape(block.text[position:occurrence.start]))
            parts.append(term_link(occurrence.term_id, escape(occurrence.form), mark.first))
            position = occurrence.end
        parts.append(escape(block.text[position:end]))
        return "".join(parts)

    return render


def term_link(term_id: str, shown: str, first: bool = True) -> str:
    """A link from a text page to a term page; its tooltip is read from the page's panel.

    Kept minimal (every occurrence carries one); ``shown`` is already escaped for where
    the link stands (HTML or Markdown). A repeat of a term in its section is quiet: out
    of the Tab order (tabindex="-1"), so the keyboard meets each term once per section at
    its first, loud occurrence, which gives the same tooltip and page; yet still a real
    link with its href, so the term page stays one click away, without a script too, and
    assistive technology still lists it as a link (a span would need a script-made role).
    ``data-quiet`` takes the underline away in edition.css.
    """
    quiet = "" if first else ' tabindex="-1" data-quiet'
    return f'<a class="gl" href="../../glossary/{term_id}/"{quiet}>{shown}</a>'


def citation_renderer(edition: Edition) -> Cite:
    """Render a term page's citations of the edition's texts; others stay as written."""
    def cite(text_id: str, spans: Spans) -> str | None:
        text = edition.text(text_id)
        if text is None:
            return None
        return render_citation(cited_title(text.meta), f"../../texts/{text_id}/", spans)
    return cite


def render_citation(title: str, href: str, spans: Spans) -> str:
    """《title》第N段, every paragraph of a list or range its own link.

    A citation never breaks inside: one paragraph is one unbreakable unit; a list or range
    breaks only between its paragraph numbers, never before 、 or 段.
    """
    numbers = [n for first, last in spans for n in range(first, last + 1)]
    shown = [f"{escape_html(title)}第{numbers[0]}", *map(str, numbers[1:])]
    shown[-1] += "段"
    units = [f'<a href="{href}#p{n}">{label}</a>' for n, label in zip(numbers, shown)]
    units = [*(f"{unit}、" for unit in units[:-1]), units[-1]]
    return ('<span class="citation">'
            + "".join(f'<span class="cite-unit">{unit}</span>' for unit in units) + "</span>")


def render_term_page(entry: GlossaryEntry, edition: Edition, appearances: Appearances,
                     diagram: str | None = None, excerpt: Excerpt | None = None,
                     script_twin: str | None = None, snippet: Excerpt | None = None) -> str:
    """The page of one term: facts, definition, parts, sources and every occurrence.

    ``diagram`` is the SVG of its relations, when it has any. The term stands beside its
    form in the other script (``script_twin``; by default its Traditional form);
    ``excerpt`` renders an occurrence in context and ``snippet`` its words in the comparison
    table (the Traditional view quotes a text published in Traditional in its own characters).
    """
    parts = [
        front_matter(entry.term, entry.summary, entry.path),
        f"# {escape_markdown(entry.term)} {{ #term }}\n",
        script_twin or render_script_twin("繁体", traditional_term(entry), "zh-Hant"),
        _facts(entry),
        f'<p class="term-summary">{escape_html(entry.summary)}{general_mark(entry.basis)}</p>\n',
        "## 释义 { #definition }\n",
        f'<div class="term-definition">{render_definition(entry.definition, citation_renderer(edition))}</div>\n',
    ]
    if entry.components:
        parts.append("## 组成 { #components }\n")
        parts.append("\n".join(_component(c.text, c.term, edition) for c in entry.components) + "\n")
    if entry.note:
        parts.append(f'<p class="term-note"><strong>说明：</strong>{escape_html(join_cjk_lines(entry.note))}</p>\n')
    parts.append(render_related(entry, edition, diagram))
    parts.append(render_comparison(entry, edition, appearances, snippet))
    parts.append("## 出处 { #sources }\n")
    # Raw HTML, not a Markdown list: Markdown would read a title's *a* or [b](c) as markup.
    items = "".join(f"<li>{_source(s.text, s.paragraph, edition)}</li>" for s in entry.sources)
    parts.append(f'<ul class="term-sources">{items}</ul>\n')
    parts.append(_occurrences(entry, edition, excerpt or occurrence_excerpt))
    return "\n".join(parts)


def render_script_twin(label: str, form: str, lang: str) -> str:
    """The term in the other script, beside the heading."""
    return f'<p class="term-script">{escape_html(label)}：<span lang="{lang}">{escape_html(form)}</span></p>\n'


def _facts(entry: GlossaryEntry) -> str:
    scope = entry.scope
    rows = [("拼音", entry.pinyin), ("英文", entry.english), ("类别", KIND_LABELS[entry.kind]),
            ("其他写法", "、".join(entry.variants)), ("地点", scope.place), ("主体", scope.body),
            ("时期", scope.period)]
    items = "".join(f"<dt>{escape_html(k)}</dt><dd>{escape_html(scope_shown(v))}</dd>" for k, v in rows if v)
    return f'<dl class="term-facts">{items}</dl>\n'


def _component(text: str, term_id: str | None, edition: Edition) -> str:
    entry = edition.entry(term_id) if term_id else None
    if entry is None:
        return f"1. {escape_markdown(text)}"
    return f"1. [{escape_markdown(text)}]({entry.id}.md)"


def _source(text_id: str | None, anchor: str | None, edition: Edition) -> str:
    if text_id is None:
        return "通行解释（本条释义据公开的通行说法，非出自本版文本）"
    text = edition.text(text_id)
    if text is None or anchor is None:
        return escape_html(f"{text_id} {anchor or ''}")
    href, title = f"../../texts/{text_id}/", cited_title(text.meta)
    if anchor.startswith("p"):
        return render_citation(title, href, anchor_spans(anchor))
    label = f"{escape_html(title)}{OTHER_ANCHORS[anchor[0]]}{anchor[1:]}"  # a heading or a caption
    return f'<span class="citation"><span class="cite-unit"><a href="{href}#{anchor}">{label}</a></span></span>'


def occurrence_groups(entry: GlossaryEntry, edition: Edition) -> list[tuple[str, tuple[Found, ...]]]:
    """A term's occurrences by text: texts in id order, each text's in reading order."""
    return [(text_id, tuple(here)) for text_id, here
            in itertools.groupby(edition.found_of_term(entry.id), key=lambda f: f.text_id)]


def occurrence_page_count(entry: GlossaryEntry, edition: Edition) -> int:
    return len(pages_of(occurrence_groups(entry, edition), OCCURRENCE_TEXTS_PER_PAGE))


def occurrence_page_path(term_id: str, number: int) -> str:
    """Where page ``number`` (2, 3, …) of a term's occurrence list goes; page 1 is the term page."""
    return f"docs/glossary/{term_id}/occurrences-{number}.md"


def render_occurrence_page(entry: GlossaryEntry, edition: Edition, number: int,
                           excerpt: Excerpt | None = None) -> str:
    """Page ``number`` (from 2) of a term's occurrence list; kept out of search like the list."""
    title = f"{entry.term} · 出现位置（第{number}页）"
    return "\n".join([front_matter(title, searchable=False), f"# {escape_markdown(title)}\n",
                       f"术语：[{escape_markdown(entry.term)}](../{entry.id}.md)\n",
                       _occurrences(entry, edition, excerpt or occurrence_excerpt, number)])


def _occurrences(entry: GlossaryEntry, edition: Edition, excerpt: Excerpt, number: int = 1) -> str:
    """One page of the occurrence list: on the first page the first texts' occurrences in
    context, then one line per text with each place it occurs.

    Out of search: it quotes the texts, which are indexed on their own pages (at 1,000
    articles these quotations were over half the search index and of its build time).
    Quoting every occurrence of a term used in 1,000 texts would be 3,000 excerpts that no
    one reads and 20 MB of pages to build; a line per text keeps every place one click away.
    """
    groups = occurrence_groups(entry, edition)
    pages = pages_of(groups, OCCURRENCE_TEXTS_PER_PAGE)
    here = "../" if number == 1 else "../../"  # from docs/glossary/ or docs/glossary/<term>/
    total = len(edition.found_of_term(entry.id))
    pager = render_pager(number, len(pages), f"{entry.id}.md", f"{entry.id}/occurrences-{{}}.md".format, "出现位置分页")
    lines = [f"## 出现位置 {{ #occurrences data-search-exclude }}\n\n共 {total} 处，见于 {len(groups)} 篇文本。\n"]
    lines += [pager] if pager else []
    shown = pages[number - 1]
    quoted = shown[:QUOTED_TEXTS] if number == 1 else ()
    for text_id, found in quoted:
        title = edition.text(text_id).meta.title  # type: ignore[union-attr]
        lines.append(f"### {escape_markdown(title)} {{ data-search-exclude }}\n")
        lines.extend(_occurrence_line(f, excerpt, here) for f in found[:QUOTED_PER_TEXT])
        if found[QUOTED_PER_TEXT:]:
            lines.append(f"- 另有 {len(found) - QUOTED_PER_TEXT} 处：{_places(found[QUOTED_PER_TEXT:], here)}")
        lines.append("")
    listed = shown[len(quoted):]
    if listed:
        if quoted:
            lines.append("### 其他文本 { #occurrences-more data-search-exclude }\n")
        lines.extend(f"- [{escape_markdown(edition.text(text_id).meta.title)}]({here}texts/{text_id}.md)"  # type: ignore[union-attr]
                     f"（{len(found)} 处）：{_places(found, here)}" for text_id, found in listed)
        lines.append("")
    if pager:
        lines.append(pager)
    return "\n".join(lines)


def _places(found: Sequence[Found], here: str) -> str:
    """Each place of these occurrences (of one text), linked: 第3段、小标题2."""
    return "、".join(f"[{_place_label(f.block.anchor)}]({here}texts/{f.text_id}.md#{f.block.anchor})" for f in found)


def _occurrence_line(found: Found, excerpt: Excerpt, here: str = "../") -> str:
    link = f"[{_place_label(found.block.anchor)}]({here}texts/{found.text_id}.md#{found.block.anchor})"
    return f"- {link}：{excerpt(found)}"


def _place_label(anchor: str) -> str:
    """第12段 for a paragraph, 小标题3 for a heading, 图片说明1 for a caption."""
    return f"第{anchor[1:]}段" if anchor.startswith("p") else f"{OTHER_ANCHORS[anchor[0]]}{anchor[1:]}"


def occurrence_excerpt(found: Found, text: str | None = None) -> str:
    """The words around an occurrence, the term marked; ``text`` is the block's text in
    another script of the same length (its offsets hold), by default the block's own."""
    occurrence = found.occurrence
    text = found.block.text if text is None else text
    before = text[max(0, occurrence.start - CONTEXT):occurrence.start]
    after = text[occurrence.end:occurrence.end + CONTEXT]
    ellipsis_before = "…" if occurrence.start > CONTEXT else ""
    ellipsis_after = "…" if occurrence.end + CONTEXT < len(text) else ""
    return (f"{ellipsis_before}{escape_markdown(before)}"
            f"<mark>{escape_html(text[occurrence.start:occurrence.end])}</mark>"
            f"{escape_markdown(after)}{ellipsis_after}")


def render_glossary_index(edition: Edition) -> str:
    """All terms grouped by kind, ordered by pinyin, with English glosses."""
    counts = {entry.id: len(edition.found_of_term(entry.id)) for entry in edition.glossary}
    parts = [front_matter("术语表", searchable=False), "# 术语表 · Glossary\n",
             f"共 {len(edition.glossary)} 条。按类别分组，组内按拼音排序；“次数”为在本版文本中出现的次数。\n"]
    for kind, label in KIND_LABELS.items():
        entries = sorted((e for e in edition.glossary if e.kind == kind), key=pinyin_key)
        if not entries:
            continue
        parts.append(f"## {label} · {kind} {{ #{kind} }}\n")
        parts.append("| 术语 | 拼音 | English | 次数 | 摘要 |\n| --- | --- | --- | --- | --- |")
        parts.extend(
            f"| [{escape_markdown(e.term)}]({e.id}.md) | {escape_markdown(e.pinyin)} | "
            f"{escape_markdown(e.english)} | {counts[e.id]} | {escape_markdown(e.summary)} |"
            for e in entries
        )
        parts.append("")
    return "\n".join(parts)


def render_jieba_dictionary(edition: Edition) -> str:
    """A jieba user dictionary so search indexes every term and variant as one word."""
    return "".join(f"{form} {USER_WORD_FREQUENCY} nz\n" for form in dictionary_words(edition.glossary))
