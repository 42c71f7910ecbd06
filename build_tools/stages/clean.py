"""Clean raw scraped lines: drop web debris, lift header fields, repair inline garbage.

Every rule is general (a shape of debris, not a string from one site) and every dropped
line is returned with the rule that dropped it, so the closing report and the tests can
see what cleaning did. Each line is normalised in its own script, then the script stage
converts it to Simplified once (``script.simplify``); debris is recognised on that form,
so one rule serves both scripts, and the kept lines carry both forms onward.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from build_tools.model import Cleaned, DroppedLine, DropRule, HeaderFields, SourceLine
from build_tools.stages.chars import HAN, INVISIBLE
from build_tools.stages.pinyin_garbage import remove_pinyin_garbage
from build_tools.stages.script import simplify
from build_tools.stages.typography import normalise_typography

TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
WHITESPACE = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")

# Each rule: (name, predicate over the Simplified fold of a stripped line).
BREADCRUMB = re.compile(r"(当前|现在的?)位置\s*[:：]|首页\s*(>|»|›|/|\\)|^\s*(>>|»|›)|返回首页")
BANNER = re.compile(r"^欢迎(访问|来到|光临|使用)|手机版$|^手机版|(手机|移动端?)浏览|^(登录|注册)\s*(\|\s*(登录|注册))?$")
MAX_BANNER = 30  # a banner is a short line; a body sentence may start with 欢迎来到
# A widget line is made of these words as whole tokens, perhaps with one short site name.
WIDGET_WORD = re.compile(
    r"((打印(本页|此页|文章)?|(我要)?纠错|分享(到|至)?|收藏|关闭(窗口|本页)?|字号|字体|[大中小]|"
    r"扫一扫|微信|微博|收听本文|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}|×|✕|返回顶部|播报|朗读|语音)[:：]?)+"
)
WIDGET_SEPARATORS = re.compile(r"[\s【】\[\]|｜]+")
MAX_SITE_NAME = 8
# Comment forms and navigation lists: a label standing alone, or a label and a colon
# before a link ("上一篇：…"); a sentence that merely starts with 提交 or 相关新闻 is prose.
COMMENT_FORM = re.compile(
    r"^(暂无评论|发表评论|网友评论|我要评论|评论列表|查看评论|本类热点|热点(推荐|新闻|排行)|"
    r"相关(阅读|新闻|链接|文章|推荐)|上一篇|下一篇|推荐阅读|延伸阅读|热门(文章|推荐)|点击排行|验证码|提交|"
    r"匿名发表)\s*[!！。.:：]?\s*$|"
    r"^(上一篇|下一篇|相关(阅读|新闻|链接|文章|推荐)|推荐阅读|延伸阅读)\s*[:：]|"
    r"^(姓名|评论|昵称|邮箱|内容|验证码)\s*[:：]\s*$|^请遵守.*(法律|法规)|"
    r"^[（(]?\s*(字数(不能|不得|不超过|限)|剩余字数|还(可以|能)输入)[^。，；！？]*$"
)
EDITOR = re.compile(r"^[\[【(（]?\s*(责任编辑|责编|编辑|审核|校对|初审|复审|终审)\s*[:：]\s*([^\]】)）]*?)\s*[\]】)）]?$")
TRACKING = re.compile(r"^[0-9A-Za-z_\-=.]{12,}$")
LONE_SYMBOLS = re.compile(rf"^[^{HAN}A-Za-z]*$")
DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# A label followed straight by another label is empty (作者： 发布时间：…), never "发布".
SOURCE = re.compile(r"来源\s*[:：]\s*(.*?)(?=\s{2,}|(?:作者|来源|发布日期|发布时间|时间|日期|阅读次数|浏览次数|点击数|编辑)\s*[:：]|$)")
AUTHOR = re.compile(r"作者\s*[:：]\s*(?:文\s*[|｜/]\s*)?(.*?)(?=\s{2,}|(?:作者|来源|发布日期|发布时间|时间|日期|阅读次数|浏览次数|点击数|编辑)\s*[:：]|$)")
HEADER_WORDS = re.compile(
    r"来源\s*[:：]|作者\s*[:：]|发布(日期|时间)|阅读(次数|量)|浏览(次数|量)|点击(数|量)|(^|\s)(时间|日期)\s*[:：]"
)
SENTENCE = re.compile("[。！？；]")


def clean_lines(raw: str, profile: str | None, chrome: Mapping[int, str] | None = None) -> Cleaned:
    """Split decoded text into lines and keep only the article's own lines.

    ``profile`` is the text's OpenCC profile to Simplified (None for a Simplified text).
    ``chrome`` holds the lines the main-content stage found outside the article, by line
    number, with its reason; header fields are still read from them, and a line a debris
    rule names is reported under that rule.
    """
    chrome = chrome or {}
    lines = split_lines(raw)
    texts = [normalise_line(line) for line in lines]
    simplified = simplify(texts, profile)
    kept: list[SourceLine] = []
    kept_simplified: list[str] = []
    dropped: list[DroppedLine] = []
    header = HeaderFields()
    blank = True
    for number, (line, text, folded) in enumerate(zip(lines, texts, simplified, strict=True), start=1):
        if not text:
            blank = True
            continue
        rule, header = _debris_rule(folded, header)
        if rule is DropRule.HEADER and header.source_line is None:
            header = replace(header, source_line=_as_scraped(line))
        if rule:
            dropped.append(DroppedLine(number, line.strip(), rule))
        elif number in chrome:
            dropped.append(DroppedLine(number, line.strip(), DropRule.CHROME, chrome[number]))
        else:
            indented = line[:1] in (" ", "\t", "\u3000", "\u00a0")
            kept.append(SourceLine(number, text, indented, blank))
            kept_simplified.append(folded)
        blank = False
    return Cleaned(tuple(kept), tuple(kept_simplified), tuple(dropped), header)


def split_lines(raw: str) -> list[str]:
    """The raw lines as every stage numbers them (a <br> tag breaks a line)."""
    return BREAK_TAG.sub("\n", raw).split("\n")


def normalise_line(line: str) -> str:
    """Remove tags, decode entities, drop pinyin garbage, fix punctuation and spaces."""
    # Entities can encode what decoding removed (&#8203;, &#x202E;), so remove it again.
    text = INVISIBLE.sub("", html.unescape(TAG.sub("", line)))
    text = WHITESPACE.sub(" ", text).strip()
    return normalise_typography(remove_pinyin_garbage(text))


def _debris_rule(folded: str, header: HeaderFields) -> tuple[DropRule | None, HeaderFields]:
    """Name the rule that makes a line debris, updating header fields it carries."""
    if _is_header_line(folded) or _is_date_line(folded):
        return DropRule.HEADER, _read_header(folded, header)
    if match := EDITOR.match(folded):
        return DropRule.EDITOR, replace(header, editor=header.editor or match.group(2).strip() or None)
    for name, test in DEBRIS_TESTS:
        if test(folded):
            return name, header
    return None, header


def _as_scraped(line: str) -> str:
    """The raw line as scraped, only trimmed; a no-break space (&nbsp;) counts as a space."""
    return line.replace("\u00a0", " ").strip()


def _is_header_line(folded: str) -> bool:
    """A short line of date/source/author fields, not a sentence that mentions a source."""
    return len(folded) <= 120 and bool(HEADER_WORDS.search(folded)) and not SENTENCE.search(folded)


def _is_date_line(folded: str) -> bool:
    """A short line that is mostly a date or timestamp."""
    if len(folded) > 40 or not DATE.search(folded):
        return False
    return not re.search(f"[{HAN}]{{4,}}", DATE.sub("", folded))


def _read_header(folded: str, header: HeaderFields) -> HeaderFields:
    date = DATE.search(folded)
    source = SOURCE.search(folded)
    author = AUTHOR.search(folded)
    return replace(
        header,
        date=header.date or (f"{int(date[1]):04d}-{int(date[2]):02d}-{int(date[3]):02d}" if date else None),
        source=header.source or _field_value(source[1] if source else None),
        author=header.author or _field_value(author[1] if author else None),
    )


def _field_value(value: str | None) -> str | None:
    """A header field's value, or None when it is empty or only a widget (来源：【打印】)."""
    text = WIDGET_SEPARATORS.sub(" ", value or "").strip()
    return None if not text or all(WIDGET_WORD.fullmatch(t) for t in text.split()) else value.strip()  # type: ignore[union-attr]


def _is_banner(folded: str) -> bool:
    """A short welcome or mobile-version banner."""
    return len(folded) <= MAX_BANNER and bool(BANNER.search(folded))


def _is_widget_line(folded: str) -> bool:
    """Short lines made of sharing/printing/audio widgets, perhaps with a site name."""
    if len(folded) > 40 or re.search("[。！？；，]", folded):
        return False
    tokens = [t for t in WIDGET_SEPARATORS.split(folded) if t]
    others = [t for t in tokens if not WIDGET_WORD.fullmatch(t)]
    # 打印机进村 or 大抓基层 is one token that merely contains a widget word: prose.
    return len(others) < len(tokens) and len(others) <= 1 and all(len(t) <= MAX_SITE_NAME for t in others)


def _is_link_farm(folded: str) -> bool:
    """Many short items separated by | (lists of places or links)."""
    if "|" not in folded and "｜" not in folded:
        return False
    parts = [p.strip() for p in re.split(r"[|｜]", folded)]
    items = [p for p in parts if p]
    return len(items) >= 5 and sum(len(p) <= 10 for p in items) >= 0.8 * len(items)


def _is_channel_line(folded: str) -> bool:
    """A site or channel name standing alone: 'XX网XX频道'."""
    return len(folded) <= 20 and bool(re.fullmatch(rf"[{HAN}A-Za-z ]*(频道|栏目|专题)(\s*返回首页)?", folded))


def _is_symbols_only(folded: str) -> bool:
    """Digits, spaces and symbols with no words: '1 1 1', '|||', '>>'."""
    return bool(LONE_SYMBOLS.match(folded)) and not re.fullmatch(r"[…\.。·]{2,}", folded)


# A rule's test: a predicate, or a pattern's search or match (a match object is truthy).
DEBRIS_TESTS: tuple[tuple[DropRule, Callable[[str], object]], ...] = (
    (DropRule.BREADCRUMB, BREADCRUMB.search),
    (DropRule.BANNER, _is_banner),
    (DropRule.COMMENT_FORM, COMMENT_FORM.search),
    (DropRule.WIDGET, _is_widget_line),
    (DropRule.LINK_FARM, _is_link_farm),
    (DropRule.CHANNEL, _is_channel_line),
    (DropRule.TRACKING_ID, TRACKING.match),
    (DropRule.SYMBOLS, _is_symbols_only),
)
