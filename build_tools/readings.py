"""Pinyin checked against pypinyin's reading in context; confirmed readings stay quiet.

A contributor writes the pinyin by hand; pypinyin reads the term with its phrase
dictionary (着力 zhuó lì, 了解 liǎo jiě). Where they differ, check warns, syllable by syllable,
ignoring spacing, punctuation and case. Either the entry is wrong, or pypinyin is, as with
佛茂 (fó, for 佛山) or 五重考察 (chóng, five rounds): then the entry confirms its reading,
``pinyin_confirmed: [佛茂 fó mào]``, a piece of the term and the entry's reading of it.

A whole term and its reading may be confirmed too, where numbers are read as numbers
(国函〔2022〕65号 … liù shí wǔ hào), not digit by digit as pypinyin's fallback does here.

Neutral tones: a particle 得 的 地 着 了 子 standing alone after another character, inside no
dictionary phrase, is read toneless (搬得出 bān de chū), which pypinyin's single-character
reading (dé) misses. Digits read one by one (113 yī yī sān), + as jiā, Latin letters as written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from pypinyin import Style, pinyin
from pypinyin.constants import PHRASES_DICT

from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.problems import Problem, problem, warning

NEUTRAL = {"得": "de", "的": "de", "地": "de", "着": "zhe", "了": "le", "子": "zi"}
DIGITS = dict(zip("0123456789", ["líng", "yī", "èr", "sān", "sì", "wǔ", "liù", "qī", "bā", "jiǔ"], strict=True))
SYMBOLS = {"+": "jiā"}
HAN = re.compile(r"[\u3400-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
LATIN = re.compile(r"[A-Za-z]+")
SYLLABLE = re.compile(r"[^\s·'’\-–—/（）(),，、:：;；.。“”‘’\"]+")


@dataclass(frozen=True)
class Token:
    """One reading unit of a term: a character (or Latin run) and where it starts."""

    text: str
    start: int


def tokens(term: str) -> list[Token]:
    """The units a term is read in: each Han character, digit and +, each run of Latin letters."""
    found = []
    for index, character in enumerate(term):
        if HAN.match(character) or character in DIGITS or character in SYMBOLS:
            found.append(Token(character, index))
        elif LATIN.match(character) and not (index and LATIN.match(term[index - 1])):
            found.append(Token(LATIN.match(term, index).group(0), index))  # type: ignore[union-attr]
    return found


@functools.cache
def expected_reading(term: str) -> tuple[str, ...]:
    """pypinyin's reading of a term in context, one syllable per token, neutral particles toneless."""
    readings = {run.start() + offset: syllable for run in HAN_RUN.finditer(term)
                for offset, (syllable,) in enumerate(pinyin(run.group(0), style=Style.TONE))}
    result = []
    for token in tokens(term):
        if token.text in DIGITS or token.text in SYMBOLS:
            result.append(DIGITS.get(token.text) or SYMBOLS[token.text])
        elif LATIN.match(token.text):
            result.append(token.text.lower())
        elif neutral_particle(term, token.start):
            result.append(NEUTRAL[token.text])
        else:
            result.append(readings.get(token.start, token.text))
    return tuple(result)


def neutral_particle(term: str, index: int) -> bool:
    """Tell whether a particle follows a character outside any dictionary phrase leading up to it.

    A phrase ending in or running through it decides (获得 dé, 为了 le); one starting with it
    does not (地推 in 积极地推进 is a particle and a verb, not dì tuī).
    """
    if term[index] not in NEUTRAL or index == 0 or not HAN.match(term[index - 1]):
        return False
    return not any(term[start:end] in PHRASES_DICT for start in range(max(0, index - 3), index)
                   for end in range(index + 1, min(len(term), start + 4) + 1))


def syllables(written: str) -> tuple[str, ...]:
    """A written pinyin as comparable syllables: lower case, composed, ü written ü."""
    text = unicodedata.normalize("NFC", written.lower().replace("v", "ü"))
    return tuple(SYLLABLE.findall(text))


def check_readings(edition: Edition) -> Iterator[Problem]:
    """A warning for each syllable that differs from pypinyin's and is not confirmed."""
    for entry in edition.glossary:
        if HAN.search(entry.pinyin):
            continue  # not pinyin at all: reported as bad-pinyin
        yield from _check_confirmations(entry)
        for index, written, expected in unconfirmed_differences(entry):
            yield warning(entry.path, *entry.position_of("pinyin"), "pinyin-differs",
                          f"'{entry.term}': syllable {index + 1} is written '{written}', pypinyin reads "
                          f"'{expected}'; fix it, or if '{written}' is right, confirm it: "
                          f"pinyin_confirmed: [{confirmation_hint(entry, index)}]")


def differences(entry: GlossaryEntry) -> list[tuple[int, str, str]]:
    """(syllable index, written, expected) wherever the entry and pypinyin disagree."""
    written, expected = syllables(entry.pinyin), expected_reading(entry.term)
    if len(written) != len(expected):
        return [(min(len(written), len(expected)), " ".join(written), " ".join(expected))]
    return [(i, w, e) for i, (w, e) in enumerate(zip(written, expected, strict=True)) if w != e]


def unconfirmed_differences(entry: GlossaryEntry) -> list[tuple[int, str, str]]:
    if (entry.term, syllables(entry.pinyin)) in map(split_confirmation, entry.pinyin_confirmed):
        return []  # the whole reading confirmed: numbers such as 65 (liù shí wǔ)
    confirmed = confirmed_indexes(entry)
    return [d for d in differences(entry) if d[0] not in confirmed]


def confirmed_indexes(entry: GlossaryEntry) -> set[int]:
    """The syllables of the entry's pinyin that a confirmation covers and agrees with."""
    term_tokens, written = tokens(entry.term), syllables(entry.pinyin)
    covered: set[int] = set()
    for piece, reading in (split_confirmation(c) for c in entry.pinyin_confirmed):
        for first in _occurrences(entry.term, piece, term_tokens):
            span = range(first, first + len(reading))
            if tuple(written[i] for i in span if i < len(written)) == reading:
                covered.update(span)
    return covered


def _occurrences(term: str, piece: str, term_tokens: list[Token]) -> Iterator[int]:
    starts = {token.start: index for index, token in enumerate(term_tokens)}
    at = term.find(piece)
    while at >= 0:
        if at in starts:
            yield starts[at]
        at = term.find(piece, at + 1)


def split_confirmation(confirmation: str) -> tuple[str, tuple[str, ...]]:
    """'佛茂 fó mào' -> ('佛茂', ('fó', 'mào'))."""
    piece, _, reading = confirmation.partition(" ")
    return piece, syllables(reading)


def _check_confirmations(entry: GlossaryEntry) -> Iterator[Problem]:
    written = syllables(entry.pinyin)
    for confirmation in entry.pinyin_confirmed:
        piece, reading = split_confirmation(confirmation)
        starts = list(_occurrences(entry.term, piece, tokens(entry.term)))
        if piece == entry.term and reading == written:
            continue
        if len(tokens(piece)) != len(reading) or not starts:
            yield problem(entry.path, *entry.position_of("pinyin_confirmed"), "bad-pinyin-confirmation",
                          f"'{confirmation}' must be a piece of '{entry.term}' and its reading, one "
                          "syllable per character, e.g. '佛茂 fó mào'")
        elif not any(written[s:s + len(reading)] == reading for s in starts):
            yield problem(entry.path, *entry.position_of("pinyin_confirmed"), "bad-pinyin-confirmation",
                          f"'{confirmation}' confirms a reading the pinyin '{entry.pinyin}' does not have")


def confirmation_hint(entry: GlossaryEntry, index: int) -> str:
    """The confirmation to write for one syllable: its character and reading."""
    term_tokens, written = tokens(entry.term), syllables(entry.pinyin)
    if index < len(term_tokens) and index < len(written) and len(term_tokens) == len(written):
        return f"{term_tokens[index].text} {written[index]}"
    return f"{entry.term} {entry.pinyin}"
