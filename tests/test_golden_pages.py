"""Golden pages for the cross-links: one term page and one text page's closing panel.

Review a changed golden file like any other diff; accept it with ``pytest --update-golden``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from build_tools.edition import Edition
from build_tools.site.render_glossary import render_term_page
from build_tools.site.render_relations import panel_items, render_panel, term_appearances, term_reach

GOLDEN = Path(__file__).parent / "golden" / "pages"


def test_term_page_with_relations_and_comparison(edition: Edition, golden: Callable[[Path, str], None]) -> None:
    entry = edition.entry("yi-zhong-xin-yi-zhang-wang-shi-lian-hu")
    assert entry is not None
    # The diagram's SVG depends on Graphviz's version; a stand-in shows where and how it sits.
    golden(GOLDEN / "yi-zhong-xin-yi-zhang-wang-shi-lian-hu.md",
           render_term_page(entry, edition, term_appearances(edition), '<svg class="stand-in"></svg>\n'))


def test_text_page_panel(edition: Edition, golden: Callable[[Path, str], None]) -> None:
    text = edition.text("qiandongnan-sizhuasiqiang")
    assert text is not None
    golden(GOLDEN / "panel-qiandongnan-sizhuasiqiang.md",
           render_panel(panel_items(text, edition, term_reach(edition, term_appearances(edition)))))
