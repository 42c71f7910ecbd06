"""Lay the book out with WeasyPrint: HTML in, PDF bytes out, nothing fetched from anywhere.

Page references (the contents, a footnote's "see page", the appendix's page lists) are
printed by us, not by CSS ``target-counter()``: each reference carries its target's page
in ``data-page``, which book.css prints. WeasyPrint resolves target-counter() by laying out
again every page after one whose numbers changed, in as many rounds as it takes: 2.9 times
each page at 143 pages, 4.9 times at 286, more the longer the book. We lay the book out,
read where every anchor landed, print those pages and lay it out again until the printed
pages are where the anchors are. The first pass prints pages guessed from the HTML, so
that each number already has about its final width: two straight layouts as a rule
(143 to 284 pages, whole book or one text), a third where a guess had too few digits.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from build_tools.pdf.measure import footnote_shares, title_lines
from build_tools.pdf.patches import footnote_area_by_parts, footnotes_kept

STYLESHEET = "book.css"
PAGE = "data-page"  # a page reference: its element links to "#target" and shows the target's page here
MAX_PASSES = 4
HTML_PER_PAGE = 3500  # characters of the book's HTML one page holds, about (3,400 to 3,800)
ID = re.compile(r' id="([^"]+)"')


@dataclass(frozen=True)
class Laid:
    """A laid-out book: its PDF bytes, its page count, and what WeasyPrint complained of."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]  # every element id laid out, with the page it starts on (from 1)
    warnings: tuple[str, ...]
    footnote_shares: tuple[float, ...] = ()  # per page, the share of its text area footnotes take
    title_lines: tuple[tuple[str, ...], ...] = ()  # each chapter and section title's lines
    passes: int = 1  # layouts it took for every printed page reference to hold
    reused: bool = False  # taken from the layout cache of an earlier build (layout_cache.py)


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
    stylesheet = CSS(string=stylesheet.replace(" CJK SC\"", f" CJK {face}\""), url_fetcher=fetcher)
    html = HTML(string=book, base_url="about:blank", url_fetcher=fetcher)
    order = {element: index for index, element in enumerate(html.etree_element.iter())}
    references = page_references(html.etree_element)
    pages = guessed_pages(book, {target for _, target in references})
    with (_weasyprint_warnings() as warnings, footnotes_kept(lambda box: order.get(box.element, 0)),
          footnote_area_by_parts(), _collected_between_passes() as collect):
        for passes in range(1, MAX_PASSES + 1):
            for element, target in references:  # the parsed tree is ours: print this pass's pages
                element.set(PAGE, str(pages.get(target, 0)))
            collect()
            document = html.render(stylesheets=[stylesheet])
            laid = first_pages(page.anchors for page in document.pages)
            settled = all(laid.get(target) == pages.get(target) for _, target in references)
            if settled:
                break
            pages = laid
    missing = sorted({target for _, target in references if target not in laid})
    problems = [*dict.fromkeys(warnings),  # each pass repeats them
                *(f"a page reference to #{target}, which is not in the book" for target in missing)]
    if not settled:
        problems.append(f"page references still moved after {MAX_PASSES} layouts; some may be one page off")
    return Laid(document.write_pdf(), len(document.pages), laid, tuple(problems),
                footnote_shares(document.pages), title_lines(document.pages), passes)


def guessed_pages(book: str, targets: set[str]) -> dict[str, int]:
    """Each target's page guessed from where its id is in the book's HTML, before any layout.

    The first pass prints these, so that most numbers already have the width of the right
    one (book.css sets page numbers in digits of one width): the second pass, printing the
    pages the first found, then moves no line, and the two are all it takes.
    """
    offsets = {match.group(1): match.start() for match in ID.finditer(book) if match.group(1) in targets}
    return {target: 1 + offset // HTML_PER_PAGE for target, offset in offsets.items()}


def page_references(root: Any) -> list[tuple[Any, str]]:
    """Each element of the parsed book that prints a page number, with the id it refers to."""
    return [(element, element.get("href", "").removeprefix("#")) for element in root.iter()
            if element.get(PAGE) is not None]


def first_pages(anchors_by_page: Iterable[Iterable[str]]) -> dict[str, int]:
    """The page (from 1) each anchor starts on: a paragraph split over two pages is on the first,
    as the PDF's named destination is."""
    found: dict[str, int] = {}
    for number, anchors in enumerate(anchors_by_page, start=1):
        for name in anchors:
            found.setdefault(name, number)
    return found


@contextmanager
def _collected_between_passes() -> Iterator[Callable[[], int]]:
    """Collect garbage between layout passes, not during one; yield what collects.

    A pass builds millions of objects that live until it ends, and Python's collector
    walks every live object again and again while they pile up: no time at 143 pages,
    18% of the layout at 284, more the longer the book. Cycles a pass leaves are freed
    before the next pass starts (and when the render ends).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield gc.collect
    finally:
        if enabled:
            gc.enable()


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
