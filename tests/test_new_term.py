"""new-term: proposed ids and pinyin, the draft and its concordance, refusals, the round trip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.annotations.glossary import GLOSSARY_FIELDS
from build_tools.annotations.romanise import propose_id, propose_pinyin
from build_tools.checks import PINYIN
from build_tools.cli import run
from build_tools.commands.new_term import find_sightings
from build_tools.edition import Edition
from build_tools.sources import check_id
from tests.sitebuild import listing


@pytest.mark.parametrize("text, syllables, expected", [
    ("五个一", None, "wu-ge-yi"),
    ("113攻坚战", None, "113-gong-jian-zhan"),
    ("1+1+N", None, "1-1-n"),
    ("１＋１＋Ｎ", None, "1-1-n"),  # full-width, as some scraped texts write it
    ("村BA", None, "cun-ba"),
    ("三级推荐、四维培养、五重考察", None, "san-ji-tui-jian-si-wei-pei-yang-wu-zhong-kao-cha"),
    ("“一中心一张网十联户”", None, "yi-zhong-xin-yi-zhang-wang-shi-lian-hu"),
    ("工业推动 城市带动 凝心聚力打赢“113攻坚战”", 6, "gong-ye-tui-dong-cheng-shi"),
    ("国发〔2022〕2号文件", 4, "guo-fa-2022-2"),
    ("高州市直机关党组织与乡村振兴重点村党组织结对共建助力“百千万工程”工作方案", None,  # ids stop at 80
     "gao-zhou-shi-zhi-ji-guan-dang-zu-zhi-yu-xiang-cun-zhen-xing-zhong-dian-cun-dang"),
])
def test_propose_id(text: str, syllables: int | None, expected: str) -> None:
    assert propose_id(text, syllables) == expected


@pytest.mark.parametrize("text, expected", [
    ("五个一", "wǔ gè yī"),
    ("四抓四强", "sì zhuā sì qiáng"),
    ("113攻坚战", "yī yī sān gōng jiān zhàn"),  # digits read aloud, as the glossary writes them
    ("1+1+N", "yī jiā yī jiā N"),
    ("村BA", "cūn BA"),
    ("大扶贫、大数据、大生态", "dà fú pín dà shù jù dà shēng tài"),
    ("绿水青山", "lǜ shuǐ qīng shān"),
])
def test_propose_pinyin(text: str, expected: str) -> None:
    assert propose_pinyin(text) == expected


def test_proposals_agree_with_the_confirmed_glossary(edition: Edition) -> None:
    """On the real entries, proposals are valid and almost always what people confirmed."""
    for entry in edition.glossary:
        assert check_id(propose_id(entry.term)) is None, entry.term
        assert PINYIN.match(propose_pinyin(entry.term)), entry.term
    same_id = sum(propose_id(e.term) == e.id for e in edition.glossary)
    same_pinyin = sum(propose_pinyin(e.term) == e.pinyin for e in edition.glossary)
    assert same_id >= 0.95 * len(edition.glossary)
    assert same_pinyin >= 0.95 * len(edition.glossary)  # the rest: polyphones such as 行 in 行动


@pytest.mark.parametrize("term, expected", [
    ("负面清单", [("jinhaihu-113", "p8", None)]),
    # Inside a longer term the matcher links the longer one; the contributor is told so.
    ("一张网", [("bijie-2022-review", "p36", "一中心一张网十联户"),
               ("bijie-reform-pulse", "p22", "一中心一张网十联户"),
               ("qiandongnan-sizhuasiqiang", "p5", "一中心一张网十联户")]),
    ("不在文本里的词", []),
])
def test_concordance(edition: Edition, term: str, expected: list[tuple[str, str, str | None]]) -> None:
    sightings = find_sightings(edition, term, "x")
    assert [(s.text_id, s.anchor, s.inside) for s in sightings] == expected
    for s in sightings:
        block = edition.text(s.text_id).article.paragraph(s.anchor)  # type: ignore[union-attr]
        assert f"{s.before}{s.form}{s.after}".strip("…") in block.text  # type: ignore[union-attr]
        assert 0 < len(s.before.strip("…")) <= 30 and len(s.after.strip("…")) <= 30


def test_draft_documents_every_field_in_order(project: Path) -> None:
    assert run(["--root", str(project), "new-term", "负面清单"]) == 0
    draft = (project / "annotations/glossary/fu-mian-qing-dan.yml").read_text(encoding="utf-8")
    keys = re.findall(r"^([a-z_]+):", draft, flags=re.MULTILINE)
    assert keys == [field.name for field in GLOSSARY_FIELDS]
    for field in GLOSSARY_FIELDS:
        assert f"# {field.name} ({'required' if field.required else 'optional'}): {field.doc}" in draft
    assert "pinyin: fù miàn qīng dān  # proposed by pypinyin — confirm" in draft
    assert "slogan 提法 · initiative 举措" in draft
    assert "#  - {text: jinhaihu-113, paragraph: p8}  # …" in draft
    assert yaml.safe_load(draft)["term"] == "负面清单"


def test_only_the_draft_is_written(project: Path) -> None:
    before = listing(project)
    assert run(["--root", str(project), "new-term", "最后一公里", "--id", "zui-hou-yi-gong-li"]) == 0
    assert sorted(set(listing(project)) - set(before)) == ["annotations/glossary/zui-hou-yi-gong-li.yml"]


@pytest.mark.parametrize("argv, location, code", [
    (["五个一"], "annotations/glossary/wu-ge-yi.yml:1:7", "duplicate-term"),
    (["贵州村超"], "annotations/glossary/cun-chao.yml:3:5", "duplicate-term"),  # a variant
    (["貴州村超"], "annotations/glossary/cun-chao.yml:3:5", "duplicate-term"),  # its Traditional form
    (["一个新词", "--id", "wu-ge-yi"], "annotations/glossary/wu-ge-yi.yml:1:1", "file-exists"),
    (["一个新词", "--id", "Yi_Ge"], "annotations/glossary/Yi_Ge.yml:1:1", "bad-id"),
    (["。"], "annotations/glossary/.yml:1:1", "bad-id"),  # nothing to make an id from
])
def test_refusals_name_the_file_and_write_nothing(project: Path, capsys: pytest.CaptureFixture[str],
                                                  argv: list[str], location: str, code: str) -> None:
    before = listing(project)
    assert run(["--root", str(project), "new-term", *argv]) == 1
    err = capsys.readouterr().err
    assert f"{location}: error: " in err and f"({code})" in err
    assert "Traceback" not in err
    assert listing(project) == before


def fill(draft: str) -> str:
    """What a contributor does: fill the required fields, uncomment the first citation."""
    draft = draft.replace("\nenglish:\n", "\nenglish: Negative list\n")
    draft = draft.replace("\nkind:\n", "\nkind: mechanism\n")
    draft = draft.replace("\nsummary:\n", "\nsummary: 列明禁止事项的清单。\n")
    draft = draft.replace("\ndefinition:\n", "\ndefinition: |\n  列明禁止或限制事项的清单。\n")
    return re.sub(r"^#(  - \{text: )", r"\1", draft, count=1, flags=re.MULTILINE)


@pytest.mark.parametrize("term, term_id", [
    ("负面清单", "fu-mian-qing-dan"),
    ("顶层设计", "ding-ceng-she-ji"),
    ("三大举措", "san-da-ju-cuo"),
])
def test_round_trip_draft_fill_check_fmt(project: Path, capsys: pytest.CaptureFixture[str],
                                         term: str, term_id: str) -> None:
    root = str(project)
    assert run(["--root", root, "new-term", term]) == 0
    path = project / f"annotations/glossary/{term_id}.yml"
    assert run(["--root", root, "check"]) == 1  # the draft's required fields are still empty
    assert f"annotations/glossary/{term_id}.yml" in capsys.readouterr().err
    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert run(["--root", root, "check"]) == 0, capsys.readouterr().err
    assert run(["--root", root, "fmt", str(path)]) == 0  # drops the comments, keeps the meaning
    assert "#" not in path.read_text(encoding="utf-8")
    assert run(["--root", root, "check"]) == 0, capsys.readouterr().err
