"""The home page's paragraph on the PDFs: the whole-edition PDF as annotations/pdf.yml decides
(``downloads.plan_edition_pdf``), or why there is none; every text's own PDF in any case."""

from __future__ import annotations

from html import escape

from build_tools.downloads import EDITION_PDFS, EditionPdf, Extent
from build_tools.edition import Edition
from build_tools.presentation import cited_title

PDF_SNIPPET = "pdf-download.md"  # included by docs/index.md
LISTED = 5  # titles a selection's line names before "等"
EACH_TEXT = "每篇文本另有单篇 PDF（正文、术语脚注与该篇术语表，简体与繁体），见各文本页的“打印”一行。"
ANCHORS = "PDF 页边的段落编号与网站的段落锚点一致，引用在两者中通用。"


def render_pdf_download(plan: EditionPdf, edition: Edition) -> str:
    """The paragraph (Markdown with raw HTML links) the home page shows about the PDFs."""
    links = (f'简体版 <a href="{EDITION_PDFS["simplified"]}">edition.pdf</a>；'
             f'繁体版 <a href="{EDITION_PDFS["traditional"]}">edition-zh-Hant.pdf</a>（原以繁体发表的文本照录原文字形）')
    if plan.extent is Extent.EDITION:
        return f"全书（全部文本、术语脚注与术语附录）可下载为 PDF：{links}。{EACH_TEXT}\n{ANCHORS}\n"
    if plan.extent is Extent.SELECTION:
        texts = [t for text_id in plan.texts or () if (t := edition.text(text_id))]
        named = "".join(escape(cited_title(t.meta)) for t in texts[:LISTED]) + ("等" if len(texts) > LISTED else "")
        return (f"选编本 PDF（本版 {plan.edition_texts} 篇文本中的 {len(texts)} 篇：{named}，"
                f"及其术语脚注与术语表）：{links}。{EACH_TEXT}\n{ANCHORS}\n")
    return (f"本版收录 {plan.edition_texts} 篇文本，超过全书 PDF 的篇数上限（{plan.max_texts} 篇），"
            f"因此不提供全书 PDF。{EACH_TEXT}\n{ANCHORS}\n")
