"""Fold a search query to the script of the index it searches, in the search worker.

Each view's index is in its own script (the Simplified site indexes Simplified pages, the
Traditional site its Traditional pages), so a query typed in the other script found the
wrong things: 鄉村振興 matched nothing whole and led with 村民议事小组. The worker now maps
each character of the query to the index's script before segmenting it.

The map is OpenCC's own character table, exported at build time one character at a time
(so phrase rules cannot apply): about 4,200 Traditional -> Simplified pairs, 26 KB, and
3,200 Simplified -> Traditional pairs for the Traditional view; OpenCC itself is never
loaded in the browser. A character with several Traditional forms (发 -> 發/髮) folds to
OpenCC's first choice, which is what the pages use except in the phrases OpenCC knows.
"""

from __future__ import annotations

import functools
import json

from build_tools.stages.script import convert

# Every BMP Han block (Extension A, the unified block, compatibility ideographs).
HAN = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000), *range(0xF900, 0xFB00))]
TO_SIMPLIFIED = ("t2s", "tw2s", "hk2s")  # regional Traditional forms too (裡, 着), first one wins
# The worker's search entry point, made to fold the query first (search_patch applies it).
FOLD_PATCH = ("search(e){if(e=e.replace(", "search(e){if(e=__editionFold(e),e=e.replace(")


@functools.cache
def fold_table(profiles: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(character, its form in the target script) for every Han character a profile changes."""
    table: dict[str, str] = {}
    for profile in profiles:
        for char, folded in zip(HAN, convert("\n".join(HAN), profile).split("\n"), strict=True):
            if folded != char and len(folded) == 1:
                table.setdefault(char, folded)
    return tuple(sorted(table.items()))


def fold_prelude(profiles: tuple[str, ...]) -> str:
    """The worker's first line: the table, as one string of pairs, and the function using it."""
    pairs = json.dumps("".join(a + b for a, b in fold_table(profiles)), ensure_ascii=False)
    return ("var __editionFold=(function(p){var m=new Map,c=Array.from(p);"
            "for(var i=0;i+1<c.length;i+=2)m.set(c[i],c[i+1]);"
            "return function(q){return Array.from(q,function(x){return m.get(x)||x}).join('')}})"
            f"({pairs});\n")

