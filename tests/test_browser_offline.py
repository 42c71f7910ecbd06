"""The offline copy, unzipped and opened from file:// in Chromium: links, tooltips, search.

Built as ``make site`` builds it (generate, then ``python -m build_tools offline``), in a
throwaway copy of the project; every request the pages make is recorded, and none may fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.sitebuild import BUILD_EPOCH, PROJECT, SHIM, copy_project

ARTIFACTS = PROJECT / "test-artifacts"
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The zip built from the real project, unzipped into a fresh folder."""
    assert (PROJECT / SHIM).is_file(), f"{SHIM} is missing: run 'make test', which vendors it"
    root = copy_project(tmp_path_factory.mktemp("offline"))
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    for command in (["generate"], ["offline", "--output", str(root / "edition-offline.zip")]):
        done = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), *command],
                              capture_output=True, text=True, cwd=PROJECT, env=env, check=False)
        assert done.returncode == 0, done.stderr
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(root / "edition-offline.zip") as archive:
        archive.extractall(unzipped)
    yield unzipped / "edition-offline"


def recorded(browser: Browser) -> tuple[Page, list[str]]:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("pageerror", lambda error: failed.append(f"script error: {error}"))
    return page, failed


def test_the_offline_copy_reads_from_disk(browser: Browser, offline_copy: Path) -> None:
    page, failed = recorded(browser)
    page.goto((offline_copy / "index.html").as_uri())
    assert "离线副本" in page.locator("article").inner_text()
    page.locator('article a[href="texts/qiandongnan-sizhuasiqiang/index.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/texts/qiandongnan-sizhuasiqiang/index.html")
    link = page.locator("a.gl").first
    term = link.inner_text()
    link.hover()
    popover = page.locator(".gl-popover")
    popover.wait_for(state="visible", timeout=3000)
    assert term in popover.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "offline-tooltip.png"))
    link.click()
    page.wait_for_load_state("load")
    assert "/glossary/" in page.url and page.url.endswith(".html")
    assert term in page.locator("h1").inner_text()
    assert failed == []


def test_search_works_from_disk(browser: Browser, offline_copy: Path) -> None:
    page, failed = recorded(browser)
    page.goto((offline_copy / "texts/jinhaihu-113/index.html").as_uri())
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").fill("四抓四强")
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10000)
    assert "四抓四强" in result.inner_text()
    href = result.locator("a").first.get_attribute("href") or ""
    assert href.startswith(offline_copy.as_uri() + "/") and ".html" in href  # a file on disk, not a folder
    result.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and ".html" in page.url
    assert failed == []


def test_no_raw_html_link_in_the_copy_names_a_folder(offline_copy: Path) -> None:
    """Every relative link of every page names a file that is in the copy."""
    missing = []
    for html in offline_copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for target in {m.split("#")[0].split("?")[0] for m in _relative_links(text)}:
            if target and not (html.parent / target).is_file():
                missing.append(f"{html.relative_to(offline_copy)} -> {target}")
    assert missing == []


def _relative_links(html: str) -> list[str]:
    return [m for m in re.findall(r'\b(?:href|src)="([^"]*)"', html)
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#|^/", m)]
