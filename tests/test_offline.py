"""The offline copy's link rewriter and zip: directory-style links become file links."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest

from build_tools.site.offline import (
    DOCS,
    OFFLINE_NOTE,
    file_style_href,
    offline_docs,
    page_url,
    render_zip,
    to_file_links,
)

PAGES = frozenset({"index.md", "about.md", "texts/index.md", "texts/x.md", "glossary/index.md",
                   "glossary/y.md", "glossary/map.md"})


@pytest.mark.parametrize("page, directory_urls, expected", [
    ("index.md", True, ""), ("index.md", False, "index.html"),
    ("about.md", True, "about/"), ("about.md", False, "about.html"),
    ("texts/index.md", True, "texts/"), ("texts/index.md", False, "texts/index.html"),
    ("texts/x.md", True, "texts/x/"), ("texts/x.md", False, "texts/x.html"),
])
def test_page_urls_are_mkdocs_own(page: str, directory_urls: bool, expected: str) -> None:
    assert page_url(page, directory_urls) == expected


@pytest.mark.parametrize("href, page, expected", [
    ("../../glossary/y/", "texts/x.md", "../glossary/y.html"),               # a term from a text
    ("../../texts/x/#p2", "glossary/y.md", "../texts/x.html#p2"),            # a paragraph anchor
    ("../x/#p4", "texts/x.md", "x.html#p4"),                                 # a sibling page
    ("../../about/#general", "glossary/y.md", "../about.html#general"),
    ("../", "glossary/y.md", "index.html"),                                  # an index page
    ("../../glossary/", "texts/x.md", "../glossary/index.html"),
    ("texts/x/", "index.md", "texts/x.html"),                                # from the home page
    ("glossary/", "index.md", "glossary/index.html"),
    ("../", "about.md", "index.html"),                                       # up to the home page
    ("downloads/edition.pdf", "index.md", "downloads/edition.pdf"),          # a file stays a file
    ("../../assets/images/a.png", "texts/x.md", "../assets/images/a.png"),   # an asset
    ("raw/x.txt", "texts/index.md", "raw/x.txt"),
    ("../y/?q=1#top", "glossary/map.md", "y.html?q=1#top"),
    ("#p3", "texts/x.md", "#p3"),                                            # untouched
    ("https://example.org/a/", "texts/x.md", "https://example.org/a/"),
    ("mailto:a@example.org", "about.md", "mailto:a@example.org"),
    ("/absolute/", "texts/x.md", "/absolute/"),
    ("../../../outside/", "texts/x.md", "../../../outside/"),                # leaves the site
    ("", "texts/x.md", ""),
])
def test_directory_links_become_file_links(href: str, page: str, expected: str) -> None:
    assert file_style_href(href, page, PAGES) == expected


def test_only_raw_html_outside_code_is_rewritten() -> None:
    page = ('<a class="gl" href="../../glossary/y/">词</a> <img src="../../assets/a.png">\n'
            '`<a href="../../glossary/y/">` and <code>href="../../glossary/y/"</code>\n'
            '```html\n<a href="../../glossary/y/">fenced</a>\n```\n'
            '[md](../glossary/y.md) <a href="https://example.org/x/">out</a>\n')
    assert to_file_links(page, "texts/x.md", PAGES) == (
        '<a class="gl" href="../glossary/y.html">词</a> <img src="../assets/a.png">\n'
        '`<a href="../../glossary/y/">` and <code>href="../../glossary/y/"</code>\n'
        '```html\n<a href="../../glossary/y/">fenced</a>\n```\n'
        '[md](../glossary/y.md) <a href="https://example.org/x/">out</a>\n')


def test_the_copy_inlines_the_home_snippets_and_says_it_is_offline() -> None:
    files = {"docs/index.md": b'# Home\n\n--8<-- "table.md"\n\n--8<-- "offline-download.md"\n',
             "docs/texts/x.md": b'<a href="../../glossary/y/">y</a>\n', "docs/glossary/y.md": b"# y\n",
             "docs/assets/s.css": b"a{}"}
    snippets = {"table.md": b'<a href="texts/x/">x</a>\n', "offline-download.md": b"zip\n"}
    copy = dict(offline_docs(files, snippets, b"shim"))
    assert copy[f"{DOCS}/index.md"].decode() == f'# Home\n\n<a href="texts/x.html">x</a>\n\n\n{OFFLINE_NOTE}\n'
    assert copy[f"{DOCS}/texts/x.md"] == b'<a href="../glossary/y.html">y</a>\n'
    assert copy[f"{DOCS}/assets/s.css"] == b"a{}"
    assert copy[f"{DOCS}/assets/vendor/iframe-worker.js"] == b"shim"


@pytest.mark.parametrize("site_url, expected", [
    (None, "PDF：edition.pdf。"),
    ("https://example.org/ed/", 'PDF：<a href="https://example.org/ed/downloads/edition.pdf">edition.pdf</a>。'),
])
def test_downloads_lead_to_the_published_site_or_are_plain_text(site_url: str | None, expected: str) -> None:
    files = {"docs/index.md": 'PDF：<a href="downloads/edition.pdf">edition.pdf</a>。'.encode()}
    copy = dict(offline_docs(files, {}, b"", site_url))
    assert copy[f"{DOCS}/index.md"].decode() == expected


@pytest.mark.parametrize("site_url, expected", [
    (None, "打印：本篇 PDF"),
    ("https://example.org/ed/", '打印：<a href="https://example.org/ed/downloads/texts/x.pdf">本篇 PDF</a>'),
])
def test_a_text_pages_own_pdf_leads_to_the_published_site_or_is_plain_text(site_url: str | None, expected: str) -> None:
    files = {"docs/texts/x.md": '打印：<a href="../../downloads/texts/x.pdf">本篇 PDF</a>'.encode()}
    copy = dict(offline_docs(files, {}, b"", site_url))
    assert copy[f"{DOCS}/texts/x.md"].decode() == expected


def test_the_zip_is_the_same_for_the_same_files_in_any_order() -> None:
    stamp = datetime(2026, 1, 1, tzinfo=UTC)
    files = [("b.html", b"b"), ("a/index.html", b"a")]
    first, second = render_zip(files, "site", stamp), render_zip(reversed(files), "site", stamp)
    assert first == second
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist() == ["site/a/index.html", "site/b.html"]
    assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    assert render_zip(files, "site", datetime(2026, 1, 2, tzinfo=UTC)) != first
