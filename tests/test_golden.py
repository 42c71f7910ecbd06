"""Golden files for the real texts, and invariants every real text must keep.

A golden file is the whole result of cleaning and structure for one text: its blocks,
the lines dropped with the rule that dropped them, and the header fields. Rewrite them
with ``pytest --update-golden`` and review the diff like any other change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.edition import CorpusText
from build_tools.model import Article
from build_tools.stages.decode import decode_bytes

PROJECT_ROOT = Path(__file__).resolve().parent.parent
GOLDEN = PROJECT_ROOT / "tests" / "golden"
PINYIN = re.compile(r"[\u4e00-\u9fff]\s?[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")  # 鄉(xiāng)
DEBRIS_WORDS = ("本类热点", "发表评论", "责任编辑", "手机版", "打印", "扫一扫", "返回首页", "当前位置")
TRADITIONAL_ONLY = "鄉黨這與為們發戰"
ASCII_MARK_BY_HAN = re.compile(r"[\u4e00-\u9fff][,:;!?]|[,:;!?][\u4e00-\u9fff]")


def render_golden(article: Article) -> str:
    """The golden text of one article: blocks, dropped lines, header fields."""
    header = article.header
    lines = [f"# {article.text_id}: anchor, kind, text"]
    lines += [f"{b.anchor}\t{b.kind.value}\t{b.text}" for b in article.blocks]
    lines += ["", "# dropped: line, rule, text"]
    lines += [f"{d.number}\t{d.rule}\t{d.text}" for d in article.dropped]
    lines += ["", "# header"]
    fields = {"encoding": article.encoding, "date": header.date, "source": header.source,
              "author": header.author, "editor": header.editor, "source_line": header.source_line}
    lines += [f"{name}\t{value if value is not None else '(none)'}" for name, value in fields.items()]
    return "\n".join(lines) + "\n"


def test_golden(real_texts: dict[str, CorpusText], text_id: str,
                golden: Callable[[Path, str], None]) -> None:
    golden(GOLDEN / f"{text_id}.txt", render_golden(real_texts[text_id].article))


def test_every_real_text_has_a_golden_file(real_texts: dict[str, CorpusText]) -> None:
    assert sorted(p.stem for p in GOLDEN.glob("*.txt")) == sorted(real_texts)


def test_no_pinyin_is_left(real_texts: dict[str, CorpusText], text_id: str) -> None:
    blocks = real_texts[text_id].article.blocks
    assert [m.group() for b in blocks for m in PINYIN.finditer(b.text + b.original)] == []


def test_no_debris_words_are_left(real_texts: dict[str, CorpusText], text_id: str) -> None:
    blocks = real_texts[text_id].article.blocks
    assert [(b.anchor, w) for b in blocks for w in DEBRIS_WORDS if w in b.text] == []


def test_no_ascii_marks_beside_chinese(real_texts: dict[str, CorpusText], text_id: str) -> None:
    blocks = real_texts[text_id].article.blocks
    assert [(b.anchor, m.group()) for b in blocks for m in ASCII_MARK_BY_HAN.finditer(b.text)] == []


def test_anchors_are_unique(real_texts: dict[str, CorpusText], text_id: str) -> None:
    anchors = [b.anchor for b in real_texts[text_id].article.blocks]
    assert len(anchors) == len(set(anchors))


def test_text_is_simplified(real_texts: dict[str, CorpusText], text_id: str) -> None:
    text = real_texts[text_id]
    assert [c for b in text.article.blocks for c in b.text if c in TRADITIONAL_ONLY] == []
    if text.meta.script == "traditional":  # the conversion had work to do
        assert {c for b in text.article.blocks for c in b.original} & set(TRADITIONAL_ONLY)


def test_every_raw_line_is_kept_or_dropped(real_texts: dict[str, CorpusText], text_id: str) -> None:
    article = real_texts[text_id].article
    decoded, _ = decode_bytes((PROJECT_ROOT / "texts" / f"{text_id}.txt").read_bytes(), text_id)
    assert decoded is not None
    visible = {n for n, line in enumerate(decoded.text.split("\n"), start=1)
               if line.strip(" \t\u00a0\u3000")}
    accounted = {n for b in article.blocks for n in b.lines} | {d.number for d in article.dropped}
    assert visible == accounted


def test_header_agrees_with_metadata(real_texts: dict[str, CorpusText], text_id: str) -> None:
    meta, header = real_texts[text_id].meta, real_texts[text_id].article.header
    assert header.source_line == meta.source_line
    assert header.date in (None, meta.date)
    assert header.editor in (None, meta.editor)


@pytest.mark.parametrize("source, anchor, kind, start", [
    ("jinhaihu-113", "s1", "heading", "以“大党建”为第一统领 凝聚力量助力发展"),
    ("gaozhou-baiqianwan-wugeyi", "s1", "heading", "集结 108支队伍“驻”进重点村"),
    ("gaozhou-baiqianwan-wugeyi", "c2", "caption", "曹江镇荷垌村展现新风貌。"),
    ("bijie-reform-pulse", "p12", "paragraph", "毕节是贵州省劳务输出第一大市，外出务工人员将近200万人。"),
    ("bijie-reform-pulse", "p27", "ellipsis", "……"),
    ("bijie-2022-review", "s1", "heading", "一"),
    ("gaozhou-baiqianwan-wugeyi", "p41", "list_item", "1.组织一次集中劳动"),
    ("gaozhou-baiqianwan-wugeyi", "s5", "heading", "如何共谋产业发展？"),
    ("qiandongnan-sizhuasiqiang", "p1", "paragraph", "习近平总书记强调，乡村要振兴，"),
    ("qiandongnan-sizhuasiqiang", "p3", "paragraph", "二、抓人才培养强潜能。"),
    ("jinhaihu-113", "c1", "caption", "作者在毕节金海湖新区招商引资推介会上作推介（供图/"),
])
def test_known_blocks(real_texts: dict[str, CorpusText], source: str, anchor: str, kind: str,
                      start: str) -> None:
    block = real_texts[source].article.paragraph(anchor)
    assert block is not None and (block.kind.value, block.text[:len(start)]) == (kind, start)
