"""Both views in Chromium: the script switcher keeps the page and the paragraph anchor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.sitebuild import build_site, copy_project, serve
from tests.test_browser import ARGS, CHROMIUM

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("views"))
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def switch(browser: Browser, start: str, language: str) -> str:
    """Open start, choose a script in Material's language menu, return where it leads."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(start)
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation():
        page.locator(f'a.md-select__link[hreflang="{language}"]').click()
    page.wait_for_load_state()
    url = page.url
    page.close()
    return url


@pytest.mark.parametrize("path", ["/texts/qiandongnan-sizhuasiqiang/#p5", "/glossary/si-zhua-si-qiang/#sources",
                                  "/"])
def test_switching_script_keeps_the_page_and_the_anchor(browser: Browser, site: str, path: str) -> None:
    traditional = switch(browser, site + path, "zh-Hant")
    assert traditional == f"{site}/zh-Hant{path}"
    assert switch(browser, traditional, "zh-Hans") == site + path


def test_the_traditional_page_is_in_traditional(browser: Browser, site: str) -> None:
    page = browser.new_page()
    page.goto(site + "/zh-Hant/texts/jinhaihu-113/#p1")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert "攻堅戰" in page.locator("#p1").inner_text()
    page.close()
