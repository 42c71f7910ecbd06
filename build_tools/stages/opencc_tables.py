"""OpenCC's own tables, read once: which Simplified characters have several Traditional forms.

``opencc.convert`` gives one answer; to know where that answer is a guess we need the
tables behind it. STCharacters lists every Traditional form of a Simplified character,
the usual one first (发 -> 發 髮, 干 -> 幹 乾 干 榦, 台 -> 臺 檯 颱 台); STPhrases (and the
phrases OpenCC generates from its regional tables) fix the form inside the words it
knows (干净 -> 乾淨, 若干 -> 若干). The pinned wheel ships both as compiled ``.ocd2`` files
and ships ``opencc_dict``, OpenCC's tool that writes them out as text: that tool reads
them here, so the tables are exactly the ones ``convert`` uses, never a copy of ours.

A character is *undecided* in a word (``undecided``) when it has several forms and no
phrase of the tables settles it there.
"""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import opencc

CLIB = Path(opencc.__file__).parent / "clib"
TOOL = CLIB / "bin" / "opencc_dict"
TABLES = CLIB / "share" / "opencc"
CHARACTERS = "STCharacters"
PHRASES = ("STPhrases", "STPhrases_GeneratedFromRegionalPhrases")  # s2tw's segmentation dictionaries
TAIWAN = "TWVariants"  # s2tw's last step: 裏 -> 裡, 着 -> 著


@functools.cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    """One OpenCC dictionary as {key: its values, first choice first}."""
    if not TOOL.is_file():
        raise RuntimeError(f"OpenCC's opencc_dict is not at {TOOL}; install the pinned opencc wheel")
    written = subprocess.run([str(TOOL), "-i", str(TABLES / f"{name}.ocd2"), "-o", "/dev/stdout",
                              "-f", "ocd2", "-t", "text"], capture_output=True, text=True, check=True).stdout
    return {key: tuple(values.split(" ")) for key, _, values in
            (line.partition("\t") for line in written.splitlines() if "\t" in line)}


def traditional_forms(char: str) -> tuple[str, ...]:
    """Every Traditional form s2tw could give a Simplified character, its usual one first.

    STCharacters' forms, each in its Taiwan variant as s2tw prints it (裏 -> 裡); a
    character OpenCC leaves alone has itself as its only form.
    """
    taiwan = _table(TAIWAN)
    forms = _table(CHARACTERS).get(char, (char,))
    return tuple(dict.fromkeys(taiwan.get(form, (form,))[0] for form in forms))


def is_ambiguous(char: str) -> bool:
    """Tell whether OpenCC's character table gives a character several Traditional forms."""
    return len(traditional_forms(char)) > 1


@functools.cache
def _phrases() -> tuple[frozenset[str], int]:
    keys = frozenset(key for name in PHRASES for key in _table(name))
    return keys, max(map(len, keys))


def undecided(word: str) -> tuple[int, ...]:
    """Positions of the characters whose Traditional form in this word OpenCC cannot decide.

    A character with several forms is decided when a phrase of OpenCC's tables covers it
    in the word and every phrase that could cover it there agrees on its form (干净 -> 乾淨).
    It is not when no phrase covers it (its form is the table's first guess: 河长制 -> 制,
    not 製), nor when phrases disagree (好干|部 -> 好乾部 beside 好|干部 -> 好幹部): then
    which one wins depends on where segmentation happens to start, not on the meaning.
    """
    return tuple(i for i, char in enumerate(word)
                 if is_ambiguous(char) and len(_phrase_choices(word, i)) != 1)


def _phrase_choices(word: str, index: int) -> set[str]:
    """The forms the phrases covering ``word[index]`` give it."""
    keys, longest = _phrases()
    choices = set()
    for start in range(max(0, index - longest + 1), index + 1):
        for end in range(max(index + 1, start + 2), min(len(word), start + longest) + 1):
            if word[start:end] in keys:
                choices.update(_phrase_form(word[start:end], index - start))
    return choices


def _phrase_form(phrase: str, offset: int) -> set[str]:
    values = [value for name in PHRASES for value in _table(name).get(phrase, ())]
    return {value[offset] for value in values if len(value) == len(phrase)}


def is_spelling(traditional: str, simplified: str) -> bool:
    """Tell whether a Traditional word writes the Simplified one, character by character,
    each character one of the forms OpenCC knows for it (or the Simplified one unchanged)."""
    return len(traditional) == len(simplified) and all(
        t in traditional_forms(s) or t in _table(CHARACTERS).get(s, ()) for t, s in zip(traditional, simplified))
