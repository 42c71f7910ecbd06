"""candidates: shapes found, ordinary words and annotated terms left out, ranking, the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from build_tools.build import load
from build_tools.candidates import Candidate, find_candidates, find_forms, is_ordinary, jieba_vocabulary
from build_tools.cli import run
from build_tools.edition import Edition
from build_tools.site.render_candidates import render_candidates_page
from tests.sitebuild import PROJECT

SI_ZHUA_SI_QIANG = ("si-zhua-si-qiang", "zhua-bao-lei-jian-she-qiang-gong-neng",
                    "zhua-ren-cai-pei-yang-qiang-qian-neng", "zhua-ji-ti-jing-ji-qiang-dong-neng",
                    "zhua-xiang-cun-zhi-li-qiang-xiao-neng")
# Words the texts put in quotation marks that are ordinary Chinese, not policy terms.
QUOTED_ORDINARY = ("服务员", "考验", "缠着", "红娘")


@pytest.mark.parametrize("text, expected", [
    ("大力实施“四抓四强”行动", {("四抓四强", "quoted"), ("四抓四强", "numbered")}),
    ("推行“党支部+合作社+农户”模式", {("党支部+合作社+农户", "quoted"), ("党支部+合作社+农户", "model")}),
    # Unquoted, nothing marks where a model starts or ends: the context line shows it.
    ("推行产业链+党支部模式", {("推行产业链+党支部模式", "model")}),
    ("着力增强四个意识，", {("四个意识", "numbered")}),
    ("围绕三大战略行动", {("三大战略", "numbered")}),
    ("推进两学一做学习教育", {("两学一做", "numbered")}),
    ("深化一中心一张网十联户治理", {("一中心一张网十联户", "numbered")}),
    ("采取“三级推荐四维培养五重考察”方式", {("三级推荐四维培养五重考察", "quoted"),
                                    ("三级推荐四维培养五重考察", "numbered")}),
    # A formula inside a longer quotation is left to the quotation.
    ("以“四个意识为引领”", {("四个意识为引领", "quoted")}),
    ("村民说：“今天天气好，我们一起去种地。”", set()),  # speech
    ("“这是一段很长的引文但是没有任何标点符号所以也算话语”", set()),  # longer than a name
    ("当好产业‘红娘’", {("红娘", "quoted")}),  # filtered later, as an ordinary word
    ("“当好‘红娘’，做好服务。”", {("红娘", "quoted")}),  # a name quoted inside speech
    ("一个好做法", set()),  # 一个 is "a"
    ("二十五个一级", set()),  # counting, not a formula
    ("在完成第一产业园二期标准厂房", set()),  # 第一 is an ordinal
])
def test_find_forms(text: str, expected: set[tuple[str, str]]) -> None:
    assert set(find_forms(text, jieba_vocabulary())) == expected


@pytest.mark.parametrize("word, ordinary", [
    ("服务员", True), ("考验", True), ("红娘", True),
    ("缠着", True),  # a verb with an aspect particle
    ("纸上", True),  # a noun with a localiser
    ("四抓四强", False), ("负面清单", False), ("养护保洁员", False), ("两学一做", False),
])
def test_is_ordinary(word: str, ordinary: bool) -> None:
    assert is_ordinary(word, jieba_vocabulary()) is ordinary


@pytest.fixture(scope="module")
def real_candidates(edition: Edition) -> tuple[Candidate, ...]:
    return find_candidates(edition)


def test_real_candidates_are_unannotated_and_ranked(edition: Edition,
                                                    real_candidates: tuple[Candidate, ...]) -> None:
    forms = [form for entry in edition.glossary for form in (entry.term, *entry.variants)]
    assert real_candidates
    for candidate in real_candidates:
        assert not any(candidate.form in form for form in forms), candidate.form
        assert not is_ordinary(candidate.form, jieba_vocabulary()), candidate.form
        block = edition.text(candidate.first.text_id).article.paragraph(candidate.first.anchor)  # type: ignore[union-attr]
        assert block is not None and candidate.form in block.text
    ranks = [(c.texts, c.occurrences) for c in real_candidates]
    assert ranks == sorted(ranks, reverse=True)


def test_quoted_ordinary_words_are_not_candidates(edition: Edition,
                                                  real_candidates: tuple[Candidate, ...]) -> None:
    quoted = {form for text in edition.texts for block in text.article.blocks
              for form, shape in find_forms(block.text, jieba_vocabulary()) if shape == "quoted"}
    assert set(QUOTED_ORDINARY) <= quoted  # the texts do quote them
    assert not set(QUOTED_ORDINARY) & {c.form for c in real_candidates}


def test_annotated_slogan_is_not_a_candidate(real_candidates: tuple[Candidate, ...]) -> None:
    listed = {c.form for c in real_candidates}
    assert not listed & {"四抓四强", "五个一", "大扶贫、大安全、大发展", "1+1+N"}


@pytest.fixture(scope="module")
def without_slogan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project without 四抓四强, its four parts, and the relations that point at them."""
    root = tmp_path_factory.mktemp("without-slogan")
    for name in ("texts", "annotations"):
        shutil.copytree(PROJECT / name, root / name)
    glossary = root / "annotations/glossary"
    for term_id in SI_ZHUA_SI_QIANG:
        (glossary / f"{term_id}.yml").unlink()
    pointer = re.compile(rf"^\s*- [a-z_]+: ({'|'.join(SI_ZHUA_SI_QIANG)})\n", re.MULTILINE)
    for path in glossary.glob("*.yml"):
        path.write_text(pointer.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def test_removed_slogan_is_a_top_candidate(without_slogan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--root", str(without_slogan), "check"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert run(["--root", str(without_slogan), "candidates", "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert re.match(r"\d+ candidate term\(s\), the first 5:", lines[0])
    assert len(lines) == 6
    assert any(line.split("\t")[0].endswith(". 四抓四强") for line in lines[1:])
    assert "qiandongnan-sizhuasiqiang p1" in "\n".join(lines)


def test_candidates_page(without_slogan: Path) -> None:
    edition, _ = load(without_slogan)
    page = render_candidates_page(edition)
    assert page.startswith('---\ntitle: "待注释术语 · Candidate terms"\nsearch:\n  exclude: true\n---\n')
    link = "[qiandongnan-sizhuasiqiang p1](../../texts/qiandongnan-sizhuasiqiang/index.md#p1)"
    assert f"| 四抓四强 | 1 | 2 | {link}：" in page
    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["tables"])
    assert html.count("<tr>") == len(find_candidates(edition)) + 1  # one row each, and the header
    assert "<strong>四抓四强</strong>" in html
    for text_id, anchor in re.findall(r'href="\.\./\.\./texts/([a-z0-9-]+)/index\.md#([psc]\d+)"', html):
        text = edition.text(text_id)
        assert text is not None and text.article.paragraph(anchor) is not None


@pytest.mark.parametrize("argv, first_line", [
    (["--format", "markdown", "--limit", "2"], "---"),
    (["--limit", "0"], "candidate term(s), the first 0:"),
])
def test_cli_formats(capsys: pytest.CaptureFixture[str], argv: list[str], first_line: str) -> None:
    assert run(["--root", str(PROJECT), "candidates", *argv]) == 0
    out = capsys.readouterr().out
    assert first_line in out.splitlines()[0]
    if "markdown" in argv:
        assert out.count("](../../texts/") == 2
