"""Render one corpus text as a Markdown page.

Paragraphs are emitted as HTML blocks with their text escaped, so nothing in a raw
text (a leading "1.", "#", "    ", "<", "&") can turn into Markdown structure; only the
structure the pipeline detected becomes markup. Headings are Markdown, so they reach
the table of contents, with explicit ids. A long run of paragraphs is cut for search by
headings only search sees (build_tools/search_sections.py).
"""

from __future__ import annotations

from collections.abc import Callable

from build_tools.annotations.textmeta import TextMeta
from build_tools.downloads import text_pdf_link
from build_tools.edition import CorpusText
from build_tools.model import Block, BlockKind
from build_tools.presentation import NOTE_LABEL, POINT_LEAD, SOURCE_LINE_LABEL, parsed_rows
from build_tools.search_sections import search_part_starts
from build_tools.site.citation import Citable, chicago_template, citable, gbt7714_template, highwire_tags
from build_tools.site.markup import escape_html, escape_markdown, front_matter, yaml_string
from build_tools.sources import raw_text_path
from build_tools.stages.typography import join_cjk_lines

# Renders text[start:end] of a block, escaped with the given function (HTML for paragraph
# blocks, Markdown for headings), with any glossary links inside.
Escape = Callable[[str], str]
InlineRenderer = Callable[[Block, int, int, Escape], str]


def render_text_page(text: CorpusText, inline: InlineRenderer, panel: str = "", site_url: str | None = None) -> str:
    """Render the Markdown page of one text; ``inline`` renders a block's text as HTML."""
    return with_panel(render_text_body(text, inline, site_url), panel)


def render_text_body(text: CorpusText, inline: InlineRenderer, site_url: str | None = None) -> str:
    """The page without its closing panel: what the text and the terms found in it determine."""
    meta = text.meta
    parts = [_front_matter(meta, site_url), f"# {escape_markdown(meta.title)}\n", render_meta(meta, text.raw)]
    previous: Block | None = None
    section: Block | None = None  # the heading the current block is under; None: the title
    cuts = {block.anchor for block in search_part_starts(text.article.blocks)}
    for block in text.article.blocks:
        section = block if block.kind is BlockKind.HEADING else section
        if block.anchor in cuts:
            parts.append(render_search_part(block, section, meta.title))
        parts.append(render_block(block, inline, previous, retired_targets(text.article.retired, block.anchor)))
        previous = block
    return "\n".join(parts)


def with_panel(body: str, panel: str) -> str:
    """A text page from its body and its closing panel (none: the body alone)."""
    return f"{body}\n{panel}" if panel else body


def _front_matter(meta: TextMeta, site_url: str | None) -> str:
    matter = front_matter(meta.title, f"{meta.place.label()} {meta.date or '日期不详'} {meta.outlet or ''}".strip(),
                          meta.path)
    return matter.removesuffix("---\n") + render_citation_matter(citable(meta, site_url)) + "---\n"


def render_citation_matter(text: Citable) -> str:
    """Front matter the theme's main.html turns into citation_* meta tags and copy templates."""
    tags = "".join(f"    - [{yaml_string(name)}, {yaml_string(value)}]\n" for name, value in highwire_tags(text))
    return (f"citation:\n  tags:\n{tags}  gbt7714: {yaml_string(gbt7714_template(text))}\n"
            f"  chicago: {yaml_string(chicago_template(text))}\n")


def raw_copy(raw_path: str) -> str:
    """Where the published copy of a raw file (texts/<id>.txt or .html) is, under docs/texts/.

    A saved page is published as plain text: served as HTML, its scripts would run on the
    edition's site.
    """
    name = raw_path.rsplit("/", 1)[-1]
    return f"raw/{name}" if name.endswith(".txt") else f"raw/{name}.txt"


def render_meta(meta: TextMeta, raw_path: str | None = None) -> str:
    """Render a text's metadata as a definition list of the fields read from it, the note in
    Chinese (its English beside it), and the raw source line folded away (all values escaped);
    ``raw_path`` is the raw file (texts/<id>.txt by default), linked as published."""
    items = "".join(f"<dt>{escape_html(label)}</dt><dd>{escape_html(value)}</dd>"
                    for label, value in parsed_rows(meta)) + _note(meta)
    raw_path = raw_path or raw_text_path(meta.id)
    name = raw_path.rsplit("/", 1)[-1]
    raw = (f"原始文本：[{name}]({raw_copy(raw_path)})（抓取原样，未经编辑；本页为清理后的文本）　"
           f"引用格式：[CSL-JSON](cite/{meta.id}.json) · [BibTeX](cite/{meta.id}.bib)　"
           # Raw HTML: the PDF is built after MkDocs, which would call a Markdown link to it broken.
           f'打印：<a href="{text_pdf_link(meta.id)}">本篇 PDF</a>（正文、术语脚注与本篇术语表）')
    return (f'<dl class="text-meta" data-search-exclude>{items}</dl>\n\n{_source_line(meta)}'
            f'{raw}\n{{ .raw-source data-search-exclude }}\n')


def _note(meta: TextMeta) -> str:
    if not meta.note_zh:
        return ""
    english = f' <span class="note-en" lang="en">{escape_html(meta.note)}</span>' if meta.note else ""
    return f"<dt>{NOTE_LABEL}</dt><dd>{escape_html(join_cjk_lines(meta.note_zh))}{english}</dd>"


def _source_line(meta: TextMeta) -> str:
    """The source line exactly as scraped, for readers who check what the fields were read from."""
    if not meta.source_line:
        return ""
    return (f'<details class="source-line" data-search-exclude><summary>{SOURCE_LINE_LABEL}</summary>'
            f'<p><code>{escape_html(meta.source_line)}</code></p></details>\n\n')


def retired_targets(retired: tuple[tuple[str, str], ...], anchor: str) -> str:
    """Empty targets for the retired ids that now resolve to this block: old links still land."""
    return "".join(f'<span class="retired-anchor" id="{old}"></span>' for old, live in retired if live == anchor)


def render_search_part(block: Block, section: Block | None, title: str) -> str:
    """A heading only search sees, where a long section is cut: hidden from the eye and from
    screen readers (edition.css, aria-hidden), it is where a search hit in this part lands.
    Raw HTML, so it stays out of the table of contents; one level below the section it cuts."""
    level, name = (3, section.text) if section else (2, title)
    where = f"第{block.number}段起" if block.anchor.startswith("p") else "续"
    return (f'<h{level} class="search-part" id="part-{block.anchor}" aria-hidden="true">'
            f'{escape_html(name)}（{where}）</h{level}>\n')


def render_block(block: Block, inline: InlineRenderer, previous: Block | None, targets: str = "") -> str:
    """Render one block; the paragraph number links to the block's own anchor."""
    if block.kind is BlockKind.HEADING:
        heading = f"## {inline(block, 0, len(block.text), escape_markdown)} {{ #{block.anchor} }}\n"
        return f"{targets}\n\n{heading}" if targets else heading
    if block.kind is BlockKind.CAPTION:
        return (f'<p class="caption" id="{block.anchor}">{targets}'
                f'{inline(block, 0, len(block.text), escape_html)}</p>\n')
    # The number is apparatus: indexed, it would glue to the first word ("1当前").
    number = f'<a class="para-num" href="#{block.anchor}" aria-label="第{block.number}段" data-search-exclude>{block.number}</a>'
    classes = ["para", block.kind.value.replace("_", "-")]
    if previous is not None and previous.kind is BlockKind.LIST_ITEM:
        classes.append("item-body")
    return f'<p class="{" ".join(classes)}" id="{block.anchor}">{targets}{number}{_body(block, inline)}</p>\n'


def _body(block: Block, inline: InlineRenderer) -> str:
    """Set the numbered lead sentence of a point in bold, if the block starts with one."""
    match = POINT_LEAD.match(block.text) if block.kind is BlockKind.PARAGRAPH else None
    split = match.end() if match else 0
    lead = f"<strong>{inline(block, 0, split, escape_html)}</strong>" if split else ""
    return lead + inline(block, split, len(block.text), escape_html)

