"""Relation diagrams in Chromium: static SVG, every node a link, legible, zoomable on a phone,
and no page requests a diagram library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from build_tools.diagrams.graphs import clusters
from build_tools.edition import Edition
from tests.sitebuild import PROJECT, serve

pytestmark = pytest.mark.browser
ARTIFACTS = PROJECT / "test-artifacts"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
TERM = "/glossary/si-zhua-si-qiang/"
PARTS = ["抓堡垒建设强功能", "抓人才培养强潜能", "抓集体经济强动能", "抓乡村治理强效能"]
# Rendered label sizes: font-size in the SVG's units times the SVG's scale on screen.
LABEL_PX = """() => [...document.querySelectorAll('.relation-diagram svg text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def open_page(browser: Browser, url: str, device: dict) -> tuple[Page, list[str]]:
    context = browser.new_context(**device)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    return page, requested


@pytest.mark.parametrize("path", ["/", "/texts/qiandongnan-sizhuasiqiang/", TERM, "/glossary/map/",
                                  "/zh-Hant/texts/jinhaihu-113/", "/zh-Hant/glossary/map/"])
def test_no_page_requests_a_diagram_library(browser: Browser, site: str, path: str) -> None:
    page, requested = open_page(browser, site + path, DESKTOP)
    page.wait_for_load_state("networkidle")
    assert requested and not [url for url in requested if "mermaid" in url.rsplit("/", 1)[-1].lower()]
    assert page.evaluate("typeof window.mermaid") == "undefined"
    page.context.close()


def test_map_draws_every_related_term_as_a_link(browser: Browser, site: str, edition: Edition) -> None:
    page, _ = open_page(browser, site + "/glossary/map/", DESKTOP)
    hrefs = page.evaluate("""() => [...document.querySelectorAll('.relation-diagram svg a')]
        .map(a => a.getAttribute('xlink:href') || a.getAttribute('href'))""")
    expected = {f"../{e.id}/" for group in clusters(edition) for e in group}
    assert set(hrefs) == expected
    assert page.locator("h2[id^='group-']").count() == len(clusters(edition))
    assert min(page.evaluate(LABEL_PX)) >= 14
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-desktop.png"), full_page=True)
    page.context.close()


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_node_leads_to_its_term_page(browser: Browser, site: str, device: dict) -> None:
    page, _ = open_page(browser, site + "/glossary/map/", device)
    node = page.locator(".relation-diagram svg a", has_text="抓集体经济强动能").first
    node.scroll_into_view_if_needed()
    with page.expect_navigation():
        node.tap() if device is PHONE else node.click()
    assert page.url == site + "/glossary/zhua-ji-ti-jing-ji-qiang-dong-neng/"
    assert page.locator("h1").inner_text().startswith("抓集体经济强动能")
    page.context.close()


def test_term_page_draws_its_parts_in_order(browser: Browser, site: str) -> None:
    page, _ = open_page(browser, site + TERM, DESKTOP)
    figure = page.locator("#related ~ .relation-diagram").first
    labels = [t.replace("\n", "") for t in figure.locator("svg a").all_text_contents()]
    assert [label for label in labels if label in PARTS] == PARTS
    listed = page.locator("#related ~ ul").first.locator("a").all_inner_texts()
    assert listed == PARTS
    assert min(page.evaluate(LABEL_PX)) >= 14
    page.context.close()


def test_on_a_phone_a_diagram_scrolls_sideways_and_opens_alone(browser: Browser, site: str) -> None:
    page, _ = open_page(browser, site + "/glossary/map/", PHONE)
    scrollers = page.locator(".relation-scroll")
    widths = scrollers.evaluate_all("els => els.map(e => [e.clientWidth, e.scrollWidth])")
    assert all(client <= 390 for client, _ in widths)
    assert any(scroll > client for client, scroll in widths)  # wider drawings scroll, not shrink
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the page itself does not
    touch = scrollers.first.evaluate("e => getComputedStyle(e).touchAction")
    assert touch in ("manipulation", "auto") or "pinch-zoom" in touch  # Chromium says pan + zoom so
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "map-phone.png"))
    alone = page.locator(".relation-diagram figcaption a").first
    href = alone.get_attribute("href")
    assert href and href.endswith(".svg")
    with page.expect_navigation():
        alone.tap()
    assert page.url.endswith(".svg")
    node = page.locator("a").first
    with page.expect_navigation():
        node.tap()
    assert "/glossary/" in page.url and page.url.endswith("/") and page.locator("h1").count() == 1
    page.context.close()


def test_the_traditional_view_draws_traditional_labels(browser: Browser, site: str) -> None:
    page, _ = open_page(browser, site + "/zh-Hant" + TERM, DESKTOP)
    labels = [t.replace("\n", "") for t in page.locator(".relation-diagram svg a").all_text_contents()]
    assert "抓集體經濟強動能" in labels and "抓集体经济强动能" not in labels
    hrefs = page.evaluate("""() => [...document.querySelectorAll('.relation-diagram svg a')]
        .map(a => a.getAttribute('xlink:href'))""")
    assert "../zhua-ji-ti-jing-ji-qiang-dong-neng/" in hrefs
    page.context.close()
