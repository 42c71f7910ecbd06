"""The site's relation diagrams: SVG files under glossary/diagrams/, and the block that shows one.

Term pages, the map and the diagram files all sit one folder below glossary/, so one
relative address, ``../<id>/``, leads from a node to its term page from each of them,
under zh-Hant/ too. The SVG is inlined in its page (so its links work) and also written
as a file of its own, which a phone opens to zoom.
"""

from __future__ import annotations

from build_tools.diagrams.dot import render_dot
from build_tools.diagrams.graphs import map_diagrams, term_diagram
from build_tools.diagrams.layout import layout_svgs
from build_tools.edition import Edition
from build_tools.memo import Memo, remembered
from build_tools.site.markup import escape_html

FOLDER = "docs/glossary/diagrams"


def term_href(term_id: str) -> str:
    """A node's link, from a page or a diagram file one folder below glossary/."""
    return f"../{term_id}/"


def diagram_sources(edition: Edition) -> dict[str, str]:
    """Every diagram of the site by name: the map's groups, then each related term's."""
    diagrams = [*(d for group in map_diagrams(edition) for d in group),
                *(d for e in edition.glossary if (d := term_diagram(e, edition)))]
    return {d.name: render_dot(d, term_href) for d in diagrams}


def site_diagrams(edition: Edition, memo: Memo | None = None) -> dict[str, str]:
    """Every diagram laid out as SVG by name; the preview reuses them while the sources hold."""
    sources = diagram_sources(edition)
    names, dots = tuple(sources), tuple(sources.values())
    return dict(zip(names, remembered(memo, "diagrams", dots, lambda: layout_svgs(dots)), strict=True))


def render_diagram(name: str, svg: str, caption: str) -> str:
    """A diagram in a page: scrollable (and pinch-zoomable) on a phone, with its file to open alone."""
    return (f'<figure class="relation-diagram" data-search-exclude>\n'
            f'<div class="relation-scroll" tabindex="0" role="group" aria-label="{escape_html(caption)}">\n'
            f"{svg}</div>\n"
            f'<figcaption>{escape_html(caption)} · <a href="../diagrams/{name}.svg">单独打开此图（可缩放）</a>'
            "</figcaption>\n</figure>\n")
