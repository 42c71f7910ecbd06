"""The Traditional view's term pages: the Simplified form beside the term, originals quoted as published.

A term page of the Traditional view is rendered again, not only converted, for what the
Simplified page cannot carry: its script twin is the Simplified form, and where it
quotes a text published in Traditional (occurrences in context, quotations in the
summary, definition and note) it shows that text's own characters, ``Block.original``,
not a round trip through Simplified (s2tw(t2s(x)) is not x: the Qiandongnan text writes
駐村干部 where s2tw writes 駐村幹部). Those spans are marked KEEP … END for
``to_traditional``, which converts everything else.
"""

from __future__ import annotations

import re
from dataclasses import replace

from build_tools.annotations.definitions import OMISSION, quoted_citations
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.site.render_glossary import (
    occurrence_excerpt,
    render_occurrence_page,
    render_script_twin,
    render_term_page,
)
from build_tools.site.render_relations import Appearances, comparison_snippet
from build_tools.terms.annotate import Found

KEEP, END = "\ue000", "\ue001"  # text between them is in its final script (see site.traditional)
MARKS = str.maketrans(dict.fromkeys("“”‘’『』「」", '"'))  # a quotation may nest ‘’ where the text has “”


def render_traditional_term_page(entry: GlossaryEntry, edition: Edition, appearances: Appearances,
                                 diagram: str | None = None) -> str:
    """The term page to convert for the Traditional view (its kept spans are final)."""
    twin = KEEP + render_script_twin("简体", entry.term, "zh-Hans").replace("简体", "簡體") + END
    return render_term_page(quoting_originals(entry, edition), edition, appearances, diagram,
                            lambda found: original_excerpt(found, edition), twin,
                            lambda found: original_snippet(found, edition))


def render_traditional_occurrence_page(entry: GlossaryEntry, edition: Edition, number: int) -> str:
    """Page ``number`` of a term's occurrence list, quoting Traditional-published texts as published."""
    return render_occurrence_page(entry, edition, number, lambda found: original_excerpt(found, edition))


def original_excerpt(found: Found, edition: Edition) -> str:
    """An occurrence in context, from the original characters when the text was published in Traditional."""
    original = _original_block(found, edition)
    return occurrence_excerpt(found) if original is None else KEEP + occurrence_excerpt(found, original) + END


def _original_block(found: Found, edition: Edition) -> str | None:
    """The block's original characters, when its text was published in Traditional and
    cleaning kept the two scripts the same length (so the occurrence's offsets hold)."""
    text = edition.text(found.text_id)
    block = found.block
    if text is None or text.meta.script != "traditional" or len(block.original) != len(block.text):
        return None
    return block.original


def original_snippet(found: Found, edition: Edition) -> str:
    """An occurrence's words in the comparison table, from the original characters as above."""
    original = _original_block(found, edition)
    return comparison_snippet(found) if original is None else KEEP + comparison_snippet(found, original) + END


def quoting_originals(entry: GlossaryEntry, edition: Edition) -> GlossaryEntry:
    """The entry with each quotation of a Traditional-published text in that text's characters."""
    return replace(entry, summary=_quoted(entry.summary, edition), definition=_quoted(entry.definition, edition),
                   note=_quoted(entry.note, edition) if entry.note else None)


def _quoted(prose: str, edition: Edition) -> str:
    parts, position = [], 0
    for quotation, text_id, anchors, offset in quoted_citations(prose):
        original = _original_words(quotation, text_id, anchors, edition)
        start = prose.index(quotation, offset)
        if original is None:
            continue
        parts.append(prose[position:start] + KEEP + original + END)
        position = start + len(quotation)
    return "".join(parts) + prose[position:]


def _original_words(quotation: str, text_id: str, anchors: tuple[str, ...], edition: Edition) -> str | None:
    """The quotation in the original's characters, part by part (omissions kept); None if
    the text is not a Traditional one or a part cannot be placed in the cited blocks."""
    text = edition.text(text_id)
    if text is None or text.meta.script != "traditional":
        return None
    blocks = [b for anchor in anchors if (b := text.article.paragraph(anchor))]
    if not blocks or any(len(b.text) != len(b.original) for b in blocks):
        return None
    simplified = "".join(b.text for b in blocks).translate(MARKS)
    original = "".join(b.original for b in blocks)
    shown, position = [], 0
    for part in re.split(f"({OMISSION.pattern})", quotation):
        if not part or OMISSION.fullmatch(part):
            shown.append(part)
            continue
        found = simplified.find(part.translate(MARKS), position)
        if found < 0:
            return None
        shown.append("".join(mine if mine in '“”‘’『』「」' else theirs
                             for mine, theirs in zip(part, original[found:found + len(part)], strict=True)))
        position = found + len(part)
    return "".join(shown)
