"""Find the article in a page-text dump: jusText-style line classes, smoothing, densest region.

A dump of a whole page has menus, sidebars and footers around the article. Each line gets
features (Han length, function-word density, punctuation, separators, dates, widget words)
and a class: *bad* needs positive evidence of site chrome, *good* needs prose evidence, and
lines with neither (headings, captions, list items) are decided by their neighbours. The
body is then the contiguous region with the largest weight of good text minus chrome, and
the title and byline just above it are kept and marked, since metadata is read from them.
Every decision carries the rule and score behind it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from build_tools.stages import line_runs as runs
from build_tools.stages import page_metadata as meta
from build_tools.stages.chars import HAN
from build_tools.stages.line_runs import densest_region, rescue, smooth

FUNCTION_WORDS = frozenset("的了在是和与对为等及将把被从到以于中上")
# A wave dash after a word ends an informal sentence (玩得开心～); between numbers it is a range.
SENTENCE_END = re.compile(rf"[。！？；!?;…]|\.\s*$|(?<=[{HAN}])[～~]\s*$")
CLAUSE = re.compile(r"[，,、：:]")
HAN_CHAR = re.compile(f"[{HAN}]")
# Separators between short items: 首页 > 新闻 | 政务 » 正文 · 更多 / 联系. A slash without
# spaces is a path in the text (货物/专用设备/安全生产设备), not a menu.
SEPARATOR = re.compile(r"\s*(?:>>|[|｜>»›·•])\s*|\s+[/／]\s*|\s*[/／]\s+|\s-\s")
TRUNCATED = re.compile(r"(?:…|\.{3}|。。。)\s*$")
# Words that (almost) never stand in a line of prose without a sentence mark.
STRONG_WIDGET = re.compile(
    r"点击(数|量|率|次数)|浏览(次数|量)|阅读(次数|量|数)|访问量|版权所有|版权声明|ICP[备证]|公网安备|技术支持|"
    r"网站地图|联系我们|关于我们|免责声明|隐私(政策|声明)|上一篇|下一篇|上一条|下一条|设为首页|加入收藏|返回顶部|"
    r"欢迎(?:访问|来到|光临|使用)|返回首页|扫一扫|手机版|无障碍|当前位置|您的位置|现在的位置|所在位置|分享到|打印本页|关闭窗口|【打印】|"
    r"【关闭】|字号|网站标识码|运行维护单位|建议使用|分辨率|相关(新闻|阅读|文章|链接|推荐)|"
    r"右上角|在浏览器中?打开|热点(新闻|推荐|排行)|推荐阅读|延伸阅读|热门(文章|推荐|新闻)|点击排行|责任编辑|网站声明|互联网新闻信息服务|"
    # Headers of sidebar link lists.
    r"相关(公告|专题|主题|报道|资讯|稿件)|最(新|热)(新闻|文章|资讯|动态|公告)|(精彩|热图|图片|编辑|小编)(新闻|推荐)|"
    r"频道精选|新闻检索|留言须知|我要(发表)?留言|(发表|暂无|我要|网友)评论|"
    # Licences and reporting lines of a footer.
    r"许可证\s*[\d（(:：]|[京沪津渝粤苏浙鲁川]网文|违法和不良信息|不良信息举报|版权(说明|保护)|"
    # A tag line of a news or blog template (标签： 林依轮 字体).
    r"^(?:标签|Tags?)\s*[:：]"
)
# A site's own notice, sentences and all: it names itself (本网) beside copyright words.
SITE_NOTICE = re.compile(r"本网|本站")
NOTICE_WORDS = re.compile(r"版权|转载|授权|违者必究|免责|署名|来源于?本")
WEAK_WIDGET = re.compile(
    r"首页|登录|注册|搜索|打印|关闭|分享|收藏|阅读|浏览|主办|承办|协办|主管|更多|推荐|热点|排行|投稿|订阅|"
    r"下载|微信|微博|评论|留言|二维码|客户端|English|RSS|APP|纠错|举报|频道|专题|栏目|导航|站群"
)
CREDIT = re.compile(r"[（(](供图|摄影?|图片?|来源)[/／:：]|摄[）)]?$|^图为|^图[:：]|图片来源")
GOOD_SCORE = 0.5
MIN_GOOD_HAN = 12
SHORT_HAN = 8
CHROME_EVIDENCE = 0.3
MAX_SIGNATURE = 3  # lines after the body that may sign it: issuing body, date
MENU_RUN = 4  # body headings stand between paragraphs; four short lines in a row are a menu
MENU_ITEM_HAN = 6


@dataclass(frozen=True, slots=True)
class Features:
    """What a line looks like; the score is computed from these only."""

    han: int
    function_density: float
    sentence_marks: int
    clauses: int
    items: int  # pieces between separators: 5 for 首页 | 新闻 | 政务 | 服务 | 互动
    trailing_date: bool
    truncated: bool
    strong_widget: str  # the widget word found, or ""
    weak_widgets: int
    recurring: bool  # the line recurs in other texts of the same site
    kind: str  # prose, headline, bullet or other (see line_runs.kind)
    structured: bool  # a key–value field, numbered item or table row (see line_runs)

    def describe(self) -> str:
        """The features a reader needs to see why a line scored as it did."""
        parts = [f"han={self.han}", f"fw={self.function_density:.2f}", f"end={self.sentence_marks}",
                 f"clauses={self.clauses}", f"items={self.items}"]
        flags = (("date", self.trailing_date), ("truncated", self.truncated),
                 (f"widget:{self.strong_widget}", bool(self.strong_widget)),
                 (f"weak={self.weak_widgets}", self.weak_widgets > 0), ("recurring", self.recurring),
                 (self.kind, self.kind != "prose"), ("structured", self.structured))
        return " ".join(parts + [name for name, on in flags if on])


@dataclass(frozen=True, slots=True)
class LineDecision:
    """One line, whether it is kept, its role, and why."""

    number: int
    text: str
    keep: bool
    role: str  # body, title, byline, caption, chrome
    rule: str
    score: float
    features: Features

    def explain(self) -> str:
        """One line of explanation: number, decision, rule, score and features."""
        verdict = "keep" if self.keep else "drop"
        return f"{self.number:>5} {verdict} {self.role:<7} {self.rule} ({self.score:+.2f}; {self.features.describe()})"


@dataclass(frozen=True, slots=True)
class MainContent:
    """The decision for every non-blank line of a dump, and the header found above the body."""

    decisions: tuple[LineDecision, ...]
    header: meta.Header

    def kept(self) -> tuple[LineDecision, ...]:
        """The lines kept: title, byline, captions and body, in order."""
        return tuple(d for d in self.decisions if d.keep)

    def body(self) -> tuple[LineDecision, ...]:
        """The body lines only (no title, byline or captions)."""
        return tuple(d for d in self.decisions if d.keep and d.role in ("body", "caption"))

    def explain(self) -> str:
        """Every decision, one a line, for a reader checking the stage."""
        return "\n".join(d.explain() for d in self.decisions)


def numbered_lines(text: str) -> tuple[tuple[int, str], ...]:
    """The non-blank lines of decoded text with their 1-based line numbers."""
    return tuple((n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip())


def features(text: str, corpus_lines: frozenset[str] = frozenset()) -> Features:
    """Measure one line."""
    folded = meta.fold(text)
    han = HAN_CHAR.findall(folded)
    items = [p for p in SEPARATOR.split(folded) if p.strip()]
    strong = STRONG_WIDGET.search(folded)
    notice = SITE_NOTICE.search(folded) and len(set(NOTICE_WORDS.findall(folded))) >= 2
    return Features(
        han=len(han),
        function_density=round(sum(ch in FUNCTION_WORDS for ch in han) / max(len(han), 1), 3),
        sentence_marks=len(SENTENCE_END.findall(TRUNCATED.sub("", folded))),  # a cut-off title is no sentence
        clauses=len(CLAUSE.findall(folded)),
        items=len(items) if len(items) > 1 and _short_items(items) else 1,
        trailing_date=runs.dated_item(folded),
        truncated=bool(TRUNCATED.search(folded)) and 4 <= len(han) <= 40,  # not the author's own ……
        strong_widget="site-notice" if notice else strong.group() if strong else "",
        weak_widgets=len(WEAK_WIDGET.findall(folded)) if len(han) <= 20 else 0,
        recurring=_key(text) in corpus_lines,
        kind=runs.kind(folded),
        structured=runs.is_structured(folded) and runs.kind(folded) != "prose",
    )


def _short_items(items: list[str]) -> bool:
    """Most pieces are short, as in a menu or breadcrumb, not a sentence with a slash."""
    # A one-character piece (帐/车/厅) is a slash in prose, not a menu item.
    short = sum(len(p.strip()) <= 12 for p in items) >= 0.6 * len(items)
    return short and all(len(p.strip()) >= 2 for p in items)


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def prose_score(f: Features) -> float:
    """Evidence of prose (0..1) minus evidence of chrome; positive for article text."""
    length = min(f.han, 40) / 40
    function = min(f.function_density / 0.08, 1.0)
    punct = 1.0 if f.sentence_marks else 0.6 if f.clauses else 0.0
    return round(0.4 * length + 0.3 * function + 0.3 * punct - chrome_score(f), 3)


def chrome_score(f: Features) -> float:
    """Evidence of site chrome from separators, dates, truncation and widget words."""
    separated = min((f.items - 1) / 3, 1.0) if f.items > 1 else 0.0
    widget = 1.0 if f.strong_widget and (not f.sentence_marks or f.han <= 15 or f.strong_widget == "site-notice") else 0.0
    marks = 0.5 * f.trailing_date + 0.5 * f.truncated + min(0.2 * f.weak_widgets, 0.6)
    return round(separated + widget + marks + f.recurring, 3)


def classify(f: Features) -> tuple[str, str]:
    """A first class (good, bad, neargood, short) and the rule that gave it."""
    chrome = chrome_score(f)
    if f.recurring:
        return "bad", "recurring"
    if chrome >= CHROME_EVIDENCE and f.sentence_marks == 0:
        return "bad", _chrome_rule(f)
    if chrome >= 1.0:
        return "bad", _chrome_rule(f)
    if prose_score(f) >= GOOD_SCORE and f.han >= MIN_GOOD_HAN:
        return "good", "prose"
    if f.structured:  # a field or table row: unclear, however short
        return "neargood", "field"
    return ("short", "short") if f.han < SHORT_HAN else ("neargood", "unclear")


def _chrome_rule(f: Features) -> str:
    """Name the strongest chrome feature of a line."""
    named = ((f.strong_widget, "widget"), (f.items > 1, "separated-items"), (f.trailing_date, "trailing-date"),
             (f.truncated, "truncated"), (f.weak_widgets, "widget-words"))
    return next(name for flag, name in named if flag)


def menu_runs(first: Sequence[tuple[str, str]], feats: Sequence[Features], has_digits: Sequence[bool],
              bylines: Sequence[bool] | None = None) -> list[tuple[str, str]]:
    """Runs of MENU_RUN or more very short unpunctuated lines are menus or share bars, not headings.

    The line right above a byline is the title's place (a short title may follow a menu).
    """
    above = [*bylines[1:], False] if bylines else [False] * len(first)
    menu = [c in ("short", "neargood") and 2 <= f.han <= MENU_ITEM_HAN and not f.sentence_marks and not dated
            and not title_place for (c, _), f, dated, title_place in zip(first, feats, has_digits, above, strict=True)]
    result, i = list(first), 0
    while i < len(menu):
        j = i
        while j < len(menu) and menu[j]:
            j += 1
        if j - i >= MENU_RUN:
            result[i:j] = [("bad", "menu-run")] * (j - i)
        i = j + 1
    return result


def link_list_runs(first: Sequence[tuple[str, str]], feats: Sequence[Features],
                   bylines: Sequence[bool]) -> list[tuple[str, str]]:
    """Runs of headlines and bullets with no sentence between them are link lists (a byline ends a run)."""
    # Lines already chrome (menus, breadcrumbs, widgets) are no evidence of a link list, and
    # the line right above a byline is the title's place, not a link's.
    above = [*bylines[1:], False]
    kinds = ["prose" if b else "other" if c == "bad" or t else f.kind
             for f, b, t, (c, _) in zip(feats, bylines, above, first, strict=True)]
    found = runs.link_lists(kinds)
    return [("bad", "link-list") if i in found else c for i, c in enumerate(first)]


def body_region(lines: Sequence[tuple[int, str]], feats: Sequence[Features], final: Sequence[str],
                chrome: Sequence[bool], bylines: Sequence[bool]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The densest region, without a contact block after a prose body, with form lines beside a form;
    and that region before it was widened.

    A byline opening the region belongs to the header above the body, not to the body.
    """
    start, end = densest_region(final, [f.han for f in feats])
    while start < end and bylines[start]:
        start += 1
    stops = [c or b for c, b in zip(chrome, bylines, strict=True)]
    structured = [f.structured for f in feats]
    numbered = [runs.is_numbered(meta.fold(text)) for _, text in lines]
    sentences = [f.kind == "prose" or f.sentence_marks > 0 for f in feats]
    end = runs.prose_tail(sentences, structured, numbered, (start, end))
    return runs.extend_region((start, end), structured, stops), (start, end)


def extract_main_content(lines: Sequence[tuple[int, str]],
                         corpus_lines: frozenset[str] = frozenset()) -> MainContent:
    """Decide for every line of a dump whether it belongs to the article, and why."""
    lines = [(n, t.strip()) for n, t in lines if t.strip()]
    feats = [features(text, corpus_lines) for _, text in lines]
    bylines = [meta.is_byline(meta.fold(t)) for _, t in lines]
    first = menu_runs([classify(f) for f in feats], feats, [bool(re.search(r"\d", t)) for _, t in lines], bylines)
    first = link_list_runs(first, feats, bylines)
    final = list(rescue(smooth([c for c, _ in first]), [chrome_score(f) for f in feats]))
    (start, end), core = body_region(lines, feats, final, [c == "bad" for c, _ in first], bylines)
    for i in (*range(start, core[0]), *range(core[1], end)):  # form lines the region was widened over
        final[i] = "bad" if first[i][0] == "bad" else "good"
    header = meta.find_header(lines, start, lambda i: first[i][0] == "bad", end)
    roles = _roles(lines, header, (start, end))
    decisions = tuple(
        _decision(line, f, rule_class, cls, roles.get(i), start <= i < end)
        for i, (line, f, rule_class, cls) in enumerate(zip(lines, feats, first, final, strict=True))
    )
    return MainContent(decisions, header)


def _roles(lines: Sequence[tuple[int, str]], header: meta.Header, region: tuple[int, int]
           ) -> dict[int, tuple[str, str]]:
    """Role and rule by index: title and byline lines, captions and a signature beside the body."""
    index = {number: i for i, (number, _) in enumerate(lines)}
    roles = {index[n]: ("byline", "byline") for n in header.byline_lines}
    if header.title.line is not None:
        roles[index[header.title.line]] = ("title", f"title: {header.title.reason}")
    start, end = region
    if start > 0 and start - 1 not in roles and CREDIT.search(lines[start - 1][1]):
        roles[start - 1] = ("caption", "caption above the body")
    for i in range(end, min(end + MAX_SIGNATURE, len(lines))):
        if i in roles or not (CREDIT.search(lines[i][1]) or meta.is_signature_line(lines, i)):
            break
        roles[i] = ("caption", "caption below the body") if CREDIT.search(lines[i][1]) else ("body", "signature")
    return roles


def _decision(line: tuple[int, str], f: Features, first: tuple[str, str], final: str,
              role: tuple[str, str] | None, in_body: bool) -> LineDecision:
    """Combine the line's class, its place in the body region and any header role."""
    number, text = line
    score = prose_score(f)
    if role:
        return LineDecision(number, text, True, role[0], role[1], score, f)
    if not in_body:
        rule = first[1] if first[0] == "bad" else "outside-body"
        return LineDecision(number, text, False, "chrome", rule, score, f)
    if final == "bad":
        rule = first[1] if first[0] == "bad" else f"context:{first[1]}"
        return LineDecision(number, text, False, "chrome", rule, score, f)
    rule = first[1] if first[0] == "good" else f"context:{first[1]}"
    return LineDecision(number, text, True, "caption" if CREDIT.search(text) else "body", rule, score, f)
