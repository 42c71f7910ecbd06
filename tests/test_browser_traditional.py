"""Both views in Chromium: the script switcher keeps the page and the paragraph anchor."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.sitebuild import build_site, copy_project, serve

pytestmark = pytest.mark.browser


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


def top_results(browser: Browser, start: str, query: str, count: int = 3) -> list[str]:
    """The first results Material's search lists for a query, as paths within the view."""
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(start)
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    search.press("End")  # Material searches on key events, which fill() does not send
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10000)
    page.wait_for_timeout(500)
    top = [(results.nth(i).get_attribute("href") or "").split("?")[0].removeprefix(start)
           for i in range(min(count, results.count()))]
    page.close()
    return top


@pytest.mark.parametrize("view", ["/", "/zh-Hant/"])
@pytest.mark.parametrize("simplified, traditional, term_page", [
    ("113攻坚战", "113攻堅戰", "glossary/113-gong-jian-zhan/"),
    ("四抓四强", "四抓四強", "glossary/si-zhua-si-qiang/"),
    ("一中心一张网十联户", "一中心一張網十聯戶", "glossary/yi-zhong-xin-yi-zhang-wang-shi-lian-hu/"),
    ("积分超市", "積分超市", "glossary/ji-fen-chao-shi/"),
    ("乡村振兴", "鄉村振興", None),
])
def test_a_query_in_either_script_finds_the_same_pages(browser: Browser, site: str, view: str, simplified: str,
                                                      traditional: str, term_page: str | None) -> None:
    found = top_results(browser, site + view, simplified)
    assert top_results(browser, site + view, traditional) == found
    assert term_page is None or term_page in found, found
