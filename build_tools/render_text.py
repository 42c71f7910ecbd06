"""Render one corpus text as a Markdown page.

Paragraphs are emitted as HTML blocks with their text escaped, so nothing in a raw
text (a leading "1.", "#", "    ", "<", "&") can turn into Markdown structure; only the
structure the pipeline detected becomes markup. Headings are Markdown, so they reach
the table of contents, with explicit ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from build_tools.edition import CorpusText
from build_tools.markup import escape_html, escape_markdown, front_matter
from build_tools.model import Block, BlockKind
from build_tools.textmeta import TextMeta

# The numbered lead of a point: 一、抓堡垒建设强功能。 / （一）着力增强“四个意识”。 / 一是…。
POINT_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十]+）)[^。！？；]{1,40}?[。！？；]")
SCRIPT_LABEL = {"simplified": "简体", "traditional": "繁体"}

# Renders text[start:end] of a block, escaped with the given function (HTML for paragraph
# blocks, Markdown for headings), with any glossary links inside.
Escape = Callable[[str], str]
InlineRenderer = Callable[[Block, int, int, Escape], str]


def render_text_page(text: CorpusText, inline: InlineRenderer, panel: str = "") -> str:
    """Render the Markdown page of one text; ``inline`` renders a block's text as HTML."""
    meta = text.meta
    parts = [_front_matter(meta), f"# {escape_markdown(meta.title)}\n", render_meta(meta)]
    previous: Block | None = None
    for block in text.article.blocks:
        parts.append(render_block(block, inline, previous))
        previous = block
    if panel:
        parts.append(panel)
    return "\n".join(parts)


def _front_matter(meta: TextMeta) -> str:
    return front_matter(meta.title, f"{meta.place.label()} {meta.date or '日期不详'} {meta.outlet or ''}".strip(),
                        meta.path)


def meta_rows(meta: TextMeta) -> list[tuple[str, str]]:
    """A text's metadata as (label, value) rows shown to readers, unknowns said so."""
    rows = [
        ("地点", meta.place.label()),
        ("日期", meta.date or "不详（原文未载日期）"),
        ("媒体", meta.outlet or "不详"),
        ("来源", meta.source_line or "不详"),
        ("作者", meta.author or "不详"),
        ("责任编辑", meta.editor),
        ("原文字体", _script_label(meta)),
        ("标题", "编者拟题（原文无标题）" if meta.title_source == "editor" else None),
        ("说明", meta.note),
    ]
    return [(label, value) for label, value in rows if value]


def render_meta(meta: TextMeta) -> str:
    """Render a text's metadata as a definition list (all values escaped)."""
    items = "".join(f"<dt>{escape_html(label)}</dt><dd>{escape_html(value)}</dd>"
                    for label, value in meta_rows(meta))
    raw = f"原始文本：[{meta.id}.txt](raw/{meta.id}.txt)（抓取原样，未经编辑；本页为清理后的文本）"
    return f'<dl class="text-meta" data-search-exclude>{items}</dl>\n\n{raw}\n{{ .raw-source }}\n'


def _script_label(meta: TextMeta) -> str:
    label = SCRIPT_LABEL.get(meta.script, meta.script)
    return f"{label}（经 OpenCC {meta.convert} 转为简体）" if meta.convert else label


def render_block(block: Block, inline: InlineRenderer, previous: Block | None) -> str:
    """Render one block; the paragraph number links to the block's own anchor."""
    if block.kind is BlockKind.HEADING:
        return f"## {inline(block, 0, len(block.text), escape_markdown)} {{ #{block.anchor} }}\n"
    if block.kind is BlockKind.CAPTION:
        return f'<p class="caption" id="{block.anchor}">{inline(block, 0, len(block.text), escape_html)}</p>\n'
    number = f'<a class="para-num" href="#{block.anchor}" aria-label="第{block.number}段">{block.number}</a>'
    classes = ["para", block.kind.value.replace("_", "-")]
    if previous is not None and previous.kind is BlockKind.LIST_ITEM:
        classes.append("item-body")
    return f'<p class="{" ".join(classes)}" id="{block.anchor}">{number}{_body(block, inline)}</p>\n'


def _body(block: Block, inline: InlineRenderer) -> str:
    """Set the numbered lead sentence of a point in bold, if the block starts with one."""
    match = POINT_LEAD.match(block.text) if block.kind is BlockKind.PARAGRAPH else None
    split = match.end() if match else 0
    lead = f"<strong>{inline(block, 0, split, escape_html)}</strong>" if split else ""
    return lead + inline(block, split, len(block.text), escape_html)


def plain_inline(block: Block, start: int, end: int, escape: Escape) -> str:
    """Render part of a block's text with no glossary links."""
    return escape(block.text[start:end])
