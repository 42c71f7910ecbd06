"""The whole site builds with mkdocs --strict from a temporary copy of the sources."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_tools.edition import CorpusText
from tests.sitebuild import PROJECT, build_site, copy_project

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A temporary copy of the project, generated and built; the real folders are untouched."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    assert not (root / "docs" / "texts").exists() and not (root / "site").exists()
    return root, build_site(root)


def test_build_succeeds(built: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    _, result = built
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_text_page_has_numbered_paragraphs(built: tuple[Path, subprocess.CompletedProcess[str]],
                                                 text_id: str) -> None:
    page = built[0] / "site" / "texts" / text_id / "index.html"
    assert 'id="p1"' in page.read_text(encoding="utf-8")


def test_home_page_lists_every_title(built: tuple[Path, subprocess.CompletedProcess[str]],
                                     real_texts: dict[str, CorpusText]) -> None:
    home = (built[0] / "site" / "index.html").read_text(encoding="utf-8")
    assert [t.meta.title for t in real_texts.values() if t.meta.title not in home] == []
    assert len(real_texts) == len(list((PROJECT / "texts").glob("*.txt")))
