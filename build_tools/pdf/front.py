"""Render the front matter: title page, editorial note and table of contents; for the PDF of
one text, a heading line and a short note instead."""

from __future__ import annotations

from html import escape

from build_tools.pdf.contents import Book, Scope
from build_tools.pdf.ids import chapter_id, chinese_number
from build_tools.presentation import GENERAL_EXPLANATION, GENERAL_MARK

TITLE_LINES = ("乡村振兴与基层治理", "政策文本注释读本")  # the title page breaks the title here
TITLE = "".join(TITLE_LINES)
SUBTITLE = "An annotated reading edition of Chinese policy texts"
DESCRIPTION = ("Local-government and Party-press texts on rural revitalisation, Party building, "
               "poverty alleviation and grassroots governance, cleaned, numbered and annotated.")


def render_title_page(book: Book, version: str) -> str:
    """The title page: title, subtitle, contents in a line, version date."""
    selected = "选编本 · " if book.scope is Scope.SELECTION else ""
    return ('<section class="title-page">'
            f'<h1 class="book-title">{"<br>".join(TITLE_LINES)}</h1>'
            f'<p class="book-subtitle" lang="en">{SUBTITLE}</p>'
            f'<p class="book-contents">{selected}收录文本 {len(book.texts)} 篇 · 术语 {len(book.entries)} 条</p>'
            f'<p class="book-version">PDF 版 · {escape(version)}</p></section>\n')


def render_note(version: str, book: Book) -> str:
    """The editorial note: how to read and cite this edition."""
    selection = ("<p>本书为选编本，收录本版文本中的若干篇；术语表只收这些文本用到的术语。"
                 "全部文本见本版网站，每篇文本另有单篇 PDF。</p>" if book.scope is Scope.SELECTION else "")
    paragraphs = [
        ("本书收录中国地方政府与党报党刊关于乡村振兴、党的建设、脱贫攻坚与基层治理的文章。"
         "原文由网页抓取而来，网页杂质由程序统一清除，繁体文本转为简体；原文的错字、漏字照录，不作改写。"
         "图片不在抓取文本中，只保留图片说明。"),
        ("每篇正文的段落编号印在页边，与本版网站的段落锚点一致（p1、p2……；小标题为 s1……，图片说明为 c1……），"
         "因此同一引用在网站和本书中都能找到。建议引用格式：文本标识加段落编号，例如"
         '<span class="nobr">jinhaihu-113 p12</span>。在 PDF 阅读器中打开 '
         '<span class="nobr">edition.pdf#nameddest=jinhaihu-113-p12</span> 即直接跳到该段。'),
        ("文中的政策术语在每篇首次出现时以虚线下划标出，并在页脚注出术语、拼音、英文译名与摘要；"
         f"摘要后标有{GENERAL_MARK}的，{GENERAL_EXPLANATION}"
         "书末术语表按拼音排序，列出完整释义、组成、相关倡议、出处及各篇出现的段落和页码。"),
        f"本 PDF 与网站由同一份数据生成，版本日期 {escape(version)}。",
    ]
    english = ("Paragraph numbers in the margin are the site's anchors (p1, p2…), so a citation such as "
               "“jinhaihu-113 p12” works in both, and edition.pdf#nameddest=jinhaihu-113-p12 opens "
               "the paragraph. Glossary terms are footnoted at their first occurrence in each text; "
               "the glossary at the end gives full definitions and page references. A summary marked "
               "〔通行解释〕 rests on general knowledge, not on the paragraphs cited.")
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return ('<section class="note" id="note">'
            '<h1 class="front-title" data-title="编者说明" data-bookmark="编者说明">编者说明</h1>'
            f'{selection}{body}<p class="note-english" lang="en">{escape(english)}</p></section>\n')


def render_contents(book: Book) -> str:
    """The table of contents, each page number printed by the layout passes (render.py)."""
    rows = ['<li class="toc-front"><a href="#note" data-page="">编者说明</a></li>']
    for number, text in enumerate(book.texts, start=1):
        meta = text.meta
        where = " · ".join(escape(v) for v in (meta.place.label(), meta.date or "日期不详", meta.outlet) if v)
        rows.append(f'<li class="toc-chapter"><a href="#{chapter_id(meta.id)}" data-page="">'
                    f'<span class="toc-number">第{chinese_number(number)}篇</span>'
                    f'<span class="toc-title">{escape(meta.title)}</span></a>'
                    f'<span class="toc-where">{where}</span></li>')
    rows.append('<li class="toc-back"><a href="#glossary" data-page="">术语表 · Glossary</a></li>')
    return ('<section class="contents" id="contents">'
            '<h1 class="front-title" data-title="目录" data-bookmark="目录">目录</h1>'
            f'<ol class="toc">{"".join(rows)}</ol></section>\n')


def render_text_head(version: str) -> str:
    """The line above the title of a text's own PDF: which edition it comes from, which version."""
    return (f'<p class="text-head">{escape(TITLE)} · 单篇 PDF · {escape(version)}'
            f'<span class="text-head-en" lang="en"> · {SUBTITLE}</span></p>\n')


def render_text_note(text_id: str, version: str) -> str:
    """After a text in its own PDF: how to read and cite it (the edition's note, short)."""
    paragraphs = [
        ("页边数字为段落编号，与本版网站的段落锚点一致（p1、p2……；小标题为 s1……，图片说明为 c1……）。"
         f'建议引用格式：文本标识加段落编号，例如 <span class="nobr">{escape(text_id)} p1</span>；'
         f'<span class="nobr">{escape(text_id)}.pdf#nameddest={escape(text_id)}-p1</span> 直接打开该段。'),
        ("政策术语在首次出现时以虚线下划标出，页脚注出术语、拼音、英文译名与摘要；"
         f"摘要后标有{GENERAL_MARK}的，{GENERAL_EXPLANATION}"
         "文末术语表列出本篇用到的每个术语的完整释义、组成、相关倡议与出处。"),
        f"原文经程序清理网页杂质，错字、漏字照录。本 PDF 与网站由同一份数据生成，版本日期 {escape(version)}。",
    ]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f'<section class="text-note" id="note"><h2 class="text-note-title">阅读说明</h2>{body}</section>\n'
