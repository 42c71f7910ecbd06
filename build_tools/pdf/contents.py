"""What one PDF holds: the whole edition, a selection of its texts, or one text.

A book's appendix holds the glossary entries its texts use, so every term footnoted in it
is defined in it; the whole edition's holds every entry, as the site's glossary does. A
cross-reference to an entry or a text the book does not hold is printed as plain text,
never as a link into nothing.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum

from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.edition import CorpusText, Edition


class Scope(Enum):
    """How much of the edition a book holds: what its front matter and back matter are."""

    EDITION = "edition"  # every text and every entry: title page, note, contents, glossary, map
    SELECTION = "selection"  # chosen texts: title page, note, contents, their terms
    TEXT = "text"  # one text: a heading line, the text, a short note, its terms


@dataclass(frozen=True)
class Book:
    """The texts of one PDF in reading order and the glossary entries of its appendix."""

    scope: Scope
    texts: tuple[CorpusText, ...]
    entries: tuple[GlossaryEntry, ...]  # in pinyin order

    @functools.cached_property
    def numbers(self) -> dict[str, int]:
        """Each text's chapter number, from 1."""
        return {text.meta.id: number for number, text in enumerate(self.texts, start=1)}

    @functools.cached_property
    def entry_ids(self) -> frozenset[str]:
        """The id of every entry in the appendix, for deciding what may be linked."""
        return frozenset(entry.id for entry in self.entries)

    def holds_text(self, text_id: str) -> bool:
        """Tell whether a text is one of the book's chapters."""
        return text_id in self.numbers

    def holds_entry(self, term_id: str) -> bool:
        """Tell whether a glossary entry is in the book's appendix."""
        return term_id in self.entry_ids


def edition_book(edition: Edition) -> Book:
    """The whole edition: every text in reading order, every glossary entry."""
    return Book(Scope.EDITION, tuple(edition.texts_in_reading_order()), tuple(sorted(edition.glossary, key=pinyin_key)))


def selection_book(edition: Edition, text_ids: tuple[str, ...]) -> Book:
    """Some texts of the edition (known ids), in reading order, with the entries they use."""
    chosen = set(text_ids)
    texts = tuple(text for text in edition.texts_in_reading_order() if text.meta.id in chosen)
    return Book(Scope.SELECTION, texts, _entries_used(edition, texts))


def text_book(edition: Edition, text_id: str) -> Book:
    """One text (a known id) with the entries it uses."""
    texts = tuple(text for text in edition.texts if text.meta.id == text_id)
    return Book(Scope.TEXT, texts, _entries_used(edition, texts))


def _entries_used(edition: Edition, texts: tuple[CorpusText, ...]) -> tuple[GlossaryEntry, ...]:
    used = {found.occurrence.term_id for text in texts for found in edition.found_in_text(text.meta.id)}
    return tuple(sorted((entry for entry in edition.glossary if entry.id in used), key=pinyin_key))
