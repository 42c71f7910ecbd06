"""Faults leave what was built before exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import build_tools.site.outputs
from build_tools.cli import run
from tests.sitebuild import PROJECT

GENERATED = ("docs/texts", "docs/glossary", "build/generated")


@pytest.fixture()
def generated_copy(tmp_path: Path) -> Path:
    for name in ("texts", "annotations", "docs"):
        shutil.copytree(PROJECT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("texts", "glossary") if name == "docs" else None)
    assert run(["--root", str(tmp_path), "generate"]) == 0
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for folder in GENERATED for p in sorted((root / folder).rglob("*")) if p.is_file()}


def test_bad_annotation_writes_nothing(generated_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(generated_copy)
    entry = generated_copy / "annotations/glossary/wu-ge-yi.yml"
    entry.write_text(entry.read_text(encoding="utf-8") + "kind: slogan\n", encoding="utf-8")
    assert run(["--root", str(generated_copy), "generate"]) == 1
    err = capsys.readouterr().err
    assert "annotations/glossary/wu-ge-yi.yml:" in err and "duplicate-key" in err
    assert "nothing was written" in err
    assert snapshot(generated_copy) == before


def test_exception_mid_render_writes_nothing(generated_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(generated_copy)

    def broken(entry, edition, *rest):  # type: ignore[no-untyped-def]
        if entry.id == "wu-ge-yi":
            raise RuntimeError("disk full while rendering")
        return "page"

    monkeypatch.setattr(build_tools.site.outputs, "render_term_page", broken)
    with pytest.raises(RuntimeError):
        run(["--root", str(generated_copy), "generate"])
    assert snapshot(generated_copy) == before


def test_unchanged_build_rewrites_nothing(generated_copy: Path) -> None:
    before = snapshot(generated_copy)
    assert run(["--root", str(generated_copy), "generate"]) == 0
    assert snapshot(generated_copy) == before
