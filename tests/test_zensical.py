"""The generated edition builds with Zensical too, and its pages agree with the Material build.

Material for MkDocs ends its life on 2027-05-05; Zensical, its successor, reads mkdocs.yml.
Zensical builds the same generated docs/ (both views) in a copy of the session's Material build,
and the two sites must list the same pages, carry the same paragraph anchors and index the same
search sections. Our theme overrides are Jinja templates both engines render;
the search fix patches Material's worker, which Zensical copies but never loads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.site.search_patch import patched_search_worker
from tests.sitebuild import BUILD_EPOCH, CONFIGS

pytestmark = pytest.mark.site

ANCHOR_KINDS = ("p", "s", "c")  # paragraph, heading and caption ids: texts/<id>/#p12


class _PageFacts(HTMLParser):
    """Glossary links, our block anchors and scripts of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.glossary_links: list[str] = []
        self.anchors: list[str] = []
        self.scripts: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and "gl" in attributes.get("class", "").split():
            self.glossary_links.append(attributes.get("href", ""))
        identifier = attributes.get("id", "")
        if identifier[:1] in ANCHOR_KINDS and identifier[1:].isdigit():
            self.anchors.append(identifier)
        if tag == "meta" and "name" in attributes:
            self.meta[attributes["name"]] = attributes.get("content", "")
        if tag == "script" and "src" in attributes:
            self.scripts.append(attributes["src"])


def page_facts(page: Path) -> _PageFacts:
    facts = _PageFacts()
    facts.feed(page.read_text(encoding="utf-8"))
    return facts


def html_pages(site: Path, skip: str | None = None) -> list[str]:
    """Every HTML page under site, relative, without the nested view ``skip``."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if skip is None or not p.relative_to(site).as_posix().startswith(f"{skip}/"))


def build_with_zensical(root: Path) -> list[subprocess.CompletedProcess[str]]:
    """``zensical build`` of the Simplified site, then of the Traditional one in it, as make
    builds them with MkDocs."""
    zensical = Path(sys.executable).with_name("zensical")
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return [subprocess.run([str(zensical), "build", "--strict", "-f", str(root / config)],
                           capture_output=True, text=True, cwd=root, env=env, check=False)
            for config in CONFIGS]


@pytest.fixture(scope="module")
def zensical_build(built_site: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, list[subprocess.CompletedProcess[str]]]:
    """The session's generated project, copied without its Material site and built with Zensical."""
    root = tmp_path_factory.mktemp("zensical") / "project"
    shutil.copytree(built_site.parent, root, ignore=lambda folder, names: (
        ["site"] if Path(folder) == built_site.parent else []))
    return root / "site", build_with_zensical(root)


@pytest.fixture(scope="module")
def zensical_site(zensical_build: tuple[Path, list[subprocess.CompletedProcess[str]]]) -> Path:
    site, results = zensical_build
    for result in results:
        assert result.returncode == 0, result.stdout + result.stderr
    return site


VIEWS = ["", "zh-Hant/"]  # the Simplified site, and the Traditional one under zh-Hant/


def test_zensical_builds_both_views(zensical_build: tuple[Path, list[subprocess.CompletedProcess[str]]]) -> None:
    _, results = zensical_build
    assert [r.returncode for r in results] == [0, 0], "\n".join(r.stdout + r.stderr for r in results)


@pytest.mark.parametrize("view", VIEWS)
def test_zensical_builds_the_same_pages(built_site: Path, zensical_site: Path, view: str) -> None:
    material, zensical = built_site / view, zensical_site / view
    assert html_pages(zensical, "zh-Hant") == html_pages(material, "zh-Hant")


def text_pages(site: Path) -> list[Path]:
    pages = sorted((site / "texts").glob("*/index.html"))
    assert pages, f"no text pages under {site}"
    return pages


@pytest.mark.parametrize("view", VIEWS)
def test_text_pages_keep_their_paragraph_anchors(built_site: Path, zensical_site: Path, view: str) -> None:
    for page in text_pages(built_site / view):
        material = page_facts(page).anchors
        assert "p1" in material, page
        assert page_facts(zensical_site / page.relative_to(built_site)).anchors == material, page


@pytest.mark.parametrize("view", VIEWS)
def test_our_theme_overrides_apply(built_site: Path, zensical_site: Path, view: str) -> None:
    """main.html (citation tags for Zotero) is rendered by Zensical's template engine too."""
    for page in text_pages(built_site / view):
        material = page_facts(page).meta
        zensical = page_facts(zensical_site / page.relative_to(built_site)).meta
        assert material["citation_title"] and zensical["citation_title"] == material["citation_title"], page


def test_the_material_search_fix_is_inert_under_zensical(zensical_site: Path) -> None:
    """Our patched worker is Material's file: Zensical copies it from custom_dir, loads its own."""
    patched = Path(patched_search_worker()[0]).name
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert (zensical_site / "assets/javascripts/workers" / patched).is_file()
    assert patched not in home and "assets/javascripts/workers/search." in home


def search_sections(index: Path, key: str) -> list[tuple[str, str, str]]:
    """(location, title, text) of each indexed section; without the zero-width spaces with
    which Material's jieba pass marks word boundaries (Zensical segments in the browser)."""
    entries = json.loads(index.read_text(encoding="utf-8"))[key]
    return [(e["location"], e["title"].replace("\u200b", ""), e["text"].replace("\u200b", "")) for e in entries]


@pytest.mark.parametrize("view", VIEWS)
def test_search_indexes_the_same_sections(built_site: Path, zensical_site: Path, view: str) -> None:
    """Both engines cut pages at headings with ids and honour data-search-exclude alike."""
    material = search_sections(built_site / view / "search/search_index.json", "docs")
    zensical = search_sections(zensical_site / view / "search.json", "items")
    assert len(material) > 100
    assert [s[0] for s in zensical] == [s[0] for s in material]
    assert zensical == material
