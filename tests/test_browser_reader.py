"""In Chromium, on a desktop and on a 390×844 phone: a term page's citations never break
inside a citation nor run off the page, the timeline's 首见 badge never breaks, and the
text page folds its raw source line away; the home page offers every download. Screenshots of a
term page and of the home page go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.sitebuild import PROJECT, serve

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
# Terms whose citations are the longest: a range of ten paragraphs (五个一), a list
# (土特产), and the text with the longest short title (一中心一张网十联户 cites it twice).
TERM_PAGES = ("wu-ge-yi", "tu-te-chan", "yi-zhong-xin-yi-zhang-wang-shi-lian-hu", "si-zhua-si-qiang")
# Each element on more than one line, or reaching past the article's right edge.
BROKEN = """selector => {
  const edge = document.querySelector('article').getBoundingClientRect().right + 0.5;
  return [...document.querySelectorAll(selector)].filter(element => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
    return tops.size > 1 || element.getBoundingClientRect().right > edge;
  }).map(element => element.textContent);
}"""


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def open_page(browser: Browser, kind: str, url: str) -> Page:
    page = browser.new_context(**VIEWPORTS[kind]).new_page()  # type: ignore[arg-type]
    page.goto(url)
    return page


@pytest.mark.parametrize("kind", VIEWPORTS)
@pytest.mark.parametrize("term", TERM_PAGES)
def test_citations_never_break_inside(browser: Browser, site: str, kind: str, term: str) -> None:
    page = open_page(browser, kind, f"{site}/glossary/{term}/")
    units = page.locator(".term-definition .cite-unit, .term-sources .cite-unit")
    assert units.count() > 0
    assert page.evaluate(BROKEN, ".cite-unit") == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.context.close()


@pytest.mark.parametrize("kind", VIEWPORTS)
def test_every_paragraph_of_a_range_is_one_click_away(browser: Browser, site: str, kind: str) -> None:
    page = open_page(browser, kind, f"{site}/glossary/wu-ge-yi/")
    citation = page.locator(".term-definition .citation").filter(has_text="第41")
    hrefs = citation.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == [f"../../texts/gaozhou-baiqianwan-wugeyi/#p{n}" for n in range(41, 51)]
    citation.locator("a", has_text="47").click()
    page.wait_for_url("**/texts/gaozhou-baiqianwan-wugeyi/#p47")
    page.context.close()


@pytest.mark.parametrize("kind", VIEWPORTS)
def test_a_term_page_is_photographed(browser: Browser, site: str, kind: str) -> None:
    page = open_page(browser, kind, f"{site}/glossary/wu-ge-yi/")
    citation = page.locator(".term-definition .citation").filter(has_text="第41")
    citation.evaluate("element => element.scrollIntoView({block: 'center'})")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"term-page-{kind}.png"), full_page=kind == "desktop")
    assert "不详" in page.locator(".term-facts").inner_text()
    page.context.close()


@pytest.mark.parametrize("kind", VIEWPORTS)
def test_the_timeline_badge_never_breaks(browser: Browser, site: str, kind: str) -> None:
    page = open_page(browser, kind, f"{site}/glossary/timeline/")
    badges = page.locator(".first-seen")
    assert badges.count() > 50 and badges.first.inner_text() == "首见"
    assert page.evaluate(BROKEN, ".first-seen") == []
    assert page.locator("h2#undated").inner_text().startswith("日期不详")
    page.context.close()


def test_the_raw_source_line_is_folded_away(browser: Browser, site: str) -> None:
    page = open_page(browser, "phone", f"{site}/texts/jinhaihu-113/")
    line = page.locator("details.source-line code")
    assert not line.is_visible()
    page.locator("details.source-line summary").click()
    assert line.inner_text() == "作者:文|喻祖常  发布日期:2017/8/15 阅读次数:"
    assert page.locator(".text-meta .note-en").get_attribute("lang") == "en"
    page.context.close()


@pytest.mark.parametrize("kind", VIEWPORTS)
def test_the_home_page_offers_every_download_and_fits_the_screen(browser: Browser, site: str, kind: str) -> None:
    page = open_page(browser, kind, f"{site}/")
    downloads = page.locator("article a[href^='downloads/']").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert {"downloads/edition.pdf", "downloads/edition-zh-Hant.pdf", "downloads/edition-offline.zip"} <= set(downloads)
    for href in downloads:  # each is really there, not only linked
        assert page.request.get(f"{site}/{href}").ok, href
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"home-{kind}.png"), full_page=kind == "desktop")
    page.context.close()
