"""Render glossary links, in-page tooltips, term pages, the index and the search dictionary."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable

from build_tools.annotations.definitions import render_definition
from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.schema import KIND_LABELS
from build_tools.edition import Edition
from build_tools.model import Block
from build_tools.site.markup import escape_html, escape_markdown, front_matter, general_mark
from build_tools.site.render_relations import Appearances, render_comparison, render_related
from build_tools.site.render_text import Escape, InlineRenderer
from build_tools.terms.annotate import Found
from build_tools.traditional_forms import traditional_term

CONTEXT = 24  # characters of context each side of an occurrence on term pages
Excerpt = Callable[[Found], str]  # an occurrence's words in context, rendered


def linked_inline(edition: Edition, text_id: str) -> InlineRenderer:
    """An inline renderer that links every occurrence in a text to its term page."""
    by_anchor: dict[str, list[Found]] = defaultdict(list)
    for found in edition.found_in_text(text_id):
        by_anchor[found.block.anchor].append(found)

    def render(block: Block, start: int, end: int, escape: Escape) -> str:
        parts, position = [], start
        for found in by_anchor.get(block.anchor, ()):
            occurrence = found.occurrence
            if occurrence.start < start or occurrence.end > end:
                continue
            parts.append(escape(block.text[position:occurrence.start]))
            parts.append(term_link(occurrence.term_id, escape(occurrence.form)))
            position = occurrence.end
        parts.append(escape(block.text[position:end]))
        return "".join(parts)

    return render


def term_link(term_id: str, shown: str) -> str:
    """A link from a text page to a term page; its tooltip is read from the page's panel.

    Kept minimal (every occurrence carries one); ``shown`` is already escaped for where
    the link stands (HTML or Markdown).
    """
    return f'<a class="gl" href="../../glossary/{term_id}/">{shown}</a>'





def render_term_page(entry: GlossaryEntry, edition: Edition, appearances: Appearances,
                     excerpt: Excerpt | None = None, script_twin: str | None = None) -> str:
    """The page of one term: facts, definition, parts, sources and every occurrence.

    The term stands beside its form in the other script (``script_twin``; by default its
    Traditional form); ``excerpt`` renders an occurrence in context (the Traditional view
    quotes a text published in Traditional in its own characters).
    """
    parts = [
        front_matter(entry.term, entry.summary, entry.path),
        f"# {escape_markdown(entry.term)} {{ #term }}\n",
        script_twin or render_script_twin("繁体", traditional_term(entry), "zh-Hant"),
        _facts(entry),
        f'<p class="term-summary">{escape_html(entry.summary)}{general_mark(entry.basis)}</p>\n',
        "## 释义 { #definition }\n",
        f'<div class="term-definition">{render_definition(entry.definition, edition.text_ids)}</div>\n',
    ]
    if entry.components:
        parts.append("## 组成 { #components }\n")
        parts.append("\n".join(_component(c.text, c.term, edition) for c in entry.components) + "\n")
    if entry.note:
        parts.append(f'<p class="term-note"><strong>说明：</strong>{escape_html(entry.note)}</p>\n')
    parts.append(render_related(entry, edition))
    parts.append(render_comparison(entry, edition, appearances))
    parts.append("## 出处 { #sources }\n")
    parts.append("\n".join(_source(s.text, s.paragraph, edition) for s in entry.sources) + "\n")
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
    items = "".join(f"<dt>{escape_html(k)}</dt><dd>{escape_html(_known(v))}</dd>" for k, v in rows if v)
    return f'<dl class="term-facts">{items}</dl>\n'


def _known(value: str) -> str:
    """Show the schema's 'unknown' to readers in Chinese."""
    return "不详" if value.strip().lower() == "unknown" else value


def _component(text: str, term_id: str | None, edition: Edition) -> str:
    entry = edition.entry(term_id) if term_id else None
    if entry is None:
        return f"1. {escape_markdown(text)}"
    return f"1. [{escape_markdown(text)}]({entry.id}.md)"


def _source(text_id: str | None, anchor: str | None, edition: Edition) -> str:
    if text_id is None:
        return "- 通行解释（本条释义据公开的通行说法，非出自本版文本）"
    text = edition.text(text_id)
    title = escape_markdown(text.meta.title if text else text_id)
    return f"- [{title}，第{(anchor or '')[1:]}段](../texts/{text_id}.md#{anchor})"


def _occurrences(entry: GlossaryEntry, edition: Edition, excerpt: Excerpt) -> str:
    found = edition.found_of_term(entry.id)  # texts in id order, each in reading order
    lines = [f"## 出现位置 {{ #occurrences }}\n\n共 {len(found)} 处。\n"]
    for text_id, here in itertools.groupby(found, key=lambda f: f.text_id):
        lines.append(f"### {escape_markdown(edition.text(text_id).meta.title)}\n")  # type: ignore[union-attr]
        lines.extend(_occurrence_line(f, excerpt) for f in here)
        lines.append("")
    return "\n".join(lines)


def _occurrence_line(found: Found, excerpt: Excerpt) -> str:
    link = f"[第{found.block.anchor[1:]}段](../texts/{found.text_id}.md#{found.block.anchor})"
    return f"- {link}：{excerpt(found)}"


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
    forms = sorted({form for e in edition.glossary for form in (e.term, *e.variants)
                    if " " not in form})
    return "".join(f"{form} 100000 nz\n" for form in forms)
