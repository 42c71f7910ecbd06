"""Candidate terms: likely policy terms that no glossary entry annotates yet.

Register, then count, as in the rest of the build:

1. Register forms of three shapes, in every block and in every title the texts give:
   ``quoted``    “…” ‘…’ 「…」 『…』, short and without sentence punctuation (else speech);
   ``numbered``  一个 counted (四个意识, 三大战略) or parallel (四抓四强, 一村一品, 一中心一张网);
   ``model``     parts joined by + (党支部+合作社+农户).
   A numbered or model form inside a quotation is left to it, unless it is all of it.
2. Drop forms a glossary form already contains, ordinary words (jieba's dictionary) and
   forms without a Chinese character.
3. Count every occurrence of each form in those titles and blocks, leaving out occurrences
   that overlap a term the real matcher finds there.
4. Rank by the number of texts, then of occurrences, then of shapes.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import jieba

from build_tools.edition import Edition
from build_tools.stages.chars import HAN
from build_tools.terms.annotate import build_index, matchable_span
from build_tools.terms.matching import TermIndex

NUMERAL = "一二三四五六七八九十两"
# One pattern per pair, so that ‘…’ inside a “…” that is speech is still seen.
QUOTATIONS = tuple(re.compile(f"{open_}([^{open_}{close}]+){close}")
                   for open_, close in ("“”", "‘’", "「」", "『』"))
SPEECH = re.compile(r"[。！？；，!?;,…]")  # quoted speech, not a name
MAX_QUOTED = 16
# 四个意识, 三大战略: one small numeral (一个 is just "a"), then a counter; the word after it
# is found in the dictionary, since Chinese does not mark where it ends.
COUNTED = re.compile(rf"(?<![{NUMERAL}\d])[二三四五六七八九十两][个大](?=[{HAN}])")
# 四抓四强, 两学一做, 一中心一张网: numbered parts of equal length (parallelism is the mark).
# Parts of three characters need three of them (三级推荐四维培养五重考察): 第一产业园二期 is prose.
# The not-after-第-or-a-numeral test follows the first numeral, not precedes it: a pattern
# that starts with a character class lets the regex engine skip ahead to candidates.
PARALLEL = tuple(
    re.compile(rf"[{NUMERAL}](?<![第{NUMERAL}][{NUMERAL}])(?:(?![{NUMERAL}])[{HAN}]){{{size}}}"
               rf"(?:[{NUMERAL}](?:(?![{NUMERAL}])[{HAN}]){{{size}}}){{{parts - 1},}}")
    for size, parts in ((3, 3), (2, 2), (1, 2)))
# Starts only where a run starts: tried inside a long run without "+", the pattern would
# rescan the rest of the run from every character.
MODEL = re.compile(rf"(?<![{HAN}A-Za-z0-9])[{HAN}A-Za-z0-9]+(?:\s*[+＋]\s*[{HAN}A-Za-z0-9]+)+")
MODEL_JOINERS = ("+", "＋")
# An ordinary word followed by an aspect particle or a localiser is ordinary too (缠着, 纸上).
PARTICLES = "着了过的地得上里中"
CONTEXT = 20


@dataclass(frozen=True)
class Vocabulary:
    """The words of jieba's dictionary, for telling ordinary words and where words end."""

    frequencies: Mapping[str, int]  # jieba's prefix dictionary: prefixes of words have 0

    def knows(self, word: str) -> bool:
        """Tell whether the dictionary lists this word."""
        return self.frequencies.get(word, 0) > 0

    def first_word(self, text: str, longest: int = 4) -> str:
        """The longest dictionary word text starts with, or its first character."""
        return next((text[:n] for n in range(min(longest, len(text)), 1, -1) if self.knows(text[:n])),
                    text[:1])


@functools.lru_cache(maxsize=1)
def jieba_vocabulary() -> Vocabulary:
    """jieba's dictionary, read through a private Tokenizer (never the module-level one)."""
    tokenizer = jieba.Tokenizer()
    frequencies, _ = tokenizer.gen_pfdict(tokenizer.get_dict_file())
    return Vocabulary(frequencies)


@dataclass(frozen=True)
class Passage:
    """Where a candidate is seen: a block of a text, with context either side."""

    text_id: str
    anchor: str
    before: str
    after: str


@dataclass(frozen=True)
class Candidate:
    """A form that looks like a policy term and has no glossary entry."""

    form: str
    shapes: tuple[str, ...]  # quoted, numbered, model
    texts: int
    occurrences: int
    first: Passage


def find_candidates(edition: Edition, vocabulary: Vocabulary | None = None) -> tuple[Candidate, ...]:
    """Every candidate term of the edition, most widely used first."""
    vocabulary = vocabulary or jieba_vocabulary()
    index = build_index(edition.glossary)
    registered: dict[str, set[str]] = defaultdict(set)
    for stretch in _stretches(edition, index):
        for form, shape in find_forms(stretch.text, vocabulary):
            registered[form].add(shape)
    # One string of every annotated form: "inside an annotated form" is one substring search.
    annotated = "\0".join(form for entry in edition.glossary for form in (entry.term, *entry.variants))
    kept = {form: shapes for form, shapes in registered.items()
            if re.search(f"[{HAN}]", form) and len(form) > 1 and not is_ordinary(form, vocabulary)
            and form not in annotated}
    passages = _passages(_stretches(edition, index), kept)  # a second pass: stretches are not kept
    candidates = [c for form, shapes in kept.items() if (c := _candidate(form, shapes, passages[form]))]
    return tuple(sorted(candidates, key=lambda c: (-c.texts, -c.occurrences, -len(c.shapes), c.form)))


@dataclass(frozen=True)
class _Stretch:
    """Text a term may occur in (a title the text gives, or a block), and the terms matched there."""

    text_id: str
    anchor: str  # "" for the title
    text: str
    matched: tuple[tuple[int, int], ...]


def _stretches(edition: Edition, index: TermIndex) -> Iterator[_Stretch]:
    """Every title the texts give and the matchable part of every block, in reading order."""
    for text in edition.texts:
        title = text.meta.title
        if text.meta.title_source != "editor":  # an editors' title is not evidence
            spans = tuple((o.start, o.end) for o in index.find(title))
            yield _Stretch(text.meta.id, "", title, spans)
        matched: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for found in edition.found_in_text(text.meta.id):
            matched[found.block.anchor].append((found.occurrence.start, found.occurrence.end))
        for block in text.article.blocks:
            start, end = matchable_span(block)
            spans = tuple((s - start, e - start) for s, e in matched.get(block.anchor, ()))
            yield _Stretch(text.meta.id, block.anchor, block.text[start:end], spans)


def find_forms(text: str, vocabulary: Vocabulary) -> Iterator[tuple[str, str]]:
    """Each (form, shape) in a stretch of text; a pattern inside a quotation is left to it."""
    quoted = []
    for match in (m for pattern in QUOTATIONS for m in pattern.finditer(text)):
        if len(match.group(1)) <= MAX_QUOTED and not SPEECH.search(match.group(1)):
            quoted.append(match.span(1))
            yield match.group(1).strip(), "quoted"
    for (start, end), shape in _patterns(text, vocabulary):
        if (start, end) in quoted or not any(s <= start and end <= e for s, e in quoted):
            yield text[start:end], shape


def _patterns(text: str, vocabulary: Vocabulary) -> Iterator[tuple[tuple[int, int], str]]:
    for match in COUNTED.finditer(text):
        yield (match.start(), match.end() + len(vocabulary.first_word(text[match.end():]))), "numbered"
    taken: list[tuple[int, int]] = []
    for pattern in PARALLEL:  # longest parts first; a shorter reading of the same span is not another term
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
                yield match.span(), "numbered"
    if any(joiner in text for joiner in MODEL_JOINERS):
        for match in MODEL.finditer(text):
            yield match.span(), "model"


def is_ordinary(form: str, vocabulary: Vocabulary) -> bool:
    """A dictionary word (服务员, 考验), perhaps with a particle or localiser (缠着, 纸上)."""
    return vocabulary.knows(form) or (form[-1] in PARTICLES and vocabulary.knows(form[:-1]))


def _passages(stretches: Iterable[_Stretch], forms: dict[str, set[str]]) -> dict[str, list[Passage]]:
    """Where each form occurs outside matched glossary terms: one scan per stretch for all forms."""
    found: dict[str, list[Passage]] = defaultdict(list)
    by_length = sorted(forms, key=len, reverse=True)
    for stretch in stretches:
        text = stretch.text
        for form in (f for f in by_length if f[0] in text and f in text):
            for at in _positions(text, form):
                if not any(start < at + len(form) and at < end for start, end in stretch.matched):
                    found[form].append(Passage(stretch.text_id, stretch.anchor, _left(text, at),
                                               _right(text, at + len(form))))
    return found


def _candidate(form: str, shapes: set[str], passages: list[Passage]) -> Candidate | None:
    """A candidate from its passages, or None when it never occurs outside glossary terms."""
    if not passages:
        return None
    first = next((p for p in passages if p.anchor), passages[0])  # a title cannot be cited
    return Candidate(form, tuple(sorted(shapes)), len({p.text_id for p in passages}), len(passages), first)


def _positions(text: str, form: str) -> Iterator[int]:
    at = text.find(form)
    while at >= 0:
        yield at
        at = text.find(form, at + len(form))


def _left(text: str, start: int) -> str:
    return ("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT):start]


def _right(text: str, end: int) -> str:
    return text[end:end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")


def render_candidates_text(candidates: tuple[Candidate, ...]) -> str:
    """One line per candidate: rank, form, texts and occurrences, first passage."""
    lines = []
    for rank, c in enumerate(candidates, start=1):
        where = f"{c.first.text_id} {c.first.anchor or 'title'}"
        lines.append(f"{rank:>3}. {c.form}\t{c.texts} text(s), {c.occurrences}×\t{'+'.join(c.shapes)}\t"
                     f"{where}\t{c.first.before}【{c.form}】{c.first.after}")
    return "\n".join(lines) + "\n" if lines else ""
