"""Chinese typography: ASCII punctuation between Chinese characters becomes full-width.

Numbers and formulas (3.08万元, 2800-3000元, 1+1+N, 17:33) are left alone: a mark is
converted only when a Chinese character or Chinese punctuation stands beside it.
"""

from __future__ import annotations

import re

from build_tools.stages.chars import CJK_PUNCT, HAN

CJK = f"{HAN}{CJK_PUNCT}"
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# A mark after or before a Chinese character or Chinese punctuation: 人才IP,带动 and
# 15.5%,牢牢 are prose; 10:30, 3,000 and 1+1+N have no Chinese beside the mark.
# Runs of marks (with stray spaces between) convert whole, so one pass is enough.
MARKS = r"[,:;!?](?:\s*[,:;!?])*"
# The Chinese character before a mark is matched (and put back), not looked behind for:
# a pattern that starts with a lookbehind is tried at every position of every line.
MARK_AFTER_CJK = re.compile(rf"([{CJK}])\s*({MARKS})")
ASCII_MARK = re.compile(r"[,:;!?]")
MARK_BEFORE_CJK = re.compile(rf"({MARKS})\s*(?=[{CJK}])")
HAN_CHARACTER = re.compile(f"[{HAN}]")
SPACES = re.compile(" +")
PUNCT_CHARACTER = re.compile(f"[{CJK_PUNCT}]")
SPACE_IN_PROSE = re.compile(rf"([{HAN}]) (?=[{HAN}])")
PROSE = re.compile("[。！？；，]")


def _full_width_parentheses(text: str) -> str:
    """Make each matched pair of ASCII parentheses around Chinese full-width, at any depth."""
    if "(" not in text:
        return text
    characters, opened = list(text), []
    for index, character in enumerate(text):
        if character == "(":
            opened.append(index)
        elif character == ")" and opened:
            start = opened.pop()
            if HAN_CHARACTER.search(text, start, index):
                characters[start], characters[index] = "（", "）"
    return "".join(characters)


def _full_width_marks(marks: str) -> str:
    return "".join(FULL_WIDTH[mark] for mark in marks if not mark.isspace())


def _full_width(match: re.Match[str]) -> str:
    return _full_width_marks(match.group(1))


def _character_and_full_width(match: re.Match[str]) -> str:
    return match.group(1) + _full_width_marks(match.group(2))


def _unless_by_punctuation(match: re.Match[str]) -> str:
    """Drop a run of spaces that touches Chinese punctuation on either side."""
    text, start, end = match.string, match.start(), match.end()
    after_punctuation = start > 0 and PUNCT_CHARACTER.match(text, start - 1)
    if after_punctuation or PUNCT_CHARACTER.match(text, end):
        return ""
    return match.group(0)


def normalise_typography(text: str) -> str:
    """Make punctuation full-width beside Chinese text and drop spaces prose does not use."""
    text = _full_width_parentheses(text)
    if ASCII_MARK.search(text):
        text = MARK_AFTER_CJK.sub(_character_and_full_width, text)
        text = MARK_BEFORE_CJK.sub(_full_width, text)
    if " " not in text:
        return text
    text = SPACES.sub(_unless_by_punctuation, text)
    # In running prose a space between two characters is a scraping artefact; in short
    # headings ("党建赋能 特色产业活力迸发") it separates two phrases and stays.
    if PROSE.search(text):
        text = SPACE_IN_PROSE.sub(r"\1", text)
    return text
