"""Render contributors' definitions: a small Markdown subset, then a real sanitizer.

Python-Markdown sanitises nothing (raw HTML passes, ``attr_list`` could add onclick), so
its output goes through nh3 (Ammonia) with an allowlist of tags, no attributes but
``href`` on links, no generic attributes, absolute http(s)/mailto URLs only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import markdown
import nh3

from build_tools.stages.typography import join_cjk_lines

ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code", "blockquote"}
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math"},
    attributes={"a": {"href"}, "*": set()},  # "*": set() drops nh3's default title/lang
    url_schemes={"https", "http", "mailto"},
    url_relative="deny",
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


# One converter, reset per definition: building one costs more than converting a definition.
_MARKDOWN = markdown.Markdown(extensions=[], output_format="html")


# A passage cited inside a definition: "gaozhou-baiqianwan-wugeyi p23" (text id, anchor).
CITATION = re.compile(r"(?<![A-Za-z0-9/-])([a-z0-9]+(?:-[a-z0-9]+)+) (p[1-9][0-9]*)(?![0-9A-Za-z])")
# The same with every anchor cited at once: one (p12), a list (p47、p48) or a range (p41—p50).
CITATION_GROUP = re.compile(r"(?<![A-Za-z0-9/-])([a-z0-9]+(?:-[a-z0-9]+)+) "
                            r"(p[1-9][0-9]*(?:\s*[、,，—–-]\s*p[1-9][0-9]*)*)(?![0-9A-Za-z])")
# Paragraph numbers cited, as (first, last) spans: p12 is (12, 12), p41—p50 is (41, 50).
Spans = tuple[tuple[int, int], ...]
# Renders one citation (text id, spans) as HTML, or None to leave it as written (an unknown text).
Cite = Callable[[str, Spans], str | None]


# Python-Markdown takes quadratic time on runs of "[" (1.5 s for 4,000) and recurses per
# level of nesting; no definition needs more than these.
MAX_BRACKETS = 100
MAX_NESTING = 8


def definition_limits(source: str) -> list[tuple[int, str]]:
    """(line within the definition, message) for each limit a definition exceeds."""
    found = []
    if source.count("[") > MAX_BRACKETS:
        found.append((0, f"more than {MAX_BRACKETS} '[' in one definition; remove stray brackets"))
    for number, line in enumerate(source.split("\n")):
        quotes = len(re.match(r"^(?:\s*>)*", line).group(0).replace(" ", ""))  # type: ignore[union-attr]
        indent = len(line) - len(line.lstrip(" "))
        if quotes > MAX_NESTING or indent > 4 * MAX_NESTING:
            found.append((number, f"nested deeper than {MAX_NESTING} levels; flatten the list or quote"))
    return found


# A definition of one line with none of Markdown's marks and no character HTML escapes
# converts to one paragraph of itself. Most definitions are such prose (full-width
# punctuation), and converting one costs more than the rest of its page; tests hold the
# fast path to the converter's own output.
PLAIN_PROSE = re.compile(r"[^\s\\`*_\[\]()<>&!#{}|~=:\-+.0-9'\"][^\n\t\r\\`*_\[\]<>&!#{}|~=\u00a0]*")


def render_definition(source: str, cite: Cite | None = None) -> str:
    """Turn a definition's Markdown into sanitised HTML; ``cite`` renders its citations.

    A line break between two Chinese characters is joined first: Markdown would keep it and
    a browser show it as a space.
    """
    source = join_cjk_lines(source)
    line = source.rstrip("\n")  # a YAML block scalar ends with a newline
    if PLAIN_PROSE.fullmatch(line) and not line.endswith(" "):
        html = f"<p>{line}</p>"
    else:
        html = _CLEANER.clean(_MARKDOWN.reset().convert(source))
    return link_citations(html, cite) if cite else html


TAG = re.compile(r"(<[^>]*>)")


def link_citations(fragment: str, cite: Cite) -> str:
    """Render "text-id p12" (or p41—p50, p47、p48) in the text of sanitised HTML with ``cite``,
    never inside a tag or a link.

    Added after sanitising, so these are the only relative links a definition can have.
    """
    def link(match: re.Match[str]) -> str:
        return cite(match.group(1), anchor_spans(match.group(2))) or match.group(0)

    parts, in_link = [], False
    for part in TAG.split(fragment):
        if not TAG.fullmatch(part):
            parts.append(part if in_link else CITATION_GROUP.sub(link, part))
            continue
        if part.startswith(("<a ", "<a>")):
            in_link = True
        elif part == "</a>":
            in_link = False
        parts.append(part)
    return "".join(parts)


def cited_passages(source: str) -> Iterator[tuple[str, str, int]]:
    """Each (text id, anchor, offset) a definition cites in running text."""
    for match in CITATION.finditer(source):
        yield match.group(1), match.group(2), match.start()


# A quotation followed by its citation: “……”（jinhaihu-113 p12）. Nested quotations use ‘’ or 『』.
QUOTED_CITATION = re.compile(r"“([^“”]{1,400})”\s*[（(]\s*([a-z0-9]+(?:-[a-z0-9]+)+) "
                             r"(p[1-9][0-9]*(?:\s*[、,，—–-]\s*p[1-9][0-9]*)*)[^）)]{0,40}[）)]")
ANCHOR_LIST = re.compile(r"p([1-9][0-9]*)(?:\s*[—–-]\s*p([1-9][0-9]*))?")
QUOTE_MARKS = re.compile(r"[“”‘’『』「」\"'\s]")
OMISSION = re.compile(r"……|…|\.\.\.")


def quoted_citations(source: str) -> Iterator[tuple[str, str, tuple[str, ...], int]]:
    """Each (quotation, text id, anchors, offset) where prose quotes a passage and cites it.

    The anchors are those cited: one (p12), a list (p47、p48) or a range (p41—p50).
    """
    for match in QUOTED_CITATION.finditer(source):
        anchors = [f"p{n}" for first, last in anchor_spans(match.group(3)) for n in range(first, last + 1)]
        yield match.group(1), match.group(2), tuple(anchors), match.start()


def anchor_spans(anchors: str) -> Spans:
    """The paragraph numbers "p12", "p47、p48" or "p41—p50" cite, as (first, last) spans."""
    return tuple((int(first), int(last or first)) for first, last in ANCHOR_LIST.findall(anchors))


def quote_key(text: str) -> str:
    """Text compared for quotation: quotation-mark styles and white space do not count."""
    return QUOTE_MARKS.sub("", text)


def quotes_verbatim(quotation: str, passage: str) -> bool:
    """Tell whether a quotation occurs in a passage, its parts in order where it omits (……)."""
    position = 0
    key = quote_key(passage)
    for part in (quote_key(p) for p in OMISSION.split(quotation)):
        found = key.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
