"""fmt: canonical, idempotent, meaning-preserving; --check fails with the fix command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.annotations.fmt import format_annotation, meaning, render_glossary_yaml
from build_tools.annotations.glossary import read_glossary_entry
from build_tools.annotations.yamlfile import load_yaml
from build_tools.cli import run
from tests.sitebuild import PROJECT

ANNOTATIONS = sorted((PROJECT / "annotations").rglob("*.yml"))


def test_real_annotations_are_canonical() -> None:
    assert run(["--root", str(PROJECT), "fmt", "--check"]) == 0


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_fmt_is_idempotent_and_keeps_meaning(path: Path) -> None:
    relative = path.relative_to(PROJECT).as_posix()
    original = path.read_text(encoding="utf-8")
    once, problems = format_annotation(original, relative, path.stem)
    assert problems == [] and once is not None
    twice, _ = format_annotation(once.text, relative, path.stem)
    assert twice is not None and twice.text == once.text and not twice.changed


MESSY = """\
kind: slogan
related:
  - see_also: b
  - part_of: a
variants: [乙, 甲]
term: "五个一"   # a comment fmt drops
pinyin: wǔ gè yī
english: 'Five Ones'
summary: "摘要"
definition: 一行释义。
sources:
  - general
  - {text: x-y, paragraph: p12}
  - {text: x-y, paragraph: p2}
note: "yes"
"""

CANONICAL = """\
term: 五个一
variants:
  - 乙
  - 甲
pinyin: wǔ gè yī
english: Five Ones
kind: slogan
summary: 摘要
definition: |
  一行释义。
sources:
  - text: x-y
    paragraph: p2
  - text: x-y
    paragraph: p12
  - general
related:
  - part_of: a
  - see_also: b
note: "yes"
"""


def test_messy_file_becomes_canonical() -> None:
    formatted, problems = format_annotation(MESSY, "annotations/glossary/wu-ge-yi.yml", "wu-ge-yi")
    assert problems == []
    assert formatted is not None and formatted.text == CANONICAL


def _entry(text: str):  # type: ignore[no-untyped-def]
    document, _ = load_yaml(text, "g/x.yml")
    return read_glossary_entry(document.root, "g/x.yml", "x")[0]  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["no", "on", "null", "~", "123", "1.5", "2024-01-01", "- x", "a: b",
                                   "#x", "x #y", " lead", "trail ", "*ref", "&anchor", "!tag", "'q'",
                                   '"q"', "[a]", "{a}", "1+1+N", "“五个一”", "a|b", "%x", "@x", "`x`"])
def test_every_string_reads_back_as_itself(value: str) -> None:
    entry = _entry(f"term: t\npinyin: p\nenglish: {__import__('json').dumps(value)}\nkind: concept\n"
                   "summary: s\ndefinition: d\nsources: [general]\n")
    assert entry.english == value.strip()
    assert meaning(_entry(render_glossary_yaml(entry))) == meaning(entry)


def test_check_reports_and_fix_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(PROJECT / "annotations", tmp_path / "annotations")
    target = tmp_path / "annotations/glossary/wu-ge-yi.yml"
    target.write_text(MESSY, encoding="utf-8")
    assert run(["--root", str(tmp_path), "fmt", "--check"]) == 1
    captured = capsys.readouterr()
    assert "would reformat annotations/glossary/wu-ge-yi.yml" in captured.out
    assert "fix with: python -m build_tools fmt" in captured.err
    assert target.read_text(encoding="utf-8") == MESSY  # --check writes nothing
    assert run(["--root", str(tmp_path), "fmt"]) == 0
    assert target.read_text(encoding="utf-8") == CANONICAL


def test_broken_file_is_reported_and_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "annotations/glossary"
    folder.mkdir(parents=True)
    broken = "term: a\nterm: b\n"
    (folder / "a.yml").write_text(broken, encoding="utf-8")
    assert run(["--root", str(tmp_path), "fmt"]) == 1
    assert "annotations/glossary/a.yml:2:1: error: key 'term' is defined twice" in capsys.readouterr().err
    assert (folder / "a.yml").read_text(encoding="utf-8") == broken


def test_formatter_that_would_change_meaning_writes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import build_tools.annotations.fmt

    monkeypatch.setattr(build_tools.annotations.fmt, "render_glossary_yaml",
                        lambda entry: CANONICAL.replace("摘要", "另一个摘要"))
    formatted, problems = format_annotation(MESSY, "annotations/glossary/wu-ge-yi.yml", "wu-ge-yi")
    assert formatted is None
    assert [(p.line, p.column, p.code) for p in problems] == [(1, 1, "fmt-meaning")]
