"""Tables for clean_lines: every kind of web debris, lines that must stay, header fields."""

from __future__ import annotations

import pytest

from build_tools.model import DroppedLine, HeaderFields, SourceLine
from build_tools.stages.clean import clean_lines

COUNTIES = "彭阳县| 博罗县| 平阴县| 乌拉特前旗| 靖边县| 德惠市| 宜都市| 临沂市| 尚志市| 辛集市"


def rule_of(line: str) -> str | None:
    """The rule that drops a one-line text, or None when the line is kept."""
    cleaned = clean_lines(line, "t2s")
    return cleaned.dropped[0].rule if cleaned.dropped else None


def kept(raw: str) -> list[str]:
    """The text of every line clean_lines keeps."""
    cleaned = clean_lines(raw, "t2s")
    return [line.text for line in cleaned.lines]


def header_of(raw: str) -> HeaderFields:
    return clean_lines(raw, "t2s").header


@pytest.mark.parametrize("line, rule", [
    # breadcrumbs: the corpus's own, then other sites' separators and wordings
    ("你现在的位置:首页 >> 试验区之声 >> 试验区笔谈 >> 工业推动 城市带动", "breadcrumb"),
    (">>信息展播>>正文", "breadcrumb"),
    ("当前位置：首页 » 新闻中心 » 正文", "breadcrumb"),
    ("您现在的位置：首页 > 要闻动态", "breadcrumb"),
    ("首页 › 党建 › 正文", "breadcrumb"),
    ("» 要闻 » 正文", "breadcrumb"),
    ("首页/新闻中心/基层动态", "breadcrumb"),
    ("貴州頻道 返回首頁", "breadcrumb"),
    # banners
    ("欢迎访问 组织法治网!", "banner"),
    ("歡迎光臨 人民網！", "banner"),
    ("欢迎来到中国共产党新闻网", "banner"),
    ("手機版", "banner"),
    ("手机版 | 电脑版", "banner"),
    ("歡迎使用手機瀏覽", "banner"),
    ("请使用手机浏览本页", "banner"),
    # sharing, printing and audio widgets, with or without a site name
    ("共產黨員網 打印 糾錯", "widget"),
    ("人民网 打印 关闭窗口", "widget"),
    ("【打印】【关闭窗口】", "widget"),
    ("【字号 大 中 小】", "widget"),
    ("字体：大 中 小", "widget"),
    ("微信掃一掃 ×", "widget"),
    ("微信扫一扫 分享到朋友圈", "widget"),
    ("分享到：微信 微博", "widget"),
    ("收聽本文 00:00/00:00", "widget"),
    ("收听本文 01:23/05:40", "widget"),
    ("【我要纠错】", "widget"),
    ("返回顶部", "widget"),
    # comment forms and navigation lists
    ("暂无评论!", "comment-form"),
    ("暂无评论。", "comment-form"),
    ("發表評論", "comment-form"),
    ("我要评论", "comment-form"),
    ("姓名:", "comment-form"),
    ("评论:", "comment-form"),
    ("昵称：", "comment-form"),
    ("(字数不能超过300个)", "comment-form"),
    ("（字数不得超过500字）", "comment-form"),
    ("剩余字数:", "comment-form"),
    ("还可以输入200字", "comment-form"),
    ("本类热点", "comment-form"),
    ("热点推荐", "comment-form"),
    ("相关阅读", "comment-form"),
    ("相关新闻：某某县召开乡村振兴推进会", "comment-form"),
    ("上一篇：关于做好秋收工作的通知", "comment-form"),
    ("下一篇：无", "comment-form"),
    # editors
    ("[责任编辑: 汪强]", "editor"),
    ("【责任编辑：张三】", "editor"),
    ("(编辑：李四)", "editor"),
    ("责编：王五", "editor"),
    ("[責任編輯: 陳七]", "editor"),
    # tracking ids, link farms, channel names, stray symbols
    ("010070180010000000000000011100001129241559", "tracking-id"),
    ("a3f9c2e7b1d04e6f9a8b", "tracking-id"),
    (COUNTIES, "link-farm"),
    ("北京市｜天津市｜河北省｜山西省｜内蒙古自治区", "link-farm"),
    ("要闻 | 党建 | 政务 | 民生 | 视频 | 专题", "link-farm"),
    ("新华网贵州频道", "channel"),
    ("人民网党建栏目", "channel"),
    ("1 1 1", "symbols"),
    ("0 0 0 0", "symbols"),
    ("|||", "symbols"),
])
def test_debris_is_dropped_by_its_rule(line: str, rule: str) -> None:
    assert rule_of(line) == rule


@pytest.mark.parametrize("line", [
    "集结",
    "相关",
    "一",
    "……",
    "党建赋能 特色产业活力迸发",
    "牢记嘱托勇担使命 感恩奋进再启征程|写在毕节市“两会”召开之际",
    "海雀村林海",
    "毕节是贵州省劳务输出第一大市，外出务工人员将近200万人。",
    "民生幸福的成色，离不开基层治理的底色。",
    "（一）着力增强“四个意识”。",
    "1.组织一次集中劳动",
    "2023年5月6日，全市召开乡村振兴推进大会。",
    # short headings that contain a widget word inside a longer word
    "大抓基层",
    "大安全大稳定",
    "中小企业融资难题破解",
    "小康路上",
    "打印机进村",
    "关闭小煤矿",
    "分享发展成果",
    "微信公众号成为宣传新阵地",
    # sentences that merely start like a label or mention one
    "提交申请材料后，审批时限压缩至3个工作日。",
    "相关部门要加强协调，形成合力。",
    "相关新闻发布会在京召开",
    "欢迎来到美丽的化屋村，这里山清水秀，群众热情好客，处处都是好风景。",
    "用手机浏览新闻已成为群众获取信息的主要方式，我们要适应这一变化。",
    "每篇稿件字数不超过3000字。",
    "图为化屋村新貌。（图片来源：黔西市融媒体中心）",
    "会议时间：2023年5月6日上午9时",
])
def test_body_lines_are_kept(line: str) -> None:
    assert kept(line) == [line]


@pytest.mark.parametrize("raw, expected", [
    ("2022-12-29 17:33:13\u00a0\u00a0来源: 毕节发布",
     HeaderFields("2022-12-29", "毕节发布", None, None, "2022-12-29 17:33:13  来源: 毕节发布")),
    ("作者:文|喻祖常  发布日期:2017/8/15 阅读次数:",
     HeaderFields("2017-08-15", None, "喻祖常", None, "作者:文|喻祖常  发布日期:2017/8/15 阅读次数:")),
    ("來源:《黨建研究》2024年第11期",
     HeaderFields(None, "《党建研究》2024年第11期", None, None, "來源:《黨建研究》2024年第11期")),
    ("发布时间：2023-05-06 10:21 来源：人民网 作者：张三 浏览次数：1234",
     HeaderFields("2023-05-06", "人民网", "张三", None,
                  "发布时间：2023-05-06 10:21 来源：人民网 作者：张三 浏览次数：1234")),
    ("日期：2023/5/6  来源：黔东南州委组织部",
     HeaderFields("2023-05-06", "黔东南州委组织部", None, None, "日期：2023/5/6  来源：黔东南州委组织部")),
    ("2023年5月6日", HeaderFields("2023-05-06", None, None, None, "2023年5月6日")),
    ("时间：2023-05-06", HeaderFields("2023-05-06", None, None, None, "时间：2023-05-06")),
    # the first line of each field wins; the editor comes from its own line
    ("2023-05-06\n来源：新华社\n正文。\n[责任编辑: 汪强]\n责任编辑：另一人",
     HeaderFields("2023-05-06", "新华社", None, "汪强", "2023-05-06")),
    ("【責任編輯：陳七】", HeaderFields(editor="陈七")),
    ("来源：毕节发布\n2023年，全市完成投资3.5亿元。",
     HeaderFields(source="毕节发布", source_line="来源：毕节发布")),
])
def test_header_fields_are_lifted(raw: str, expected: HeaderFields) -> None:
    assert header_of(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("乡村&nbsp;振兴。", ["乡村振兴。"]),
    ("&ldquo;四个意识&rdquo;", ["“四个意识”"]),
    ("产业&amp;就业", ["产业&就业"]),
    ("&lt;规划&gt;", ["<规划>"]),
    ("第一段。<br>第二段。", ["第一段。", "第二段。"]),
    ("第一段。<BR/>第二段。", ["第一段。", "第二段。"]),
    ("<p>乡村振兴。</p>", ["乡村振兴。"]),
    ('<p class="content" style="text-indent:2em">乡村振兴。</p>', ["乡村振兴。"]),
    ("<strong>产业</strong>兴旺。", ["产业兴旺。"]),
    ("<p></p>", []),
    ("增长率x<3时", ["增长率x<3时"]),
])
def test_entities_are_decoded_and_tags_removed(raw: str, expected: list[str]) -> None:
    assert kept(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("  正文\t段落。 ", ["正文段落。"]),
    ("乡村\u3000\u3000振兴，产业兴旺。", ["乡村振兴，产业兴旺。"]),
    ("党建赋能\u3000特色产业活力迸发", ["党建赋能 特色产业活力迸发"]),
    ("党建赋能\u00a0\u00a0 特色产业活力迸发", ["党建赋能 特色产业活力迸发"]),
    ("集结\u2003108支队伍“驻”进重点村", ["集结 108支队伍“驻”进重点村"]),
    (" \u3000\t\u00a0", []),
])
def test_whitespace_is_normalised(raw: str, expected: list[str]) -> None:
    assert kept(raw) == expected


def test_lines_keep_number_indentation_and_blank_before() -> None:
    cleaned = clean_lines("首页 > 新闻\n\n标题\n  正文。\n\u3000\u3000又一段。\n[责任编辑: 汪强]\n", "t2s")
    assert cleaned.lines == (
        SourceLine(3, "标题", False, True),
        SourceLine(4, "正文。", True, False),
        SourceLine(5, "又一段。", True, False),
    )
    assert cleaned.dropped == (
        DroppedLine(1, "首页 > 新闻", "breadcrumb"),
        DroppedLine(6, "[责任编辑: 汪强]", "editor"),
    )


def test_traditional_lines_keep_their_script() -> None:
    assert kept("鄉(xiāng)村要振興,關鍵是把基層黨組織建好。") == ["鄉村要振興，關鍵是把基層黨組織建好。"]


@pytest.mark.parametrize("line, author, date", [
    ("作者： 发布时间：2021年09月19日 点击数：", None, "2021-09-19"),  # a label before a label is empty
    ("作者：张三 发布时间：2021年09月19日", "张三", "2021-09-19"),
    ("来源： 作者： 日期：2020-01-02", None, "2020-01-02"),
])
def test_an_empty_header_field_is_not_the_next_label(line: str, author: str | None, date: str) -> None:
    header = header_of(line)
    assert (header.author, header.date) == (author, date)
    assert header.source is None or "：" not in header.source


def test_a_widget_is_not_a_source() -> None:
    assert header_of("2021年06月10日 17:35 来源： 【打印】").source is None
