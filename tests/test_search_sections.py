"""A long text is cut into search sections Zensical can index; its paragraph ids stay as they are."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from build_tools.edition import CorpusText
from build_tools.model import BlockKind
from build_tools.search_sections import (
    SECTION_BYTES,
    check_search_sections,
    indexed_bytes,
    search_part_starts,
    zensical_section_limit,
)
from build_tools.site.render_text import render_text_page
from tests.test_render_text import VisibleText, block, corpus_text, plain_inline, site_markdown

SENTENCE = "新区始终把工业和城市作为经济大发展的两个“驱动器”，着力实施工业推动战略。"  # 111 bytes in UTF-8
# Ten sentences make a paragraph of 1,120 indexed bytes (with "<p></p> " and its number): ten
# paragraphs fit in 12 KiB (11,200 bytes), the eleventh would not (12,320).


@pytest.mark.parametrize("sections, limit", [
    (50226, 16384),  # the 1,000-article edition Zensical 0.0.73 refused: "maximum 16384 bytes for 50226 items"
    (50003, 16384),  # "maximum 16384 for 50003 items"
    (20201, 32768),  # "maximum 32768 bytes for 20201 items"
    (65536, 16384),
    (65537, 8192),
    (1, 2 ** 29),
])
def test_zensical_section_limit_is_the_bound_its_errors_give(sections: int, limit: int) -> None:
    assert zensical_section_limit(sections) == limit


def test_our_cut_leaves_room_under_zensical_s_bound_up_to_65536_sections() -> None:
    assert SECTION_BYTES + 4 * 1024 <= zensical_section_limit(65536)


def long_text(paragraphs: int, sentences: int = 10, heading_at: int | None = None) -> CorpusText:
    """A text of equal paragraphs, with one heading before paragraph ``heading_at``."""
    blocks = []
    for number in range(1, paragraphs + 1):
        if number == heading_at:
            blocks.append(block(BlockKind.HEADING, "以“大党建”为第一统领", "s1", 1))
        blocks.append(block(BlockKind.PARAGRAPH, SENTENCE * sentences, f"p{number}", number))
    text = corpus_text()
    return replace(text, article=replace(text.article, blocks=tuple(blocks)))


@pytest.mark.parametrize("paragraphs, heading_at, expected", [
    (5, None, []),
    (12, None, ["p11"]),
    (30, None, ["p11", "p21"]),
    (30, 11, ["p21"]),  # the heading before p11 starts a section: counted afresh from there
])
def test_a_run_of_paragraphs_is_cut_before_it_exceeds_the_limit(paragraphs: int, heading_at: int | None,
                                                               expected: list[str]) -> None:
    text = long_text(paragraphs, heading_at=heading_at)
    assert [b.anchor for b in search_part_starts(text.article.blocks)] == expected


def test_a_block_over_the_limit_alone_is_not_preceded_by_an_empty_part() -> None:
    blocks = long_text(3).article.blocks
    huge = replace(blocks[1], text=SENTENCE * 200)
    assert [b.anchor for b in search_part_starts((blocks[0], huge, blocks[2]))] == ["p2", "p3"]


class Sections(HTMLParser):
    """The text of each search section as both engines cut a page: at each heading with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[tuple[str, int]] = [("", 0)]  # (heading id, bytes of text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        identifier = dict(attrs).get("id")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and identifier:
            self.sections.append((identifier, 0))

    def handle_data(self, data: str) -> None:
        identifier, size = self.sections[-1]
        self.sections[-1] = (identifier, size + len(data.encode("utf-8")))


def test_a_long_text_page_is_cut_into_sections_under_the_limit_with_its_ids_kept() -> None:
    text = long_text(40, heading_at=20)
    page = site_markdown(render_text_page(text, plain_inline))
    sections = Sections()
    sections.feed(page)
    assert [name for name, _ in sections.sections if name.startswith("part-")] == ["part-p11", "part-p30", "part-p40"]
    assert max(size for _, size in sections.sections) <= SECTION_BYTES
    visible = VisibleText()
    visible.feed(page)
    assert visible.texts == {b.anchor: b.text for b in text.article.blocks}  # the parts add no block text


def test_a_part_heading_names_the_section_it_continues_and_where() -> None:
    page = render_text_page(long_text(40, heading_at=20), plain_inline)
    assert ('<h2 class="search-part" id="part-p11" aria-hidden="true">标题 &lt;b&gt;与&lt;/b&gt; *星号*（第11段起）</h2>'
            in page)
    assert '<h3 class="search-part" id="part-p30" aria-hidden="true">以“大党建”为第一统领（第30段起）</h3>' in page


def test_a_block_no_cut_can_shorten_is_located() -> None:
    text = long_text(2)
    huge = replace(text.article.blocks[1], text=SENTENCE * 120, lines=(7,))
    text = replace(text, article=replace(text.article, blocks=(text.article.blocks[0], huge)))
    problems = list(check_search_sections([text]))
    assert [(p.path, p.line, p.code) for p in problems] == [("texts/hostile.txt", 7, "search-section-too-long")]
    assert f"p2 is {indexed_bytes(huge):,} bytes" in problems[0].message
