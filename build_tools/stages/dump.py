"""The main-content stage applied to a decoded page-text dump, lines numbered as cleaning numbers them."""

from __future__ import annotations

from build_tools.stages.clean import split_lines
from build_tools.stages.main_content import MainContent, extract_main_content


def read_dump(text: str, corpus_lines: frozenset[str] = frozenset()) -> MainContent:
    """Classify every non-blank line of a decoded dump (a <br> tag breaks a line, as in cleaning)."""
    lines = tuple((n, line.strip()) for n, line in enumerate(split_lines(text), start=1) if line.strip())
    return extract_main_content(lines, corpus_lines)


def chrome_lines(content: MainContent) -> dict[int, str]:
    """The lines found outside the article, by number, with the rule and score that dropped each.

    Where the stage finds no body at all (a text of a few short lines), it drops nothing and
    leaves the text to the debris rules: an empty article is never the better guess.
    """
    if not content.body():
        return {}
    return {d.number: f"{d.rule} ({d.score:+.2f})" for d in content.decisions if not d.keep}
