"""Two builds of the same sources give byte-identical generated pages, site and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


ONE_TEXT = "qiandongnan-sizhuasiqiang"  # the second build lays out this text's own PDFs only


def test_second_build_in_another_folder_is_identical(built_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "again")
    result = build_site(root, pdf=True, text_pdfs=(ONE_TEXT,))
    assert result.returncode == 0, result.stderr
    first, second = tree(built_site), tree(root / "site")
    others = [name for name in first if "downloads/texts/" in name and not name.endswith(f"/{ONE_TEXT}.pdf")]
    assert len(others) == 8 and sorted(set(first) - set(others)) == sorted(second)
    first = {name: data for name, data in first.items() if name not in others}
    assert [name for name in first if first[name] != second[name]] == []
    for generated in ("docs/texts", "docs/glossary"):
        assert tree(built_site.parent / generated) == tree(root / generated)
