"""Split a long generated list over several pages, so that no page grows with the corpus.

A term used in every text, the timeline and the texts index would each be one page the
size of the corpus at 1,000 articles (a 1.3 MB term page, a 3.6 MB timeline): every
reader who opens one downloads it whole, and MkDocs and its search plugin parse it whole.
Past a fixed number of items per page the list continues on numbered pages, each linked
from the first and from every other one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from build_tools.site.markup import escape_markdown

Item = TypeVar("Item")


def pages_of(items: Sequence[Item], per_page: int) -> list[Sequence[Item]]:
    """The items cut into pages of ``per_page``; one empty page when there are none."""
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, not {per_page}")
    return [items[start:start + per_page] for start in range(0, len(items), per_page)] or [items[:0]]


def page_href(current: int, target: int, first: str, later: Callable[[int], str]) -> str:
    """The Markdown link target from page ``current`` to page ``target`` of one list.

    Page 1 is the file ``first`` (e.g. "timeline.md"); page n is ``later(n)``, a path from
    the folder of ``first`` one folder down (e.g. "timeline/2.md").
    """
    if current == 1:
        return first if target == 1 else later(target)
    return f"../{first}" if target == 1 else later(target).rsplit("/", 1)[1]


def render_pager(current: int, total: int, first: str, later: Callable[[int], str], label: str = "分页") -> str:
    """A Markdown line linking every page of a list: 分页：**1** · [2](…) · [3](…).

    Pages count from 1 and are named as in ``page_href``. Nothing when the list has one page.
    """
    if total <= 1:
        return ""
    shown = [f"**{n}**" if n == current else f"[{n}]({page_href(current, n, first, later)})"
             for n in range(1, total + 1)]
    return f'{escape_markdown(label)}：{" · ".join(shown)}\n{{ .pager }}\n'
