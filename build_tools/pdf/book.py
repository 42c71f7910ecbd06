"""Assemble the whole book as one HTML document, a pure function of the edition."""

from __future__ import annotations

from datetime import datetime
from html import escape

from build_tools.edition import Edition
from build_tools.pdf.appendix import render_appendix
from build_tools.pdf.chapter import render_chapter
from build_tools.pdf.diagrams import render_map
from build_tools.pdf.front import DESCRIPTION, TITLE, render_contents, render_note, render_title_page

LANGUAGE = "zh-Hans"


def render_book(edition: Edition, stamp: datetime, maps: dict[str, str] | None = None) -> str:
    """The book's HTML: front matter, one chapter per text in reading order, the glossary,
    then the map of initiatives when ``maps`` holds its drawings (SVG by name).

    ``stamp`` (timezone-aware) dates the PDF's metadata and the version line.
    """
    texts = edition.texts_in_reading_order()
    version = stamp.date().isoformat()
    body = [render_title_page(edition, version), render_note(version), render_contents(texts)]
    body.extend(render_chapter(text, number, edition) for number, text in enumerate(texts, start=1))
    body.append(render_appendix(edition, texts))
    body.append(render_map(edition, maps or {}))
    return (f'<!DOCTYPE html>\n<html lang="{LANGUAGE}"><head><meta charset="utf-8">'
            f"<title>{escape(TITLE)}</title>"
            f'<meta name="description" content="{escape(DESCRIPTION)}">'
            f'<meta name="generator" content="build_tools pdf">'
            f'<meta name="dcterms.created" content="{stamp.isoformat()}">'
            f'<meta name="dcterms.modified" content="{stamp.isoformat()}">'
            f'</head><body>{"".join(body)}</body></html>\n')
