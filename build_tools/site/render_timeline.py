"""Render the timeline: the texts by year of publication, each with the terms it is the first to use.

Dates are never guessed: a text whose source gives no date stands in a group of its own
(日期不详), after the dated years. A term is first seen (首见) in the earliest dated text
that uses it; undated texts cannot be placed before or after, so they mark nothing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import CorpusText, Edition
from build_tools.site.markup import escape_markdown, front_matter
from build_tools.site.paging import page_href, pages_of, render_pager

UNDATED = "日期不详"
# The badge of a first appearance: one unbreakable unit (never （首/见）), explained on hover.
FIRST_SEEN = '<span class="first-seen" title="在本版已注日期的文本中首次出现">首见</span>'


TEXTS_PER_PAGE = 50  # past this, the timeline continues on numbered pages (site.paging)


@dataclass(frozen=True)
class Entry:
    """One text on the timeline, with its terms and which of them it is the first to use."""

    text: CorpusText
    year: str | None
    terms: tuple[GlossaryEntry, ...]
    first: tuple[bool, ...]


def timeline_entries(edition: Edition) -> list[Entry]:
    """The texts in reading order (dated oldest first, then undated), first appearances marked."""
    seen: set[str] = set()
    found = []
    for text in edition.texts_in_reading_order():
        year = text.meta.date[:4] if text.meta.date else None
        terms = tuple(e for term_id in dict.fromkeys(f.occurrence.term_id for f in edition.found_in_text(text.meta.id))
                      if (e := edition.entry(term_id)))
        first = tuple(year is not None and e.id not in seen for e in terms)
        if year is not None:
            seen.update(e.id for e in terms)
        found.append(Entry(text, year, terms, first))
    return found


def timeline_pages(edition: Edition) -> Iterator[tuple[str, str]]:
    """Every page of the timeline by path: docs/glossary/timeline.md, then docs/glossary/timeline/2.md, …"""
    pages = pages_of(timeline_entries(edition), TEXTS_PER_PAGE)
    for number in range(1, len(pages) + 1):
        path = "docs/glossary/timeline.md" if number == 1 else f"docs/glossary/timeline/{number}.md"
        yield path, _timeline_page(pages, number)


def render_timeline(edition: Edition) -> str:
    """The timeline's first page: a section per year, then one for the undated texts."""
    return _timeline_page(pages_of(timeline_entries(edition), TEXTS_PER_PAGE), 1)


def _timeline_page(pages: list[Sequence[Entry]], number: int) -> str:
    up = "" if number == 1 else "../"  # term pages are glossary/<id>.md

    title = "时间线" if number == 1 else f"时间线（第{number}页）"
    parts = [front_matter(title, searchable=False), f"# {title} · Timeline\n",
             ("各文本按原文所载日期分年排列，列出其“首见”的术语，即在本版已注日期的文本中以该文为最早者；"
              f"文本的全部术语见其页末。原文未载日期的文本列于“{UNDATED}”一节，不推测其日期。\n")]
    pager = render_pager(number, len(pages), "timeline.md", "timeline/{}.md".format)
    if pager:
        parts.append(_years(pages, number) + pager)
    for year, entries in itertools.groupby(pages[number - 1], key=lambda e: e.year):
        anchor = f"y{year}" if year else "undated"
        parts.append(f"## {f'{year}年' if year else UNDATED} {{ #{anchor} }}\n")
        parts.extend(_text_section(entry, up) for entry in entries)
    if pager:
        parts.append(pager)
    return "\n".join(parts)


def _years(pages: list[Sequence[Entry]], number: int) -> str:
    """Where each year starts, for a timeline of several pages."""
    starts: dict[str | None, tuple[int, int]] = {}
    for page_number, page in enumerate(pages, start=1):
        for entry in page:
            count = starts.get(entry.year, (page_number, 0))
            starts[entry.year] = (count[0], count[1] + 1)
    links = [f"[{f'{year}年' if year else UNDATED}（{count} 篇）]"
             f"({'' if at == number else page_href(number, at, 'timeline.md', 'timeline/{}.md'.format)}#{f'y{year}' if year else 'undated'})"
             for year, (at, count) in starts.items()]
    return "年份：" + " · ".join(links) + "\n{ .pager }\n\n"


def _text_section(entry: Entry, up: str) -> str:
    """One text: its date and title, a link to it, and the terms it is the first to use.

    Only first appearances are listed: its other terms are in its own page's panel, and
    listing every term of every text made a 3.6 MB timeline at 1,000 articles.
    """
    meta = entry.text.meta
    when = f"{meta.date} · " if meta.date else ""
    firsts = [e for e, is_first in zip(entry.terms, entry.first) if is_first]
    summary = (f"[{len(entry.terms)} 条术语]({up}../texts/{meta.id}.md#initiatives)"
               + (f"，首见 {len(firsts)} 条" if firsts else "") if entry.terms else "无术语")
    lines = [f"### {when}{escape_markdown(meta.title)} {{ #{meta.id} }}\n",
             f"[阅读全文]({up}../texts/{meta.id}.md) · {summary}\n"]
    if firsts:
        items = "\n".join(f"- [{escape_markdown(e.term)}]({up}{e.id}.md){FIRST_SEEN}" for e in firsts)
        lines.append(f'<div class="timeline-terms" markdown>\n\n{items}\n\n</div>\n')
    return "\n".join(lines)
