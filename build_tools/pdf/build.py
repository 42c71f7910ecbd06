"""The PDF of a book: lay it out, then check it before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from build_tools.diagrams.layout import layout_svgs
from build_tools.edition import Edition
from build_tools.pdf.book import render_book
from build_tools.pdf.chapter import footnote_ids
from build_tools.pdf.contents import Book, Scope, edition_book, selection_book
from build_tools.pdf.diagrams import map_sources
from build_tools.pdf.invariant import check_footnotes_laid, check_text_preserved
from build_tools.pdf.layout_cache import cached_layout
from build_tools.pdf.render import Laid, render_pdf
from build_tools.pdf.traditional import to_traditional_book, traditional_edition
from build_tools.problems import Problem, warning

STYLESHEET = "build_tools/pdf/book.css"  # where WeasyPrint's warnings are reported
FACES = {"simplified": "SC", "traditional": "TC"}  # the Noto CJK faces of each script
UNDATED = datetime(1970, 1, 1, tzinfo=UTC)  # the date a book's HTML is keyed with in the layout cache


def build_stamp(environ: Mapping[str, str]) -> datetime:
    """The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}")
    return datetime.fromtimestamp(int(epoch), UTC)


def build_pdf(edition: Edition, stamp: datetime, script: str = "simplified",
              texts: tuple[str, ...] | None = None, site_url: str | None = None) -> tuple[Laid, list[Problem]]:
    """Render the whole edition's book, or a selection of its ``texts`` (known ids), and lay it
    out; return the PDF and what is wrong with it.

    ``script`` 'traditional' builds the Traditional book (``pdf.traditional``) in the
    Traditional faces of the same fonts.
    """
    shown = shown_edition(edition, script)
    book = edition_book(shown) if texts is None else selection_book(shown, texts)
    return lay_out_book(shown, book, stamp, script, site_url)


def shown_edition(edition: Edition, script: str) -> Edition:
    """The edition in the book's script: every block of the Traditional book converted once."""
    return traditional_edition(edition) if script == "traditional" else edition


def lay_out_book(shown: Edition, book: Book, stamp: datetime, script: str,
                 site_url: str | None = None, cache: Path | None = None) -> tuple[Laid, list[Problem]]:
    """Render one book of an edition already in its script (``shown_edition``), lay it out, check it.

    With a ``cache`` folder, a layout an earlier build made of the same HTML, but for the
    build's date, is reused (``pdf.layout_cache``); the checks run on it all the same.
    """
    maps: dict[str, str] = {}
    if book.scope is Scope.EDITION:
        sources = map_sources(shown, FACES[script])
        maps = dict(zip(sources, layout_svgs(list(sources.values())), strict=True))

    def book_html(dated: datetime) -> str:
        html = render_book(shown, dated, maps, book, site_url)
        return to_traditional_book(html, shown, book.texts) if script == "traditional" else html

    if cache is None:
        html = book_html(stamp)
        laid = render_pdf(html, FACES[script])
    else:
        # The build's date is left out of the cache's key: make dates a build by its last commit,
        # and every commit would otherwise lay out every text again. A kept layout keeps its date;
        # the dated HTML is rendered only when there is none. The checks read the same text either way.
        html = book_html(UNDATED)
        laid = cached_layout(cache, html, FACES[script], lambda: render_pdf(book_html(stamp), FACES[script]))
    footnotes = [(text.meta.id, ident) for text in book.texts for ident in footnote_ids(shown, text.meta.id)]
    return laid, check_text_preserved(html, list(book.texts)) + check_footnotes_laid(footnotes, laid.anchors)


def layout_warnings(laid: Laid) -> list[Problem]:
    """WeasyPrint's warnings (an unsupported property, a failed fetch) as problems."""
    return [warning(STYLESHEET, 1, 1, "pdf-layout", f"WeasyPrint: {message}") for message in laid.warnings]
