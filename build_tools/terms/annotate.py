"""Locate every glossary term in every text: the occurrences pages and checks are built from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from build_tools.annotations.glossary import GlossaryEntry
from build_tools.model import Block, BlockKind
from build_tools.stages.structure import PHOTO_CREDIT
from build_tools.terms.matching import Occurrence, TermForms, TermIndex

MATCHED_KINDS = (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CAPTION)


@dataclass(frozen=True, slots=True)
class Found:
    """An occurrence of a term in one block of one text."""

    text_id: str
    block: Block
    occurrence: Occurrence


def term_forms(entry: GlossaryEntry) -> TermForms:
    """The forms the matcher looks for: the term and its listed variants."""
    return TermForms(entry.id, tuple(dict.fromkeys((entry.term, *entry.variants))), entry.exclude)


def build_index(glossary: Iterable[GlossaryEntry]) -> TermIndex:
    """Build the matcher for a whole glossary, once."""
    return TermIndex(term_forms(entry) for entry in glossary)


def matchable_span(block: Block) -> tuple[int, int]:
    """The part of a block terms are looked for in (a photo credit names people, not terms)."""
    if block.kind not in MATCHED_KINDS:
        return 0, 0
    credit = PHOTO_CREDIT.search(block.text) if block.kind is BlockKind.CAPTION else None
    return 0, credit.start() if credit else len(block.text)


def find_terms(text_id: str, blocks: Iterable[Block], index: TermIndex) -> tuple[Found, ...]:
    """Find every term occurrence in a text's blocks, in reading order."""
    found: list[Found] = []
    for block in blocks:
        start, end = matchable_span(block)
        found.extend(Found(text_id, block, o) for o in index.find(block.text, start, end))
    return tuple(found)
