"""Every failure a user can cause is a located problem printed by the one reporter, never a traceback."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from build_tools.build import generate
from build_tools.commands.pdf import cmd_pdf
from build_tools.pdf.build import layout_warnings
from build_tools.pdf.render import Laid
from build_tools.site import search_patch
from tests.sitebuild import copy_project


def test_a_changed_material_worker_is_a_located_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    monkeypatch.setattr(search_patch, "PATCHES", (("code Material no longer has", "x"),))
    assert generate(root, False) == 1
    err = capsys.readouterr().err
    assert "build_tools/site/search_patch.py:1:1: error:" in err and "(search-patch)" in err
    assert "Traceback" not in err and "nothing was written" in err
    assert not (root / "docs/texts").exists()


def test_a_malformed_source_date_epoch_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    output = tmp_path / "edition.pdf"
    assert cmd_pdf(argparse.Namespace(root=root, output=output, strict=False)) == 1
    err = capsys.readouterr().err
    assert "SOURCE_DATE_EPOCH:1:1: error:" in err and "(bad-environment)" in err and not output.exists()


def test_weasyprint_warnings_become_warnings_at_the_stylesheet() -> None:
    found = layout_warnings(Laid(b"", 1, {}, ("Ignored `foo: bar` at 3:1, unknown property.",)))
    assert [(p.path, p.code, p.severity.value) for p in found] == [
        ("build_tools/pdf/book.css", "pdf-layout", "warning")]
    assert "unknown property" in found[0].message
