"""Chinese typography: ASCII punctuation between Chinese characters becomes full-width.

Numbers and formulas (3.08万元, 2800-3000元, 1+1+N, 17:33) are left alone: a mark is
converted only when a Chinese character or Chinese punctuation stands beside it.
"""

from __future__ import annotations

import itertools
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


# Characters that are Chinese whatever the font (Han, 、。《》…, full-width forms), and those
# Western prose uses too (“” ‘’ … — ·). A line break between two Chinese characters, at
# least one of them unambiguous, is no space in Chinese; Markdown and browsers make it one.
STRONG_CJK = f"{HAN}\u3001-\u3011\u3014-\u301f\uff01-\uff60"
WEAK_CJK = "\u2018-\u201f\u2026\u2014\u00b7"
CJK_LINE_BREAK = re.compile(rf"(?<=[{STRONG_CJK}])\n[ \t]*(?=[{STRONG_CJK}{WEAK_CJK}])"
                            rf"|(?<=[{WEAK_CJK}])\n[ \t]*(?=[{STRONG_CJK}])")
CJK_FOLDED_SPACE = re.compile(rf"(?<=[{STRONG_CJK}]) (?=[{STRONG_CJK}{WEAK_CJK}])"
                              rf"|(?<=[{WEAK_CJK}]) (?=[{STRONG_CJK}])")


# Lines Markdown ends at the line break whatever follows: an ATX heading, a table row, raw
# HTML; and fenced code, whose line breaks are the code's own.
UNJOINABLE = re.compile(r"^\s{0,3}#|^\s*\||^\s*<")
FENCE = re.compile(r"^\s*(?:```|~~~)")


def cjk_line_breaks(text: str) -> list[int]:
    """The 0-based numbers of the lines whose break ``join_cjk_lines`` drops.

    A break between two Chinese characters (at least one unambiguously Chinese) is no
    space in Chinese, but Markdown keeps it and browsers show it as one. A line ending in
    spaces (Markdown's hard break), a blank line, a heading, a table row, raw HTML and
    fenced code keep their breaks.
    """
    lines, found, fenced = text.split("\n"), [], False
    for number, (line, following) in enumerate(itertools.pairwise(lines)):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and not UNJOINABLE.match(line) and CJK_LINE_BREAK.match(f"{line}\n{following}", len(line)):
            found.append(number)
    return found


def join_cjk_lines(text: str) -> str:
    """Drop each line break (and the next line's indent) ``cjk_line_breaks`` finds."""
    lines = text.split("\n")
    for number in reversed(cjk_line_breaks(text)):  # from the end, so the numbers still hold
        lines[number:number + 2] = [lines[number] + lines[number + 1].lstrip(" \t")]
    return "\n".join(lines)


def unfold_cjk(text: str) -> str:
    """Drop the single spaces between two Chinese characters that YAML folding made of line breaks.

    Only for a value YAML folded (a ``>`` block or a plain or quoted scalar over several
    lines): there every line break became one space, and Chinese prose has no other.
    """
    return CJK_FOLDED_SPACE.sub("", text)
