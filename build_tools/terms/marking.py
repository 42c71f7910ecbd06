"""Which term occurrences a page marks loudly: a term's first in each section of a text.

A section is the run of blocks under one heading of a text; the blocks before the first
heading are a section of their own, so a text without headings is one section. A reader
meets each term marked once per section; its repeats there are still explained on hover
or tap, but quietly, so the marks on a page grow with its (section, term) pairs and not
with how often a slogan is repeated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from build_tools.model import Block, BlockKind
from build_tools.terms.annotate import Found

PREAMBLE = ""  # the section of the blocks before a text's first heading


@dataclass(frozen=True, slots=True)
class Marked:
    """An occurrence, the section it stands in, and whether it is its term's first there."""

    found: Found
    section: str  # the anchor of the section's heading ("s2"), or PREAMBLE
    first: bool


def sections(blocks: Iterable[Block]) -> dict[str, str]:
    """Each block's section by block anchor; a heading opens the section it names."""
    current, section_of = PREAMBLE, {}
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            current = block.anchor
        section_of[block.anchor] = current
    return section_of


def mark_first_in_section(blocks: Iterable[Block], found: Iterable[Found]) -> tuple[Marked, ...]:
    """Flag each occurrence (in reading order) that is its term's first in its section.

    ``found`` must lie in ``blocks``: an occurrence in a block the text does not have is a
    caller's error, and raises KeyError rather than being put in some section.
    """
    section_of = sections(blocks)
    seen: set[tuple[str, str]] = set()
    marked = []
    for occurrence in found:
        key = (section_of[occurrence.block.anchor], occurrence.occurrence.term_id)
        marked.append(Marked(occurrence, key[0], key not in seen))
        seen.add(key)
    return tuple(marked)
