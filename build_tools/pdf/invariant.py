"""Checks before writing: the text is sacred, and no footnote may go missing in layout."""

from __future__ import annotations

from html.parser import HTMLParser

from build_tools.edition import CorpusText
from build_tools.pdf.ids import block_id
from build_tools.pdf.typeset import ZWSP
from build_tools.problems import Problem, problem
from build_tools.sources import raw_text_path

SKIPPED = {"pn", "fn"}  # the paragraph number and the footnote are ours, not the text's
VOID = {"br", "meta", "img", "hr", "link", "input", "wbr"}


class _BlockText(HTMLParser):
    """Collect the text of elements by id, leaving out paragraph numbers and footnotes."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.ids = ids
        self.texts: dict[str, str] = {}
        self._stack: list[tuple[str | None, bool]] = []  # (block id opened here, skipping)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        values = dict(attrs)
        opened = values.get("id") if values.get("id") in self.ids else None
        if opened:
            self.texts[opened] = ""
        classes = set((values.get("class") or "").split())
        self._stack.append((opened, self._skipping() or bool(classes & SKIPPED)))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        current = next((ident for ident, _ in reversed(self._stack) if ident), None)
        if current and not self._skipping():
            self.texts[current] += data

    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]


def check_text_preserved(book: str, texts: list[CorpusText]) -> list[Problem]:
    """A problem at each block whose text in the book differs from the cleaned text."""
    expected = {block_id(t.meta.id, b): (t, b) for t in texts for b in t.article.blocks}
    parser = _BlockText(set(expected))
    parser.feed(book)
    parser.close()
    return [problem(text.raw, block.lines[0] if block.lines else 1, 1, "pdf-text-changed",
                    f"the PDF's {block.anchor} differs from the cleaned text; the PDF layer "
                    "(build_tools/pdf) must not change the text")
            for ident, (text, block) in expected.items()
            if parser.texts.get(ident, "").replace(ZWSP, "") != block.text]


def check_footnotes_laid(expected: list[tuple[str, str]], anchors: dict[str, int]) -> list[Problem]:
    """A problem for each (text id, footnote id) the layout did not place on any page."""
    return [problem(raw_text_path(text_id), 1, 1, "pdf-footnote-lost",
                    f"footnote {ident} was lost in layout; check book.css's footnote rules")
            for text_id, ident in expected if ident not in anchors]
