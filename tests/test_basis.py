"""General knowledge is visible where it is read: basis: general, checked and marked 〔通行解释〕."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.build import load, load_and_check
from build_tools.site.render_relations import PanelItem, render_panel
from tests.test_problems import with_files

PROJECT = Path(__file__).resolve().parent.parent
MEETING = "annotations/glossary/cun-min-yi-shi-hui.yml"


def entry_problems(path: str, text: str) -> list[tuple[int, int, str]]:
    _, problems = load_and_check(with_files({path: text}))
    return [(p.line, p.column, p.code) for p in problems if p.path == path]


def test_an_unflagged_general_summary_is_caught() -> None:
    """The slip a review found: a summary definition the cited paragraph does not give, unflagged."""
    text = (PROJECT / MEETING).read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("summary:"))
    slipped = (text.replace(summary, "summary: 村民商议公共事务的自治组织。")
               .replace("sources:\n", "sources:\n  - general\n"))
    line = text.splitlines().index(summary) + 1
    assert entry_problems(MEETING, slipped) == [(line, 10, "unmarked-general")]
    marked = slipped.replace("summary: 村民商议公共事务的自治组织。\n", "summary: 村民商议公共事务的自治组织。\nbasis: general\n")
    flagged = marked.replace("definition: |\n", "definition: |\n  村民商议公共事务的自治组织（据通行解释，非出自本语料）。\n\n")
    assert entry_problems(MEETING, flagged) == []
    assert [code for _, _, code in entry_problems(MEETING, marked)] == ["basis-without-general"]  # unflagged definition


@pytest.mark.parametrize("entry, old, new, code", [
    ("liang-gao", "  - general\n", "", "basis-without-general"),  # basis: general without a general source
    ("liang-gao", "basis: general\n", "", "unmarked-general"),  # “两高” quotes the term, not a claim
    ("shan-shui-lin-tian-hu-cao", "basis: general\n", "", "unmarked-general"),  # its summary flags 通行解释
])
def test_the_basis_rule(entry: str, old: str, new: str, code: str) -> None:
    path = f"annotations/glossary/{entry}.yml"
    text = (PROJECT / path).read_text(encoding="utf-8")
    assert old in text
    codes = [c for _, _, c in entry_problems(path, text.replace(old, new, 1))]
    assert [c for c in codes if c in ("unmarked-general", "basis-without-general")] == [code]


def test_a_summary_quoting_its_paragraph_needs_no_mark() -> None:
    edition, problems = load(PROJECT)
    assert [p for p in problems if p.code in ("unmarked-general", "basis-without-general")] == []
    entry = edition.entry("wu-ge-yi-pi")
    assert entry is not None and entry.basis is None and any(s.text is None for s in entry.sources)


def test_the_mark_is_shown_in_tooltip_term_page_and_pdf() -> None:
    from build_tools.pdf.typeset import basis_mark
    from build_tools.site.markup import general_mark

    item = PanelItem("liang-gao", "两高", "liǎng gāo", "two highs", "高耗能、高排放项目。", "general", (), 0)
    panel = render_panel((item,))
    assert '<span class="gl-summary">高耗能、高排放项目。 <a class="gl-basis" href="../../about/#general"' in panel
    assert "title=\"本条摘要据通行解释" in general_mark("general") and general_mark(None) == ""
    assert basis_mark("general") == '<span class="basis">〔通行解释〕</span>' and basis_mark(None) == ""
