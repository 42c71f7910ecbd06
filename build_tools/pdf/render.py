"""Lay the book out with WeasyPrint: HTML in, PDF bytes out, nothing fetched from anywhere."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from build_tools.pdf.measure import footnote_shares, title_lines

STYLESHEET = "book.css"


@dataclass(frozen=True)
class Laid:
    """A laid-out book: its PDF bytes, its page count, and what WeasyPrint complained of."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]  # every element id laid out, with its page number (from 1)
    warnings: tuple[str, ...]
    footnote_shares: tuple[float, ...] = ()  # per page, the share of its text area footnotes take
    title_lines: tuple[tuple[str, ...], ...] = ()  # each chapter and section title's lines


def render_pdf(book: str, face: str = "SC") -> Laid:
    """Lay out the book's HTML with the book stylesheet and return the PDF.

    ``face`` is the Noto CJK face the stylesheet's families take (SC, or TC for the
    Traditional book): the stylesheet names "Noto Serif CJK SC", the face replaces SC.
    """
    # Imported here: WeasyPrint takes 0.4 s to import and only this command needs it.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Every URL is refused: the book is self-contained and definitions are untrusted.
    fetcher = URLFetcher(allowed_protocols=frozenset())
    stylesheet = files("build_tools.pdf").joinpath(STYLESHEET).read_text(encoding="utf-8")
    stylesheet = stylesheet.replace(" CJK SC\"", f" CJK {face}\"")
    html = HTML(string=book, base_url="about:blank", url_fetcher=fetcher)
    order = {element: index for index, element in enumerate(html.etree_element.iter())}
    with _weasyprint_warnings() as warnings, _footnotes_kept(lambda box: order.get(box.element, 0)):
        document = html.render(stylesheets=[CSS(string=stylesheet, url_fetcher=fetcher)])
    anchors = {name: number for number, page in enumerate(document.pages, start=1) for name in page.anchors}
    return Laid(document.write_pdf(), len(document.pages), anchors, tuple(warnings),
                footnote_shares(document.pages), title_lines(document.pages))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings (an unsupported property, a failed fetch) as values."""
    logger, handler = logging.getLogger("weasyprint"), _Collect()
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


@contextmanager
def _footnotes_kept(position: Callable[[Any], int]) -> Iterator[None]:
    """Work around two footnote bugs of WeasyPrint 70's line layout, for one render.

    When a line overflows where ``orphans`` forbids the break before it, WeasyPrint
    moves the page's last footnotes to the next page to make room and keeps the line,
    but never lays out the footnotes called *in that line*: their calls are printed,
    their bodies are lost. It also appends the moved footnotes after any moved earlier,
    so the next page can list 7 before 6. After each call of the line layout, this lays
    out and moves on any footnote of the new lines that was skipped, and keeps the moved
    footnotes in document order. ``position`` gives a footnote box's document order.
    """
    from weasyprint.layout import block as weasyprint_block

    original = weasyprint_block._linebox_layout

    def layout(context: Any, box: Any, index: int, child: Any, new_children: list[Any],
               *args: Any) -> Any:
        before = len(new_children)
        result = original(context, box, index, child, new_children, *args)
        for line in new_children[before:]:
            for descendant in line.descendants():
                footnote = descendant.footnote
                if footnote is not None and footnote in context.footnotes:
                    context.layout_footnote(footnote)
                    context.report_footnote(footnote)
                    result[4].append(footnote)  # so an aborted block takes it back
        context.reported_footnotes.sort(key=position)
        return result

    weasyprint_block._linebox_layout = layout
    try:
        yield
    finally:
        weasyprint_block._linebox_layout = original
