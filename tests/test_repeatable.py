"""Two builds of the same sources give byte-identical generated pages, site and PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitebuild import build_site, copy_project

pytestmark = pytest.mark.site


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_in_another_folder_is_identical(built_site: Path, tmp_path: Path) -> None:
    root = copy_project(tmp_path / "again")
    result = build_site(root, pdf=True)
    assert result.returncode == 0, result.stderr
    first, second = tree(built_site), tree(root / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    for generated in ("docs/texts", "docs/glossary"):
        assert tree(built_site.parent / generated) == tree(root / generated)
