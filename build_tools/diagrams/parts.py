"""The order of a term's parts: as its numbered components run, never by id."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.relations import Edge

# “四抓四强”之三：… — a part that says which numbered item of its parent it is. Only before a
# colon: “三个重点之一；” means "one of the three", not "the first".
ORDINAL = re.compile(r"之([一二三四五六七八九十]{1,3})[：:]")
DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_ordinal(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23."""
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return DIGITS.get(numeral, 0)
    return DIGITS.get(tens, 1) * 10 + DIGITS.get(units, 0)


def part_rank(parent: GlossaryEntry, child: GlossaryEntry) -> tuple[int, int, tuple[tuple[str, ...], str]]:
    """Sort key of ``child`` among ``parent``'s parts.

    First the place of the child in the parent's component list; then the ordinal its
    summary gives (之三：); then pinyin, so the order is stable whatever is recorded.
    """
    listed = [c.term for c in parent.components]
    if child.id in listed:
        return 0, listed.index(child.id), pinyin_key(child)
    ordinal = ORDINAL.search(child.summary)
    if ordinal:
        return 1, chinese_ordinal(ordinal.group(1)), pinyin_key(child)
    return 2, 0, pinyin_key(child)


def ordered_edges(edges: Iterable[Edge], entry: Callable[[str], GlossaryEntry | None]) -> list[Edge]:
    """``edges`` with each term's has_part edges in the order of its parts; others as they come."""
    listed = list(edges)

    def key(pair: tuple[int, Edge]) -> tuple[object, ...]:
        position, edge = pair
        parent, child = entry(edge.source), entry(edge.target)
        if edge.kind != "has_part" or parent is None or child is None:
            return (position,)
        first = next(i for i, e in enumerate(listed) if e.kind == "has_part" and e.source == edge.source)
        return first, part_rank(parent, child)

    return [edge for _, edge in sorted(enumerate(listed), key=key)]
