"""Search sections of a text: where a long run of paragraphs is cut so every engine indexes it.

Material and Zensical both index a page as sections, one per heading with an id. Zensical
0.0.73 packs each indexed position into 32 bits: the section's number, the field (title,
text, path, tags: 2 bits) and, under a custom separator such as ours (Material's jieba pass
marks words with zero-width spaces), the byte offset in the field. So a section's text may
hold at most 2**(30 - ceil(log2(sections in the site))) bytes: 64 KiB up to 16,384 sections,
16 KiB up to 65,536, and Zensical refuses to build a site with a longer one.

A text's run of blocks without a heading is therefore cut, before the block that would take
it past SECTION_BYTES, by a heading only search sees (site/render_text.py); a hit in a long
text then also lands near its paragraph. The cuts depend on the text alone, never on the
edition's size, so the id of each part (part-p12: the part that begins at p12) keeps its
meaning. A single block over the limit cannot be cut, and is reported.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator, Sequence

from build_tools.edition import CorpusText
from build_tools.model import Block, BlockKind
from build_tools.problems import Problem, warning

# Zensical's bound at 65,536 sections less 4 KiB for what else the first section holds (the
# line about the raw source, the Traditional view's note on the script).
SECTION_BYTES = 12 * 1024
FIELD_BITS = 2  # Zensical numbers the fields title, text, path and tags in 2 bits


def zensical_section_limit(sections: int) -> int:
    """The most bytes Zensical 0.0.73 indexes in one field of one section, in a site of this
    many sections (with a custom search separator)."""
    return 2 ** (32 - FIELD_BITS - max(1, math.ceil(math.log2(max(sections, 2)))))


def indexed_bytes(block: Block) -> int:
    """What a block adds to its section's text in a search index: its words as escaped in
    HTML, its paragraph number, and the ``<p></p>`` and space around it."""
    return len(html.escape(block.text, quote=False).encode("utf-8")) + len(str(block.number)) + len("<p></p> ")


def search_part_starts(blocks: Sequence[Block], limit: int = SECTION_BYTES) -> tuple[Block, ...]:
    """The blocks before which a search-only heading cuts the text, so that no run of blocks
    between two headings (or cuts) exceeds ``limit`` bytes unless one block alone does."""
    starts: list[Block] = []
    size = 0
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            size = 0
            continue
        weight = indexed_bytes(block)
        if size and size + weight > limit:
            starts.append(block)
            size = 0
        size += weight
    return tuple(starts)


def check_search_sections(texts: Iterable[CorpusText], limit: int = SECTION_BYTES) -> Iterator[Problem]:
    """A block alone over ``limit`` bytes is a search section no cut can shorten."""
    for text in texts:
        for block in text.article.blocks:
            if block.kind is not BlockKind.HEADING and indexed_bytes(block) > limit:
                yield warning(text.raw, block.lines[0] if block.lines else 1, 1, "search-section-too-long",
                              f"{block.anchor} is {indexed_bytes(block):,} bytes of search text, over the "
                              f"{limit:,} a search section may hold (Zensical indexes 16 KiB in a site of "
                              "over 32,768 sections); has a paragraph break been missed? "
                              f"See python -m build_tools paragraphs {text.meta.id} --why")
