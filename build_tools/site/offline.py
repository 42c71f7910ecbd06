"""The offline copy: every page of the Simplified view again, with links that work from disk.

Read from ``file://``, a link must name a file: ``use_directory_urls: false`` (which
Material's ``offline`` plugin forces) publishes ``texts/x.md`` as ``texts/x.html``, not
``texts/x/index.html``. MkDocs rewrites the Markdown links it resolves, but not the raw
HTML our pages are made of (term links, citations, panels), written in directory style for
the published site (``../../glossary/<id>/``). So ``python -m build_tools offline`` copies
the docs into ``build/generated/offline/docs`` with each relative ``href``/``src`` resolved
against the page's directory URL and re-written relative to its file URL, and
``mkdocs.offline.yml`` builds that copy. Code (fenced blocks, inline code) is left as written.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from build_tools.site.traditional import SNIPPET

ROOT = "build/generated/offline"
DOCS = f"{ROOT}/docs"
ZIP_NAME = "edition-offline.zip"
FOLDER = ZIP_NAME.removesuffix(".zip")  # what unzipping it makes
LINK_SNIPPET = "offline-download.md"  # the home page's line about the zip (docs/index.md)
SHIM = "assets/vendor/iframe-worker.js"  # lets search's worker run from file:// (mkdocs.offline.yml)
# Fenced blocks and inline code are kept as they are; everything else may hold raw HTML.
CODE = re.compile(r"^(?P<fence>```|~~~).*?^(?P=fence)[ \t]*$|`[^`\n]+`|<code\b.*?</code>", re.MULTILINE | re.DOTALL)
ATTRIBUTE = re.compile(r'(?P<name>\b(?:href|src))="(?P<url>[^"]*)"')
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# The downloads (PDFs, zip) are not in the copy: linked on the published site, else plain text.
# The home page links them as downloads/…, a text page its own PDF as ../../downloads/….
DOWNLOAD = re.compile(r'<a href="((?:\.\./)*downloads/[^"]*)"[^>]*>(.*?)</a>')


def page_url(page: str, directory_urls: bool) -> str:
    """The URL of a docs-relative Markdown page, relative to the site root, as MkDocs makes it."""
    stem = page.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        return stem.removesuffix("index") + ("" if directory_urls else "index.html")
    return stem + "/" if directory_urls else stem + ".html"


def file_style_href(href: str, page: str, pages: frozenset[str]) -> str:
    """A relative link written for ``page``'s directory URL, rewritten for its file URL.

    ``pages`` holds every docs-relative Markdown path, to tell ``glossary/`` (an index
    page) from ``about/`` (a page of its own). Absolute, external and fragment-only links,
    and links leaving the site, are returned unchanged.
    """
    if not href or href.startswith(("#", "/", "?")) or SCHEME.match(href):
        return href
    path, mark, rest = _split(href)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url(page, True)) or ".", path))
    if target == ".." or target.startswith("../"):
        return href
    if path.endswith("/") or path in ("", ".", ".."):
        target = _page_file(target, pages)
    here = posixpath.dirname(page_url(page, False)) or "."
    return posixpath.relpath(target, here) + mark + rest


def _split(href: str) -> tuple[str, str, str]:
    """Path, then the first of ``?``/``#`` and what follows it."""
    cut = min((i for i in (href.find("?"), href.find("#")) if i >= 0), default=len(href))
    return href[:cut], href[cut:cut + 1], href[cut + 1:]


def _page_file(target: str, pages: frozenset[str]) -> str:
    """The file a directory-style URL is published as without directory URLs."""
    if target == ".":
        return "index.html"
    return f"{target}.html" if f"{target}.md" in pages else f"{target}/index.html"


def to_file_links(markdown: str, page: str, pages: frozenset[str]) -> str:
    """Rewrite every relative ``href``/``src`` of a page's raw HTML, outside code."""
    parts, position = [], 0
    for code in CODE.finditer(markdown):
        parts.append(_attributes(markdown[position:code.start()], page, pages))
        parts.append(code.group())
        position = code.end()
    parts.append(_attributes(markdown[position:], page, pages))
    return "".join(parts)


def _attributes(html: str, page: str, pages: frozenset[str]) -> str:
    return ATTRIBUTE.sub(lambda m: f'{m["name"]}="{file_style_href(m["url"], page, pages)}"', html)


def render_offline_link(size: int | None) -> str:
    """The home page's line about the offline copy; its size once the zip is built."""
    shown = f"，约 {max(size, 1) / 1e6:.1f} MB" if size is not None else ""
    return (f'整个网站也可下载为离线副本：<a href="downloads/{ZIP_NAME}" download>{ZIP_NAME}</a>（zip{shown}）。'
            f"解压后用浏览器打开 <code>{FOLDER}/index.html</code> 即可阅读，"
            "术语提示与搜索均可离线使用（简体版）。\n")


OFFLINE_NOTE = "您正在阅读本站的离线副本（简体版）：链接、术语提示与搜索均在本机运行，无需联网。\n"


def offline_docs(files: Mapping[str, bytes], snippets: Mapping[str, bytes], shim: bytes,
                 site_url: str | None = None) -> Iterator[tuple[str, bytes]]:
    """The offline build's docs folder, by output path.

    ``files`` maps every file of docs/ (hand-written and generated) to its bytes. Markdown
    gets file-style links; the rest is copied as it is. The home page gets the generated
    ``snippets`` (by name) inlined, as the Traditional view does, with its line about the
    zip saying instead that this is the offline copy, and its downloads leading to the
    published site (``site_url``), or shown unlinked when its address is not known.
    """
    pages = frozenset(path.removeprefix("docs/") for path in files if path.endswith(".md"))
    inlined = {name: data.decode("utf-8") for name, data in snippets.items()} | {LINK_SNIPPET: OFFLINE_NOTE}
    for path, data in sorted(files.items()):
        page = path.removeprefix("docs/")
        if path.endswith(".md"):
            text = data.decode("utf-8")
            if page == "index.md":
                text = SNIPPET.sub(lambda match: inlined.get(match.group(1), match.group()), text)
            text = DOWNLOAD.sub(functools.partial(_download, page=page, site_url=site_url), text)
            data = to_file_links(text, page, pages).encode("utf-8")
        yield f"{DOCS}/{page}", data
    yield f"{DOCS}/{SHIM}", shim


def _download(link: re.Match[str], *, page: str, site_url: str | None) -> str:
    """A download link of a page: to the published site when its address is known, else its text."""
    if not site_url:
        return link[2]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url(page, True)) or ".", link[1]))
    return f'<a href="{site_url.rstrip("/")}/{target}">{link[2]}</a>'


def render_zip(files: Iterable[tuple[str, bytes]], folder: str, stamp: datetime) -> bytes:
    """A zip of these files under one folder, byte-identical for the same files and stamp.

    Entries are sorted and every one carries the same time and permissions, so two
    builds of one commit (SOURCE_DATE_EPOCH) give the same archive.
    """
    moment = max(stamp.timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip cannot say earlier
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(files):
            entry = zipfile.ZipInfo(f"{folder}/{name}", date_time=moment)
            entry.external_attr = 0o100644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, data, compresslevel=9)
    return buffer.getvalue()
