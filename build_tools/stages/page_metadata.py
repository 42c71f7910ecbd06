"""Title, date and author of an article, read from the lines around its body.

A page-text dump puts the title just above a byline/date line (来源：… 发布时间：…) at the
top of the body, and often repeats it at the tail of a breadcrumb (首页 > 新闻 > 标题).
A field label followed by another label (作者： 发布时间：…) is an empty field, not a value.
When no evidence points at a title, the finder says so instead of guessing a menu item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from build_tools.stages.chars import HAN

LABELS = (r"作\s*者|来\s*源|文章来源|稿件来源|信息来源|出处|发布(?:时间|日期|者|机构|单位)?|更新(?:时间|日期)|"
          r"时\s*间|日\s*期|责任编辑|编\s*辑|审核|记\s*者|通讯员|点击(?:数|量|率|次数)?|浏览(?:次数|量)?|"
          r"阅读(?:次数|量)?|访问量|字号|供稿|撰稿|摄影|来源于|生成日期|成文日期|发文机构|发文字号|信息索引")
FIELD = re.compile(rf"(?P<label>{LABELS})\s*[:：]\s*")
DATE = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?")
# Blogs and English-language templates date a post in English: Feb 1st, 2015 / 1 February 2015.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
ENGLISH_DATE = re.compile(rf"\b(?:{_MONTH}\s+{_DAY},?|{_DAY}\s+{_MONTH},?)\s+(\d{{4}})\b", re.IGNORECASE)
# A publication stamp: a date and a clock time opening the line (2009-07-20 08:43:57 来源 | 评论).
STAMP = re.compile(r"^[\[【(（]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}")
REPORTER = re.compile(rf"^(?:本报|本台|本网|新华社)?(?:特约)?(?:记者|通讯员|评论员)[{HAN}\s、:：]{{1,30}}$")
ORGANISATION = re.compile(rf"^[{HAN}（）()]{{4,40}}(?:委员会|组织部|宣传部|办公室|政府|委|部|厅|局|中心|研究院)$")
HAN_CHAR = re.compile(f"[{HAN}]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Simplified forms of the Traditional characters our word lists use: a dump of a
# Traditional page must score like its Simplified twin (no OpenCC here: self-contained).
TRADITIONAL = (
    "Lioii與對為將從於點擊數閱讀瀏覽錄註冊頁關閉權備術辦聯繫們網圖來發佈時間編輯責評論熱門"
    "導號當歡訪問機掃碼臺載證聲隱條護說轉題級動視頻專開這後區縣鄉鎮黨員會議務標識單維運欄薦讚體"
    "戶糾錯紀寫稱記訊類應簡頂戰報處據"
)
SIMPLIFIED = (
    "Drrrn与对为将从于点击数阅读浏览录注册页关闭权备术办联系们网图来发布时间编辑责评论热门"
    "导号当欢访问机扫码台载证声隐条护说转题级动视频专开这后区县乡镇党员会议务标识单维运栏荐赞体"
    "户纠错纪写称记讯类应简顶战报处据"
)
FOLD = str.maketrans(TRADITIONAL, SIMPLIFIED)
TITLE_LABEL = re.compile(r"^(?:信息名称|文章标题|标\s*题|名\s*称|主\s*题)\s*[:：]\s*")
TITLE_END = re.compile(r"[。；;，,：:]$")
SEPARATORS = re.compile(r"\s*(?:>>|[>»›/／→])\s*")
LOOK_ABOVE = 14  # lines above the body where the header stands (share bars may come between)
LOOK_BELOW = 6  # lines below the body where a publication date may stand (government notices)
# Lower ranks first: a publication date is what the reader is told; 生成日期 is the file's.
DATE_RANK = {"发布日期": 0, "发布时间": 0, "时间": 0, "日期": 0, "发布": 0, "": 1, "更新时间": 2, "更新日期": 2,
             "生成日期": 2, "成文日期": 2}
MAX_HEADINGS = 3  # title, kicker or subtitle, author: a longer block of short lines is a list
SUBTITLE = re.compile(r"^[—–-]{1,2}")
MAX_NAME = 12  # words of an author's line: a name with a title (心理咨询师熊玲, 本报记者 张三)
LOOK_INTO = 3  # lines into the body where a byline may stand (a page with no chrome between)


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value (or None), the line it came from, and why it was taken or refused."""

    value: str | None
    line: int | None
    reason: str


@dataclass(frozen=True, slots=True)
class Header:
    """Title, date and author found in a dump, and the byline lines they came from."""

    title: Found
    date: Found
    author: Found
    byline_lines: tuple[int, ...] = ()


NOTHING = Header(Found(None, None, "no body"), Found(None, None, "no body"), Found(None, None, "no body"))


def fold(text: str) -> str:
    """Simplified form of the characters the word lists use; spaces collapsed."""
    return re.sub(r"[\s\u3000\u00a0]+", " ", text.translate(FOLD)).strip()


def fields(text: str) -> dict[str, str]:
    """Labelled fields of a byline; a label directly followed by another label is empty."""
    matches = list(FIELD.finditer(text))
    found: dict[str, str] = {}
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(text)
        label = re.sub(r"\s", "", match["label"])
        found.setdefault(label, text[match.end():end].strip(" |｜/　"))
    return found


def iso_date(text: str) -> str | None:
    """The first plausible date in a line, as YYYY-MM-DD."""
    numeric = [(m.start(), (int(m[1]), int(m[2]), int(m[3]))) for m in DATE.finditer(text)]
    english = [(m.start(), _english_date(m)) for m in ENGLISH_DATE.finditer(text)]
    for _, (year, month, day) in sorted(numeric + english):
        if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _english_date(match: re.Match[str]) -> tuple[int, int, int]:
    """Year, month, day of an English date, in either order of day and month."""
    month, day, day_first, month_second, year = match.groups()
    return int(year), MONTHS.index((month or month_second)[:3].lower()) + 1, int(day or day_first)


def without_dates(text: str) -> str:
    """A line with its dates (numeric or English) taken out."""
    return ENGLISH_DATE.sub("", DATE.sub("", text))


def author_of(text: str) -> str | None:
    """A personal author or source named in a byline, not an empty label."""
    values = fields(text)
    for label in ("作者", "记者", "撰稿", "来源", "文章来源", "稿件来源", "信息来源", "发布者", "发布机构"):
        value = values.get(label, "")
        value = re.sub(r"^文\s*[|｜/]\s*", "", value)
        if value and HAN_CHAR.search(value) and not DATE.search(value):
            return value.split()[0] if label != "来源" else value
    return None


def is_byline(text: str) -> bool:
    """A short line of labelled fields, a date alone, a publication stamp, or reporters; never a sentence."""
    if len(text) > 120 or re.search("[。！？]", text):
        return False
    if FIELD.search(text) or REPORTER.match(text) or STAMP.match(text):
        return True
    rest = without_dates(text)
    return bool(iso_date(text)) and len(HAN_CHAR.sub("", rest)) <= 12 and len(HAN_CHAR.findall(rest)) <= 6


def is_signature(text: str) -> bool:
    """An issuing body or a date alone, as at the end of a notice."""
    folded = fold(text)
    return bool(ORGANISATION.match(folded)) or (len(folded) <= 16 and iso_date(folded) is not None
                                                 and not HAN_CHAR.search(DATE.sub("", folded)))


def words(text: str) -> int:
    """Words of a line: each Chinese character, and each Latin word (React, Native) as one."""
    return len(HAN_CHAR.findall(text)) + len(LATIN_WORD.findall(text))


def mostly_han(text: str) -> bool:
    """Words make at least half of the line (not a counter, player or link list); a Latin word counts once."""
    return 2 * words(text) >= len(LATIN_WORD.sub("a", re.sub(r"\s", "", text)))


def is_signature_line(lines: Sequence[tuple[int, str]], i: int) -> bool:
    """A date alone, or an issuing body with a date below it (not an office's address block)."""
    text = fold(lines[i][1])
    if not is_signature(text):
        return False
    below = lines[i + 1][1] if i + 1 < len(lines) else ""
    return iso_date(text) is not None or (iso_date(below) is not None and is_signature(below))


def looks_like_title(text: str) -> bool:
    """Chinese words (a Latin word as one), title length, no clause end, not a byline or an item row."""
    return (HAN_CHAR.search(text) is not None and 4 <= words(text) and len(text) <= 80
            and not TITLE_END.search(text) and not is_byline(text) and not is_item_row(text))


def is_item_row(text: str) -> bool:
    """Short items side by side, a menu (首页 唐诗三百首 …) or a slogan (文化人 天下事); a title's parts are phrases."""
    items = text.split()
    return text.startswith("首页") or (len(items) >= 2 and all(len(item) <= 4 for item in items))


def breadcrumb_tail(text: str) -> str | None:
    """The last item of a breadcrumb (首页 > 新闻中心 > 标题), if the line is one."""
    parts = [p for p in SEPARATORS.split(text) if p.strip()]
    if len(parts) < 2 or not re.search("首页|位置|主页|网站", parts[0] + parts[1]):
        return None
    return parts[-1].strip()


def key(text: str) -> str:
    """A line compared without white space."""
    return re.sub(r"\s+", "", text)


def find_header(lines: Sequence[tuple[int, str]], body_start: int,
                is_chrome: Callable[[int], bool], body_end: int | None = None) -> Header:
    """Title, date and author from the lines around the body (indexes of its first and after its last line)."""
    if not lines:
        return NOTHING
    window = range(max(body_start - LOOK_ABOVE, 0), min(body_start + LOOK_INTO, len(lines)))
    bylines = [i for i in window if is_byline(fold(lines[i][1]))]
    title = _title(lines, body_start, bylines, is_chrome)
    if title.line is not None:  # a byline counts only below the title; an issuing body right below is one
        below = next(i for i, (n, _) in enumerate(lines) if n == title.line) + 1
        issuer = [below] if below < len(lines) and ORGANISATION.match(fold(lines[below][1])) else []
        bylines = sorted(set(issuer + [i for i in bylines if lines[i][0] > title.line]))
        names = _name_lines(lines, below, bylines, is_chrome)
        bylines = sorted(set(bylines + names))
    else:
        names = []
    end = len(lines) if body_end is None else body_end
    footer = [i for i in range(end, min(end + LOOK_BELOW, len(lines))) if is_byline(fold(lines[i][1]))]
    author = _author(lines, [i for i in bylines if i not in names])
    if author.value is None and names:
        author = Found(lines[names[0]][1], lines[names[0]][0], "name line between the title and the byline")
    return Header(title, _date(lines, bylines + footer), author, tuple(lines[i][0] for i in bylines))


def _name_lines(lines: Sequence[tuple[int, str]], below_title: int, bylines: list[int],
                is_chrome: Callable[[int], bool]) -> list[int]:
    """Short unpunctuated lines between the title and its byline: the author's name (心理咨询师熊玲)."""
    first = next((i for i in bylines if i >= below_title), None)
    if first is None:
        return []
    between = range(below_title, first)
    if len(between) > MAX_HEADINGS - 1 or any(is_chrome(i) for i in between):
        return []
    return [i for i in between if i not in bylines and 2 <= words(lines[i][1]) <= MAX_NAME
            and not re.search(r"[，,。！？；：:]", lines[i][1])]


def _title(lines: Sequence[tuple[int, str]], body_start: int, bylines: list[int],
           is_chrome: Callable[[int], bool]) -> Found:
    """The title above the first byline that has one, else a breadcrumb tail repeated as a line."""
    for byline in bylines:  # a source line may stand above the title too (新华网: 来源 … 标题 … 日期)
        if (above := _line_above(lines, byline, is_chrome, body_start)) is not None:
            return Found(TITLE_LABEL.sub("", lines[above][1]), lines[above][0], "line above the byline")
    crumb = _breadcrumb_title(lines, body_start)
    if crumb is not None:
        return crumb
    if not bylines and (heading := _heading_above_body(lines, body_start, is_chrome)) is not None:
        return heading
    reason = "no byline or breadcrumb points at a title" if not bylines else "no title-like line above the byline"
    return Found(None, None, reason)


def _line_above(lines: Sequence[tuple[int, str]], start: int, is_chrome: Callable[[int], bool],
                body_start: int) -> int | None:
    """The title-like line above a byline, skipping widgets and further bylines.

    The lines right above a byline may be a block of headings: the title with a kicker, a
    subtitle or the author's name (心理咨询师熊玲) beside it. The title is the longest of
    them; a subtitle opening with a dash (——记…) is never the title.
    """
    block: list[int] = []
    for i in range(start - 1, max(start - 6, -1), -1):
        text = fold(lines[i][1])
        if is_byline(text) or ORGANISATION.match(text) or is_chrome(i) or not mostly_han(text):
            if block:
                break
            continue  # widgets, a player (收听本文 00:00/00:00), further bylines
        if not looks_like_title(text) or len(block) == MAX_HEADINGS:
            break
        block.append(i)
    titles = [i for i in block if not SUBTITLE.match(fold(lines[i][1])) and not opens_body(lines, i, body_start)]
    return max(titles, key=lambda i: (words(lines[i][1]), i), default=None)


def opens_body(lines: Sequence[tuple[int, str]], i: int, body_start: int) -> bool:
    """The line repeats the opening of the body's first sentence (a teaser or a cut summary), no title."""
    body = next((key(text) for j, (_, text) in enumerate(lines) if j >= body_start and j != i), "")
    return len(key(lines[i][1])) >= 6 and body.startswith(key(lines[i][1]).rstrip("…."))


def _heading_above_body(lines: Sequence[tuple[int, str]], body_start: int,
                        is_chrome: Callable[[int], bool]) -> Found | None:
    """With no byline: a title-like line right above the body, below chrome, said once on the page."""
    i = body_start - 1
    if i < 0 or is_chrome(i) or not looks_like_title(lines[i][1]) or len(HAN_CHAR.findall(lines[i][1])) < 6:
        return None
    if opens_body(lines, i, body_start):
        return None
    if i > 0 and not is_chrome(i - 1) and len(HAN_CHAR.findall(lines[i - 1][1])) > 4:  # a list, not a heading
        return None
    repeats = sum(key(text) == key(lines[i][1]) for _, text in lines)
    return Found(lines[i][1], lines[i][0], "heading right above the body, below chrome") if repeats == 1 else None


def _breadcrumb_title(lines: Sequence[tuple[int, str]], body_start: int) -> Found | None:
    """A standalone line near the body equal to the tail of a breadcrumb."""
    tails = {key(tail) for _, text in lines[:body_start + 1] if (tail := breadcrumb_tail(text))}
    for i in range(body_start, max(body_start - LOOK_ABOVE, -1), -1):
        if i < len(lines) and key(lines[i][1]) in tails and looks_like_title(lines[i][1]):
            return Found(lines[i][1], lines[i][0], "breadcrumb tail repeated as a line")
    return None


def _date(lines: Sequence[tuple[int, str]], bylines: list[int]) -> Found:
    """The best-labelled date of the bylines: publication before a bare date before a generation date."""
    dated = [(DATE_RANK.get(_date_label(fold(lines[i][1])), 1), n, i) for n, i in enumerate(bylines)
             if iso_date(fold(lines[i][1]))]
    if not dated:
        return Found(None, None, "no date in a byline")
    rank, _, i = min(dated)
    return Found(iso_date(fold(lines[i][1])), lines[i][0], "date in the byline" if rank < 2 else "date "
                 "in a byline of lesser rank (generation or update date)")


def _date_label(text: str) -> str:
    """The label right before the first date of a line ('' for a bare date)."""
    date = DATE.search(text)
    if date is None:
        return ""
    before = list(FIELD.finditer(text[: date.start()]))
    return re.sub(r"\s", "", before[-1]["label"]) if before and before[-1].end() == date.start() else ""


def _author(lines: Sequence[tuple[int, str]], bylines: list[int]) -> Found:
    for i in bylines:
        if author := author_of(fold(lines[i][1])):
            return Found(author, lines[i][0], "labelled field in the byline")
        if REPORTER.match(fold(lines[i][1])):
            return Found(lines[i][1], lines[i][0], "reporter line")
    return Found(None, None, "no author field with a value")
