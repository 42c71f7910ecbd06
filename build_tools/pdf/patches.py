"""Our changes to WeasyPrint 70's layout, each in force for one render only.

``footnotes_kept`` works around two footnote bugs; ``footnote_area_by_parts`` measures the
footnote area from its footnotes' heights, each laid out once. Both are checked by the
build (every footnote laid, ``invariant.check_footnotes_laid``) and by the tests (footnote
order on every page; the measured area equals WeasyPrint's own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from math import inf
from typing import Any


@contextmanager
def footnotes_kept(position: Callable[[Any], int]) -> Iterator[None]:
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


@contextmanager
def footnote_area_by_parts() -> Iterator[None]:
    """Measure the footnote area as the sum of its footnotes, each laid out once per render.

    WeasyPrint lays out the whole footnote area again each time a footnote is added to a
    page, taken back or moved on, so a page of k footnotes lays out about k² of them:
    72% of the time of a text's pages. The area's height is the sum of its footnotes'
    heights (book.css gives a footnote a top margin only, so no two margins collapse
    into one), which this caches per footnote and width; the area is still laid out
    whole once per page, when the page is made, as before.
    """
    from weasyprint.layout import LayoutContext

    original = LayoutContext._update_footnote_area
    heights: dict[tuple[int, float], tuple[Any, float, float]] = {}  # (footnote, width) -> (box, height, margin_bottom)

    def measured(footnote: Any, area: Any, context: Any) -> tuple[float, float]:
        key = (id(footnote), area.width)
        if key not in heights:  # the box is kept with its height, so its id is never reused
            alone = area_layout(context, area, [footnote])
            heights[key] = (footnote, alone.height, alone.children[-1].margin_bottom)
        return heights[key][1], heights[key][2]

    def update(context: Any) -> bool:
        area = context.current_footnote_area
        if not context.current_page_footnotes or context.in_column:
            return bool(original(context))
        if area.height != "auto":
            context.page_bottom += area.margin_height()
        area.children = context.current_page_footnotes
        parts = [measured(footnote, area, context) for footnote in area.children]
        content = sum(height for height, _ in parts)
        ceiling = area.max_height if isinstance(area.max_height, (int, float)) else inf
        floor = area.min_height if isinstance(area.min_height, (int, float)) else 0
        area.height = max(min(content, ceiling), floor)
        context.page_bottom -= area.margin_height()
        # WeasyPrint's test: the last footnote's border box ends below the area's.
        return content - parts[-1][1] > area.height + area.padding_bottom + area.border_bottom_width

    LayoutContext._update_footnote_area = update
    try:
        yield
    finally:
        LayoutContext._update_footnote_area = original


def area_layout(context: Any, area: Any, footnotes: list[Any]) -> Any:
    """The footnote area laid out with these footnotes, as WeasyPrint lays it out to measure it."""
    from weasyprint.formatting_structure import build
    from weasyprint.layout.block import block_level_layout

    copy = build.create_anonymous_boxes(area.copy_with_children(footnotes).deepcopy())
    return block_level_layout(context, copy, -inf, None, area.page)[0]
