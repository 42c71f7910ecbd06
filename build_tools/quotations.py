"""Quotations verified against the text: “……”（text-id pN） must be in paragraph pN.

A glossary entry that quotes a passage and cites it makes a claim a reader can check;
the build checks it first. Quotation-mark styles (“”, ‘’, 『』, 「」) and white space do not
count; an omission (……) lets the quoted parts stand apart, in order.
"""

from __future__ import annotations

from collections.abc import Iterator

from build_tools.annotations.definitions import quote_key, quoted_citations, quotes_verbatim
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.problems import Problem, problem

PROSE_FIELDS = ("summary", "definition", "note")


def check_quotations(edition: Edition) -> Iterator[Problem]:
    """A problem for each quotation that is not in the paragraph it cites."""
    for entry in edition.glossary:
        for field, quotation, text_id, anchors, line in quotations_of(entry):
            text = edition.text(text_id)
            blocks = [text.article.paragraph(a) for a in anchors] if text else [None]
            if None in blocks or quotes_verbatim(quotation, "".join(b.text for b in blocks if b)):
                continue  # an unknown text or paragraph is reported by the citation checks
            cited = "、".join(anchors)
            yield problem(entry.path, line, entry.position_of(field)[1], "quote-not-in-paragraph",
                          f"the {field} quotes “{quotation}” from {text_id} {cited}, which does not "
                          f"contain it{where_quoted(edition, quotation)}")


def quotations_of(entry: GlossaryEntry) -> Iterator[tuple[str, str, str, tuple[str, ...], int]]:
    for field in PROSE_FIELDS:
        prose = getattr(entry, field) or ""
        line, _ = entry.position_of(field)
        for quotation, text_id, anchors, offset in quoted_citations(prose):
            yield field, quotation, text_id, anchors, line + prose[:offset].count("\n")


def where_quoted(edition: Edition, quotation: str) -> str:
    """Where in the corpus the quoted words are, as a hint: '; it is in jinhaihu-113 p36'."""
    key = quote_key(quotation)
    places = [f"{t.meta.id} {b.anchor}" for t in edition.texts for b in t.article.blocks
              if key and quotes_verbatim(quotation, b.text)]
    if not places:
        return "; the words are in no paragraph of the corpus: quote them exactly"
    return f"; the words are in {', '.join(places[:3])}{' …' if len(places) > 3 else ''}: cite that"
