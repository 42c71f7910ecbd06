"""Find the structure of a cleaned text: headings, paragraphs, list items, captions.

Scraped articles lose their HTML, so structure is read from the shape of lines: length,
punctuation, numbering, and indentation (in texts that indent body paragraphs, an
unindented short line is an image caption). Anchors are our own ids, never derived from
heading text: paragraphs p1…, headings s1…, captions c1….
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from build_tools.model import Block, BlockKind, Cleaned, DroppedLine, DropRule, HeaderFields, SourceLine
from build_tools.stages.chars import HAN

SECTION_NUMERAL = re.compile("^[一二三四五六七八九十]{1,3}$")
# The numbering of a section heading: 一、 （一） 第一章 第二部分; its own 、 is not prose.
SECTION_PREFIX = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|"
    r"第[一二三四五六七八九十百]+[章节部分条篇])\s*"
)
LIST_ITEM = re.compile(r"^\d{1,2}[.．、](?!\d)\s*\S")
ELLIPSIS = re.compile(r"^[…\.。·]{2,}$")
SENTENCE_PUNCT = re.compile("[。！？；，、：]")
# A photo credit opens like this: （供图：…） （摄影/…） (图片来源：…).
CREDIT_OPENING = r"[（(](供图|摄影?|图片?|来源)[/／:：]"
CREDIT = re.compile(CREDIT_OPENING + r"|摄[）)]?$|^图为")  # a line that credits a photo
PHOTO_CREDIT = re.compile(CREDIT_OPENING + r"[^）)]*[）)]$")  # the credit closing a caption
POSITION_MARK = re.compile("（(左|中|右|前排|后排)[一二三四五六七八九]?[左中右]?）")
PLACE_SUBJECT = re.compile(
    rf"^[{HAN}]{{1,10}}?(省|市|州|县|区|镇|乡|村|街道|社区|局|委|办|单位|干部|群众|党员|专家)"
)
ORGANISATION = re.compile(rf"^[{HAN}（）()]{{4,40}}(委员会|组织部|宣传部|办公室|政府|委|部|厅|局|中心|研究院|研究室)$")
# Reporters: 本报记者 张三, 记者 张三 通讯员 李四, 本报评论员 (not a heading such as 记者手记).
REPORTER = re.compile(
    rf"^(?:本报|本台|本网|新华社)(?:特约)?(?:记者|通讯员|评论员)[{HAN}\s、:：]{{0,30}}$"
    rf"|^(?:特约)?(?:记者|通讯员)[\s:：]+[{HAN}][{HAN}\s、]{{0,29}}$"
)
MAX_HEADING = 30
MAX_CAPTION = 45
MAX_LIST_ITEM = 30


@dataclass(frozen=True)
class Line:
    """A cleaned line with its Simplified text, as the structure stage sees it."""

    source: SourceLine
    text: str  # Simplified

    @property
    def original(self) -> str:
        return self.source.text


@dataclass(frozen=True)
class Structured:
    """What the structure stage makes of a cleaned text."""

    blocks: tuple[Block, ...]
    dropped: tuple[DroppedLine, ...]  # cleaning's and the title/byline lines, in line order
    header: HeaderFields  # cleaning's fields; a byline under the title is the author if none is named


def structure_text(cleaned: Cleaned, title: str) -> Structured:
    """Structure a cleaned text: blocks, every line left out, and the header fields."""
    lines = tuple(Line(s, t) for s, t in zip(cleaned.lines, cleaned.simplified, strict=True))
    blocks, title_lines, byline = structure_lines(lines, title)
    header = cleaned.header if byline is None or cleaned.header.author else replace(cleaned.header, author=byline)
    return Structured(blocks, tuple(sorted(cleaned.dropped + title_lines, key=lambda d: d.number)), header)


def structure_lines(lines: tuple[Line, ...], title: str
                    ) -> tuple[tuple[Block, ...], tuple[DroppedLine, ...], str | None]:
    """Turn lines into blocks; return them, the title/byline lines removed, and the byline."""
    body, dropped, byline = _remove_title(lines, title)
    indented_text = _body_is_indented(body)
    kinds = [_classify(body, i, indented_text) for i in range(len(body))]
    return _number(_merge_headings(body, kinds)), dropped, byline


def _key(text: str) -> str:
    return re.sub(r"[\s|｜:：,，]", "", text)


def _remove_title(lines: tuple[Line, ...], title: str
                  ) -> tuple[list[Line], tuple[DroppedLine, ...], str | None]:
    """Drop the title line (it becomes the page title) and a byline right after it."""
    body = list(lines)
    for i, line in enumerate(body[:6]):
        if _key(line.text) == _key(title):
            dropped = [DroppedLine(line.source.number, line.original, DropRule.TITLE)]
            byline = None
            if i + 1 < len(body) and _is_byline(body[i + 1].text):
                byline = body[i + 1].text
                dropped.append(DroppedLine(body[i + 1].source.number, body[i + 1].original, DropRule.BYLINE))
            del body[i: i + 1 + (byline is not None)]
            return body, tuple(dropped), byline
    return body, (), None


def _is_byline(text: str) -> bool:
    """An issuing body (中共…委组织部) or reporters (本报记者 张三 通讯员 李四)."""
    return bool(ORGANISATION.match(text) or REPORTER.match(text))


def _numbered(text: str) -> bool:
    """A section numeral alone (一) or a numbered section heading (一、总体要求)."""
    return bool(SECTION_NUMERAL.match(text) or SECTION_PREFIX.match(text))


def _body_is_indented(body: list[Line]) -> bool:
    """Tell whether the text indents its body paragraphs (then captions stand out)."""
    long_lines = [ln for ln in body if len(ln.text) >= 40]
    return bool(long_lines) and sum(ln.source.indented for ln in long_lines) >= 0.6 * len(long_lines)


def _classify(body: list[Line], i: int, indented_text: bool) -> BlockKind:
    text, line = body[i].text, body[i].source
    following = body[i + 1].text if i + 1 < len(body) else ""
    if ELLIPSIS.match(text):
        return BlockKind.ELLIPSIS
    if SECTION_NUMERAL.match(text):
        return BlockKind.HEADING
    if LIST_ITEM.match(text) and len(text) <= MAX_LIST_ITEM:
        return BlockKind.LIST_ITEM
    after_item = i > 0 and bool(LIST_ITEM.match(body[i - 1].text))
    if not after_item and _is_caption(text, line, indented_text):
        return BlockKind.CAPTION
    if _is_heading(text, following):
        return BlockKind.HEADING
    return BlockKind.PARAGRAPH


def _is_caption(text: str, line: SourceLine, indented_text: bool) -> bool:
    if CREDIT.search(text) and len(text) <= 80:
        return True
    if len(text) > MAX_CAPTION or "“" in text or text.endswith(("：", "？", "！", "……")):
        return False
    if indented_text:
        return not line.indented and not _numbered(text)
    one_sentence = text.endswith("。") and text.count("。") == 1 and "；" not in text
    # Captions name what a photo shows; statistics and "X是Y" claims are prose.
    statement = bool(re.search(r"\d|是", text))
    return one_sentence and not statement and bool(POSITION_MARK.search(text) or PLACE_SUBJECT.match(text))


def _is_heading(text: str, following: str) -> bool:
    if len(text) > MAX_HEADING:
        return False
    if text.endswith("？"):  # a question introducing a numbered list
        return bool(LIST_ITEM.match(following)) and not SENTENCE_PUNCT.search(text[:-1])
    return not SENTENCE_PUNCT.search(SECTION_PREFIX.sub("", text)) and bool(following)


def _merge_headings(body: list[Line], kinds: list[BlockKind]
                    ) -> list[tuple[BlockKind, list[Line]]]:
    """Join a two-line heading (a kicker and its title, or a title and its subtitle)."""
    groups: list[tuple[BlockKind, list[Line]]] = []
    for line, kind in zip(body, kinds, strict=True):
        previous = groups[-1] if groups else None
        if (kind is BlockKind.HEADING and previous and previous[0] is BlockKind.HEADING
                and len(previous[1]) == 1 and not line.source.blank_before
                and not _numbered(line.text) and not _numbered(previous[1][0].text)):
            previous[1].append(line)
        else:
            groups.append((kind, [line]))
    return groups


PREFIX = {BlockKind.HEADING: "s", BlockKind.CAPTION: "c"}


def _number(groups: list[tuple[BlockKind, list[Line]]]) -> tuple[Block, ...]:
    counters: dict[str, int] = {}
    blocks = []
    for kind, lines in groups:
        prefix = PREFIX.get(kind, "p")
        counters[prefix] = counters.get(prefix, 0) + 1
        blocks.append(Block(
            kind=kind,
            text=" ".join(ln.text for ln in lines),
            anchor=f"{prefix}{counters[prefix]}",
            lines=tuple(ln.source.number for ln in lines),
            original=" ".join(ln.original for ln in lines),
            number=counters[prefix],
        ))
    return tuple(blocks)
