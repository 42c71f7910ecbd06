"""Calm marking: a term's first occurrence in each section of a text is marked, its repeats are quiet."""

from __future__ import annotations

import re

import pytest

from build_tools.edition import Edition
from build_tools.model import Block, BlockKind
from build_tools.site.outputs import render_outputs
from build_tools.site.traditional import DOCS, with_traditional
from build_tools.sources import read_handwritten
from build_tools.terms.annotate import find_terms
from build_tools.terms.marking import PREAMBLE, mark_first_in_section, sections
from build_tools.terms.matching import TermForms, TermIndex
from tests.conftest import PROJECT_ROOT

INDEX = TermIndex([TermForms("wu", ("五个一",)), TermForms("shi", ("十联户", "十户联"))])


def block(kind: BlockKind, text: str, anchor: str) -> Block:
    return Block(kind, text, anchor, (1,), text, int(anchor[1:]))


P, H = BlockKind.PARAGRAPH, BlockKind.HEADING


@pytest.mark.parametrize("blocks, expected", [
    # one section: only the first of each term is marked
    ([(P, "五个一和五个一", "p1"), (P, "五个一，十联户", "p2")],
     [("p1", "wu", PREAMBLE, True), ("p1", "wu", PREAMBLE, False), ("p2", "wu", PREAMBLE, False),
      ("p2", "shi", PREAMBLE, True)]),
    # a heading opens a section: the term is marked again there, in the heading itself
    ([(P, "五个一", "p1"), (H, "五个一", "s1"), (P, "五个一", "p2"), (H, "其他", "s2"), (P, "五个一", "p3")],
     [("p1", "wu", PREAMBLE, True), ("s1", "wu", "s1", True), ("p2", "wu", "s1", False),
      ("p3", "wu", "s2", True)]),
    # a variant is the same term: quiet after the term in its section
    ([(H, "一", "s1"), (P, "十联户", "p1"), (P, "十户联", "p2")],
     [("p1", "shi", "s1", True), ("p2", "shi", "s1", False)]),
    # a text that starts with a heading has no preamble occurrences
    ([(H, "十联户", "s1"), (P, "十联户", "p1")], [("s1", "shi", "s1", True), ("p1", "shi", "s1", False)]),
])
def test_first_of_each_term_in_each_section(blocks: list[tuple[BlockKind, str, str]],
                                            expected: list[tuple[str, str, str, bool]]) -> None:
    text = tuple(block(*b) for b in blocks)
    marked = mark_first_in_section(text, find_terms("t", text, INDEX))
    assert [(m.found.block.anchor, m.found.occurrence.term_id, m.section, m.first) for m in marked] == expected


def test_an_occurrence_outside_the_text_is_an_error() -> None:
    inside, outside = block(P, "五个一", "p1"), block(P, "五个一", "p2")
    with pytest.raises(KeyError):
        mark_first_in_section((inside,), find_terms("t", (outside,), INDEX))


def test_sections_follow_headings() -> None:
    text = (block(P, "a", "p1"), block(H, "b", "s1"), block(P, "c", "p2"), block(H, "d", "s2"))
    assert sections(text) == {"p1": PREAMBLE, "s1": "s1", "p2": "s1", "s2": "s2"}


def section_term_pairs(edition: Edition, text_id: str) -> set[tuple[str, str]]:
    """(heading before it, term) of every occurrence, found by walking the blocks afresh."""
    text = edition.text(text_id)
    assert text is not None
    heading, heading_of = "", {}
    for b in text.article.blocks:
        heading = b.anchor if b.kind is BlockKind.HEADING else heading
        heading_of[b.anchor] = heading
    return {(heading_of[f.block.anchor], f.occurrence.term_id) for f in edition.found_in_text(text_id)}


def test_a_real_text_with_headings(edition: Edition) -> None:
    text = edition.text("jinhaihu-113")
    assert text is not None
    found = edition.found_in_text("jinhaihu-113")
    marked = mark_first_in_section(text.article.blocks, found)
    first = [(m.section, m.found.occurrence.term_id) for m in marked if m.first]
    assert len(first) == len(set(first)) == len(section_term_pairs(edition, "jinhaihu-113"))
    assert len(first) < len(found)  # repeats exist and are quiet
    # 大党建: marked in p1, quiet in p2, marked again in the heading s1 that names it, quiet in p3.
    dang = [(m.found.block.anchor, m.first) for m in marked if m.found.occurrence.term_id == "da-dang-jian"]
    assert dang == [("p1", True), ("p2", False), ("s1", True), ("p3", False)]
    # Each first is the earliest occurrence of its pair in reading order.
    seen: set[tuple[str, str]] = set()
    for m in marked:
        pair = (m.section, m.found.occurrence.term_id)
        assert m.first == (pair not in seen)
        seen.add(pair)


@pytest.fixture(scope="module")
def outputs(edition: Edition) -> dict[str, str]:
    """Every generated Markdown page, both views."""
    rendered = with_traditional(render_outputs(edition, PROJECT_ROOT), edition, read_handwritten(PROJECT_ROOT))
    return {path: output.decode("utf-8") for path, output in rendered
            if isinstance(output, bytes) and path.endswith(".md")}


LINK = re.compile(r'<a class="gl" href="\.\./\.\./glossary/([a-z0-9-]+)/"( tabindex="-1" data-quiet)?>')


def test_pages_mark_one_link_per_section_and_term(edition: Edition, outputs: dict[str, str]) -> None:
    for text in edition.texts:
        text_id = text.meta.id
        links = LINK.findall(outputs[f"docs/texts/{text_id}/index.md"])
        assert len(links) == len(edition.found_in_text(text_id)), text_id
        assert sum(not quiet for _, quiet in links) == len(section_term_pairs(edition, text_id)), text_id


def test_the_traditional_view_marks_the_same_occurrences(edition: Edition, outputs: dict[str, str]) -> None:
    # A text published in Traditional (qiandongnan-sizhuasiqiang) has its page rendered afresh.
    assert any(text.meta.script == "traditional" for text in edition.texts)
    for text in edition.texts:
        simplified = LINK.findall(outputs[f"docs/texts/{text.meta.id}/index.md"])
        assert LINK.findall(outputs[f"{DOCS}/texts/{text.meta.id}/index.md"]) == simplified, text.meta.id


def test_every_quiet_repeat_is_listed_on_its_term_page(edition: Edition, outputs: dict[str, str]) -> None:
    text = edition.text("jinhaihu-113")
    assert text is not None
    quiet = [m.found for m in mark_first_in_section(text.article.blocks, edition.found_in_text("jinhaihu-113"))
             if not m.first]
    assert quiet
    for found in quiet:
        term_page = outputs[f"docs/glossary/{found.occurrence.term_id}/index.md"]
        assert f"](../../texts/jinhaihu-113/index.md#{found.block.anchor})" in term_page, found
