"""Context passes over line classes: smoothing, the densest region, link lists, forms and tables.

A line's own look misleads in two ways. A headline in a sidebar looks like a subheading,
and a news page puts dozens of them after the article ("相关新闻", "最热新闻"): what gives
them away is the run, many headline-like lines with no sentence among them. A procurement
notice, on the other hand, is mostly key–value lines and table rows (采购单位 …, 成交日期：…)
that look like a footer one by one; inside or beside a region made of such lines they are
the article. These rules read the line kinds and classes only, so each decision can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from build_tools.stages.chars import HAN

HAN_CHAR = re.compile(f"[{HAN}]")
NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|"
    r"第[一二三四五六七八九十百\d]+[条章节部分]|附件)"
)
# A label and a colon (项目编号：…, 公告概要：) or a form label and its value after a space.
FIELD = re.compile(f"^[{HAN}]{{2,12}}\\s*[：:]")
FORM_LABEL = re.compile(
    f"^[{HAN}]{{0,10}}(?:名称|地址|方式|电话|联系人|金额|价格|日期|时间|编号|区域|单位|机构|品目|类别|类型|规格|"
    f"数量|单价|期限|地点|邮箱|网址|序号)\\s+\\S"
)
PARTIAL_DATE = re.compile(r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}\s*年|[至到～~—-]\s*$")
# A date after a label is a field of a notice (成交日期：2021年06月09日), not a dated news item.
DATE_LABEL = re.compile(r"(?:[：:]|日期|时间|期限|截止)\s*$")
TRAILING_DATE = re.compile(
    r"[\[【(（]?\s*(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]?\s*$"
)
NUMBER_CELL = re.compile(r"^[￥$]?\d[\d.,:：/%-]*$")
# A list bullet or a column tag opening a link: ·标题, [时评]标题, 【C财经】标题.
BULLET = re.compile(r"^(?:[·•▪◆◇■□●○►▶→]\s*|[\[【][^\]】]{1,6}[\]】])")
# A clause left open, or clauses ending in ！ or in an informal wave dash (玩得开心～; 5～10 is a range).
BREAKS = re.compile(rf"[；;，,]$|[，,].*(?:[！？!?…]|(?<=[{HAN}])[～~])$")
GAP_PENALTY = 12  # weight of one chrome line inside the body region, beyond its own Han
MAX_HEADLINE = 40  # Han: a longer line is a paragraph
MIN_HEADLINE = 5
LINK_RUN = 4  # headline-like lines in a run, with no sentence between them, make a link list
STRUCTURED_REGION = 0.3  # share of structured lines that makes a region a form or a table


def dated_item(folded: str) -> bool:
    """A short item ending in a date, as in news lists; a date alone may sign a notice."""
    date = TRAILING_DATE.search(folded)
    if date is None or DATE_LABEL.search(folded[: date.start()]):
        return False
    words = PARTIAL_DATE.sub("", folded[: date.start()])  # 2023年5月10日至6月30日 is a period, no item
    return 4 <= len(HAN_CHAR.findall(words)) <= 40


def is_structured(text: str) -> bool:
    """A key–value field, a numbered heading or item, or a table row with a number cell."""
    if NUMBERED.match(text) or FIELD.match(text) or FORM_LABEL.match(text):
        return True
    cells = text.split()
    return len(cells) >= 3 and any(NUMBER_CELL.match(c) for c in cells)


def kind(text: str) -> str:
    """prose (a sentence, or a paragraph's length), bullet, headline, or other (short, fields)."""
    han = len(HAN_CHAR.findall(text))
    if "。" in text or han > MAX_HEADLINE:
        return "prose"
    if BULLET.match(text) and han >= 2:
        return "bullet"
    if BREAKS.search(text):
        return "prose"
    if han >= MIN_HEADLINE and not is_structured(text) and not re.search("[：:]$", text):
        return "headline"
    return "other"


def link_lists(kinds: Sequence[str]) -> set[int]:
    """Lines of runs with LINK_RUN or more headlines or bullets and no sentence, from first to last of them."""
    found: set[int] = set()
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and kinds[j] != "prose":
            j += 1
        links = [k for k in range(i, j) if kinds[k] in ("headline", "bullet")]
        if len(links) >= LINK_RUN and 2 * len(links) >= links[-1] - links[0] + 1:
            found.update(range(links[0], links[-1] + 1))
        i = j + 1
    return found


def structured_share(structured: Sequence[bool], start: int, end: int) -> float:
    """The share of structured lines in [start, end)."""
    return sum(structured[start:end]) / max(end - start, 1)


def extend_region(region: tuple[int, int], structured: Sequence[bool], stops: Sequence[bool]
                  ) -> tuple[int, int]:
    """Widen the body over a block of form lines next to it, up to a stop (chrome, byline, edge).

    Upwards, a block counts when at least half of it is structured; downwards only when the
    region itself is a form (a share of STRUCTURED_REGION or more), as a notice's tail is.
    """
    start, end = region
    if end <= start:
        return region
    top = start
    while top > 0 and not stops[top - 1]:
        top -= 1
    if top < start and 2 * structured_share(structured, top, start) >= 1:
        start = top
    bottom = end
    while bottom < len(stops) and not stops[bottom]:
        bottom += 1
    if bottom > end and structured_share(structured, start, end) >= STRUCTURED_REGION and (
            2 * structured_share(structured, end, bottom) >= 1):
        end = bottom
    return start, end


def is_numbered(text: str) -> bool:
    """A numbered heading or list item, or an attachment line (附件：1. …)."""
    return bool(NUMBERED.match(text))


def prose_tail(sentences: Sequence[bool], structured: Sequence[bool], numbered: Sequence[bool],
               region: tuple[int, int]) -> int:
    """The end of a prose article's body: a block of non-sentences after its last sentence (an
    address or contact block) is cut, unless it holds numbered items or the region is a form."""
    start, end = region
    last = max((i for i in range(start, end) if sentences[i]), default=None)
    if last is None or last + 1 >= end or any(numbered[last + 1:end]):
        return end
    if structured_share(structured, start, last + 1) >= STRUCTURED_REGION / 2:
        return end
    return last + 1


def smooth(classes: Sequence[str]) -> tuple[str, ...]:
    """jusText's context pass: short and unclear lines take the class of their neighbours."""
    settled = [_short_class(classes, i) if c == "short" else c for i, c in enumerate(classes)]
    return tuple(_neargood_class(settled, i) if c == "neargood" else c for i, c in enumerate(settled))


def _neighbour(classes: Sequence[str], i: int, step: int, skip: frozenset[str]) -> str:
    """The nearest class in one direction that is not skipped; the page's edge counts as bad."""
    j = i + step
    while 0 <= j < len(classes) and classes[j] in skip:
        j += step
    return classes[j] if 0 <= j < len(classes) else "bad"


def _short_class(classes: Sequence[str], i: int) -> str:
    """Good between good lines, bad between bad; between both, good only beside an unclear line."""
    skip, skip_short = frozenset({"short", "neargood"}), frozenset({"short"})
    before, after = _neighbour(classes, i, -1, skip), _neighbour(classes, i, 1, skip)
    if before == after:
        return before
    near = (before == "bad" and _neighbour(classes, i, -1, skip_short) == "neargood") or (
        after == "bad" and _neighbour(classes, i, 1, skip_short) == "neargood")
    return "good" if near else "bad"


def _neargood_class(classes: Sequence[str], i: int) -> str:
    """An unclear line is good unless chrome is on both sides."""
    skip = frozenset({"neargood"})
    both_bad = _neighbour(classes, i, -1, skip) == "bad" == _neighbour(classes, i, 1, skip)
    return "bad" if both_bad else "good"


def rescue(classes: Sequence[str], chrome: Sequence[float]) -> tuple[str, ...]:
    """A line with only weak chrome evidence between two good lines is the article's (…, a date)."""
    return tuple(
        "good" if c == "bad" and chrome[i] < 1.0 and 0 < i < len(classes) - 1
        and classes[i - 1] == "good" == classes[i + 1] else c
        for i, c in enumerate(classes)
    )


def densest_region(classes: Sequence[str], han: Sequence[int]) -> tuple[int, int]:
    """The slice [start, end) with the most good Han minus chrome (maximum subarray)."""
    best, best_span, total, start = 0, (0, 0), 0, 0
    for i, (cls, count) in enumerate(zip(classes, han, strict=True)):
        total += max(count, 1) if cls == "good" else -(GAP_PENALTY + count)
        if total <= 0:
            total, start = 0, i + 1
        elif total > best:
            best, best_span = total, (start, i + 1)
    return best_span
