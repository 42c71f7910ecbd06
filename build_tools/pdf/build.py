"""The PDF of the edition: lay out the book, then check it before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from build_tools.diagrams.layout import layout_svgs
from build_tools.edition import Edition
from build_tools.pdf.book import render_book
from build_tools.pdf.chapter import footnote_ids
from build_tools.pdf.diagrams import map_sources
from build_tools.pdf.invariant import check_footnotes_laid, check_text_preserved
from build_tools.pdf.render import Laid, render_pdf
from build_tools.pdf.traditional import to_traditional_book, traditional_edition
from build_tools.problems import Problem, warning

STYLESHEET = "build_tools/pdf/book.css"  # where WeasyPrint's warnings are reported
FACES = {"simplified": "SC", "traditional": "TC"}  # the Noto CJK faces of each script


def build_stamp(environ: Mapping[str, str]) -> datetime:
    """The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}")
    return datetime.fromtimestamp(int(epoch), UTC)


def build_pdf(edition: Edition, stamp: datetime, script: str = "simplified") -> tuple[Laid, list[Problem]]:
    """Render the book and lay it out; return the PDF and what is wrong with it.

    ``script`` 'traditional' builds the Traditional book (``pdf.traditional``) in the
    Traditional faces of the same fonts.
    """
    if script == "traditional":
        edition = traditional_edition(edition)
    sources = map_sources(edition, FACES[script])
    book = render_book(edition, stamp, dict(zip(sources, layout_svgs(list(sources.values())), strict=True)))
    if script == "traditional":
        book = to_traditional_book(book, edition)
    texts = edition.texts_in_reading_order()
    laid = render_pdf(book, FACES[script])
    footnotes = [(text.meta.id, ident) for text in texts for ident in footnote_ids(edition, text.meta.id)]
    return laid, check_text_preserved(book, texts) + check_footnotes_laid(footnotes, laid.anchors)


def layout_warnings(laid: Laid) -> list[Problem]:
    """WeasyPrint's warnings (an unsupported property, a failed fetch) as problems."""
    return [warning(STYLESHEET, 1, 1, "pdf-layout", f"WeasyPrint: {message}") for message in laid.warnings]
