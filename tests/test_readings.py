"""Pinyin is compared with pypinyin's reading in context; confirmed readings stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.build import load, load_and_check
from build_tools.readings import expected_reading, syllables
from tests.test_problems import with_files

PROJECT = Path(__file__).resolve().parent.parent
STABLE = "annotations/glossary/ban-de-chu-wen-de-zhu-zhu-bu-neng-zhi-fu.yml"
FOMAO = "annotations/glossary/fo-mao-xie-zuo.yml"


@pytest.mark.parametrize("term, expected", [
    ("搬得出", "bān de chū"),  # the complement particle is toneless
    ("获得感", "huò dé gǎn"),  # 获得 is a dictionary phrase: dé
    ("我的村", "wǒ de cūn"),
    ("说得好", "shuō de hǎo"),
    ("认真地学习", "rèn zhēn de xué xí"),  # not 地学 dì xué: a phrase starting at 地 does not decide
    ("着力推动", "zhuó lì tuī dòng"),  # 着力 is a phrase: zhuó, not zhe
    ("看着", "kàn zhe"),
    ("了解情况", "liǎo jiě qíng kuàng"),
    ("113攻坚战", "yī yī sān gōng jiān zhàn"),
    ("1+1+N", "yī jiā yī jiā n"),
    ("村BA", "cūn ba"),
    ("四在农家·和美乡村", "sì zài nóng jiā hé měi xiāng cūn"),
])
def test_pypinyin_reads_in_context(term: str, expected: str) -> None:
    assert expected_reading(term) == tuple(expected.split())


@pytest.mark.parametrize("written, expected", [
    ("Wǔ gè yī", ("wǔ", "gè", "yī")),
    ("lǜ sè", ("lǜ", "sè")),
    ("bān-de-chū, wěn", ("bān", "de", "chū", "wěn")),
])
def test_written_pinyin_is_compared_syllable_by_syllable(written: str, expected: tuple[str, ...]) -> None:
    assert syllables(written) == expected


def test_the_real_glossary_reads_as_pypinyin_or_is_confirmed() -> None:
    _, problems = load(PROJECT)
    assert [p for p in problems if p.code in ("pinyin-differs", "bad-pinyin-confirmation")] == []


def problems_for(path: str, text: str) -> list[tuple[int, int, str, str]]:
    _, problems = load_and_check(with_files({path: text}))
    return [(p.line, p.column, p.code, p.message) for p in problems if p.path == path]


def test_a_toned_particle_is_caught() -> None:
    """The slip a review found: 得 written dé where the complement particle is toneless."""
    text = (PROJECT / STABLE).read_text(encoding="utf-8")
    slipped = text.replace("bān de chū", "bān dé chū", 1)
    assert slipped != text
    [(line, column, code, message)] = problems_for(STABLE, slipped)
    assert (line, column, code) == (2, 9, "pinyin-differs")
    assert "syllable 2 is written 'dé', pypinyin reads 'de'" in message


@pytest.mark.parametrize("old, new, code", [
    ("  - 佛茂 fó mào\n", "", "pinyin-differs"),  # an unconfirmed reading warns again
    ("  - 佛茂 fó mào\n", "  - 佛 fó\n", None),  # a single character may be confirmed
    ("  - 佛茂 fó mào\n", "  - 佛茂 fú mào\n", "bad-pinyin-confirmation"),  # disagrees with the pinyin
    ("  - 佛茂 fó mào\n", "  - 佛山 fó shān\n", "bad-pinyin-confirmation"),  # not a piece of the term
])
def test_confirmations(old: str, new: str, code: str | None) -> None:
    text = (PROJECT / FOMAO).read_text(encoding="utf-8")
    assert old in text
    found = {c for _, _, c, _ in problems_for(FOMAO, text.replace(old, new, 1))}
    assert found == ({code, "pinyin-differs"} if code else set())
