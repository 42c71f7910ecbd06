"""Each term in Traditional: OpenCC's s2tw, the corpus's corrections, and the entries' overrides.

Contributors write once, in Simplified. Where a character has several Traditional forms
and no OpenCC phrase settles it in the word (``stages.opencc_tables.undecided``), the
entry says which form the word takes, ``traditional: {forms: [...], basis: ...}``, and
``check`` asks for it (``undecided-traditional``). Everything that shows a term in
Traditional (the Traditional view's pages and tooltips, the Traditional PDF) takes the
override when there is one, else s2tw with ``CORRECTIONS``.

Why s2tw and not s2t or s2twp: see ``site.traditional``. Why not a table of our own:
the character and phrase tables are OpenCC's; only where they cannot decide, or decide
wrongly in this corpus, do we add a word, and each addition is located and tested.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from build_tools.annotations.definitions import cited_passages
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.problems import Problem, problem, warning
from build_tools.stages.opencc_tables import is_spelling, traditional_forms, undecided
from build_tools.stages.script import convert

PROFILE = "s2tw"
# Where OpenCC's phrase rules pick the wrong one of several Traditional forms in this corpus
# (a longer phrase wins across a word boundary: 保护|发展 read as 护发 "hair care"), the form
# the words need; 臺盤 is how the Traditional original writes the village's name.
CORRECTIONS = {"好乾部": "好幹部", "善乾": "善幹", "護髮展": "護發展", "蓄髮展": "蓄發展", "檯盤": "臺盤"}


def overrides(entry: GlossaryEntry) -> dict[str, str]:
    """{form: its Traditional spelling} for each of the entry's forms that has an override."""
    written = entry.traditional.forms if entry.traditional else ()
    forms = (entry.term, *entry.variants)
    return {form: spelling for spelling in written for form in forms if is_spelling(spelling, form)}


def glossary_replacements(glossary: Iterable[GlossaryEntry]) -> tuple[tuple[str, str], ...]:
    """(what s2tw writes, what the entry says) for every override that differs from s2tw."""
    pairs = {convert(form, PROFILE): spelling for entry in glossary for form, spelling in overrides(entry).items()}
    return tuple(sorted((old, new) for old, new in pairs.items() if old != new))


@functools.cache
def _corrector(replacements: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    table = {**CORRECTIONS, **dict(replacements)}
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


def to_hant(text: str, replacements: tuple[tuple[str, str], ...] = ()) -> str:
    """Simplified text in Traditional: s2tw, then the corrections and the glossary's overrides."""
    pattern, table = _corrector(replacements)
    return pattern.sub(lambda match: table[match.group()], convert(text, PROFILE))


def traditional_term(entry: GlossaryEntry, form: str | None = None) -> str:
    """An entry's term (or one of its forms) in Traditional: its override, else converted."""
    form = form or entry.term
    return overrides(entry).get(form) or to_hant(form)


def check_traditional_forms(edition: Edition) -> Iterator[Problem]:
    """Each form OpenCC cannot put in Traditional unaided, and each override that cannot stand."""
    for entry in edition.glossary:
        settled = overrides(entry)
        for field, form in [("term", entry.term), *(("variants", v) for v in entry.variants)]:
            positions = undecided(form)
            if positions and form not in settled:
                choices = "; ".join(f"{form[i]} {'/'.join(traditional_forms(form[i]))}" for i in positions)
                yield warning(entry.path, *entry.position_of(field), "undecided-traditional",
                              f"OpenCC cannot decide the Traditional form of '{form}' ({choices}; no phrase "
                              f"settles it; s2tw guesses {to_hant(form)}): add traditional: {{forms: "
                              f"[{to_hant(form)}], basis: …}} with the form the word needs, citing the "
                              "Traditional original if it has the word, else 通行写法 and why")
        if entry.traditional:
            yield from _override_problems(entry, edition, settled)


def _override_problems(entry: GlossaryEntry, edition: Edition, settled: dict[str, str]) -> Iterator[Problem]:
    assert entry.traditional is not None
    line, column = entry.position_of("traditional")
    for spelling in entry.traditional.forms:
        if spelling not in settled.values():
            yield problem(entry.path, line, column, "bad-traditional",
                          f"'{spelling}' is not the term or a variant written in Traditional: each character "
                          "must be one of OpenCC's forms of the Simplified one at the same place")
    for text_id, anchor, _ in cited_passages(entry.traditional.basis):
        text = edition.text(text_id)
        block = text.article.paragraph(anchor) if text else None
        if text is None or block is None:
            yield problem(entry.path, line, column, "unknown-paragraph",
                          f"traditional: basis cites {text_id} {anchor}, which does not exist")
        elif text.meta.script != "traditional":
            yield problem(entry.path, line, column, "bad-traditional",
                          f"traditional: basis cites {text_id}, which was published in Simplified; cite a "
                          "text published in Traditional, or say 通行写法 and why")
        elif not any(spelling in block.original for spelling in entry.traditional.forms):
            yield problem(entry.path, line, column, "quote-not-in-paragraph",
                          f"traditional: basis cites {text_id} {anchor}, whose original does not write "
                          f"{'、'.join(entry.traditional.forms)}")
