"""The preview writes the Simplified view before converting the Traditional one, and ends
with exactly the files one pass writes."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from build_tools.build import generate
from build_tools.memo import Memo
from build_tools.site.traditional import ROOT as TRADITIONAL_ROOT
from tests.sitebuild import copy_project


def generated(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for folder in ("docs", "build/generated")
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


def test_simplified_first_writes_what_one_pass_writes(tmp_path: Path) -> None:
    one_pass, two_passes = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        assert generate(one_pass, False) == 0
        assert generate(two_passes, False, Memo(), traditional_after=True) == 0
    first, second = generated(one_pass), generated(two_passes)
    assert sorted(first) == sorted(second)
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.startswith(TRADITIONAL_ROOT) for path in second)
    simplified, traditional = output.getvalue().splitlines()[1:3]
    assert "of the Simplified view" in simplified and "of the Traditional view" in traditional


def test_an_edit_reaches_both_views_and_only_the_pages_it_touches(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    memo = Memo()
    with contextlib.redirect_stdout(io.StringIO()):
        generate(root, False, memo, traditional_after=True)
    memo.next_round()
    before = generated(root)
    entry = root / "annotations/glossary/wu-ge-yi.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("summary: ", "summary: 改动", 1), encoding="utf-8")
    with contextlib.redirect_stdout(io.StringIO()):
        assert generate(root, False, memo, traditional_after=True) == 0
    after = generated(root)
    changed = {path for path in after if after[path] != before.get(path)}
    assert "docs/glossary/wu-ge-yi.md" in changed and f"{TRADITIONAL_ROOT}/docs/glossary/wu-ge-yi.md" in changed
    assert "改动" in after["docs/texts/gaozhou-baiqianwan-wugeyi.md"].decode("utf-8")
    assert "改動" in after[f"{TRADITIONAL_ROOT}/docs/texts/gaozhou-baiqianwan-wugeyi.md"].decode("utf-8")
    assert set(before) == set(after)  # nothing removed as stale by either pass
