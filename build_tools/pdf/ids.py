"""Element ids of the PDF, which are also its named destinations (``edition.pdf#jinhaihu-113-p12``)."""

from __future__ import annotations

from build_tools.model import Block

NUMERALS = "〇一二三四五六七八九"


def chapter_id(text_id: str) -> str:
    """The id of a chapter: the text's own id."""
    return text_id


def block_id(text_id: str, block: Block) -> str:
    """The id of a block: text id and the site's anchor, so one citation works in both."""
    return f"{text_id}-{block.anchor}"


def entry_id(term_id: str) -> str:
    """The id of a glossary entry in the appendix."""
    return f"gl-{term_id}"


def footnote_id(text_id: str, term_id: str) -> str:
    """The id of a term's footnote in one chapter."""
    return f"fn-{text_id}-{term_id}"


def chinese_number(number: int) -> str:
    """Write 1-99 as Chinese numerals (一, 十二, 二十): chapters are 第一篇, 第二篇…"""
    tens, units = divmod(number, 10)
    if not 0 < number < 100:
        return str(number)
    if tens == 0:
        return NUMERALS[units]
    return (NUMERALS[tens] if tens > 1 else "") + "十" + (NUMERALS[units] if units else "")
