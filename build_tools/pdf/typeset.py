"""Chinese line breaking for the PDF: a pure ``str -> HTML`` stage applied to the PDF's text only.

WeasyPrint breaks lines with Pango, which treats “ ” ‘ ’ as ambiguous quotation marks
(UAX #14 class QU) and so never breaks before an opening or after a closing quote: a
line then overflows or breaks at a worse place. A zero-width space before an opening
quote and after a closing one gives Pango the break the Chinese rules allow; it is
left out where it would let a line start with closing punctuation (”，) or end with
opening punctuation (（“). Runs of …… and —— are kept on one line. The site never
sees any of this.
"""

from __future__ import annotations

import html
import itertools
import re

from build_tools.annotations.definitions import TAG
from build_tools.presentation import GENERAL_MARK

ZWSP = "\u200b"
OPENING_QUOTES = "“‘"
CLOSING_QUOTES = "”’"
# Punctuation a line may not end with, and punctuation a line may not start with.
NO_END = "（《〈【〔「『“‘［｛([<"
NO_START = "，。、；：？！）》〉】〕」』”’］｝…·,.;:?!)]%％"
RUN = re.compile("(…{2,}|—{2,})")


def break_before(text: str, index: int) -> bool:
    """Tell whether a zero-width space belongs before ``text[index]``."""
    if index == 0 or index >= len(text):
        return False
    before, here = text[index - 1], text[index]
    if here in OPENING_QUOTES and before not in NO_END:
        return True
    return before in CLOSING_QUOTES and here not in NO_START


def insert_breaks(text: str, start: int = 0, end: int | None = None) -> str:
    """Return ``text[start:end]`` with zero-width spaces where quotes allow a break."""
    end = len(text) if end is None else end
    return "".join((ZWSP if break_before(text, i) else "") + text[i] for i in range(start, end))


def keep_runs(fragment: str) -> str:
    """Keep each run of …… or —— on one line."""
    return RUN.sub(r'<span class="nobr">\1</span>', fragment)


def typeset(text: str, start: int = 0, end: int | None = None) -> str:
    """Render ``text[start:end]`` as escaped HTML, judging breaks from the whole text."""
    return keep_runs(html.escape(insert_breaks(text, start, end), quote=True))


def typeset_words(text: str, ends: frozenset[int], start: int = 0, end: int | None = None) -> str:
    """Like ``typeset``, each word of several characters kept on one line (for titles).

    ``ends`` are the offsets where words end (``words.word_ends``). A zero-width space
    that starts a word is set before its span, where it can still offer its break.
    """
    end = len(text) if end is None else end
    cuts = sorted({start, end} | {cut for cut in ends if start < cut < end})
    parts = []
    for first, last in itertools.pairwise(cuts):
        piece = typeset(text, first, last)
        if last - first > 1:
            lead = ZWSP if piece.startswith(ZWSP) else ""
            piece = f'{lead}<span class="nobr">{piece.removeprefix(lead)}</span>'
        parts.append(piece)
    return "".join(parts)


def typeset_all(text: str) -> str:
    """Render a whole short text (a title, a summary) as escaped HTML."""
    return typeset(text, 0, len(text))


def typeset_html(fragment: str) -> str:
    """Apply the same rules to the text between the tags of sanitised HTML."""
    parts = TAG.split(fragment)
    return "".join(part if TAG.fullmatch(part) else keep_runs(insert_breaks(part)) for part in parts)


def basis_mark(basis: str | None) -> str:
    """The 〔通行解释〕 mark after a summary that rests on general knowledge (explained in the note)."""
    return f'<span class="basis">{GENERAL_MARK}</span>' if basis == "general" else ""
