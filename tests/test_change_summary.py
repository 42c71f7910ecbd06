"""The pull-request summary: what a change adds, removes and relinks on the pages."""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

import pytest

from build_tools.build import load_and_check
from build_tools.commands import summary as change_summary
from build_tools.commands.summary import NO_CHANGE, cmd_summary, render_problems_note, summarise_change
from build_tools.edition import Edition
from build_tools.problems import Problem, problem, warning
from build_tools.sources import SourceFile, Sources

DEMO = "测试标题\n\n　　第一段提到五个一和五个一。\n\n　　第二段提到一中心一张网十联户，还有十联户。\n"
OTHER = "另一篇\n\n　　这里也有五个一。\n"


def entry(term: str, english: str = "a gloss", definition: str = "见 demo p1。",
          paragraph: str = "p1", text: str = "demo") -> str:
    """A valid glossary file citing one paragraph."""
    return (f"term: {term}\npinyin: wǔ gè yī\nenglish: {english}\nkind: campaign\n"
            f"summary: 一句话。\ndefinition: {definition}\n"
            f"sources:\n  - {{text: {text}, paragraph: {paragraph}}}\n")


FIVE = {"wu-ge-yi": entry("五个一")}
TEN = {"shi-lian-hu": entry("十联户", paragraph="p2")}
LONG = {"yi-zhong-xin": entry("一中心一张网十联户", paragraph="p2")}


def edition(glossary: dict[str, str], texts: dict[str, str] | None = None) -> Edition:
    """Load an edition from files held in memory; it must have no errors."""
    texts = {"demo": DEMO} if texts is None else texts
    raws = {tid: raw.encode() for tid, raw in texts.items()}
    metas = {tid: (f"title: {raw.decode().splitlines()[0]}\nscript: simplified\nencoding: utf-8\n"
                   f"sha256: {hashlib.sha256(raw).hexdigest()}\n") for tid, raw in raws.items()}
    sources = Sources(
        tuple(SourceFile(tid, f"texts/{tid}.txt", raw) for tid, raw in raws.items()),
        tuple(SourceFile(tid, f"annotations/texts/{tid}.yml", m.encode()) for tid, m in metas.items()),
        tuple(SourceFile(gid, f"annotations/glossary/{gid}.yml", g.encode()) for gid, g in glossary.items()),
    )
    loaded, problems = load_and_check(sources)
    assert [p.format_text() for p in problems if p.severity.value == "error"] == []
    return loaded


def sections(markdown: str) -> dict[str, list[str]]:
    """Map each '### ' heading to the table rows under it (header rows left out)."""
    found: dict[str, list[str]] = {}
    for part in markdown.split("\n### ")[1:]:
        heading, *lines = part.splitlines()
        found[heading] = [line for line in lines if line.startswith("| ")][2:]  # less the header
    return found


def summary(base: dict[str, str], head: dict[str, str],
            head_texts: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The summary's tables, from glossaries over the demo text (or other texts in head)."""
    return sections(summarise_change(edition(base), edition(head, head_texts)))


def test_no_change_says_so() -> None:
    assert summarise_change(edition(FIVE), edition(FIVE)).endswith(NO_CHANGE)


def test_added_term_and_its_new_links() -> None:
    assert summary({}, FIVE) == {
        "新增术语 · Terms added (1)": ["| 五个一 | `wu-ge-yi` |"],
        "新增链接 · Occurrences newly linked (2)": ["| 五个一 | `wu-ge-yi` | demo p1 ×2 |"],
    }


def test_removed_term_and_its_lost_links() -> None:
    assert summary(FIVE, {}) == {
        "删除术语 · Terms removed (1)": ["| 五个一 | `wu-ge-yi` |"],
        "不再链接 · Occurrences no longer linked (2)": ["| 五个一 | `wu-ge-yi` | demo p1 ×2 |"],
    }


def test_a_longer_term_takes_over_one_occurrence_of_a_shorter_one() -> None:
    found = summary(TEN, TEN | LONG)
    assert found["新增链接 · Occurrences newly linked (1)"] == [
        "| 一中心一张网十联户 | `yi-zhong-xin` | demo p2 |"]
    assert found["不再链接 · Occurrences no longer linked (1)"] == ["| 十联户 | `shi-lian-hu` | demo p2 |"]


def test_short_changed_value_is_shown_before_and_after() -> None:
    found = summary(FIVE, {"wu-ge-yi": entry("五个一", english="Five | Ones")})
    assert found == {"修改术语 · Terms changed (1)": [
        "| 五个一 | `wu-ge-yi` | `english`: a gloss → Five \\| Ones |"]}


def test_long_changed_value_is_named_only() -> None:
    found = summary(FIVE, {"wu-ge-yi": entry("五个一", definition="|\n  见 demo p1。\n\n  又一段。")})
    assert found == {"修改术语 · Terms changed (1)": ["| 五个一 | `wu-ge-yi` | `definition` |"]}


def test_moving_fields_around_is_no_change() -> None:
    lines = FIVE["wu-ge-yi"].splitlines(keepends=True)
    reordered = "".join([*lines[5:], *lines[:5]])  # sources first: every position differs
    assert summarise_change(edition(FIVE), edition({"wu-ge-yi": reordered})).endswith(NO_CHANGE)


def test_added_text_and_the_links_it_brings() -> None:
    found = summary(FIVE, FIVE, head_texts={"demo": DEMO, "other": OTHER})
    assert found == {
        "新增文本 · Texts added (1)": ["| 另一篇 | `other` |"],
        "新增链接 · Occurrences newly linked (1)": ["| 五个一 | `wu-ge-yi` | other p1 |"],
    }


def test_changed_text_metadata_is_named() -> None:
    base, head = edition(FIVE), edition(FIVE, {"demo": DEMO.replace("第二段", "第二节")})
    assert sections(summarise_change(base, head))["修改文本 · Texts changed (1)"] == [
        "| 测试标题 | `demo` | `sha256` |"]


def test_long_tables_are_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(change_summary, "MAX_ROWS", 1)
    markdown = summarise_change(edition({}), edition(FIVE | TEN))
    assert sections(markdown)["新增术语 · Terms added (2)"] == ["| 十联户 | `shi-lian-hu` |"]
    assert "and 1 more rows" in markdown


@pytest.mark.parametrize("problems, expected", [
    ([], ""),
    ([warning("a.yml", 1, 1, "term-not-found", "x")], ""),
    ([problem("a.yml", 1, 1, "bad-id", "x"), problem("b.yml", 2, 1, "bad-id", "y")], "2 error(s)"),
])
def test_errors_are_noted_because_their_files_are_left_out(problems: list[Problem], expected: str) -> None:
    note = render_problems_note(problems)
    assert (expected in note) if expected else note == ""


def write_project(root: Path, glossary: dict[str, str]) -> Path:
    for folder in ("texts", "annotations/texts", "annotations/glossary"):
        (root / folder).mkdir(parents=True)
    raw = DEMO.encode()
    (root / "texts/demo.txt").write_bytes(raw)
    (root / "annotations/texts/demo.yml").write_text(
        f"title: 测试标题\nscript: simplified\nencoding: utf-8\nsha256: {hashlib.sha256(raw).hexdigest()}\n",
        encoding="utf-8")
    for gid, content in glossary.items():
        (root / f"annotations/glossary/{gid}.yml").write_text(content, encoding="utf-8")
    return root


def test_command_compares_two_checkouts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base, head = write_project(tmp_path / "base", {}), write_project(tmp_path / "head", FIVE)
    assert cmd_summary(argparse.Namespace(root=head, base_root=base)) == 0
    assert "| 五个一 | `wu-ge-yi` | demo p1 ×2 |" in capsys.readouterr().out


def test_command_refuses_a_missing_base(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = write_project(tmp_path / "head", FIVE)
    assert cmd_summary(argparse.Namespace(root=head, base_root=tmp_path / "nowhere")) == 2
    assert re.search(r"no folder .*nowhere", capsys.readouterr().err)
