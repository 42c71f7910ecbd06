"""Books of part of the edition: each text's own PDF, a selection, and the limit on the whole.

First what each book holds and that every link inside it resolves (its HTML, from the real
edition, no layout); then the real text PDFs of the built site (made once for the session,
as make site makes them); then the commands on a copy of the project: a selection, an
edition over the limit, a chosen id the edition lacks.
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.build import generate
from build_tools.commands import text_pdfs
from build_tools.commands.pdf import chosen_texts, cmd_pdf
from build_tools.commands.text_pdfs import TextPdf, cmd_text_pdfs
from build_tools.downloads import Extent, plan_edition_pdf, text_pdf_link
from build_tools.edition import Edition
from build_tools.pdf.book import render_book
from build_tools.pdf.contents import Scope, edition_book, selection_book, text_book
from build_tools.presentation import cited_title
from build_tools.problems import problem
from build_tools.site.render_downloads import render_pdf_download
from tests.sitebuild import PROJECT, copy_project
from tests.test_pdf import NO_LINE_END, NO_LINE_START, flat, pdftotext

STAMP = datetime(2026, 1, 1, tzinfo=UTC)
SHORTEST = "qiandongnan-sizhuasiqiang"  # five blocks: the cheapest book to lay out
HREF = re.compile(r'href="#([^"]+)"')
ID = re.compile(r' id="([^"]+)"')


def used_terms(edition: Edition, text_id: str) -> set[str]:
    return {found.occurrence.term_id for found in edition.found_in_text(text_id)}


# --- What each book holds -----------------------------------------------------------------

def test_a_texts_book_holds_that_text_and_every_term_it_uses(edition: Edition, text_id: str) -> None:
    book = text_book(edition, text_id)
    assert [t.meta.id for t in book.texts] == [text_id] and book.scope is Scope.TEXT
    assert {e.id for e in book.entries} == used_terms(edition, text_id)


def test_a_selection_holds_its_texts_in_reading_order_and_the_terms_they_use(edition: Edition) -> None:
    order = [t.meta.id for t in edition.texts_in_reading_order()]
    book = selection_book(edition, (order[3], order[0]))
    assert [t.meta.id for t in book.texts] == [order[0], order[3]]
    assert {e.id for e in book.entries} == used_terms(edition, order[0]) | used_terms(edition, order[3])


def books(edition: Edition) -> dict[str, str]:
    """The HTML of the whole edition's book, a selection's and every text's own."""
    order = [t.meta.id for t in edition.texts_in_reading_order()]
    found = {"edition": edition_book(edition), "selection": selection_book(edition, tuple(order[:2]))}
    found |= {text.meta.id: text_book(edition, text.meta.id) for text in edition.texts}
    return {name: render_book(edition, STAMP, None, book) for name, book in found.items()}


def test_every_link_and_page_reference_of_every_book_lands_inside_it(edition: Edition) -> None:
    for name, html in books(edition).items():
        assert set(HREF.findall(html)) - set(ID.findall(html)) == set(), name


def test_a_texts_book_names_other_texts_by_title_and_its_own_terms_without_chapter_numbers(edition: Edition) -> None:
    html = render_book(edition, STAMP, None, text_book(edition, "jinhaihu-113"))
    other = edition.text("bijie-reform-pulse")
    assert other is not None
    assert f"{cited_title(other.meta)} p10" in html  # 村级集体经济 cites it: by title, unlinked
    assert "第一篇" not in html and 'class="chapter-label"' not in html and 'id="map"' not in html
    assert "段落引作 jinhaihu-113 p1、p2" in html and 'id="note"' in html


# --- The whole-edition PDF: the limit and the home page -----------------------------------

@pytest.mark.parametrize("max_texts, chosen, extent, texts", [
    (50, None, Extent.EDITION, None),
    (5, None, Extent.EDITION, None),
    (4, None, Extent.NONE, None),
    (4, "jinhaihu-113,bijie-reform-pulse,jinhaihu-113", Extent.SELECTION, ("jinhaihu-113", "bijie-reform-pulse")),
])
def test_the_whole_edition_pdf_is_planned_by_size_or_selection(edition: Edition, max_texts: int, chosen: str | None,
                                                                extent: Extent, texts: tuple[str, ...] | None) -> None:
    plan = plan_edition_pdf(edition, chosen_texts(chosen) if chosen else None, max_texts)
    assert (plan.extent, plan.texts, plan.built) == (extent, texts, extent is not Extent.NONE)


def test_the_home_page_offers_only_the_pdfs_that_exist(edition: Edition) -> None:
    whole = render_pdf_download(plan_edition_pdf(edition), edition)
    none = render_pdf_download(plan_edition_pdf(edition, max_texts=4), edition)
    chosen = render_pdf_download(plan_edition_pdf(edition, chosen_texts("jinhaihu-113")), edition)
    assert 'href="downloads/edition.pdf"' in whole and 'href="downloads/edition-zh-Hant.pdf"' in whole
    assert "edition.pdf" not in none and "超过全书 PDF 的篇数上限（4 篇），因此不提供全书 PDF" in none
    assert "选编本 PDF（本版 5 篇文本中的 1 篇：《凝心聚力打赢“113攻坚战”》" in chosen
    assert all("每篇文本另有单篇 PDF" in line for line in (whole, none, chosen))


def run(command: Callable[[argparse.Namespace], int], root: Path, **options: object) -> int:
    defaults = {"output": None, "strict": True, "texts": None}
    return command(argparse.Namespace(root=root, **(defaults | options)))


def test_over_the_limit_nothing_is_built_and_the_home_page_says_why(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    (root / "annotations/pdf.yml").write_text("max_texts: 4\n", encoding="utf-8")
    assert run(cmd_pdf, root) == 0
    assert "not built: the edition has 5 texts, over the limit of 4 (annotations/pdf.yml)" in capsys.readouterr().out
    assert not (root / "site").exists()
    assert generate(root, strict=False) == 0
    home = (root / "build/generated/snippets/pdf-download.md").read_text(encoding="utf-8")
    assert "上限（4 篇），因此不提供全书 PDF" in home and "edition.pdf" not in home


def test_a_selection_from_pdf_yml_is_built_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 edition: Edition) -> None:
    root = copy_project(tmp_path / "project")
    (root / "annotations/pdf.yml").write_text(f"max_texts: 1\ntexts:\n  - {SHORTEST}\n", encoding="utf-8")
    output = tmp_path / "selection.pdf"
    assert run(cmd_pdf, root, output=output) == 0
    assert "a selection of 1 of the edition's 5 texts (annotations/pdf.yml)" in capsys.readouterr().out
    outline = [str(item.title) for item in PdfReader(output).outline if not isinstance(item, list)]
    title = next(t.meta.title for t in edition.texts if t.meta.id == SHORTEST)
    assert outline == ["编者说明", "目录", title, "术语表"]  # no other text, no map of the whole glossary
    pages = pdftotext(output)
    assert "选编本" in flat(pages[0])


def test_a_chosen_id_the_edition_lacks_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "edition.pdf"
    assert run(cmd_pdf, PROJECT, output=output, texts="jinhaihu-113,no-such-text") == 1
    assert run(cmd_text_pdfs, PROJECT, output=tmp_path, texts="no-such-text", script="both", workers=1) == 1
    errors = capsys.readouterr().err
    assert errors.count("--texts:1:14: error: 'no-such-text' is not a text of the edition") == 1
    assert errors.count("--texts:1:1: error: 'no-such-text' is not a text of the edition") == 1
    assert not output.exists() and list(tmp_path.iterdir()) == []


def test_text_pdfs_writes_none_when_one_has_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def laid_out(*_: object) -> object:
        yield TextPdf("downloads/texts/a.pdf", b"%PDF-a", 6, 1, 0.1, ())
        yield TextPdf("downloads/texts/b.pdf", b"%PDF-b", 6, 1, 0.1,
                      (problem("texts/b.txt", 1, 1, "pdf-footnote-lost", "lost"),))
    monkeypatch.setattr(text_pdfs, "lay_out_all", laid_out)
    assert run(cmd_text_pdfs, PROJECT, output=tmp_path, script="simplified", workers=1) == 1
    assert list(tmp_path.rglob("*.pdf")) == []


# --- Every text's own PDF, as the site offers it ------------------------------------------

@pytest.mark.site
def test_each_text_page_links_its_own_pdf_in_each_view(built_site: Path, edition: Edition) -> None:
    for text in edition.texts:
        for view in ("", "zh-Hant/"):
            page = (built_site / f"{view}texts/{text.meta.id}/index.html").read_text(encoding="utf-8")
            assert f'href="{text_pdf_link(text.meta.id)}"' in page
            pdf = built_site / f"{view}downloads/texts/{text.meta.id}.pdf"
            assert pdf.read_bytes().startswith(b"%PDF-"), pdf


@pytest.mark.site
def test_a_texts_pdf_holds_its_text_and_the_definition_of_every_term_it_uses(built_site: Path,
                                                                             edition: Edition) -> None:
    for text in edition.texts:
        path = built_site / f"downloads/texts/{text.meta.id}.pdf"
        reader = PdfReader(path)
        destinations = {name: reader.get_destination_page_number(d) for name, d in reader.named_destinations.items()}
        assert {f"{text.meta.id}-{b.anchor}" for b in text.article.blocks} <= set(destinations)
        others = [t.meta.id for t in edition.texts if t is not text]
        assert [d for d in destinations for other in others if d.startswith(f"{other}-")] == []
        whole = flat("".join(pdftotext(path)))
        assert flat(text.meta.title) in whole and "术语表" in whole
        for term_id in used_terms(edition, text.meta.id):
            entry = edition.entry(term_id)
            assert entry is not None and f"gl-{term_id}" in destinations
            assert flat(entry.term + entry.pinyin) in whole and flat(entry.summary) in whole, term_id
        # Each occurrence names the page its paragraph is on.
        for anchor, page in re.findall(r"(p\d+)（第(\d+)页）", whole):
            assert int(page) == destinations[f"{text.meta.id}-{anchor}"] + 1, (text.meta.id, anchor)


@pytest.mark.site
def test_a_texts_pdf_keeps_the_chinese_line_breaking_rules(built_site: Path, edition: Edition) -> None:
    for text in edition.texts:
        lines = [re.sub(r"^\s*\d+\s{2,}", "", line).strip()
                 for page in pdftotext(built_site / f"downloads/texts/{text.meta.id}.pdf", "-layout")
                 for line in page.splitlines()]
        assert [line for line in lines if line and (line[0] in NO_LINE_START or line[-1] in NO_LINE_END)] == []


@pytest.mark.site
def test_the_traditional_views_pdfs_are_traditional(built_site: Path, edition: Edition) -> None:
    for text in edition.texts:
        path = built_site / f"zh-Hant/downloads/texts/{text.meta.id}.pdf"
        assert PdfReader(path).root_object["/Lang"] == "zh-Hant"
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = [line.split()[0] for line in listing.splitlines()[2:]]
        assert fonts and all("-CJK-TC" in name for name in fonts), fonts
