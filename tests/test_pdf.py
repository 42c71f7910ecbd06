"""The PDF edition: tables for the small functions, then invariants over one real build.

The book is built once per module from the real project, in-process, into a temporary
folder; a second build with the same SOURCE_DATE_EPOCH must give the same bytes. Text is
read back with poppler's pdftotext (pages split on form feeds) and the structure with pypdf.
"""

from __future__ import annotations

import argparse
import itertools
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fontTools.ttLib import TTCollection
from pypdf import PdfReader

from build_tools.annotations.definitions import link_citations
from build_tools.annotations.glossary import pinyin_key
from build_tools.commands.pdf import cmd_pdf
from build_tools.diagrams.graphs import clusters
from build_tools.edition import CorpusText, Edition
from build_tools.model import Block, BlockKind
from build_tools.pdf.appendix import initial_of, render_citation
from build_tools.pdf.book import render_book
from build_tools.pdf.build import build_pdf, build_stamp
from build_tools.pdf.chapter import chapter_marks, render_block
from build_tools.pdf.front import TITLE
from build_tools.pdf.ids import chinese_number
from build_tools.pdf.invariant import check_footnotes_laid, check_text_preserved
from build_tools.pdf.typeset import ZWSP, typeset, typeset_html
from build_tools.stages.pinyin_garbage import remove_pinyin_garbage
from build_tools.write import write_file_atomically as write_pdf
from tests.sitebuild import PROJECT, copy_project

EPOCH = "1700000000"
ARTIFACTS = PROJECT / "test-artifacts"
NO_LINE_START = "，。、；：？！）”"
NO_LINE_END = "（“《"


# --- Tables for the pure stages -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("开展“五个一”活动", "开展|“五个一”|活动"),
    ("“五个一”，", "“五个一”，"),
    ("（“五个一”）", "（“五个一”）"),
    ("落实“四个不摘”要求。", "落实|“四个不摘”|要求。"),
    ("”“", "”|“"),
    ("村‘两委’（村集体）", "村|‘两委’|（村集体）"),
    ("“好。”他说", "“好。”|他说"),
    ("晾晒……经过", '晾晒<span class="nobr">……</span>经过'),
    ("一心——为民", '一心<span class="nobr">——</span>为民'),
    ("a<b & “c”", "a&lt;b &amp; |“c”"),
])
def test_typeset_breaks_beside_quotes_only_where_chinese_rules_allow(text: str, expected: str) -> None:
    assert typeset(text).replace(ZWSP, "|") == expected


@pytest.mark.parametrize("split", [1, 2, 3, 4, 5])
def test_typeset_segments_join_to_the_whole(split: int) -> None:
    text = "甲“乙”丙。"
    assert typeset(text, 0, split) + typeset(text, split, len(text)) == typeset(text)


def test_typeset_html_touches_text_not_tags() -> None:
    html = '<p title="“x”">见“五个一”</p>'
    assert typeset_html(html).replace(ZWSP, "|") == '<p title="“x”">见|“五个一”</p>'


@pytest.mark.parametrize("number, expected", [(1, "一"), (5, "五"), (10, "十"), (12, "十二"),
                                              (20, "二十"), (99, "九十九"), (100, "100")])
def test_chinese_number(number: int, expected: str) -> None:
    assert chinese_number(number) == expected


@pytest.mark.parametrize("epoch, expected", [
    ("0", datetime(1970, 1, 1, tzinfo=UTC)),
    (EPOCH, datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
])
def test_build_stamp_reads_source_date_epoch(epoch: str, expected: datetime) -> None:
    assert build_stamp({"SOURCE_DATE_EPOCH": epoch}) == expected


def test_build_stamp_refuses_a_malformed_epoch() -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build_stamp({"SOURCE_DATE_EPOCH": "yesterday"})


def test_paragraph_number_and_id_repeat_the_site_anchor() -> None:
    block = Block(BlockKind.PARAGRAPH, "正文。", "p12", (3,), "正文。", 12)
    assert render_block("t-1", block, (), None) == (
        '<p class="para paragraph" id="t-1-p12"><span class="pn">12</span>正文。</p>')


@pytest.mark.parametrize("html, expected", [
    ("<p>见 known-text p3。</p>",
     '<p>见 <span class="nobr">《甲》<a class="citation" href="#known-text-p3" data-page="">第3段</a></span>。</p>'),
    ("<p>（known-text p41—p50）</p>",
     '<p>（<span class="nobr">《甲》<a class="citation" href="#known-text-p41" data-page="">第41—50段</a></span>）</p>'),
    ("<p>known-text p36、p56</p>",
     ('<p><span class="nobr">《甲》<a class="citation" href="#known-text-p36" data-page="">第36段</a>、</span>'
     '<span class="nobr"><a class="citation" href="#known-text-p56" data-page="">第56段</a></span></p>')),
    ("<p>other-text p3</p>", "<p>other-text p3</p>"),
    ('<p><a href="https://e.org/?q=known-text p1">x</a></p>', '<p><a href="https://e.org/?q=known-text p1">x</a></p>'),
    ('<p><a href="https://e.org/">known-text p2</a></p>', '<p><a href="https://e.org/">known-text p2</a></p>'),
])
def test_citations_are_linked_in_text_only(html: str, expected: str) -> None:
    def cite(text_id: str, spans: tuple[tuple[int, int], ...]) -> str | None:
        return render_citation("《甲》", text_id, spans) if text_id == "known-text" else None
    assert link_citations(html, cite) == expected


def test_check_footnotes_laid_names_the_missing_ones() -> None:
    lost = check_footnotes_laid([("text-a", "fn-a"), ("text-b", "fn-b")], {"fn-a": 3})
    assert [(p.path, p.code) for p in lost] == [("texts/text-b.txt", "pdf-footnote-lost")]
    assert "fn-b" in lost[0].message


# --- The book's HTML, from the real edition -----------------------------------------------

@pytest.fixture(scope="module")
def book(edition: Edition) -> str:
    """The book's HTML for the real edition."""
    return render_book(edition, build_stamp({"SOURCE_DATE_EPOCH": EPOCH}))


def test_book_keeps_every_block_text(book: str, edition: Edition) -> None:
    assert check_text_preserved(book, edition.texts_in_reading_order()) == []


def test_text_check_catches_a_changed_paragraph(book: str, edition: Edition) -> None:
    text = edition.texts_in_reading_order()[0]
    block = next(b for b in text.article.blocks if b.kind is BlockKind.PARAGRAPH)
    changed = book.replace(f'<span class="pn">{block.number}</span>',
                           f'<span class="pn">{block.number}</span>增', 1)
    found = check_text_preserved(changed, [text])
    assert [(p.path, p.line, p.code) for p in found] == [
        (f"texts/{text.meta.id}.txt", block.lines[0], "pdf-text-changed")]
    assert block.anchor in found[0].message


def test_each_term_is_footnoted_once_per_chapter(edition: Edition) -> None:
    for text in edition.texts:
        firsts = [m.entry.id for marks in chapter_marks(edition, text.meta.id).values()
                  for m in marks if m.first]
        used = {f.occurrence.term_id for f in edition.found if f.text_id == text.meta.id}
        assert sorted(firsts) == sorted(used), text.meta.id


def test_definitions_stay_sanitised(book: str) -> None:
    assert "<script" not in book and "onclick" not in book and "../../" not in book


# --- One real build -----------------------------------------------------------------------

@dataclass(frozen=True)
class Built:
    """The PDF built from the real project, read back."""

    path: Path
    exit_code: int
    reader: PdfReader
    pages: list[str]  # pdftotext per page
    layout_pages: list[str]  # pdftotext -layout per page
    destinations: dict[str, int]  # named destination -> page index from 0


def pdftotext(path: Path, *options: str) -> list[str]:
    """The text of each page."""
    result = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                            text=True, check=True)
    return result.stdout.split("\f")[:-1]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, edition: Edition) -> Built:
    """Build the PDF once, as ``python -m build_tools pdf --output …`` does."""
    output = tmp_path_factory.mktemp("pdf") / "downloads" / "edition.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        code = cmd_pdf(argparse.Namespace(root=PROJECT, output=output, strict=True))
    reader = PdfReader(output)
    destinations = {name: page for name, dest in reader.named_destinations.items()
                    if (page := reader.get_destination_page_number(dest)) is not None}
    return Built(output, code, reader, pdftotext(output), pdftotext(output, "-layout"), destinations)


def flat(text: str) -> str:
    """Text without white space or zero-width spaces, for matching across line breaks."""
    return re.sub(rf"[\s{ZWSP}]+", "", text)


def test_build_succeeds_and_writes_the_pdf(built: Built) -> None:
    assert built.exit_code == 0
    assert built.path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in built.path.parent.iterdir()] == ["edition.pdf"]  # no temporary left


def test_chapters_are_present_in_reading_order(built: Built, edition: Edition) -> None:
    texts = edition.texts_in_reading_order()
    starts = [built.destinations[text.meta.id] for text in texts]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    for text, start in zip(texts, starts):
        assert flat(text.meta.title) in flat(built.pages[start])


def test_every_paragraph_can_be_cited_by_its_site_anchor(built: Built, edition: Edition) -> None:
    missing = [f"{t.meta.id}-{b.anchor}" for t in edition.texts for b in t.article.blocks
               if f"{t.meta.id}-{b.anchor}" not in built.destinations]
    assert missing == []


def chapter_pages(built: Built, text: CorpusText) -> dict[str, int]:
    """The page index of each block of a text."""
    return {b.anchor: built.destinations[f"{text.meta.id}-{b.anchor}"] for b in text.article.blocks}


def test_each_term_has_its_footnote_at_its_first_occurrence(built: Built, edition: Edition) -> None:
    for text in edition.texts_in_reading_order():
        pages, blocks = chapter_pages(built, text), [b.anchor for b in text.article.blocks]
        number = 0
        for anchor in blocks:
            for mark in chapter_marks(edition, text.meta.id).get(anchor, ()):
                if not mark.first:
                    continue
                number += 1
                page = built.destinations[f"fn-{text.meta.id}-{mark.entry.id}"]
                following = blocks[blocks.index(anchor) + 1:]
                last = pages[following[0]] + 1 if following else page
                assert pages[anchor] <= page <= last, (text.meta.id, mark.entry.term)
                note = flat(f"{number}.{mark.entry.term}{mark.entry.pinyin}")
                assert note in flat(built.pages[page]), (text.meta.id, mark.entry.term, page)


def test_footnotes_are_numbered_in_order_on_every_page(built: Built) -> None:
    for index, page in enumerate(built.layout_pages[:built.destinations["glossary"]]):
        numbers = [int(n) for n in re.findall(r"(?m)^\s{0,8}(\d+)\. \S", page)]
        assert numbers == sorted(numbers), (index + 1, numbers)


def test_appendix_lists_every_term_in_pinyin_order(built: Built, edition: Edition) -> None:
    start = built.destinations["glossary"]
    appendix = flat("".join(built.pages[start:]))
    assert [e.term for e in edition.glossary if flat(e.term + e.pinyin) not in appendix] == []
    ordered = sorted(edition.glossary, key=pinyin_key)
    pages = [built.destinations[f"gl-{e.id}"] for e in ordered]
    assert pages == sorted(pages) and pages[0] >= start
    # Filed under the confirmed reading: numerals as they are read, heteronyms as confirmed.
    filed = {e.term: initial_of(e) for e in ordered}
    assert (filed["113攻坚战"], filed["1+1+N"], filed["佛茂协作"]) == ("Y", "Y", "F")


def test_appendix_gives_pages_of_occurrences(built: Built) -> None:
    start = built.destinations["glossary"]
    appendix = flat("".join(built.pages[start:]))
    assert "出现位置" in appendix and re.search(r"p\d+（第\d+页）", appendix)
    assert "（第?页）" not in appendix and "第0页" not in appendix


def test_printed_page_references_are_the_pages_of_their_targets(built: Built, edition: Edition) -> None:
    """Contents and appendix print the pages the layout passes found (render.py), not guesses."""
    ids = {chinese_number(n): t.meta.id for n, t in enumerate(edition.texts_in_reading_order(), start=1)}
    appendix = flat("".join(built.pages[built.destinations["glossary"]:]))
    checked = 0
    for chapter, places in re.findall(r"第([一二三四五六七八九十]+)篇((?:[psc]\d+（第\d+页）、?)+)", appendix):
        for anchor, page in re.findall(r"([psc]\d+)（第(\d+)页）", places):
            assert int(page) == built.destinations[f"{ids[chapter]}-{anchor}"] + 1, (chapter, anchor)
            checked += 1
    contents = built.layout_pages[built.destinations["contents"]]
    printed = [int(n) for n in re.findall(r"(?m)\.{3,}\s*(\d+)\s*$", contents)]
    targets = ["note", *(t.meta.id for t in edition.texts_in_reading_order()), "glossary"]
    assert printed == [built.destinations[target] + 1 for target in targets][:len(printed)]
    assert len(printed) >= len(targets) - 1 and checked > 500


def test_no_pinyin_garbage_after_characters(built: Built) -> None:
    assert [p for p in built.pages if remove_pinyin_garbage(p) != p] == []


def body_lines(built: Built) -> Iterator[str]:
    """Each non-blank pdftotext -layout line, without a leading margin number."""
    for page in built.layout_pages:
        for line in page.splitlines():
            stripped = re.sub(r"^\s*\d+\s{2,}", "", line).strip()
            if stripped:
                yield stripped


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(built: Built) -> None:
    lines = list(body_lines(built))
    assert [line for line in lines if line[0] in NO_LINE_START] == []
    assert [line for line in lines if line[-1] in NO_LINE_END] == []


def test_ellipses_and_dashes_are_never_split(built: Built) -> None:
    lines = list(body_lines(built))
    split = [(a, b) for a, b in itertools.pairwise(lines)
             if (a.endswith("…") and b.startswith("…")) or (a.endswith("—") and b.startswith("—"))]
    assert split == []


def test_fonts_are_embedded_cjk_and_nothing_falls_back(built: Built) -> None:
    listing = subprocess.run(["pdffonts", str(built.path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    names = [line.split()[0] for line in listing]
    assert names and all(" yes yes yes " in line for line in listing), listing
    assert all("Noto-Serif-CJK-SC" in n or "Noto-Sans-CJK-SC" in n for n in names), names


def test_the_body_font_has_every_character_of_the_book(edition: Edition) -> None:
    located = subprocess.run(["fc-match", "-f", "%{file}:%{index}", "Noto Serif CJK SC"],
                             capture_output=True, text=True, check=True).stdout
    path, index = located.rsplit(":", 1)
    cmap = TTCollection(path).fonts[int(index)].getBestCmap()
    used = {ch for t in edition.texts for b in t.article.blocks for ch in b.text}
    used |= {ch for e in edition.glossary for field in (e.term, e.pinyin, e.english, e.summary,
                                                        e.definition) for ch in field}
    assert sorted(ch for ch in used if ch.isprintable() and not ch.isspace() and ord(ch) not in cmap) == []


def outline_tree(items: list[Any]) -> list[tuple[str, list[Any]]]:
    """pypdf's outline (an entry, then a list of its children) as (title, children) pairs."""
    tree: list[tuple[str, list[Any]]] = []
    for item in items:
        if isinstance(item, list):
            tree[-1][1].extend(outline_tree(item))
        else:
            tree.append((str(item.title), []))
    return tree


def test_outline_has_front_matter_chapters_and_glossary(built: Built, edition: Edition) -> None:
    tree = outline_tree(built.reader.outline)
    titles = [t.meta.title for t in edition.texts_in_reading_order()]
    assert [title for title, _ in tree] == ["编者说明", "目录", *titles, "术语表", "倡议关系图"]
    children = dict(tree)
    for text in edition.texts:
        headings = [b.text for b in text.article.blocks if b.kind is BlockKind.HEADING]
        assert [title for title, _ in children[text.meta.title]] == headings
    letters = [title for title, _ in children["术语表"]]
    assert letters == sorted(letters) and set(letters) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ") and "Y" in letters


def test_the_map_of_initiatives_is_drawn_as_vector_graphics(built: Built, edition: Edition) -> None:
    """Each drawing of the map is SVG laid out as PDF paths and text, never a missing picture."""
    first = built.destinations["map"]
    pages = built.reader.pages[first:]
    forms = [obj.get_object() for page in pages for obj in page["/Resources"].get("/XObject", {}).values()]
    assert forms and {form["/Subtype"] for form in forms} == {"/Form"}  # vector, no bitmap
    text = flat("".join(built.pages[first:]))
    for group in clusters(edition):
        # The CJK font draws • and · with one glyph, which pdftotext reads back as ·.
        missing = [e.term for e in group if flat(e.term).replace("•", "·") not in text]
        assert missing == []
    assert text.index("抓堡垒建设强功能") < text.index("抓人才培养强潜能") < text.index("抓集体经济强动能")
    ARTIFACTS.mkdir(exist_ok=True)
    page = str(first + 1)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", page, "-l", page, "-singlefile",
                    str(built.path), str(ARTIFACTS / "pdf-map-page")], check=True)


def test_metadata_title_language_and_dates(built: Built) -> None:
    metadata = built.reader.metadata
    assert metadata is not None and metadata.title == TITLE
    assert built.reader.root_object["/Lang"] == "zh-Hans"
    assert metadata.creation_date == datetime.fromtimestamp(int(EPOCH), UTC)


def test_running_header_names_the_chapter(built: Built, edition: Edition) -> None:
    text = edition.texts_in_reading_order()[0]
    second = built.destinations[text.meta.id] + 1
    assert built.layout_pages[second].strip().splitlines()[0].strip().startswith(text.meta.title[:8])


def test_same_source_date_epoch_gives_the_same_bytes(built: Built, edition: Edition) -> None:
    laid, errors = build_pdf(edition, build_stamp({"SOURCE_DATE_EPOCH": EPOCH}))
    assert errors == [] and laid.warnings == ()
    assert laid.pdf == built.path.read_bytes()


def test_page_pictures_for_review(built: Built, edition: Edition) -> None:
    """Keep a chapter page and an appendix page as PNGs in test-artifacts/ for a person to look at."""
    chapter = built.destinations[edition.texts_in_reading_order()[0].meta.id] + 1
    appendix = built.destinations["glossary"] + 1
    ARTIFACTS.mkdir(exist_ok=True)
    for name, index in (("pdf-chapter-page", chapter), ("pdf-glossary-page", appendix)):
        page = str(index + 1)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", page, "-l", page, "-singlefile",
                        str(built.path), str(ARTIFACTS / name)], check=True)
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


# --- Nothing is written on errors ---------------------------------------------------------

def test_nothing_is_written_when_the_edition_has_errors(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    broken = next((root / "annotations" / "glossary").glob("*.yml"))
    broken.write_text("term: [unclosed\n", encoding="utf-8")
    assert cmd_pdf(argparse.Namespace(root=root, output=None, strict=False)) == 1
    assert not (root / "site").exists()


def test_a_failed_build_leaves_the_previous_pdf(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    previous = root / "site" / "downloads" / "edition.pdf"
    write_pdf(b"%PDF-previous", previous)
    (root / "texts" / "jinhaihu-113.txt").write_bytes(b"changed since its sha256 was recorded\n")
    assert cmd_pdf(argparse.Namespace(root=root, output=None, strict=False)) == 1
    assert [p.name for p in previous.parent.iterdir()] == ["edition.pdf"]
    assert previous.read_bytes() == b"%PDF-previous"


def test_write_pdf_replaces_the_file_whole(tmp_path: Path) -> None:
    output = tmp_path / "downloads" / "edition.pdf"
    write_pdf(b"%PDF-old", output)
    write_pdf(b"%PDF-new", output)
    assert output.read_bytes() == b"%PDF-new"
    assert [p.name for p in output.parent.iterdir()] == ["edition.pdf"]
    assert output.stat().st_mode & 0o777 == 0o644
