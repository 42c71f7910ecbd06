"""Quotations are verified against the paragraphs they cite, and citations follow their words."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.annotations.definitions import quoted_citations, quotes_verbatim
from build_tools.build import load, load_and_check
from build_tools.cli import run
from build_tools.reattach import apply, find_reattachments
from tests.test_problems import with_files

PROJECT = Path(__file__).resolve().parent.parent
GAOZHOU = "gaozhou-baiqianwan-wugeyi"
COLLECTIVE = "annotations/glossary/cun-ji-ji-ti-jing-ji.yml"
COURTYARD = "annotations/glossary/mei-li-ting-yuan.yml"


@pytest.mark.parametrize("prose, expected", [
    ("他说“推动集体经济”（jinhaihu-113 p12）。", [("推动集体经济", "jinhaihu-113", ("p12",))]),
    ("“甲乙”（jinhaihu-113 p47、p48）", [("甲乙", "jinhaihu-113", ("p47", "p48"))]),
    ("“甲乙”(jinhaihu-113 p41—p43)", [("甲乙", "jinhaihu-113", ("p41", "p42", "p43"))]),
    ("“打赢‘113攻坚战’”（jinhaihu-113 p1，节选）", [("打赢‘113攻坚战’", "jinhaihu-113", ("p1",))]),
    ("没有引号的引用（jinhaihu-113 p1）", []),
    ("“引号之后没有引用”。", []),
])
def test_quoted_citations_are_found(prose: str, expected: list[tuple[str, str, tuple[str, ...]]]) -> None:
    assert [found[:3] for found in quoted_citations(prose)] == expected


@pytest.mark.parametrize("quotation, passage, expected", [
    ("打赢‘113攻坚战’", "坚决打赢“113攻坚战”这一重大战略决策部署", True),  # nesting ‘’ for “”
    ("打赢『113攻坚战』", "坚决打赢“113攻坚战”这一", True),
    ("壮大村级集体经济……消除‘空壳村’", "壮大村级集体经济，到2018年确保全面消除“空壳村”", True),
    ("消除‘空壳村’……壮大村级集体经济", "壮大村级集体经济，到2018年确保全面消除“空壳村”", False),  # order counts
    ("推动村级集体经济实力有新增强", "村级集体经济实力有新增强", False),  # a word added is not verbatim
])
def test_a_quotation_is_verbatim_up_to_quotation_marks(quotation: str, passage: str, expected: bool) -> None:
    assert quotes_verbatim(quotation, passage) is expected


def test_the_real_glossary_quotes_every_passage_exactly() -> None:
    _, problems = load(PROJECT)
    assert [p for p in problems if p.code == "quote-not-in-paragraph"] == []


def test_a_quotation_attributed_to_the_wrong_paragraph_is_caught() -> None:
    """The slip a review found: 黄媚's words at p36 attributed to the plan at p16."""
    text = (PROJECT / COLLECTIVE).read_text(encoding="utf-8")
    slipped = text.replace("农业产业化格局有新推进”（gaozhou-baiqianwan-wugeyi p36）",
                           "农业产业化格局有新推进”（gaozhou-baiqianwan-wugeyi p16）")
    assert slipped != text
    _, problems = load_and_check(with_files({COLLECTIVE: slipped}))
    found = [p for p in problems if p.code == "quote-not-in-paragraph"]
    assert [(p.path, p.line) for p in found] == [(COLLECTIVE, 12)]
    assert "gaozhou-baiqianwan-wugeyi p36: cite that" in found[0].message


def test_a_source_quote_must_be_in_its_paragraph() -> None:
    text = (PROJECT / COURTYARD).read_text(encoding="utf-8")
    quoted = text.replace("    paragraph: p48\n", "    paragraph: p48\n    quote: 每月至少指导新建2户\n")
    _, problems = load_and_check(with_files({COURTYARD: quoted}))
    found = [p for p in problems if p.code == "quote-not-in-paragraph"]
    assert len(found) == 1 and "no paragraph of the corpus" in found[0].message


def test_citations_follow_their_words_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    from tests.sitebuild import copy_project

    root = copy_project(tmp_path / "project")
    courtyard = root / COURTYARD
    text = courtyard.read_text(encoding="utf-8")
    moved = (text.replace("（gaozhou-baiqianwan-wugeyi p47、p48）", "（gaozhou-baiqianwan-wugeyi p46）")
             .replace("    paragraph: p48\n", "    paragraph: p45\n    quote: 每月至少指导新建1户\n"))
    courtyard.write_text(moved, encoding="utf-8")
    edition, _ = load(root)
    moves, stranded = find_reattachments(edition, {COURTYARD: moved})
    assert stranded == []
    assert sorted((m.old, m.new) for m in moves) == [("p45", "p48"), (f"（{GAOZHOU} p46", f"（{GAOZHOU} p48")]
    assert run(["--root", str(root), "anchors", "--reattach"]) == 0
    fixed = courtyard.read_text(encoding="utf-8")
    assert apply(moved, moves) == fixed and "paragraph: p48\n    quote: 每月至少指导新建1户" in fixed
    edition, problems = load(root)
    assert [p for p in problems if p.path == COURTYARD] == []
    assert find_reattachments(edition, {COURTYARD: fixed}) == ([], [])


def test_a_citation_of_a_retired_id_follows_its_successor(tmp_path: Path) -> None:
    from tests.sitebuild import copy_project

    root = copy_project(tmp_path / "project")
    ledger = root / "annotations/anchors/jinhaihu-113.yml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + 'p99: {retired: p3, text: "曾经的一段"}\n', encoding="utf-8")
    entry = root / "annotations/glossary/113-gong-jian-zhan.yml"
    text = entry.read_text(encoding="utf-8")
    cited = text.replace("definition: |\n", "definition: |\n  另见金海湖新区的部署（jinhaihu-113 p99）。\n", 1)
    entry.write_text(cited, encoding="utf-8")
    _, problems = load(root)
    assert [(p.code, p.severity.value) for p in problems if p.path.endswith("113-gong-jian-zhan.yml")] == [
        ("retired-paragraph", "warning")]
    assert run(["--root", str(root), "anchors", "--reattach"]) == 0
    assert "另见金海湖新区的部署（jinhaihu-113 p3）。" in entry.read_text(encoding="utf-8")
    _, problems = load(root)
    assert [p for p in problems if p.path.endswith("113-gong-jian-zhan.yml")] == []
