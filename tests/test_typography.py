"""Tables for normalise_typography: full-width marks beside Chinese, numbers untouched."""

from __future__ import annotations

import pytest

from build_tools.stages.typography import normalise_typography


@pytest.mark.parametrize("text, expected", [
    ("2022年,是极不平凡的一年。", "2022年，是极不平凡的一年。"),
    ("目标:全面振兴", "目标：全面振兴"),
    ("抓产业;促就业", "抓产业；促就业"),
    ("太方便了!", "太方便了！"),
    ("怎么办?", "怎么办？"),
    ("细则(试行)", "细则（试行）"),
    ("河(湖)长制", "河（湖）长制"),
    ("“四个意识”,坚定", "“四个意识”，坚定"),
    ("增长15.5%,牢牢守住", "增长15.5%，牢牢守住"),
    ("人才IP,带动8000余名群众", "人才IP，带动8000余名群众"),
    ("比分3:2,获胜", "比分3:2，获胜"),
    ("截至17:00,共办理", "截至17:00，共办理"),
    ("来源: 毕节发布", "来源：毕节发布"),
    ("好 ,坏", "好，坏"),
])
def test_ascii_marks_beside_chinese_become_full_width(text: str, expected: str) -> None:
    assert normalise_typography(text) == expected


@pytest.mark.parametrize("text", [
    "3.08万元",
    "2800-3000元",
    "1+1+N",
    "“1+1+N”包户工作机制",
    "17:33:13",
    "10:30",
    "上午10:30召开",
    "3,000元",
    "第1,2条",
    "Hello, world!",
    "(PPP)",
    "推广PPP(Public-Private Partnership)模式",
    "国发〔2022〕2号",
])
def test_numbers_and_latin_are_untouched(text: str) -> None:
    assert normalise_typography(text) == text


@pytest.mark.parametrize("text, expected", [
    ("毕节 深入贯彻 文件精神。", "毕节深入贯彻文件精神。"),
    ("推行 “党小组+楼栋长”模式。", "推行“党小组+楼栋长”模式。"),
    ("以“ 大发展”为总动力", "以“大发展”为总动力"),
    ("给村党支部书记打了 一针强心剂。", "给村党支部书记打了一针强心剂。"),
    ("党建赋能 特色产业活力迸发", "党建赋能 特色产业活力迸发"),
    ("集结 108支队伍", "集结 108支队伍"),
    # only a space between two characters is an artefact; one beside a number may be style
    ("全市 2022年 完成投资。", "全市 2022年完成投资。"),
])
def test_spaces_go_in_prose_and_stay_in_headings(text: str, expected: str) -> None:
    assert normalise_typography(text) == expected
