"""Romanise Chinese for contributors: ids (file names) and pinyin proposals.

Both are proposals from pypinyin, which a person confirms: pypinyin reads polyphonic
characters by its own phrase dictionary (行 in 贵在行动 comes out háng).
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

ASCII_WORD = re.compile(r"[a-z0-9]+")
# The glossary reads digits and "+" aloud: 1+1+N is yī jiā yī jiā N, 113 is yī yī sān.
SPOKEN = {"0": "líng", "1": "yī", "2": "èr", "3": "sān", "4": "sì", "5": "wǔ",
          "6": "liù", "7": "qī", "8": "bā", "9": "jiǔ", "+": "jiā"}
SPOKEN_TOKEN = re.compile(r"[0-9+]|[A-Za-z]+")
MAX_ID = 80  # sources.check_id refuses longer ids


def propose_id(text: str, syllables: int | None = None) -> str:
    """Lowercase pinyin and ASCII words joined by hyphens: 1+1+N -> 1-1-n, 五个一 -> wu-ge-yi."""
    items = lazy_pinyin(_narrow(text), errors=lambda run: " ".join(ASCII_WORD.findall(run.lower())))
    slug = "-".join([word for item in items for word in item.split()][:syllables])
    return slug if len(slug) <= MAX_ID else slug[:MAX_ID + 1].rsplit("-", 1)[0]  # whole syllables


def propose_pinyin(text: str) -> str:
    """Pinyin with tone marks, space-separated; digits and + read aloud, punctuation dropped."""
    def spoken(run: str) -> str:
        return " ".join(SPOKEN.get(token, token) for token in SPOKEN_TOKEN.findall(run))
    return " ".join(item for item in lazy_pinyin(_narrow(text), style=Style.TONE, errors=spoken) if item)


def _narrow(text: str) -> str:
    """Full-width digits, letters and + become ASCII (１＋Ｎ -> 1+N)."""
    return unicodedata.normalize("NFKC", text)
