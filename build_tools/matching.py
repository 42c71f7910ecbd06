"""Find glossary terms in running Chinese text: leftmost-longest, one pass, no markup.

Python-Markdown's abbr extension relies on ``\\b``, which never matches between two Han
characters, and a regex per term costs O(terms) per paragraph. Instead every written
form of every term goes into one character trie; the text is walked once, and at each
position the longest form starting there wins, so 一中心一张网十联户 beats 十联户. The
cost per character is bounded by the longest form, whatever the glossary's size.
"""

from __future__ import annotations

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
    """A character trie over every form of every term, and one over their exclusions."""

    def __init__(self, terms: Iterable[TermForms]) -> None:
        self._forms: dict = {}
        self._exclusions: dict = {}
        for term in terms:
            for form in term.forms:
                _insert(self._forms, form, (term.term_id, form))
            for context in term.exclude:
                _insert(self._exclusions, context, (term.term_id, context))

    def find(self, text: str, start: int = 0, end: int | None = None) -> tuple[Occurrence, ...]:
        """Return the leftmost-longest occurrences in text[start:end], in order."""
        end = len(text) if end is None else end
        blocked = self._blocked_spans(text, start, end)
        found: list[Occurrence] = []
        position = start
        while position < end:
            match = self._longest_at(text, position, end, blocked)
            if match is None:
                position += 1
                continue
            found.append(match)
            position = match.end
        return tuple(found)

    def _longest_at(self, text: str, position: int, end: int,
                    blocked: set[tuple[str, int, int]]) -> Occurrence | None:
        node = self._forms
        best = None
        for index in range(position, end):
            node = node.get(text[index])
            if node is None:
                break
            for term_id, form in node.get(_END, ()):
                if not _is_blocked(blocked, term_id, position, index + 1):
                    best = Occurrence(term_id, position, index + 1, form)
        return best

    def _blocked_spans(self, text: str, start: int, end: int) -> set[tuple[str, int, int]]:
        """Spans (term, start, end) of exclusion contexts: 二十五个一级 is not 五个一."""
        if not self._exclusions:
            return set()
        spans = set()
        for position in range(start, end):
            node = self._exclusions
            for index in range(position, end):
                node = node.get(text[index])
                if node is None:
                    break
                for term_id, _context in node.get(_END, ()):
                    spans.add((term_id, position, index + 1))
        return spans


def _insert(trie: dict, key: str, value: tuple[str, str]) -> None:
    node = trie
    for character in key:
        node = node.setdefault(character, {})
    node.setdefault(_END, []).append(value)


def _is_blocked(blocked: set[tuple[str, int, int]], term_id: str, start: int, end: int) -> bool:
    return any(t == term_id and s <= start and end <= e for t, s, e in blocked)
