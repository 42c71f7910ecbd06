"""Search on any input: a pasted, dropped or IME-committed query searches as a typed one does."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.test_browser import browser, real_site  # noqa: F401 (the shared Chromium and built site)

pytestmark = pytest.mark.browser
QUERY = "四抓四强"
TERM = "/glossary/si-zhua-si-qiang/"


def results(page: Page, site: str) -> list[str]:
    found = page.locator(".md-search-result__item > a")
    found.first.wait_for(timeout=10000)
    return [(found.nth(i).get_attribute("href") or "").split("?")[0].removeprefix(site)
            for i in range(min(5, found.count()))]


def search_box(browser: Browser, site: str) -> Page:  # noqa: F811
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(site + "/")
    page.locator("input.md-search__input").click()
    return page


def test_a_pasted_query_searches(browser: Browser, real_site: str) -> None:  # noqa: F811
    page = search_box(browser, real_site)
    page.evaluate("""query => {
        const input = document.querySelector('input.md-search__input');
        const data = new DataTransfer();
        data.setData('text/plain', query);
        input.value = query;
        input.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', data: query,
                                                     dataTransfer: data, bubbles: true}));
    }""", QUERY)
    assert TERM in results(page, real_site)


def test_an_ime_committed_query_searches(browser: Browser, real_site: str) -> None:  # noqa: F811
    page = search_box(browser, real_site)
    page.keyboard.insert_text(QUERY)  # what an input method commits: input events, no key events
    assert TERM in results(page, real_site)


def test_a_typed_query_still_searches(browser: Browser, real_site: str) -> None:  # noqa: F811
    page = search_box(browser, real_site)
    page.keyboard.type("113攻坚战")
    assert "/glossary/113-gong-jian-zhan/" in results(page, real_site)
