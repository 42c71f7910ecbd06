"""Page weight: what a reader's browser fetches for each kind of page of a built site.

For the home page, a text page, a term page and the map: every request the page makes to
the site (the page, CSS, scripts, images, SVG, fonts, the search worker), its bytes as
served and gzip-compressed, and how many. The search index is left out: it is fetched
once for the whole site, not per page. Measured in Chromium (Playwright) loading each page
from a local server; where Chromium or Playwright is missing, from the page's references.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
EXCLUDED = "search/search_index.json"
REFERENCE = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)[^"]*"')


@dataclass(frozen=True)
class Weight:
    """What loading one page fetched from the site."""

    kind: str
    path: str
    requests: int
    bytes: int
    gzip_bytes: int
    files: tuple[str, ...]  # site paths fetched, in order


def page_kinds(site: Path) -> dict[str, str]:
    """A page of each kind, as site paths: the real texts and terms when they are there."""
    texts = sorted(p.parent.name for p in (site / "texts").glob("*/index.html") if not p.parent.name.startswith("syn-"))
    text = "qiandongnan-sizhuasiqiang" if "qiandongnan-sizhuasiqiang" in texts else (texts or [""])[0]
    drawn = sorted(p.stem.removeprefix("term-") for p in (site / "glossary/diagrams").glob("term-*.svg"))
    term = "si-zhua-si-qiang" if "si-zhua-si-qiang" in drawn else (drawn or [""])[0]  # a term with a diagram
    kinds = {"home": "", "text page": f"texts/{text}/", "term page": f"glossary/{term}/", "map": "glossary/map/"}
    return {kind: path for kind, path in kinds.items()
            if (site / path / "index.html").is_file() and (kind == "home" or not path.endswith("//"))}


def measure_weights(site: Path) -> tuple[list[Weight], str]:
    """Each kind of page's weight, and how it was measured."""
    try:
        from playwright.sync_api import sync_playwright  # a test dependency: not every install has it
    except ImportError:
        return [static_weight(site, kind, path) for kind, path in page_kinds(site).items()], "static references"
    if not CHROMIUM.exists():
        return [static_weight(site, kind, path) for kind, path in page_kinds(site).items()], "static references"
    with _served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            kinds = page_kinds(site).items()
            return [_browser_weight(browser, site, url, kind, path) for kind, path in kinds], "Chromium"
        finally:
            browser.close()


def _browser_weight(browser: object, site: Path, url: str, kind: str, path: str) -> Weight:
    """Load the page in a fresh context (empty cache); each file it fetched, read from the site."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    fetched: list[str] = []

    def record(response: object) -> None:
        address = response.url.split("#")[0].split("?")[0]  # type: ignore[attr-defined]
        found = response.status < 400  # type: ignore[attr-defined]  # a 404 is a request, but of no file
        if found and address.startswith(url + "/") and not address.endswith(EXCLUDED):
            fetched.append(address.removeprefix(url + "/"))

    page.on("response", record)
    page.goto(f"{url}/{path}", wait_until="networkidle")
    context.close()
    # The server sends each file as it is on disk, so its size is what went over the wire.
    return _weight(kind, path, [(name, _served_file(site, name).read_bytes()) for name in fetched])


def _served_file(site: Path, name: str) -> Path:
    target = site / name
    return target / "index.html" if target.is_dir() else target


def static_weight(site: Path, kind: str, path: str) -> Weight:
    """The page and the files it names in link, script and img elements (no worker, no CSS urls)."""
    page = site / path / "index.html"
    html = page.read_text(encoding="utf-8")
    bodies = [(path + "index.html", page.read_bytes())]
    for reference in dict.fromkeys(REFERENCE.findall(html)):
        target = (page.parent / reference).resolve()
        if "://" not in reference and target.is_file() and target.is_relative_to(site.resolve()):
            bodies.append((target.relative_to(site.resolve()).as_posix(), target.read_bytes()))
    return _weight(kind, path, bodies)


def _weight(kind: str, path: str, bodies: list[tuple[str, bytes]]) -> Weight:
    return Weight(kind, path, len(bodies), sum(len(body) for _, body in bodies),
                  sum(len(gzip.compress(body, 6, mtime=0)) for _, body in bodies), tuple(name for name, _ in bodies))


def weight_report(weights: list[Weight], how: str) -> str:
    """A table of the weights, with the largest file of each page."""
    lines = [f"Page weight (measured with {how}; without {EXCLUDED}):",
             f"  {'page':10s} {'requests':>8} {'KiB':>8} {'KiB gzip':>9}  path"]
    lines += [f"  {w.kind:10s} {w.requests:8d} {w.bytes / 1024:8.1f} {w.gzip_bytes / 1024:9.1f}  /{w.path}"
              for w in weights]
    diagram_libraries = sorted({name for w in weights for name in w.files if "mermaid" in name.lower()})
    lines.append(f"  diagram library requests: {', '.join(diagram_libraries) or 'none'}")
    return "\n".join(lines)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _served(folder: Path) -> Iterator[str]:
    """Serve a built site on a loopback port for the length of the measurement."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def reader_weight(root: Path) -> str:
    """Tooltip markup as a share of each real text page, and search index size per article."""
    lines = ["What the reader downloads (real texts, seed term density):"]
    for page in sorted((root / "site/texts").glob("*/index.html")):
        if page.parent.name.startswith("syn-"):
            continue
        html = page.read_text(encoding="utf-8")
        size = len(html.encode("utf-8"))
        links = sum(len(m.group(0).encode()) - len(m.group(1).encode())
                    for m in re.finditer(r'<a class="gl"[^>]*>([^<]*)</a>', html))
        panel = sum(len(m.group(0).encode()) for m in re.finditer(r'<ul class="initiatives".*?</ul>', html, re.DOTALL))
        compressed = len(gzip.compress(html.encode("utf-8"), 9, mtime=0))
        lines.append(f"  {page.parent.name:28s} page {size / 1024:6.1f} KiB ({compressed / 1024:5.1f} KiB gzip)  "
                     f"tooltip links {100 * links / size:5.1f}%  panel (visible; tooltip source) {100 * panel / size:5.1f}%")
    index = root / "site/search/search_index.json"
    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    summaries = [e.read_text(encoding="utf-8").split("summary: ", 1)[1].split("\n", 1)[0].strip('"')
                 for e in sorted((root / "annotations/glossary").glob("*.yml"))[:50]]
    tip_words = sum(doc["text"].count(summary) for doc in docs if doc["location"].startswith("texts/")
                    for summary in summaries if len(summary) > 8)
    articles = len(list((root / "site/texts").glob("*/index.html")))
    text_bytes = sum(len(json.dumps(doc, ensure_ascii=False).encode()) for doc in docs
                     if doc["location"].startswith("texts/") and doc["location"] != "texts/")
    lines.append(f"  search index {index.stat().st_size / 1024:.0f} KiB in all; text pages' entries "
                 f"{text_bytes / 1024 / articles:.1f} KiB per article; glossary summaries found in them: {tip_words}")
    return "\n".join(lines)
