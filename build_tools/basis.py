"""General knowledge made visible: a summary not resting on a cited paragraph says so.

An entry that cites ``- general`` may explain a term from general knowledge. Where its
summary (what the tooltip, the term page and the PDF footnote show) is not supported
by a cited paragraph, it must carry ``basis: general``, and every output marks it
〔通行解释〕. The rule, deliberately mechanical:

- a summary is supported by the corpus when it quotes (“…”) words of a cited block, four
  characters or more and more than the term's own name, and does not itself flag 通行解释;
- an entry citing ``- general`` whose summary is not so supported needs ``basis: general``;
- ``basis: general`` needs a ``- general`` source, and a definition that flags the
  general knowledge (据通行解释), so the reader sees which part is not from the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from build_tools.annotations.definitions import quotes_verbatim
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.problems import Problem, problem

QUOTED = re.compile(r"“([^“”]{4,})”")  # a name such as “两高” quotes the term, not a claim
FLAG = "通行解释"


def check_basis(edition: Edition) -> Iterator[Problem]:
    """A problem for each summary that relies on general knowledge without saying so."""
    for entry in edition.glossary:
        cites_general = any(source.text is None for source in entry.sources)
        if entry.basis == "general" and not cites_general:
            yield problem(entry.path, *entry.position_of("basis"), "basis-without-general",
                          "basis: general needs '- general' among the sources; or remove it if the "
                          "summary rests on the cited paragraphs")
        elif entry.basis == "general" and FLAG not in entry.definition:
            yield problem(entry.path, *entry.position_of("definition"), "basis-without-general",
                          "basis: general: say in the definition which part is general knowledge, "
                          "e.g. “（据通行解释，非出自本语料）”")
        elif cites_general and entry.basis != "general" and not summary_supported(edition, entry):
            yield problem(entry.path, *entry.position_of("summary"), "unmarked-general",
                          "the entry cites general knowledge and its summary quotes no cited paragraph; "
                          "add 'basis: general' (shown as 〔通行解释〕), or quote the paragraph it rests on")


def summary_supported(edition: Edition, entry: GlossaryEntry) -> bool:
    """Tell whether the summary quotes words of a block the entry cites (more than the term)."""
    if FLAG in entry.summary:
        return False
    forms = {entry.term, *entry.variants, *(c.text for c in entry.components)}
    quotations = [q for q in QUOTED.findall(entry.summary) if q not in forms]
    blocks = []
    for source in entry.sources:
        text = edition.text(source.text) if source.text else None
        block = text.article.paragraph(source.paragraph or "") if text else None
        blocks.extend([block.text] if block else [])
    return any(quotes_verbatim(quotation, block) for quotation in quotations for block in blocks)
