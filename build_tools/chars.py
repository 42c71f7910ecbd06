"""Character classes every stage agrees on, for use inside regex brackets."""

from __future__ import annotations

# CJK Unified Ideographs, Extension A and the compatibility ideographs.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese punctuation: 、。〈〉《》「」… full-width forms, curly quotes, …, —, ·
CJK_PUNCT = "\u3001-\u3011\u3014-\u301f\uff01-\uff60\u2018-\u201f\u2026\u2014\u00b7"
