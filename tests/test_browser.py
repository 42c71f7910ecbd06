"""Browser tests in Debian's Chromium (driven by Playwright): tooltips, search and hostile input.

Hovering, focusing with Tab and tapping a term each show its tooltip; a site built with
script payloads in every annotation field runs none of them and requests nothing from
outside the machine.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.sitebuild import build_site, copy_project, serve

TEXT_PAGE = "/texts/qiandongnan-sizhuasiqiang/"
pytestmark = pytest.mark.browser

HOSTILE_ENTRY = """\
term: 黄粑
pinyin: huáng bā
english: "<img src=x onerror=\\"window.__pwned='english'\\">"
kind: concept
summary: "\\"><svg onload=alert('summary')>&lt;img src=x onerror=alert('entity')&gt;"
basis: general
definition: |
  据通行解释。
  <script>window.__pwned='script'</script>
  <img src=x onerror="window.__pwned='img'">
  [js](javascript:alert('js')) [data](data:text/html,<script>alert(1)</script>)
  [far](//evil.example/x) <a href="#" onclick="alert('onclick')">click</a>
  {: onclick="alert('attr')" }
components:
  - "<svg onload=alert('component')>"
scope:
  place: "<script>alert('scope')</script>（据通行解释）"
  body: "' onmouseover='alert(1)（据通行解释）"
sources:
  - general
"""
# A payload as the term itself (and DOT syntax), related to another term so it is drawn in the map.
HOSTILE_TERM = """\
term: "<img src=x onerror=alert('term')>\\"]; click n1 call alert(1); %%"
pinyin: x
english: "<script>alert('english')</script>"
kind: concept
summary: "`x` <b onmouseover=alert(1)>摘要</b>"
basis: general
definition: |
  据通行解释。
  <iframe src="javascript:alert('iframe')"></iframe>
  [x](JaVaScRiPt:alert('mixed-case'))
sources:
  - general
related:
  - part_of: huang-ba
"""
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\">\"'><svg onload=alert('title')> 1. *a* [b](c) &amp; 17:33"


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("real"))
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    (root / "annotations/glossary/huang-ba.yml").write_text(HOSTILE_ENTRY, encoding="utf-8")
    (root / "annotations/glossary/zz-hostile-term.yml").write_text(HOSTILE_TERM, encoding="utf-8")
    meta = root / "annotations/texts/bijie-reform-pulse.yml"
    lines = meta.read_text(encoding="utf-8").splitlines()
    lines[0] = f"title: {json.dumps(HOSTILE_TITLE, ensure_ascii=False)}"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url
    shutil.rmtree(root, ignore_errors=True)


def popover_text(page: Page) -> str:
    popover = page.locator(".gl-popover")
    popover.wait_for(state="visible", timeout=2000)
    return popover.inner_text()


def test_hover_shows_tooltip(browser: Browser, real_site: str) -> None:
    page = browser.new_page()
    page.goto(real_site + TEXT_PAGE)
    link = page.locator("a.gl").first
    term = link.inner_text()
    link.hover()
    assert term in popover_text(page)
    page.mouse.move(0, 0)
    page.locator(".gl-popover").wait_for(state="hidden", timeout=2000)


def test_tab_focus_shows_tooltip(browser: Browser, real_site: str) -> None:
    page = browser.new_page()
    page.goto(real_site + TEXT_PAGE)
    paragraph = page.locator("p.para:has(a.gl)").first
    paragraph.locator("a.para-num").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('gl')")
    term = page.evaluate("document.activeElement.textContent")
    assert term in popover_text(page)
    page.keyboard.press("Escape")
    assert not page.locator(".gl-popover").is_visible()


def test_first_tap_explains_second_tap_follows(browser: Browser, real_site: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(real_site + TEXT_PAGE)
    link = page.locator("a.gl").first
    link.scroll_into_view_if_needed()
    term = link.inner_text()
    link.tap()
    assert term in popover_text(page)
    assert page.url.endswith(TEXT_PAGE)
    link.tap()
    page.wait_for_url("**/glossary/**")
    assert page.locator("h1").inner_text().startswith(term)
    context.close()


def test_term_page_lists_occurrences_with_working_anchors(browser: Browser, real_site: str) -> None:
    page = browser.new_page()
    page.goto(real_site + TEXT_PAGE)
    page.locator("a.gl").first.click()
    occurrence = page.locator("#occurrences ~ ul a").first
    occurrence.click()
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{anchor}").count() == 1


def test_hostile_annotations_run_nothing(browser: Browser, hostile_site: str) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    outside: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: None if request.url.startswith(hostile_site)
            or request.url.startswith("data:") else outside.append(request.url))
    for path in ("/", "/texts/", "/texts/bijie-reform-pulse/", "/glossary/", "/glossary/huang-ba/",
                 "/glossary/zz-hostile-term/", "/glossary/map/", "/glossary/timeline/", "/glossary/candidates/"):
        page.goto(hostile_site + path)
        for link in page.locator("a.gl[href$='/glossary/huang-ba/']").all():
            link.hover()
            popover_text(page)
        for link in page.locator(".term-definition a").all():
            link.click(no_wait_after=True)
            page.goto(hostile_site + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    assert dialogs == []
    assert outside == []


def test_hostile_term_is_drawn_as_text_in_the_map(browser: Browser, hostile_site: str) -> None:
    page = browser.new_page()
    page.goto(hostile_site + "/glossary/map/")
    labels = page.locator(".relation-diagram svg a").all_text_contents()
    assert any("<img src=x onerror=alert('term')>" in label.replace("\n", "") for label in labels), labels
    assert page.locator(".relation-diagram img, .relation-diagram script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_hostile_text_shows_as_text(browser: Browser, hostile_site: str) -> None:
    page = browser.new_page()
    page.goto(hostile_site + "/texts/bijie-reform-pulse/")
    assert page.locator("h1").inner_text().removesuffix("¶") == HOSTILE_TITLE
    page.locator("a.gl[href$='/glossary/huang-ba/']").first.hover()
    assert "<svg onload=alert('summary')>" in popover_text(page)


@pytest.mark.parametrize("query, term_page, text_page", [
    ("113攻坚战", "/glossary/113-gong-jian-zhan/", "/texts/jinhaihu-113/"),
    ("四抓四强", "/glossary/si-zhua-si-qiang/", "/texts/qiandongnan-sizhuasiqiang/"),
    ("一中心一张网十联户", "/glossary/yi-zhong-xin-yi-zhang-wang-shi-lian-hu/",
     "/texts/qiandongnan-sizhuasiqiang/"),
    # Four term pages (the practice, its variant, two that describe it) rank above texts.
    ("积分超市", "/glossary/ji-fen-chao-shi/", None),
])
def test_search_finds_slogans_first(browser: Browser, real_site: str, query: str,
                                    term_page: str, text_page: str | None) -> None:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(real_site + "/")
    search = page.locator("input.md-search__input")
    search.click()
    search.fill(query)
    search.press("End")  # Material searches on key events, which fill() does not send
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10000)
    page.wait_for_timeout(500)
    top = [href.split("?")[0].removeprefix(real_site) for href in
           (results.nth(i).get_attribute("href") or "" for i in range(min(8, results.count())))]
    assert term_page in top[:3], top
    assert text_page is None or text_page in top, top


# --- Search on any input: a pasted, dropped or IME-committed query searches as a typed one does

QUERY = "四抓四强"
TERM = "/glossary/si-zhua-si-qiang/"


def search_results(page: Page, site: str) -> list[str]:
    found = page.locator(".md-search-result__item > a")
    found.first.wait_for(timeout=10000)
    return [(found.nth(i).get_attribute("href") or "").split("?")[0].removeprefix(site)
            for i in range(min(5, found.count()))]


def search_box(browser: Browser, site: str) -> Page:
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    page.goto(site + "/")
    page.locator("input.md-search__input").click()
    return page


def test_a_pasted_query_searches(browser: Browser, real_site: str) -> None:
    page = search_box(browser, real_site)
    page.evaluate("""query => {
        const input = document.querySelector('input.md-search__input');
        const data = new DataTransfer();
        data.setData('text/plain', query);
        input.value = query;
        input.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', data: query,
                                                     dataTransfer: data, bubbles: true}));
    }""", QUERY)
    assert TERM in search_results(page, real_site)


def test_an_ime_committed_query_searches(browser: Browser, real_site: str) -> None:
    page = search_box(browser, real_site)
    page.keyboard.insert_text(QUERY)  # what an input method commits: input events, no key events
    assert TERM in search_results(page, real_site)


def test_a_typed_query_still_searches(browser: Browser, real_site: str) -> None:
    page = search_box(browser, real_site)
    page.keyboard.type("113攻坚战")
    assert "/glossary/113-gong-jian-zhan/" in search_results(page, real_site)
