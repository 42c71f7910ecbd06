"""Find glossary terms in running Chinese text: leftmost-longest, one pass, no markup.

Python-Markdown's abbr extension relies on ``\\b``, which never matches between two Han
characters, and a regex per term costs O(terms) per paragraph. Instead every written
form of every term goes into one Aho-Corasick automaton (pyahocorasick), which reports
every form ending at each character in one pass in C, whatever the glossary's size; of
those, the longest form starting leftmost wins, so 一中心一张网十联户 beats 十联户.
(pyahocorasick's own ``iter_long`` is not used: it has missed matches in released
versions, see WojciechMula/pyahocorasick#133 and #185.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from build_tools.annotations.contexts import Context, in_context


@dataclass(frozen=True, slots=True)
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
    exclude: tuple[str | Context, ...] = ()  # longer strings, or the words around a match


class TermIndex:
    """An automaton over every form of every term, and each term's exclusions.

    A fixed exclusion is a longer string containing the form; a ``Context`` is checked
    only on the few matches of its own term, so the pass stays one automaton run.
    """

    def __init__(self, terms: Iterable[TermForms]) -> None:
        owners: dict[str, list[tuple[str, str]]] = {}
        self._exclusions: dict[str, tuple[str, ...]] = {}
        self._contexts: dict[str, tuple[Context, ...]] = {}
        for term in terms:
            for form in term.forms:
                owners.setdefault(form, []).append((term.term_id, form))
            fixed = tuple(e for e in term.exclude if isinstance(e, str))
            contexts = tuple(e for e in term.exclude if isinstance(e, Context))
            if fixed:
                self._exclusions[term.term_id] = fixed
            if contexts:
                self._contexts[term.term_id] = contexts
        self._automaton: ahocorasick.Automaton | None = None
        if owners:
            self._automaton = ahocorasick.Automaton()
            for form, terms_of_form in owners.items():
                # Later terms first: of two terms written alike, the last declared wins.
                self._automaton.add_word(form, (len(form), tuple(reversed(terms_of_form))))
            self._automaton.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> tuple[Occurrence, ...]:
        """Return the leftmost-longest occurrences in text[start:end], in order."""
        end = len(text) if end is None else end
        if self._automaton is None or start >= end:
            return ()
        # Every form found, leftmost first and at each start longest first.
        candidates = sorted(((last + 1 - length, -length, owners)
                             for last, (length, owners) in self._automaton.iter(text, start, end)),
                            key=lambda candidate: candidate[:2])
        found: list[Occurrence] = []
        position = start
        for begins, negative_length, owners in candidates:
            if begins < position:
                continue
            ends = begins - negative_length
            for term_id, form in owners:
                if not self._excluded(text, term_id, form, begins, start, end):
                    found.append(Occurrence(term_id, begins, ends, form))
                    position = ends
                    break
        return tuple(found)

    def _excluded(self, text: str, term_id: str, form: str, position: int, start: int, end: int) -> bool:
        """Tell whether this match lies inside one of its term's exclusions."""
        ends = position + len(form)
        if any(in_context(c, text, position, ends, start, end) for c in self._contexts.get(term_id, ())):
            return True
        for context in self._exclusions.get(term_id, ()):
            offset = context.find(form)
            while offset != -1:
                begins = position - offset
                if begins >= start and begins + len(context) <= end and text.startswith(context, begins):
                    return True
                offset = context.find(form, offset + 1)
        return False
