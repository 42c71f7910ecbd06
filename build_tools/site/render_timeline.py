"""Render the timeline: the texts by year of publication, each with the terms it uses.

Dates are never guessed: a text whose source gives no date stands in a group of its own
(日期不详), after the dated years. A term is first seen (首见) in the earliest dated text
that uses it; undated texts cannot be placed before or after, so they mark nothing.
"""

from __future__ import annotations

import itertools

from build_tools.edition import CorpusText, Edition
from build_tools.site.markup import escape_markdown, front_matter

UNDATED = "日期不详"
# The badge of a first appearance: one unbreakable unit (never （首/见）), explained on hover.
FIRST_SEEN = '<span class="first-seen" title="在本版已注日期的文本中首次出现">首见</span>'


def render_timeline(edition: Edition) -> str:
    """The timeline page: a section per year, then one for the undated texts."""
    parts = [front_matter("时间线", searchable=False), "# 时间线 · Timeline\n",
             ("各文本按原文所载日期分年排列，列出文本中出现的术语；标有“首见”的术语，"
              f"在本版已注日期的文本中以该文为最早。原文未载日期的文本列于“{UNDATED}”一节，不推测其日期。\n")]
    ordered = edition.texts_in_reading_order()  # dated oldest first, then undated
    seen: set[str] = set()
    for year, texts in itertools.groupby(ordered, key=_year):
        anchor = f"y{year}" if year else "undated"
        parts.append(f"## {f'{year}年' if year else UNDATED} {{ #{anchor} }}\n")
        parts.extend(_text_section(text, edition, seen if year else None) for text in texts)
    return "\n".join(parts)


def _year(text: CorpusText) -> str | None:
    return text.meta.date[:4] if text.meta.date else None


def _text_section(text: CorpusText, edition: Edition, seen: set[str] | None) -> str:
    """One text: its date and title, a link to it, and its terms with first appearances marked."""
    meta = text.meta
    when = f"{meta.date} · " if meta.date else ""
    entries = [e for term_id in dict.fromkeys(f.occurrence.term_id for f in edition.found_in_text(meta.id))
               if (e := edition.entry(term_id))]
    first = [e.id not in seen for e in entries] if seen is not None else [False] * len(entries)
    if seen is not None:
        seen.update(e.id for e in entries)
    summary = f"{len(entries)} 条术语" + (f"，首见 {sum(first)} 条" if any(first) else "")
    lines = [f"### {when}{escape_markdown(meta.title)} {{ #{meta.id} }}\n",
             f"[阅读全文](../texts/{meta.id}.md) · {summary}\n"]
    if entries:
        items = "\n".join(f"- [{escape_markdown(e.term)}]({e.id}.md){FIRST_SEEN if is_first else ''}"
                          for e, is_first in zip(entries, first))
        lines.append(f'<div class="timeline-terms" markdown>\n\n{items}\n\n</div>\n')
    return "\n".join(lines)

