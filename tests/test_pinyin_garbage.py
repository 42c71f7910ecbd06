"""Tables for remove_pinyin_garbage: readings after characters go, real parentheses stay."""

from __future__ import annotations

import pytest

from build_tools.stages.pinyin_garbage import readings, remove_pinyin_garbage


@pytest.mark.parametrize("text, expected", [
    ("鄉(xiāng)村", "鄉村"),
    ("戰(zhàn)斗", "戰斗"),
    ("發(fā)展", "發展"),
    ("優(yōu)化基層班子", "優化基層班子"),
    ("鄉（xiāng）村", "鄉村"),
    ("鄉（ xiāng ）村", "鄉村"),
    ("乡(xiang)村", "乡村"),
    ("乡(Xiāng)村", "乡村"),
    ("綠(lǜ)色", "綠色"),
    ("綠(lv)色", "綠色"),
    ("長(zhǎng)期", "長期"),
    ("長(cháng)期", "長期"),
    ("行(háng)業", "行業"),
    ("嗯(ng)", "嗯"),
    ("促鄉(xiāng)村振興,抓鄉(xiāng)村治理", "促鄉村振興,抓鄉村治理"),
    ("培養(yǎng)、團(tuán)隊", "培養、團隊"),
])
def test_reading_after_its_character_is_removed(text: str, expected: str) -> None:
    assert remove_pinyin_garbage(text) == expected


@pytest.mark.parametrize("text", [
    "王土瑞(中)率队",
    "(中)",
    "108个市直(含驻高)单位",
    "乡镇(街道)领导班子",
    "作推介(供图/毕节金海湖新区党政办)",
    "推广(PPP)模式",
    "借助“村(BA)”品牌",
    "高州(Gaozhou)",
    "中国(China)",
    "乡(cun)村",
    "乡(xiang1)村",
    "河(湖)长制",
    "(xiāng)",
    "2023(nian)",
])
def test_other_parentheses_stay(text: str) -> None:
    assert remove_pinyin_garbage(text) == text


@pytest.mark.parametrize("character, expected", [
    ("乡", {"xiang"}),
    ("长", {"chang", "zhang"}),
    ("绿", {"lü", "lu"}),
])
def test_readings_are_toneless(character: str, expected: set[str]) -> None:
    assert readings(character) == expected
