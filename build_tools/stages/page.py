"""Saved HTML pages as input: decode, extract the article with trafilatura, read its metadata.

The text comes from trafilatura with recall favoured (a lost body sentence costs more than
a kept menu line, which the in-body debris rules still catch). Metadata is taken from the
strongest evidence the page offers and each field says where it came from: the title is
the page's title without the site name, checked against the page's own headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from htmldate import find_date

from build_tools.problems import Problem
from build_tools.stages import page_metadata as meta
from build_tools.stages.decode import Decoded, decode_bytes
from build_tools.stages.main_content import MainContent, extract_main_content

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Title parts are split at a dash, underscore or bar standing between words, not in 2023-2025.
TITLE_SEPARATOR = re.compile(r"\s+[-–—|｜_@]+\s+|\s*::\s*|(?<!\d)[-–—](?!\d)|[_|｜]+")
SITE_WORDS = re.compile(r"(网|网站|门户|政府|人民政府|官网|频道|欢迎您?|首页|在线|平台|客户端|报|电视台)[!！]?$")
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "tbody", "thead", "tfoot", "tr", "ul", "title", "option",
})
SKIP = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object", "svg", "textarea"})
# A picture or video mark a channel appends to a headline: 某某事件（图）, 某某事件[组图].
PICTURE_MARK = re.compile(r"\s*[（(\[【]\s*(?:组图|多图|图文|附图|视频|图)\s*[）)\]】]\s*$")
# A copyright notice and the owner it names: © 2020 版权所有 某某中心 / 网易公司版权所有 / Copyright © 1997 by …
OWNER = r"(?P<owner>[A-Za-z0-9\u4e00-\u9fff（）().]{2,30}?)"
COPYRIGHT = (
    re.compile(rf"(?:版权所有|©|\(c\)|Copyright)(?:[\s©:：\d\-–—]|版权所有|\(c\))*(?:by\s+)?{OWNER}(?:\s|$|版权所有|[|｜,，])",
               re.IGNORECASE),
    re.compile(rf"(?:^|[\s©\d\-–—])(?!版权){OWNER}\s*(?:公司)?版权所有"),
)
NOT_OWNER = re.compile(r"^(?:版权|所有|All|Rights|Reserved|by|本网|本站)|版权|声明|作品", re.IGNORECASE)
MAX_SITE_NAME = 20  # characters: a longer last piece of a <title> is part of the headline
HEADING_XPATH = "//h1|//h2|//h3|//*[contains(@class,'title') or contains(@id,'title')]"
MIN_TRAFILATURA = 50  # characters: less than this is a failed extraction, not an article


@dataclass(frozen=True, slots=True)
class PageExtract:
    """The article of a saved page, its metadata, and where each field came from."""

    title: str | None
    date: str | None
    author: str | None
    site_name: str | None
    url: str | None
    lines: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]  # (field, source): ("title", "<title> minus site name")

    @property
    def encoding(self) -> str:
        """The encoding the page was decoded from."""
        return dict(self.evidence).get("encoding", "utf-8")

    def source_of(self, field: str) -> str:
        """Where one field came from."""
        return dict(self.evidence).get(field, "")


def decode_page(data: bytes, path: str = "page.html") -> tuple[Decoded | None, list[Problem]]:
    """Decode a saved page: a BOM, else the charset it declares if its bytes agree, else detection."""
    declared = META_CHARSET.search(data[:8192])
    if declared:
        decoded, problems = decode_bytes(data, path, declared.group(1).decode("ascii", errors="replace"))
        if decoded is not None:
            return decoded, problems
    return decode_bytes(data, path)


def visible_lines(root: lxml.html.HtmlElement) -> tuple[tuple[int, str], ...]:
    """The page's visible text one block a line, as a browser's select-all copy gives it."""
    body = root.find("body")
    parts: list[str] = []
    _walk(body if body is not None else root, parts)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\n"))
    return tuple((n, line) for n, line in enumerate((ln for ln in lines if ln), start=1))


def _walk(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    """Append an element's text, with a line break around blocks; hidden parts are skipped."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    hidden = element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", "")
    if tag and tag not in SKIP and not hidden:
        edge = "\n" if tag in BLOCK or tag == "br" else " " if tag in ("td", "th") else ""
        parts.append(edge + (element.text or ""))
        for child in element:
            _walk(child, parts)
        parts.append(edge)
    parts.append(element.tail or "")


def metadata_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    """<meta> name/property → content, names lowercased; the first of each name wins."""
    found: dict[str, str] = {}
    for tag in root.iter("meta"):
        name = (tag.get("name") or tag.get("property") or "").strip().lower()
        content = (tag.get("content") or "").strip()
        if name and content:
            found.setdefault(name, content)
    return found


def extract_page(text: str, encoding: str = "utf-8", url: str | None = None) -> PageExtract:
    """The article and metadata of one saved page, decoded (``decode_page``) from ``encoding``."""
    root = lxml.html.document_fromstring(text)
    tags = metadata_tags(root)
    document = trafilatura.bare_extraction(
        text, url=url, favor_recall=True, include_comments=False, include_tables=True, include_images=False,
        include_links=False, with_metadata=True, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
    )
    dump = extract_main_content(visible_lines(root))
    lines, lines_from = _lines(document, dump)
    site, site_from = _site_name(root, tags, document)
    title, title_from = _title(root, tags, site, dump.header.title.value)
    date, date_from = _date(tags, document, dump.header.date.value, text)
    author, author_from = _first((getattr(document, "author", None), "trafilatura author"),
                                 (dump.header.author.value, f"text dump: {dump.header.author.reason}"))
    page_url, url_from = _url(root, tags, url)
    evidence = (("encoding", encoding), ("lines", lines_from), ("title", title_from), ("date", date_from),
                ("author", author_from), ("site_name", site_from), ("url", url_from))
    return PageExtract(title, date, author, site, page_url, lines, evidence)


def _lines(document: object, dump: MainContent) -> tuple[tuple[str, ...], str]:
    """trafilatura's text lines, completed from the dump stage; that stage alone if trafilatura fails."""
    text = getattr(document, "text", None) or ""
    body = [d.text for d in dump.body()]
    if len(text.strip()) < MIN_TRAFILATURA:
        return tuple(body), "text-dump stage on the visible text (trafilatura found no article)"
    # trafilatura favours recall here, so its output is trimmed by the dump stage's rules.
    rows = [table_row(line) for line in text.split("\n")]
    trimmed = [d.text for d in extract_main_content(tuple(enumerate(rows, start=1))).kept()]
    merged = merge_missing(trimmed, body)
    added = len(merged) - len(trimmed)
    return tuple(merged), f"trafilatura, trimmed by the text-dump stage, {added} line(s) added from it"


def table_row(line: str) -> str:
    """A table row as trafilatura writes it (| 品目 | 货物 |  |) as a browser copies it: cells and spaces."""
    if not (line.startswith("|") and line.rstrip().endswith("|")):
        return line
    return " ".join(cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip())


def merge_missing(lines: list[str], body: list[str]) -> list[str]:
    """Insert body lines of the dump stage that trafilatura lost (links, list items) in their place."""
    keys = [meta.key(line) for line in lines]
    where = [next((k for k, text in enumerate(keys) if meta.key(b) and meta.key(b) in text), -1) for b in body]
    found = [i for i, k in enumerate(where) if k >= 0]
    if not found:
        return lines
    after: dict[int, list[str]] = {}
    anchor = where[found[0]]
    for i in range(found[0], found[-1] + 1):
        if where[i] >= 0:
            anchor = max(anchor, where[i])
        else:
            after.setdefault(anchor, []).append(body[i])
    return [out for k, line in enumerate(lines) for out in (line, *after.get(k, []))]


def _first(*candidates: tuple[str | None, str], unknown: str = "not found") -> tuple[str | None, str]:
    """The first candidate with a value, and where it came from."""
    for value, source in candidates:
        if value and value.strip():
            return value.strip(), source
    return None, unknown


def _site_name(root: lxml.html.HtmlElement, tags: dict[str, str], document: object) -> tuple[str | None, str]:
    """The site's name: og:site_name, a SiteName tag, the <title>'s last piece, the copyright owner.

    trafilatura's guess comes last and never when it is a Twitter handle (twitter:site
    @ChinaDailyApp is an account, not the site's name).
    """
    handle = tags.get("twitter:site", "").lstrip("@").lower()
    guess = re.sub(r"(?:公司)?版权所有$", "", getattr(document, "sitename", None) or "").strip()
    if guess.startswith("@") or (handle and guess.lower().lstrip("@") == handle):
        guess = ""
    return _first((tags.get("og:site_name"), "og:site_name"), (tags.get("sitename"), "meta SiteName"),
                  (tags.get("application-name"), "meta application-name"),
                  (title_suffix(root), "last piece of the <title>"),
                  (copyright_owner(root, tags), "copyright notice"),
                  (guess, "trafilatura sitename"), unknown="unknown: no site-name tag, <title> piece or copyright")


def title_suffix(root: lxml.html.HtmlElement) -> str | None:
    """The last piece of a <title> split at separators, unless a page heading carries it with the headline."""
    parts = title_parts((root.findtext(".//title") or "").strip())
    if len(parts) < 2 or len(parts[-1]) > MAX_SITE_NAME:
        return None
    suffix, rest = meta.key(parts[-1]), meta.key(parts[0])
    if any(suffix in meta.key(h) and rest in meta.key(h) for h in headings(root)):
        return None  # a dash inside the headline (数据的秘密 - 如何分析数据), not a site name
    return parts[-1]


def copyright_owner(root: lxml.html.HtmlElement, tags: dict[str, str]) -> str | None:
    """The owner named by the page's copyright notice, the footer's last notice first."""
    notices = [tags.get("copyright", "")] + [line for _, line in reversed(visible_lines(root))]
    for notice in notices:
        if len(notice) > 120:
            continue  # a paragraph about copyright (版权说明：凡注明来源…), not a notice
        for pattern in COPYRIGHT:
            for match in pattern.finditer(notice):
                owner = match["owner"].strip("（）(). ")
                if not NOT_OWNER.search(owner) and not re.fullmatch(r"[\d\s.-]+", owner):
                    return owner
    return None


def title_parts(title: str) -> list[str]:
    """The pieces of a <title>, split at the separators sites put between title and site name."""
    return [p.strip() for p in TITLE_SEPARATOR.split(title) if p and p.strip()]


def strip_site_name(title: str, site: str | None) -> str:
    """A page title without site-name and channel pieces; the longest remaining piece."""
    parts = title_parts(title)
    site_key = meta.key(site or "")
    own = [p for p in parts if not _is_site_piece(p, site_key)]
    return max(own or parts or [title], key=len)


def _is_site_piece(part: str, site_key: str) -> bool:
    """A piece naming the site: the site name, or a short name ending in 网, 政府, 欢迎您 …"""
    key = meta.key(part)
    if site_key and (key in site_key or site_key in key):
        return True
    return len(key) <= 16 and bool(SITE_WORDS.search(key))


def headings(root: lxml.html.HtmlElement) -> list[str]:
    """Texts of h1-h3 and of elements whose class or id says title, in page order."""
    texts = (re.sub(r"\s+", " ", el.text_content()).strip() for el in root.xpath(HEADING_XPATH))
    return [t for t in texts if t and len(t) <= 120]


def _title(root: lxml.html.HtmlElement, tags: dict[str, str], site: str | None,
           dump_title: str | None) -> tuple[str | None, str]:
    """The title: a page heading confirmed by the <title> or metadata, else the <title> minus the site.

    A heading equal to the title candidates beats one equal to any other piece of the
    <title>, since the site's masthead is a heading too (唐巧的技术博客). A picture mark
    (（图）, [组图]) a channel appends is kept only when the page's heading carries it.
    """
    page_title = tags.get("og:title") or (root.findtext(".//title") or "").strip()
    candidates = [tags.get("articletitle"), page_title and strip_site_name(page_title, site), dump_title]
    keys = {meta.key(k) for c in candidates if c for k in (c, PICTURE_MARK.sub("", c))}
    site_key = meta.key(site or "")
    parts = {meta.key(p) for p in title_parts(page_title) if not _is_site_piece(p, site_key)} if page_title else set()
    texts = headings(root)
    for found, source in ((keys, "the <title>, metadata or text-dump title"), (parts, "a piece of the <title>")):
        for heading in texts:
            if meta.key(heading) in found:
                return heading, f"page heading matching {source}"
    for heading in texts:  # a heading the <title> starts with, the site name after it
        if len(meta.key(heading)) >= 6 and meta.key(page_title).startswith(meta.key(heading)):
            return heading, "page heading that begins the <title>"
    title, source = _first((tags.get("articletitle"), "meta ArticleTitle"),
                           (page_title and strip_site_name(page_title, site), "<title> minus site name"),
                           (dump_title, "text dump title"))
    if title and PICTURE_MARK.search(title) and source != "text dump title":
        return PICTURE_MARK.sub("", title), f"{source}, picture mark removed (no page heading carries it)"
    return title, source


def _date(tags: dict[str, str], document: object, dump_date: str | None, html: str) -> tuple[str | None, str]:
    """The publication date: page metadata, the byline, then htmldate's reading of the page."""
    for name in ("pubdate", "publishdate", "article:published_time", "firstpublishedtime"):
        if date := meta.iso_date(tags.get(name, "")):
            return date, f"meta {name}"
    if dump_date:
        return dump_date, "byline in the visible text"
    if date := getattr(document, "date", None):
        return str(date), "trafilatura (htmldate)"
    found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return (found, "htmldate") if found else (None, "not found")


def _url(root: lxml.html.HtmlElement, tags: dict[str, str], url: str | None) -> tuple[str | None, str]:
    canonical = root.xpath("//link[@rel='canonical']/@href")
    return _first((str(canonical[0]) if canonical else None, "link rel=canonical"),
                  (tags.get("og:url"), "og:url"), (url, "given"))
