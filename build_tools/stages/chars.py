"""Character classes every stage agrees on."""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation: 、。〈〉《》「」… full-width forms, curly quotes, …, —, ·
CJK_PUNCT = "\u3001-\u3011\u3014-\u301f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7"

# NUL, C0/C1 controls (not \n or \t), zero-width characters, BOM mid-text, bidi controls.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
