"""What the laid-out book looks like, read from WeasyPrint's boxes: footnote room, title lines.

Read once after layout (``render_pdf``), so the build's checks and the tests judge the
book as printed: how much of each page its footnotes take, and where each chapter and
section title was broken into lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

TITLE_CLASSES = frozenset({"chapter-title", "section"})
SKIPPED = frozenset({"fn", "editor-title"})  # footnote bodies float away; 〔编者拟题〕 is ours


def footnote_shares(pages: list[Any]) -> tuple[float, ...]:
    """For each page, the share of its text area that the footnote area takes (0 to 1)."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox  # WeasyPrint: only the PDF needs it

    shares = []
    for page in pages:
        box = page._page_box
        areas = [child for child in box.children if isinstance(child, FootnoteAreaBox) and child.children]
        shares.append(sum(area.margin_height() for area in areas) / box.height if box.height else 0.0)
    return tuple(shares)


def title_lines(pages: list[Any]) -> tuple[tuple[str, ...], ...]:
    """The lines of every chapter and section title, in order, as laid out."""
    titles: dict[int, tuple[Any, list[str]]] = {}
    for page in pages:
        for box in _titles(page._page_box):
            lines = titles.setdefault(id(box.element), (box.element, []))[1]
            lines.extend(_line_text(line) for line in box.children)
    return tuple(tuple(line for line in lines if line) for _, lines in titles.values())


def _titles(box: Any) -> Iterator[Any]:
    """The title boxes under a box (a title's own lines are not searched further)."""
    if getattr(box, "element_tag", None) in ("h1", "h2") and _classes(box) & TITLE_CLASSES:
        yield box
        return
    for child in getattr(box, "children", ()):
        yield from _titles(child)


def _classes(box: Any) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def _line_text(box: Any) -> str:
    """The text of a line box, without footnote bodies, calls or our own marks."""
    if hasattr(box, "text"):
        return str(box.text)
    if "::" in (getattr(box, "element_tag", None) or "") or _classes(box) & SKIPPED:
        return ""
    return "".join(_line_text(child) for child in getattr(box, "children", ()))
