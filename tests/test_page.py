"""Saved pages: decoding, title without the site name, metadata evidence, corpus pages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from build_tools.commands.evaluate import PER_FORM, Score, corpus_scores, find_corpus
from build_tools.stages.page import (
    decode_page,
    extract_page,
    merge_missing,
    strip_site_name,
    table_row,
    title_parts,
)

CORPUS = find_corpus(Path(__file__).resolve().parent.parent)
PROSE = ("近年来，化屋村始终坚持党建引领，采取“党支部+公司+合作社”等方式，推动苗绣、黄姜等特色产业协同发展，"
         "走出一条以文促旅、以旅兴农的农文旅融合发展新路子。")
PAGE = f"""<!doctype html><html><head><meta charset="{{charset}}">
<title>化屋村走出农文旅融合发展新路子_某某县人民政府网</title>
<meta property="og:site_name" content="某某县人民政府网">
<link rel="canonical" href="https://www.example.gov.cn/art/2023/10/4/art_1.html">
</head><body>
<div class="nav"><a href="/">首页</a> | <a>新闻中心</a> | <a>政务公开</a> | <a>办事服务</a></div>
<div class="crumb">当前位置：首页 &gt; 新闻中心 &gt; 基层动态</div>
<h1>化屋村走出农文旅融合发展新路子</h1>
<div class="info">作者： 发布时间：2023-10-04 点击数：</div>
<div class="content"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
<div class="footer">版权所有：某某县人民政府 ICP备12345678号</div>
</body></html>"""


@pytest.mark.parametrize("data, encoding", [
    (PAGE.format(charset="utf-8").encode("utf-8"), "utf-8"),
    (PAGE.format(charset="gb2312").encode("gb18030"), "gb18030"),  # GB2312 widened: 〇 and rare names
    (codecs.BOM_UTF8 + PAGE.format(charset="gbk").encode("utf-8"), "utf-8"),  # the BOM wins
    (PAGE.format(charset="utf-8").encode("gb18030"), "gb18030"),  # a wrong declaration is refused
])
def test_decode_page(data: bytes, encoding: str) -> None:
    decoded, problems = decode_page(data)
    assert problems == [] and decoded is not None
    assert decoded.encoding == encoding and "化屋村" in decoded.text


@pytest.mark.parametrize("title, site, expected", [
    ("化屋村走出农文旅融合发展新路子_某某县人民政府网", "某某县人民政府网", "化屋村走出农文旅融合发展新路子"),
    ("标题文字在这里-辽阳网站欢迎您!", None, "标题文字在这里"),
    ("太原市人民政府门户网站-晋祠博物馆-董寿平美术馆", "太原市人民政府门户网站", "董寿平美术馆"),
    ("2023-2025年乡村振兴规划 - 某某网", "某某网", "2023-2025年乡村振兴规划"),
    ("新闻中心 | 某某县召开乡村振兴推进会", None, "某某县召开乡村振兴推进会"),
])
def test_title_without_site_name(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected


def test_title_parts_keep_year_ranges() -> None:
    assert title_parts("2023-2025年规划_某某网") == ["2023-2025年规划", "某某网"]


def test_extract_page_fields_and_evidence() -> None:
    page = extract_page(PAGE.format(charset="utf-8"))
    assert (page.title, page.date, page.author, page.site_name, page.url) == (
        "化屋村走出农文旅融合发展新路子", "2023-10-04", None, "某某县人民政府网",
        "https://www.example.gov.cn/art/2023/10/4/art_1.html")
    assert page.source_of("title").startswith("page heading") and page.source_of("url") == "link rel=canonical"
    assert any(PROSE[:20] in line for line in page.lines)
    assert not any("ICP备" in line or "当前位置" in line for line in page.lines)


def test_a_page_trafilatura_cannot_read_falls_back_to_the_dump_stage() -> None:
    page = extract_page(f"<html><body><table><tr><td>{PROSE}</td></tr></table></body></html>")
    assert page.lines and PROSE[:20] in page.lines[0]


@pytest.mark.skipif(CORPUS is None, reason="development corpus tests/corpus absent; present at merge")
def test_corpus_pages_meet_the_targets() -> None:
    """Every saved page: sentences 99%, chrome 95% (titles and dates: over all files, test_main_content)."""
    assert CORPUS is not None
    total = Score()
    for form, _, result in corpus_scores(CORPUS):
        if form == "html":
            total.add(result)
    assert total.files and total.shortfalls(PER_FORM) == [], "\n".join(total.worst)


def test_lines_trafilatura_lost_are_put_back_in_place() -> None:
    lines = ["一、活动主题", "附件：1.知识竞答工作要求", "3.成果征集表"]
    body = ["一、活动主题", "附件：1.知识竞答工作要求", "2.作品报送要求", "3.成果征集表", "版权所有"]
    assert merge_missing(lines, body) == ["一、活动主题", "附件：1.知识竞答工作要求", "2.作品报送要求", "3.成果征集表"]


@pytest.mark.parametrize("line, expected", [
    ("| 品目 | 货物/专用设备 |  |  |", "品目 货物/专用设备"),  # as a browser copies a table row
    ("| 1 | 某某公司 | 294.8 |", "1 某某公司 294.8"),
    ("项目编号：SZ2021-010", "项目编号：SZ2021-010"),
])
def test_table_rows_read_as_a_browser_copies_them(line: str, expected: str) -> None:
    assert table_row(line) == expected


def _page(head: str, body: str) -> str:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}<div>{PROSE}</div><div>{PROSE}</div>" \
           f"</body></html>"


@pytest.mark.parametrize("head, footer, site, source", [
    ("<title>某地召开推进会 - 中国日报网</title><meta name='twitter:site' content='@ChinaDailyApp'>", "",
     "中国日报网", "last piece of the <title>"),
    ("<title>某地召开推进会</title><meta name='twitter:site' content='@ChinaDailyApp'>", "", None, "unknown"),
    ("<title>某地召开推进会</title>", "<div>© 2020 版权所有 南京大学信息化建设管理服务中心 All Rights Reserved</div>",
     "南京大学信息化建设管理服务中心", "copyright notice"),
    ("<title>某地召开推进会</title>", "<div>网易公司版权所有</div>", "网易", "copyright notice"),
    ("<title>某地召开推进会_网易娱乐</title><meta property='og:site_name' content='网易'>", "", "网易", "og:site_name"),
])
def test_site_name_is_never_a_twitter_handle(head: str, footer: str, site: str | None, source: str) -> None:
    page = extract_page(_page(head, f"<h1>某地召开推进会</h1>{footer}"))
    assert page.site_name == site and page.source_of("site_name").startswith(source)


def test_a_dash_in_the_headline_is_no_site_name() -> None:
    page = extract_page(_page("<title>数据的秘密 - 如何分析数据</title>", "<h1>数据的秘密 - 如何分析数据</h1>"))
    assert page.site_name != "如何分析数据"


@pytest.mark.parametrize("title, heading, expected", [
    ("某地召开乡村振兴推进会（图）_新浪网", "", "某地召开乡村振兴推进会"),  # no heading carries the mark
    ("某地召开乡村振兴推进会[组图] - 网易娱乐", "<h2>站点</h2>", "某地召开乡村振兴推进会"),
    ("某地召开乡村振兴推进会（图）_新浪网", "<h1>某地召开乡村振兴推进会（图）</h1>", "某地召开乡村振兴推进会（图）"),
    ("谈谈乡村振兴 - 某某的博客", "<h1>某某的博客</h1><h1>谈谈乡村振兴</h1>", "谈谈乡村振兴"),  # not the masthead
])
def test_title_without_site_suffix_or_picture_mark(title: str, heading: str, expected: str) -> None:
    assert extract_page(_page(f"<title>{title}</title>", heading)).title == expected
