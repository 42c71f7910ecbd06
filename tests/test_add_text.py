"""add-text: detection on the real texts, round trips with made-up articles, refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from build_tools.build import load
from build_tools.cli import run
from build_tools.commands.add_text import detect_metadata, find_outlet, looks_like_title
from build_tools.model import DroppedLine, DropRule
from build_tools.sources import SourceFile
from tests.sitebuild import PROJECT, listing

# A UTF-8 page with a breadcrumb, a welcome banner, a date/source line, widgets and an editor.
UTF8_ARTICLE = """首页 > 新闻中心 > 基层动态
欢迎访问 乡村振兴网

村里推行“积分超市”激发治理活力
2024-03-05 10:20:31  来源：某县融媒体中心
打印 纠错 分享到：微信 微博

　　今年以来，某县某镇某村探索推行“积分超市”管理模式，把人居环境整治、移风易俗等内容纳入积分评定，群众凭积分兑换生活用品，参与村级事务的热情明显提高。
　　“以前喊破嗓子没人来，现在大家抢着干。”村党支部书记说。截至目前，全村累计发放积分1.2万分，兑换物品3000余件。
　　下一步，该村将进一步完善积分评定细则，推动“积分超市”提质扩面，让乡村治理更有温度。
[责任编辑：王五]
上一篇：某镇召开春耕生产动员会
"""
# No title: the body begins at once.
GB18030_ARTICLE = """　　近日，某市开展村级组织规范化建设专项行动，聚焦薄弱环节，逐村排查问题、限期整改。
　　据介绍，此次专项行动为期三个月，分为动员部署、排查整改、总结提升三个阶段。
　　专项行动开展以来，全市已排查问题四百余个，完成整改三百余个，村级组织的战斗力进一步增强。
"""
BIG5_ARTICLE = """實施“三抓三促”推動鄉村振興
　　近年來，某縣堅持以黨建引領鄉村振興，大力實施“三抓三促”行動，推動基層黨組織全面進步、全面過硬。
　　一是抓班子促引領。選優配強村黨組織書記，建立村幹部培訓制度，提升帶頭人履職能力。
　　二是抓產業促增收。因地制宜發展特色種植養殖，壯大村級集體經濟，帶動群眾穩定增收。
　　三是抓治理促和諧。推行網格化管理，完善村規民約，推動矛盾糾紛就地化解。
"""




# What the pipeline detects in each real text, as the editors also recorded it (the
# editors' additions, such as place, notes and their own titles, are not detectable).
REAL: dict[str, dict[str, str | None]] = {
    "bijie-2022-review": {
        "title": "牢记嘱托勇担使命 感恩奋进再启征程|写在毕节市“两会”召开之际", "date": "2022-12-29",
        "outlet": "新华网贵州频道", "author": "毕节发布", "editor": "汪强", "script": "simplified"},
    "bijie-reform-pulse": {
        "title": "", "date": None, "outlet": None, "author": None, "editor": None, "script": "simplified"},
    "gaozhou-baiqianwan-wugeyi": {
        "title": "", "date": None, "outlet": "组织法治网", "author": None, "editor": None,
        "script": "simplified"},
    "jinhaihu-113": {
        "title": "工业推动 城市带动 凝心聚力打赢“113攻坚战”", "date": "2017-08-15",
        "outlet": None, "author": "喻祖常", "editor": None, "script": "simplified"},
    "qiandongnan-sizhuasiqiang": {
        "title": "实施“四抓四强”促乡村全面振兴", "date": None, "outlet": "共产党员网",
        "author": "中共贵州省黔东南苗族侗族自治州委组织部", "editor": None, "script": "traditional"},
}


def test_detection_on_the_real_texts(real_texts, text_id: str) -> None:  # type: ignore[no-untyped-def]
    raw = PROJECT / f"texts/{text_id}.txt"
    meta, problems = detect_metadata(SourceFile(text_id, f"texts/{text_id}.txt", raw.read_bytes()))
    assert problems == [] and meta is not None
    detected = {name: getattr(meta, name) for name in REAL[text_id]}
    assert detected == REAL[text_id]
    recorded = real_texts[text_id].meta
    assert (meta.encoding, meta.sha256, meta.date, meta.source_line) == (
        recorded.encoding, recorded.sha256, recorded.date, recorded.source_line)
    assert meta.title_source == ("text" if meta.title else "editor") == recorded.title_source


@pytest.mark.parametrize("text, expected", [
    ("村里推行“积分超市”激发治理活力", True),
    ("乡村振兴：五个一工作法", True),
    ("2022年，是极不平凡的一年。", False),  # a sentence
    ("一、总体要求", False),  # a numbered section heading
    ("中共贵州省黔东南苗族侗族自治州委组织部", False),  # a byline
    ("本报记者 张三", False),
    ("工作要点：", False),  # introduces what follows
    ("1 1 1", False),
    ("这是一个很长很长的标题，长到不可能是标题，因为它远远超过了四十个字符的限制还在继续写下去", False),
])
def test_looks_like_title(text: str, expected: bool) -> None:
    assert looks_like_title(text) is expected


@pytest.mark.parametrize("rule, line, expected", [
    ("banner", "欢迎访问 组织法治网!", "组织法治网"),
    ("banner", "歡迎使用手機瀏覽", None),  # a banner without a site name
    ("channel", "新华网贵州频道", "新华网贵州频道"),
    ("widget", "共產黨員網 打印 糾錯", "共产党员网"),
    ("widget", "微信掃一掃 ×", None),
    ("breadcrumb", "首页 > 人民网", None),  # breadcrumbs name sections, not reliably the site
])
def test_find_outlet(rule: str, line: str, expected: str | None) -> None:
    assert find_outlet((DroppedLine(1, line, DropRule(rule)),)) == expected


@pytest.mark.parametrize("article, encoding, argv, expected", [
    (UTF8_ARTICLE, "utf-8", [], {
        "id": "cun-li-tui-xing-ji-fen", "title": "村里推行“积分超市”激发治理活力", "date": "2024-03-05",
        "outlet": "乡村振兴网", "author": "某县融媒体中心", "editor": "王五", "script": "simplified",
        "convert": None, "source_line": "2024-03-05 10:20:31  来源：某县融媒体中心"}),
    (BIG5_ARTICLE, "big5", [], {
        "id": "shi-shi-san-zhua-san-cu", "title": "实施“三抓三促”推动乡村振兴", "date": None, "outlet": None,
        "author": None, "editor": None, "script": "traditional", "convert": "t2s", "source_line": None}),
    (BIG5_ARTICLE, "big5", ["--id", "san-zhua-san-cu"], {"id": "san-zhua-san-cu", "encoding": "big5"}),
])
def test_round_trip_add_then_check(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   article: str, encoding: str, argv: list[str], expected: dict) -> None:
    data = article.encode(encoding)
    (tmp_path / "scraped.txt").write_bytes(data)
    assert run(["--root", str(project), "add-text", str(tmp_path / "scraped.txt"), *argv]) == 0
    text_id = expected["id"]
    assert (project / f"texts/{text_id}.txt").read_bytes() == data  # byte for byte
    assert run(["--root", str(project), "check"]) == 0, capsys.readouterr().err
    assert run(["--root", str(project), "fmt", "--check"]) == 0  # written in canonical form
    edition, problems = load(project)
    text = edition.text(text_id)
    assert problems == [] and text is not None
    assert text.meta.encoding == encoding and text.meta.sha256 == hashlib.sha256(data).hexdigest()
    for name, value in expected.items():
        assert getattr(text.meta, name) == value, name
    assert text.article.blocks[0].text.startswith(("今年以来", "近年来"))  # the title is not body


def test_no_title_round_trip(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "scraped.txt").write_bytes(GB18030_ARTICLE.encode("gb18030"))
    scraped = str(tmp_path / "scraped.txt")
    assert run(["--root", str(project), "add-text", scraped]) == 1  # no title to make an id from
    assert "choose one with --id (bad-id)" in capsys.readouterr().err
    assert run(["--root", str(project), "add-text", scraped, "--id", "gui-fan-hua"]) == 0
    out = capsys.readouterr().out
    assert "No title was found" in out and "check' fails until then" in out
    written = (project / "annotations/texts/gui-fan-hua.yml").read_text(encoding="utf-8")
    assert written.startswith('title: ""  # no title found in the text')
    assert "title_source: editor\n" in written and "encoding: gb18030\n" in written
    assert run(["--root", str(project), "check"]) == 1
    _, problems = load(project)
    assert {(p.path, p.code) for p in problems} == {  # only the empty title, nothing misleading
        ("annotations/texts/gui-fan-hua.yml", "empty-value")}
    titled = written.replace('title: ""', "title: 某市开展村级组织规范化建设专项行动", 1)
    (project / "annotations/texts/gui-fan-hua.yml").write_text(titled, encoding="utf-8")
    assert run(["--root", str(project), "check"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("source, argv, location, code", [
    ("texts/jinhaihu-113.txt", ["--id", "copy"], "texts/jinhaihu-113.txt:1:1", "duplicate-text"),
    ("scraped.txt", ["--id", "jinhaihu-113"], "texts/jinhaihu-113.txt:1:1", "file-exists"),
    ("scraped.txt", ["--id", "Not An Id"], "texts/Not An Id.txt:1:1", "bad-id"),
    ("missing.txt", [], "missing.txt:1:1", "no-such-file"),
    ("binary.bin", ["--id", "binary"], "binary.bin:1:1", "binary"),
])
def test_refusals_write_nothing(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                source: str, argv: list[str], location: str, code: str) -> None:
    (tmp_path / "scraped.txt").write_bytes(UTF8_ARTICLE.encode("utf-8"))
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    path = project / source if source.startswith("texts/") else tmp_path / source
    before = listing(project)
    assert run(["--root", str(project), "add-text", str(path), *argv]) == 1
    err = capsys.readouterr().err
    shown = location if location.startswith("texts/") else f"{tmp_path}/{location}"
    assert f"{shown}: error: " in err and f"({code})" in err and "Traceback" not in err
    assert listing(project) == before
