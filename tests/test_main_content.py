"""The main-content stage for text dumps: features, classes, smoothing, region, header, seeds, corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.commands.evaluate import OVER_ALL, PER_FORM, Score, corpus_scores, decode_dump, find_corpus
from build_tools.edition import CorpusText
from build_tools.stages import line_runs as runs
from build_tools.stages import page_metadata as meta
from build_tools.stages.main_content import (
    classify,
    densest_region,
    extract_main_content,
    features,
    menu_runs,
    numbered_lines,
    rescue,
    smooth,
)
from build_tools.stages.page_metadata import key as line_key

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS = find_corpus(Path(__file__).resolve().parent.parent)
PROSE = ("近年来，化屋村始终坚持党建引领，采取“党支部+公司+合作社”等方式，推动苗绣、黄姜等特色产业协同发展，"
         "走出一条以文促旅、以旅兴农的农文旅融合发展新路子。")


@pytest.mark.parametrize("line, cls, rule", [
    (PROSE, "good", "prose"),
    ("毕节是贵州省劳务输出第一大市，外出务工人员将近200万人。", "good", "prose"),
    ("首页 | 机构 | 新闻 | 公开 | 服务 | 互动", "bad", "separated-items"),
    ("首页 > 新闻中心 > 基层动态", "bad", "separated-items"),
    ("当前位置：首页 > 政务动态", "bad", "widget"),
    ("作者： 发布时间：2021年09月19日 点击数：", "bad", "widget"),
    ("京ICP备10028400号-1 京公网安备11010202007625号", "bad", "widget"),
    ("版权所有：某某县人民政府 技术支持：某某网络公司", "bad", "widget"),
    ("上一篇：我县召开乡村振兴推进会", "bad", "widget"),
    ("我县召开乡村振兴工作推进会[06-11]", "bad", "trailing-date"),
    ("全面推进乡村振兴战略实施 (2023-10-04)", "bad", "trailing-date"),
    ("关于进一步加强农村基层党组织建设的若干…", "bad", "truncated"),
    ("登录 注册 搜索", "bad", "widget-words"),
    ("點擊數：120 瀏覽次數", "bad", "widget"),  # Traditional scores like Simplified
    ("集结", "short", "short"),  # a kicker heading: its neighbours decide
    ("2024年5月30日", "short", "short"),  # a date alone may sign a notice
    ("2023年5月10日至6月30日", "short", "short"),  # a period in a notice, not a dated news item
    ("毕节绕城高速金海湖东互通", "neargood", "unclear"),  # a caption with no punctuation
    ("主办单位：教育部思想政治工作司", "neargood", "field"),  # in a notice's body, not a footer
])
def test_first_class(line: str, cls: str, rule: str) -> None:
    assert classify(features(line)) == (cls, rule)


@pytest.mark.parametrize("line, han, density, marks, items", [
    ("在村里的合作社中。", 8, 0.375, 1, 1),
    ("首页 > 新闻 > 正文", 6, 0.0, 0, 3),
    ("2022年,是极不平凡的一年。", 9, 0.222, 1, 1),
])
def test_features(line: str, han: int, density: float, marks: int, items: int) -> None:
    f = features(line)
    assert (f.han, f.function_density, f.sentence_marks, f.items) == (han, density, marks, items)


def test_recurring_lines_are_chrome() -> None:
    line = "本网站由县委宣传部主办并负责日常维护和更新工作，欢迎广大网友提出意见建议。"
    assert classify(features(line))[0] == "good"
    assert classify(features(line, frozenset({line_key(line)}))) == ("bad", "recurring")


@pytest.mark.parametrize("classes, expected", [
    (("good", "short", "good"), ("good", "good", "good")),  # a heading between paragraphs
    (("bad", "short", "bad"), ("bad", "bad", "bad")),  # a menu item among menus
    (("bad", "neargood", "good"), ("bad", "good", "good")),  # a caption beside the body
    (("bad", "neargood", "bad"), ("bad", "bad", "bad")),  # a sidebar title among chrome
    (("short", "good"), ("bad", "good")),  # the page's edge counts as chrome
])
def test_smoothing(classes: tuple[str, ...], expected: tuple[str, ...]) -> None:
    assert smooth(classes) == expected


def test_weak_chrome_between_good_lines_is_rescued() -> None:
    classes = ("good", "bad", "good", "bad", "good")
    assert rescue(classes, (0.0, 0.5, 0.0, 1.0, 0.0)) == ("good", "good", "good", "bad", "good")


def test_densest_region_skips_isolated_prose_in_chrome() -> None:
    classes = ["good", "bad", "bad", "bad", "good", "good", "bad", "good", "good", "bad"]
    han = [20, 5, 5, 5, 100, 100, 3, 100, 80, 10]
    assert densest_region(classes, han) == (4, 9)


@pytest.mark.parametrize("text, expected", [
    ("作者： 发布时间：2021年09月19日 点击数：", {"作者": "", "发布时间": "2021年09月19日", "点击数": ""}),
    ("来源：毕节日报 作者：张三", {"来源": "毕节日报", "作者": "张三"}),
])
def test_fields_treat_a_label_before_a_label_as_empty(text: str, expected: dict[str, str]) -> None:
    assert meta.fields(text) == expected


@pytest.mark.parametrize("text, author", [
    ("作者： 发布时间：2021年09月19日 点击数：", None),
    ("作者:文|喻祖常  发布日期:2017/8/15 阅读次数:", "喻祖常"),
    ("2022-12-29 17:33:13  来源: 毕节发布", "毕节发布"),
])
def test_author_of_a_byline(text: str, author: str | None) -> None:
    assert meta.author_of(text) == author


DUMP = f"""首页 | 新闻 | 政务 | 服务 | 互动
当前位置：首页 > 新闻中心 > 基层动态
我县召开乡村振兴推进会
作者： 发布时间：2021年09月19日 点击数：
{PROSE}
产业振兴
{PROSE}
图为村民在合作社劳动（摄影/张三）
上一篇：全县党建工作会议召开
下一篇：乡村治理现场会在某镇举行
热点新闻
全县秋粮收购工作有序推进[09-18]
某镇开展环境整治行动[09-17]
版权所有：某某县人民政府 技术支持：某某网络公司 ICP备12345678号
"""


def test_a_whole_dump() -> None:
    result = extract_main_content(numbered_lines(DUMP))
    roles = {d.number: d.role for d in result.kept()}
    assert roles == {3: "title", 4: "byline", 5: "body", 6: "body", 7: "body", 8: "caption"}
    assert (result.header.title.value, result.header.date.value, result.header.author.value) == (
        "我县召开乡村振兴推进会", "2021-09-19", None)
    dropped = {d.number: d.rule for d in result.decisions if not d.keep}
    assert dropped[1] == "separated-items" and dropped[9] == "widget" and dropped[12] == "trailing-date"


def test_every_decision_is_explained() -> None:
    result = extract_main_content(numbered_lines(DUMP))
    assert all(d.rule and d.features.describe() for d in result.decisions)
    assert "widget:版权所有" in result.explain()


def test_no_title_is_guessed_without_evidence() -> None:
    result = extract_main_content(numbered_lines(f"新闻中心\n政务公开\n{PROSE}\n"))
    assert result.header.title.value is None and result.header.title.reason


def test_seeds_keep_every_line_today_keeps(real_texts: dict[str, CorpusText], text_id: str) -> None:
    """Every line in a block of today's article (see the golden files) is kept by the stage."""
    kept_today = {n for block in real_texts[text_id].article.blocks for n in block.lines}
    text = decode_dump((PROJECT_ROOT / "texts" / f"{text_id}.txt").read_bytes())
    kept = {d.number for d in extract_main_content(numbered_lines(text)).kept()}
    assert sorted(kept_today - kept) == []


@pytest.mark.skipif(CORPUS is None, reason="development corpus tests/corpus absent; present at merge")
def test_corpus_dumps_meet_the_targets() -> None:
    """Every text dump and re-encoded variant: sentences 99%, chrome 95%."""
    assert CORPUS is not None
    total = Score()
    for form, _, result in corpus_scores(CORPUS):
        if form == "text":
            total.add(result)
    assert total.files and total.shortfalls(PER_FORM) == [], "\n".join(total.worst)


def test_corpus_titles_and_dates_meet_the_targets() -> None:
    """Every file of the corpus, saved page or dump: the title for 90%, the date for 80% of those dated."""
    assert CORPUS is not None
    total = Score()
    for form, _, result in corpus_scores(CORPUS):
        if form in ("text", "html"):
            total.add(result)
    assert total.files and total.shortfalls(OVER_ALL) == [], "\n".join(total.worst)


def test_a_run_of_short_items_is_a_menu_but_a_byline_in_it_is_not() -> None:
    lines = ["我县召开乡村振兴推进会", "我要分享", "腾讯微博", "QQ空间", "新浪微博", "微信好友", "集结", PROSE]
    feats = [features(line) for line in lines]
    first = menu_runs([classify(f) for f in feats], feats, [False] * len(lines))
    assert [rule for _, rule in first] == ["unclear"] + ["menu-run"] * 6 + ["prose"]
    dated = menu_runs([classify(f) for f in feats], feats, [False, False, True, False, False] + [False] * 3)
    assert [rule for _, rule in dated][1:3] == ["short", "short"]  # a line with a date breaks the run


@pytest.mark.parametrize("line, kind, structured", [
    (PROSE, "prose", False),
    ("中国检察机关加大查办职务犯罪力度 保持高压反腐", "headline", False),
    ("·[时政]温家宝抵达开罗开始文明对话、友好合作之旅", "bullet", False),
    ("采购单位地址 芷江侗族自治县公路建设养护中心", "other", True),  # a form label and its value
    ("成交日期：2021年06月09日", "other", True),
    ("1 湖南某建设有限公司 长沙市某区9栋57号 294.800000", "other", True),  # a table row
    ("三、采购代理机构信息", "other", True),
])
def test_line_kinds(line: str, kind: str, structured: bool) -> None:
    assert (runs.kind(line), runs.is_structured(line)) == (kind, structured)


def test_a_labelled_date_is_a_field_and_a_slash_path_no_menu() -> None:
    assert classify(features("本项目招标公告日期：2021年05月26日")) == ("neargood", "field")
    assert classify(features("行政区域 某某县 公告时间 2021年06月10日 17:35")) == ("neargood", "field")
    assert features("货物/专用设备/安全生产设备/公路行业安全设备").items == 1
    assert features("首页 / 新闻 / 正文").items == 3


def test_a_site_notice_is_chrome_though_it_has_sentences() -> None:
    notice = "版权保护：本网登载的内容（包括文字、图片等）版权属本网所有。未经本网事先协议授权，禁止转载使用。"
    assert classify(features(notice)) == ("bad", "widget")
    law = "未经著作权人许可，任何单位不得转载其作品，依法保护版权和授权使用的合法权益。"  # no site naming itself
    assert classify(features(law))[0] == "good"


SIDEBAR = "\n".join(f"·[时政]某地召开第{n}次乡村振兴工作推进会议" for n in "一二三四五六")


def test_a_run_of_headlines_after_the_body_is_a_link_list() -> None:
    result = extract_main_content(numbered_lines(f"{DUMP.split('上一篇')[0]}热点新闻\n{SIDEBAR}\n"))
    dropped = {d.number: d.rule for d in result.decisions if not d.keep}
    assert all(dropped.get(n) == "link-list" for n in range(10, 16)), result.explain()
    assert [runs.link_lists(["headline"] * 3 + ["prose"] + ["headline"] * 3)] == [set()]  # sentences break runs


FORM = """政府采购网
首页
当前位置：首页 » 政采公告 » 成交公告
某某县道路安防工程成交公告
2021年06月10日 17:35 来源：
公告概要：
采购项目名称 某某县道路安防工程
品目
货物/专用设备/安全生产设备
采购单位 某某县公路建设养护中心
行政区域 某某县 公告时间 2021年06月10日 17:35
某某公司受某某县公路建设养护中心的委托，就“某某县道路安防工程”项目组织采购，评标工作已经结束，成交结果如下：
一、项目信息
项目编号：SZ2021-010
项目联系人：黄先生
二、成交信息
成交日期：2021年06月09日
总成交金额：294.8 万元（人民币）
三、其它补充事宜
相关公告
网站标识码：bm14000002 | 京ICP备19054529号-1
"""


def test_a_notice_keeps_its_fields_and_dates() -> None:
    result = extract_main_content(numbered_lines(FORM))
    kept = {d.number for d in result.body()}
    assert kept == set(range(6, 20)), result.explain()
    assert (result.header.title.line, result.header.date.value) == (4, "2021-06-10")


def test_an_address_block_after_a_prose_body_is_cut() -> None:
    text = f"{DUMP.split('上一篇')[0]}信息化建设管理服务中心\n仙林校区：某某楼\n地点：图书馆东面\n版权所有：某某大学\n"
    kept = {d.text for d in extract_main_content(numbered_lines(text)).kept()}
    assert PROSE in kept and not kept & {"信息化建设管理服务中心", "仙林校区：某某楼", "地点：图书馆东面"}


def test_the_title_is_sought_above_every_byline_and_never_a_player() -> None:
    text = f"新华网 > 正文\n来源：新华网\n某地推进乡村振兴\n收听本文 00:00/00:00\n2023-11-17 来源：新华网\n{PROSE}\n{PROSE}\n"
    header = extract_main_content(numbered_lines(text)).header
    assert (header.title.value, header.date.value) == ("某地推进乡村振兴", "2023-11-17")


def test_a_sidebar_ending_above_the_byline_leaves_the_title() -> None:
    text = f"热点新闻\n{SIDEBAR}\n我县召开乡村振兴推进会\n发布时间：2023-10-04 来源：县融媒体中心\n{PROSE}\n{PROSE}\n"
    result = extract_main_content(numbered_lines(text))
    assert result.header.title.value == "我县召开乡村振兴推进会"
    assert {d.rule for d in result.decisions if d.number in range(2, 8)} == {"link-list"}


@pytest.mark.parametrize("text, date, byline", [
    ("Feb 1st, 2015", "2015-02-01", True),  # a blog template dates a post in English
    ("1 February 2015", "2015-02-01", True),
    ("2009-07-20 08:43:57 大洋网-信息时报 | 发表评论(0) | 正文背景色：", "2009-07-20", True),  # a stamp opens it
    ("May 2015 brought rain", None, False),
])
def test_english_dates_and_publication_stamps(text: str, date: str | None, byline: bool) -> None:
    assert (meta.iso_date(text), meta.is_byline(text)) == (date, byline)


def test_the_title_is_the_longest_heading_above_the_byline_and_a_name_line_is_the_author() -> None:
    text = f"首页 | 新闻 | 政务 | 服务\n熊玲：什么样的婚姻才是鸡肋婚姻？\n心理咨询师熊玲\n2018/03/05 09:53\n{PROSE}\n{PROSE}\n"
    result = extract_main_content(numbered_lines(text))
    assert (result.header.title.value, result.header.author.value) == ("熊玲：什么样的婚姻才是鸡肋婚姻？", "心理咨询师熊玲")
    assert {d.number: d.role for d in result.kept()}[3] == "byline"


def test_a_short_title_after_a_menu_is_no_menu_item() -> None:
    text = f"首页\n所有文章\n专题文章\n我的微博\n谈谈 React Native\nFeb 1st, 2015\n{PROSE}\n{PROSE}\n愿大家珍惜这样的机会，玩得开心～\n"
    result = extract_main_content(numbered_lines(text))
    assert (result.header.title.value, result.header.date.value) == ("谈谈 React Native", "2015-02-01")
    assert "愿大家珍惜这样的机会，玩得开心～" in {d.text for d in result.body()}


def test_a_line_repeating_the_body_opening_is_no_title() -> None:
    teaser = PROSE[:16]
    result = extract_main_content(numbered_lines(f"首页 | 新闻 | 政务 | 服务\n{teaser}\n发布时间：2023-10-04\n{PROSE}\n{PROSE}\n"))
    assert result.header.title.value is None and result.header.date.value == "2023-10-04"


def test_a_tag_line_is_chrome() -> None:
    assert classify(features("标签： 林依轮 字体")) == ("bad", "widget")


@pytest.mark.parametrize("line, title", [
    ("首页 唐诗三百首 宋词三百首 古诗十九首 诗词名句 文言文 赋 词牌名", False),  # a menu
    ("文化人 天下事", False),  # a site's slogan
    ("工业推动 城市带动 凝心聚力打赢“113攻坚战”", True),  # parts of a title are phrases
    ("谈谈 React Native", True),
])
def test_a_row_of_short_items_is_never_a_title(line: str, title: bool) -> None:
    assert meta.looks_like_title(line) is title
