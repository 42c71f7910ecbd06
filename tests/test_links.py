"""Every internal link and fragment of the built site resolves, raw-HTML links included.

``mkdocs build --strict`` never checks links written in raw HTML (our term links and
tooltips) and ignores anchors in some modes, so the built site is checked with lychee,
offline, directory URLs resolved to their index.html.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LYCHEE = Path(sys.executable).with_name("lychee")
pytestmark = pytest.mark.site
# MkDocs writes a site's 404 page with links from the host's root (no site_url), and hosts
# serve only the top-level one: the Traditional site's own 404.html is never shown.
NOT_SERVED = ("--exclude-path", r"zh-Hant/404\.html$")


def check_links(site: Path) -> tuple[int, str]:
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--no-progress", "--index-files", "index.html",
         "--root-dir", str(site), "--format", "compact", *NOT_SERVED, str(site / "**/*.html")],
        capture_output=True, text=True, timeout=300, check=False)
    return result.returncode, result.stdout + result.stderr


def errors(output: str) -> int:
    match = re.search(r"(\d+) Errors", output)
    assert match, output
    return int(match.group(1))


def test_built_site_has_no_broken_links_or_anchors(built_site: Path) -> None:
    code, output = check_links(built_site)
    assert (code, errors(output)) == (0, 0), output[-3000:]


def test_checker_catches_broken_raw_html_links_and_anchors(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = site / "texts/jinhaihu-113/index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="#p1"', 'href="#p9999"', 1)
    html = html.replace('href="../../glossary/', 'href="../../glossary-missing/', 1)
    page.write_text(html, encoding="utf-8")
    code, output = check_links(site)
    assert code != 0 and errors(output) == 2, output[-3000:]
