"""Find glossary terms in running Chinese text: leftmost-longest, one pass, no markup.

Python-Markdown's abbr extension relies on ``\\b``, which never matches between two Han
characters, and a regex per term costs O(terms) per paragraph. Instead every written
form of every term goes into one character trie; the text is walked once, and at each
position the longest form starting there wins, so 一中心一张网十联户 beats 十联户. The
cost per character is bounded by the longest form, whatever the glossary's size; a
class of the characters terms can start with lets the walk skip the rest in C.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_END = ""  # trie key marking "a form ends here"; never a character of the text


@dataclass(frozen=True)
class Occurrence:
    """One place a term is found in a block of text."""

    term_id: str
    start: int
    end: int
    form: str  # the written form found (the term or one of its variants)


@dataclass(frozen=True)
class TermForms:
    """What the matcher needs to know of one term."""

    term_id: str
    forms: tuple[str, ...]
    exclude: tuple[str, ...] = ()


class TermIndex:
    """A character trie over every form of every term, and each term's exclusion contexts."""

    def __init__(self, terms: Iterable[TermForms]) -> None:
        self._forms: dict = {}
        self._exclusions: dict[str, tuple[str, ...]] = {}
        first_characters = set()
        for term in terms:
            for form in term.forms:
                _insert(self._forms, form, (term.term_id, form))
                first_characters.add(form[0])
            if term.exclude:
                self._exclusions[term.term_id] = term.exclude
        # Where a term can start: scanning for these in C skips most of the text.
        self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(first_characters)) + "]") \
            if first_characters else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> tuple[Occurrence, ...]:
        """Return the leftmost-longest occurrences in text[start:end], in order."""
        end = len(text) if end is None else end
        found: list[Occurrence] = []
        position = start
        while self._starts is not None and position < end:
            candidate = self._starts.search(text, position, end)
            if candidate is None:
                break
            position = candidate.start()
            match = self._longest_at(text, position, start, end)
            if match is None:
                position += 1
                continue
            found.append(match)
            position = match.end
        return tuple(found)

    def _longest_at(self, text: str, position: int, start: int, end: int) -> Occurrence | None:
        node = self._forms
        best = None
        for index in range(position, end):
            node = node.get(text[index])
            if node is None:
                break
            for term_id, form in node.get(_END, ()):
                if not self._excluded(text, term_id, form, position, start, end):
                    best = Occurrence(term_id, position, index + 1, form)
        return best

    def _excluded(self, text: str, term_id: str, form: str, position: int, start: int, end: int) -> bool:
        """Tell whether this match lies inside one of its term's exclusion contexts."""
        for context in self._exclusions.get(term_id, ()):
            offset = context.find(form)
            while offset != -1:
                begins = position - offset
                if begins >= start and begins + len(context) <= end and text.startswith(context, begins):
                    return True
                offset = context.find(form, offset + 1)
        return False


def _insert(trie: dict, key: str, value: tuple[str, str]) -> None:
    node = trie
    for character in key:
        node = node.setdefault(character, {})
    node.setdefault(_END, []).append(value)


