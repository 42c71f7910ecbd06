"""Assemble one book as one HTML document, a pure function of the edition and what it holds."""

from __future__ import annotations

from datetime import datetime
from html import escape

from build_tools.edition import Edition
from build_tools.pdf.appendix import render_appendix
from build_tools.pdf.chapter import render_chapter
from build_tools.pdf.contents import Book, Scope, edition_book
from build_tools.pdf.diagrams import render_map
from build_tools.pdf.front import (
    DESCRIPTION,
    TITLE,
    render_contents,
    render_note,
    render_text_head,
    render_text_note,
    render_title_page,
)
from build_tools.pdf.render import PAGE

LANGUAGE = "zh-Hans"


def render_book(edition: Edition, stamp: datetime, maps: dict[str, str] | None = None,
                book: Book | None = None, site_url: str | None = None) -> str:
    """The book's HTML: front matter, one chapter per text in reading order, the glossary,
    then the map of initiatives when ``maps`` holds its drawings (SVG by name).

    ``book`` says what it holds (the whole edition by default); ``stamp`` (timezone-aware)
    dates the PDF's metadata and the version line; with ``site_url`` (the published
    address) each text gives the address of its page.
    """
    book = book or edition_book(edition)
    version = stamp.date().isoformat()
    numbered = book.scope is not Scope.TEXT
    chapters = [render_chapter(text, number if numbered else None, edition, site_url)
                for number, text in enumerate(book.texts, start=1)]
    if book.scope is Scope.TEXT:
        body = [render_text_head(version), *chapters, render_text_note(book.texts[0].meta.id, version)]
    else:
        body = [render_title_page(book, version), render_note(version, book), render_contents(book), *chapters]
    body.append(render_appendix(edition, book))
    if book.scope is Scope.EDITION:  # the map draws the whole glossary
        body.append(render_map(edition, maps or {}))
    title = f"{book.texts[0].meta.title} · {TITLE}" if book.scope is Scope.TEXT else TITLE
    return (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title>"
            f'<meta name="description" content="{escape(DESCRIPTION)}">'
            f'<meta name="generator" content="build_tools pdf">'
            f'<meta name="dcterms.created" content="{stamp.isoformat()}">'
            f'<meta name="dcterms.modified" content="{stamp.isoformat()}">'
            f'</head><body>{_unpaged("".join(body)) if book.scope is Scope.TEXT else "".join(body)}</body></html>\n')


def _unpaged(html: str) -> str:
    """A text's own PDF prints no page numbers: its references are links, and book.css
    names the glossary instead ("详见书后术语表"). A page number needs a second layout
    once the first has placed its target (``render.render_pdf``), which doubled the time of
    each of the edition's thousands of text PDFs; in a book of a few dozen pages whose
    paragraphs are numbered in the margin and whose glossary is in pinyin order, a reader
    finds the place without it."""
    return html.replace(f' {PAGE}=""', "")
