"""Remove pinyin that a broken converter inserted after characters: 鄉(xiāng)村 -> 鄉村.

A parenthesis is garbage only when it holds one Latin syllable that is a reading of the
character right before it (checked with pypinyin), so real parentheses such as (中),
(含驻高), (街道), (供图/…) or (PPP) are never touched.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from pypinyin import Style, pinyin

from build_tools.stages.chars import HAN

CANDIDATE = re.compile(
    rf"([{HAN}])\s?[(（]\s?"
    r"([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\u0300-\u030c]{1,7})\s?[)）]"
)
TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}


def remove_pinyin_garbage(text: str) -> str:
    """Drop parenthesised readings that repeat the preceding character's pinyin."""
    if "(" not in text and "（" not in text:
        return text
    return CANDIDATE.sub(_keep_character_if_reading, text)


def _keep_character_if_reading(match: re.Match[str]) -> str:
    character, syllable = match.group(1), match.group(2)
    if _toneless(syllable) in readings(character):
        return character
    return match.group(0)


@functools.lru_cache(maxsize=8192)
def readings(character: str) -> frozenset[str]:
    """All toneless readings pypinyin knows for one character."""
    found = pinyin(character, style=Style.TONE, heteronym=True, errors="ignore")
    return frozenset(_toneless(r) for group in found for r in group)


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    stripped = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", stripped).replace("v", "ü")
