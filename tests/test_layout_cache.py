"""Text PDFs laid out once and kept: the same HTML gives the kept layout back, byte for
byte, whatever the build's date; any other change to the HTML misses; a damaged entry is laid out again; a full build drops
what it did not use. On the real edition's shortest text, whose PDF is the cheapest to lay out.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from build_tools.commands.text_pdfs import cmd_text_pdfs
from build_tools.downloads import text_pdf_path
from build_tools.edition import Edition
from build_tools.pdf import layout_cache
from build_tools.pdf.build import lay_out_book
from build_tools.pdf.contents import text_book
from build_tools.pdf.render import Laid
from tests.sitebuild import copy_project

SHORTEST = "qiandongnan-sizhuasiqiang"
STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def lay_out(edition: Edition, cache: Path, stamp: datetime = STAMP) -> Laid:
    laid, problems = lay_out_book(edition, text_book(edition, SHORTEST), stamp, "simplified", None, cache)
    assert problems == []
    return laid


def test_the_same_book_is_laid_out_once_and_a_changed_one_again(edition: Edition, tmp_path: Path) -> None:
    first = lay_out(edition, tmp_path)
    assert not first.reused and len(list(tmp_path.iterdir())) == 2  # its PDF and its facts
    again = lay_out(edition, tmp_path)
    assert again.reused
    assert (again.pdf, again.pages, again.anchors, again.warnings, again.title_lines, again.passes) == (
        first.pdf, first.pages, first.anchors, first.warnings, first.title_lines, first.passes)
    assert again.footnote_shares == pytest.approx(first.footnote_shares)
    # A later build (another commit's date) reuses it, its date and all.
    assert lay_out(edition, tmp_path, datetime(2027, 3, 1, tzinfo=UTC)).pdf == first.pdf
    assert layout_cache.layout_key("<p>甲</p>", "SC") != layout_cache.layout_key("<p>乙</p>", "SC")
    assert layout_cache.layout_key("<p>甲</p>", "SC") != layout_cache.layout_key("<p>甲</p>", "TC")


def test_a_damaged_entry_is_laid_out_again(edition: Edition, tmp_path: Path) -> None:
    first = lay_out(edition, tmp_path)
    (facts,) = tmp_path.glob("*.json")
    facts.write_text(facts.read_text(encoding="utf-8")[:40], encoding="utf-8")  # a build stopped while writing
    assert layout_cache.read_entry(tmp_path, facts.stem) is None
    redone = lay_out(edition, tmp_path)
    assert not redone.reused and redone.pdf == first.pdf
    assert lay_out(edition, tmp_path).reused


def test_prune_keeps_what_was_used_since(tmp_path: Path) -> None:
    laid = Laid(b"%PDF-1.7 one", 1, {"p1": 1}, ("a warning",), (0.25,), (("标题",),), 2)
    layout_cache.write_entry(tmp_path, "old", laid)
    layout_cache.write_entry(tmp_path, "kept", laid)
    (tmp_path / "stopped.pdf.123.partial").write_bytes(b"%PDF")
    hour_ago = time.time() - 3600
    for path in tmp_path.iterdir():
        os.utime(path, (hour_ago, hour_ago))
    began = time.time() - 1
    assert layout_cache.read_entry(tmp_path, "kept") == Laid(**{**laid.__dict__, "reused": True})
    assert layout_cache.prune(tmp_path, used_since=began) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.json", "kept.pdf"]


def test_text_pdfs_reuses_the_layouts_of_an_earlier_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    options = {"root": root, "output": site, "strict": True, "texts": SHORTEST, "script": "simplified", "workers": 1}
    assert cmd_text_pdfs(argparse.Namespace(**options)) == 0
    assert "0 of them laid out by an earlier build" in capsys.readouterr().out
    built = (site / text_pdf_path(SHORTEST, "simplified")).read_bytes()
    (site / text_pdf_path(SHORTEST, "simplified")).unlink()
    assert cmd_text_pdfs(argparse.Namespace(**options)) == 0
    assert "wrote 1 of 1 text PDFs (1 texts × 1 scripts) under" in (out := capsys.readouterr().out)
    assert "1 of them laid out by an earlier build" in out and "0 pages laid out" in out
    assert (site / text_pdf_path(SHORTEST, "simplified")).read_bytes() == built
    assert cmd_text_pdfs(argparse.Namespace(**options, no_cache=True)) == 0
    assert "0 of them laid out by an earlier build" in capsys.readouterr().out
