"""Calm term marking and tooltips in Chromium, on a 1280×800 desktop and a 390×844 touch screen.

A term is a Tab stop once per section of a text and quiet after that (no underline until
hovered, same tooltip); the tooltip's Chinese, pinyin and English are set in one family;
on a phone a tap opens a bottom sheet that never covers the tapped term, switches on a tap
on another term and closes on an outside tap, Esc or a scroll.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from build_tools.edition import Edition
from build_tools.model import BlockKind
from tests.sitebuild import PROJECT, build_site, copy_project, serve

pytestmark = pytest.mark.browser

TEXT = "jinhaihu-113"  # the longest text, in five sections
ARTIFACTS = PROJECT / "test-artifacts"
TYPE = "Noto Sans CJK SC"  # the tooltip stack's first family (TC in the Traditional view): fonts-noto-cjk
DESKTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=390, height=844)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("terms"))
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def text_page(site: str, view: str = "") -> str:
    return f"{site}{view}/texts/{TEXT}/"


def section_term_pairs(edition: Edition, text_id: str) -> int:
    """How many (section, term) pairs a text has, walking its blocks from the model."""
    text = edition.text(text_id)
    assert text is not None
    heading, heading_of = "", {}
    for block in text.article.blocks:
        heading = block.anchor if block.kind is BlockKind.HEADING else heading
        heading_of[block.anchor] = heading
    return len({(heading_of[f.block.anchor], f.occurrence.term_id) for f in edition.found_in_text(text_id)})


def term_tab_stops(page: Page) -> tuple[int, int]:
    """(Tab stops on the page, of which term links in the text), by pressing Tab."""
    stops = terms = 0
    for _ in range(1000):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement;
            if (!e || e === document.body || e.dataset.tabSeen) return null;
            e.dataset.tabSeen = "1"; return e.matches('article a.gl'); }""")
        if where is None:
            return stops, terms
        stops, terms = stops + 1, terms + bool(where)
    raise AssertionError("Tab never left the page")


def test_term_tab_stops_are_section_term_pairs(browser: Browser, site: str, edition: Edition) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(text_page(site))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "text-page-desktop.png"))
    assert page.locator("article a.gl").count() == len(edition.found_in_text(TEXT))  # every occurrence a link
    stops, terms = term_tab_stops(page)
    assert terms == section_term_pairs(edition, TEXT) < page.locator("article a.gl").count()
    assert stops > terms


def decoration(page: Page, selector: str) -> str:
    return str(page.locator(selector).first.evaluate("e => getComputedStyle(e).textDecorationLine"))


def test_a_quiet_repeat_is_underlined_and_explained_on_hover(browser: Browser, site: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(text_page(site))
    quiet = page.locator("article a.gl[data-quiet]").nth(3)
    quiet.scroll_into_view_if_needed()
    page.mouse.move(0, 0)
    assert decoration(page, "article a.gl:not([data-quiet])") == "underline"
    assert quiet.evaluate("e => getComputedStyle(e).textDecorationLine") == "none"
    assert quiet.get_attribute("tabindex") == "-1" and quiet.get_attribute("href")
    quiet.hover()
    assert quiet.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    popover = page.locator(".gl-popover")
    popover.wait_for(state="visible", timeout=2000)
    panel = page.locator(f"#gl-{str(quiet.get_attribute('href')).rstrip('/').rsplit('/', 1)[1]} .gl-term")
    assert popover.locator(".gl-term").inner_text() == panel.inner_text()
    assert "gl-sheet" not in (popover.get_attribute("class") or "")
    page.screenshot(path=str(ARTIFACTS / "tooltip-desktop.png"))


@pytest.mark.parametrize("view, family", [("", TYPE), ("/zh-Hant", "Noto Sans CJK TC")])
def test_the_tooltip_is_set_in_one_family(browser: Browser, site: str, view: str, family: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(text_page(site, view))
    page.locator("article a.gl").first.hover()
    page.locator(".gl-popover").wait_for(state="visible", timeout=2000)
    stack = page.locator(".gl-popover").evaluate("e => getComputedStyle(e).fontFamily")
    assert stack.startswith(f'"{family}"')
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for part in ("gl-term", "gl-pinyin", "gl-english"):
        element = page.locator(f".gl-popover .{part}")
        assert element.evaluate("e => getComputedStyle(e).fontFamily") == stack, part
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f".gl-popover .{part}"})["nodeId"]
        # The faces Chromium actually drew the text with: no fallback to another family.
        used = {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        assert used == {family}, (part, element.inner_text(), used)


# --- On a phone: the bottom sheet

def sheet_top(page: Page) -> float:
    box = page.locator(".gl-popover.gl-sheet").bounding_box()
    assert box is not None
    return float(box["y"])


def panel_term(page: Page, link_index: int) -> str:
    """The term the panel shows for the link's term (what its sheet must show)."""
    return str(page.locator("article a.gl").nth(link_index).evaluate(
        "e => document.getElementById('gl-' + e.getAttribute('href').split('/').at(-2))"
        ".querySelector('.gl-term').textContent"))


def visible_term_above(page: Page, top: float, unlike: str) -> int:
    """The index of a quiet term link shown above ``top`` whose term differs from ``unlike``."""
    index = page.evaluate("""([top, unlike]) => [...document.querySelectorAll('article a.gl')]
        .findIndex(e => { const r = e.getBoundingClientRect();
            return e.dataset.quiet !== undefined && r.top > 60 && r.bottom < top
                && !e.getAttribute('href').includes('/' + unlike + '/'); })""", [top, unlike])
    assert index >= 0
    return int(index)


def plain_point_above(page: Page, top: float) -> tuple[float, float]:
    """A point above the sheet with nothing that reacts to a tap within 24 px (Chromium moves
    a tap onto a link near it)."""
    point = page.evaluate("""top => {
        const plain = (x, y) => { const e = document.elementFromPoint(x, y);
            return e && !e.closest('a, button, input, label, summary, .md-header'); };
        for (let y = 100; y < top - 30; y += 6) for (const x of [30, 120, 200, 280, 360]) {
            if ([-24, 0, 24].every(dx => [-24, 0, 24].every(dy => plain(x + dx, y + dy)))) return [x, y]; }
        return null; }""", top)
    assert point is not None
    return float(point[0]), float(point[1])


def term_id(page: Page, index: int) -> str:
    return str(page.locator("article a.gl").nth(index).get_attribute("href")).rstrip("/").rsplit("/", 1)[1]


def test_a_tap_opens_a_sheet_that_never_covers_the_term(browser: Browser, site: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True, viewport=PHONE)
    page = context.new_page()
    page.goto(text_page(site))
    sheet = page.locator(".gl-popover.gl-sheet")
    first = 20
    link = page.locator("article a.gl").nth(first)
    # The term on the viewport's last line: where a sheet would cover it.
    link.evaluate("e => window.scrollBy(0, e.getBoundingClientRect().bottom - innerHeight + 12)")
    link.tap()
    sheet.wait_for(state="visible", timeout=2000)
    assert sheet.evaluate("e => getComputedStyle(e).position") == "fixed"
    box = sheet.bounding_box()
    assert box is not None and abs(box["y"] + box["height"] - PHONE["height"]) < 1
    tapped = link.bounding_box()
    assert tapped is not None and tapped["y"] + tapped["height"] <= sheet_top(page)
    assert sheet.locator(".gl-term").inner_text() == panel_term(page, first)
    page.screenshot(path=str(ARTIFACTS / "tooltip-phone-sheet.png"))

    other = visible_term_above(page, sheet_top(page), term_id(page, first))
    page.locator("article a.gl").nth(other).tap()
    page.wait_for_function("term => document.querySelector('.gl-sheet .gl-term').textContent === term",
                           arg=panel_term(page, other), timeout=2000)
    assert page.url == text_page(site)  # a tap on another term switches, never navigates

    page.touchscreen.tap(*plain_point_above(page, sheet_top(page)))
    sheet.wait_for(state="hidden", timeout=2000)

    page.locator("article a.gl").nth(other).tap()
    sheet.wait_for(state="visible", timeout=2000)
    page.keyboard.press("Escape")
    sheet.wait_for(state="hidden", timeout=2000)

    page.locator("article a.gl").nth(other).tap()
    sheet.wait_for(state="visible", timeout=2000)
    page.evaluate("window.scrollBy(0, 300)")
    sheet.wait_for(state="hidden", timeout=2000)
    context.close()
