"""Chinese typography: ASCII punctuation between Chinese characters becomes full-width.

Numbers and formulas (3.08万元, 2800-3000元, 1+1+N, 17:33) are left alone: a mark is
converted only when a Chinese character or Chinese punctuation stands beside it.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3001-\u3011\u3014-\u301f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7"
CJK = f"{HAN}{CJK_PUNCT}"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# A mark after or before a Chinese character or Chinese punctuation: 人才IP,带动 and
# 15.5%,牢牢 are prose; 10:30, 3,000 and 1+1+N have no Chinese beside the mark.
MARK_AFTER_CJK = re.compile(rf"(?<=[{CJK}])\s?([,:;!?])")
MARK_BEFORE_CJK = re.compile(rf"([,:;!?])\s?(?=[{CJK}])")
PARENTHESES = re.compile(rf"\(([^()]*[{HAN}][^()]*)\)")
SPACE_BY_PUNCT = re.compile(rf" (?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}]) ")
SPACE_IN_PROSE = re.compile(rf"(?<=[{HAN}]) (?=[{HAN}])")
PROSE = re.compile("[。！？；，]")


def normalise_typography(text: str) -> str:
    """Make punctuation full-width beside Chinese text and drop spaces prose does not use."""
    text = PARENTHESES.sub(r"（\1）", text)
    text = MARK_AFTER_CJK.sub(lambda m: FULL_WIDTH[m.group(1)], text)
    text = MARK_BEFORE_CJK.sub(lambda m: FULL_WIDTH[m.group(1)], text)
    text = SPACE_BY_PUNCT.sub("", text)
    # In running prose a space between two characters is a scraping artefact; in short
    # headings ("党建赋能 特色产业活力迸发") it separates two phrases and stays.
    if PROSE.search(text):
        text = SPACE_IN_PROSE.sub("", text)
    return text
