"""Browser tests for citing: a paragraph's permalink is highlighted, a retired id still
lands on its successor, and the copied citation is the one citation.py writes."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from build_tools.build import load
from build_tools.site.citation import citable, fill, gbt7714_template
from tests.sitebuild import build_site, copy_project, serve

pytestmark = pytest.mark.browser
TEXT = "jinhaihu-113"
HIGHLIGHTED = "p => getComputedStyle(p).backgroundColor !== 'rgba(0, 0, 0, 0)'"


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real edition, with p99 recorded as retired onto p2 (as after a merge)."""
    root = copy_project(tmp_path_factory.mktemp("cite"))
    ledger = root / f"annotations/anchors/{TEXT}.yml"
    ledger.write_text(ledger.read_text(encoding="utf-8") + 'p99: {retired: p2, text: "曾经的一段"}\n',
                      encoding="utf-8")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_a_permalink_highlights_its_paragraph(browser: Browser, retired_site: str) -> None:
    page = browser.new_page()
    page.goto(f"{retired_site}/texts/{TEXT}/#p3")
    assert page.locator("#p3").evaluate(HIGHLIGHTED)
    assert not page.locator("#p4").evaluate(HIGHLIGHTED)


def test_a_retired_id_lands_on_its_successor(browser: Browser, retired_site: str) -> None:
    page = browser.new_page()
    page.goto(f"{retired_site}/texts/{TEXT}/#p99")
    assert page.locator("#p2").evaluate(HIGHLIGHTED)
    assert page.locator("#p2 .cite-menu").is_visible()  # cited as its successor
    assert page.locator("#p2").evaluate("p => p.getBoundingClientRect().top < innerHeight")


def test_the_copied_citation_is_the_one_citation_py_writes(browser: Browser,
                                                           retired_site: str) -> None:
    page = browser.new_page()
    page.goto(f"{retired_site}/texts/{TEXT}/")
    assert page.locator(".cite-menu").count() == 0  # nothing until a paragraph is chosen
    page.locator("#p3 .para-num").click()  # its permalink
    page.locator("#p3 .cite-format", has_text="GB/T 7714").click()
    copied = page.locator("#p3 .cite-menu").get_attribute("data-copied")
    edition, _ = load(copy_project.__globals__["PROJECT"])
    meta = edition.text(TEXT).meta  # type: ignore[union-attr]
    url = f"{retired_site}/texts/{TEXT}/#p3"
    assert copied == fill(gbt7714_template(citable(meta, None)), 3, url, datetime.date.today().isoformat())
    assert page.locator("#p3 .cite-status").inner_text() == "已复制"
