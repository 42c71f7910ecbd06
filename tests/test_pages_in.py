"""Articles from any site: saved pages and page-text dumps go through the whole pipeline."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from build_tools.build import load
from build_tools.cli import run
from build_tools.recurring import site_chrome
from build_tools.sources import SourceFile
from tests.sitebuild import PROJECT

CORPUS = PROJECT / "tests" / "corpus"
PAGE = CORPUS / "news-xinhua" / "drug-shortage-supply-2023.html"
DUMP = CORPUS / "news-people" / "anhui-judicial-warning-2009.txt"


def expected(path: Path) -> dict:
    name = path.name.split(".")[0]
    return yaml.safe_load((path.parent / f"{name}.expect.yml").read_text(encoding="utf-8"))


def test_a_saved_page_is_kept_whole_and_read_as_an_article(project: Path, capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    assert run(["--root", str(project), "add-text", str(PAGE), "--id", "xinhua-drugs"]) == 0
    assert (project / "texts/xinhua-drugs.html").read_bytes() == PAGE.read_bytes()  # byte for byte
    assert run(["--root", str(project), "check"]) == 0, capsys.readouterr().err
    edition, problems = load(project)
    text = edition.text("xinhua-drugs")
    assert problems == [] and text is not None and text.raw == "texts/xinhua-drugs.html"
    truth = expected(PAGE)
    assert text.meta.title == truth["title"] and text.meta.date == str(truth["date"])
    kept = "".join("".join(b.text.split()) for b in text.article.blocks)
    body = ["".join(line.split()) for line in truth["body"]]
    assert sum(line[:20] in kept for line in body) >= 0.9 * len(body)
    assert not [line for line in truth["chrome"] if len(line) > 12 and "".join(line.split()) in kept]


def test_a_page_is_published_as_plain_text_never_as_html(project: Path) -> None:
    from build_tools.site.outputs import render_outputs

    assert run(["--root", str(project), "add-text", str(PAGE), "--id", "xinhua-drugs"]) == 0
    edition, _ = load(project)
    paths = [path for path, _ in render_outputs(edition, project)]
    assert "docs/texts/raw/xinhua-drugs.html.txt" in paths
    assert not [p for p in paths if p.startswith("docs/") and p.endswith((".html", ".htm"))]


def test_a_dump_leaves_its_menus_out_and_says_why(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--root", str(project), "add-text", str(DUMP), "--id", "people-anhui"]) == 0
    capsys.readouterr()
    assert run(["--root", str(project), "paragraphs", "people-anhui", "--why"]) == 0
    out = capsys.readouterr().out
    left_out = out.split("# left out of texts/people-anhui.txt", 1)[1]
    assert "\tchrome\t" in left_out and "(" in left_out  # the main-content rule and its score
    blocks = out.split("# left out", 1)[0]
    assert "安徽省司法厅日前出台《领导干部廉洁自律预警告诫工作暂行办法》" in blocks


def test_the_same_article_again_is_recognised(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    variant = DUMP.with_name("anhui-judicial-warning-2009.gb18030.txt")
    assert run(["--root", str(project), "add-text", str(DUMP)]) == 0
    capsys.readouterr()
    assert run(["--root", str(project), "add-text", str(variant)]) == 1
    assert "probably the same article, already in the edition" in capsys.readouterr().err


def test_one_text_id_has_one_raw_file(project: Path) -> None:
    shutil_copy = (project / "texts/jinhaihu-113.txt").read_bytes()
    (project / "texts/jinhaihu-113.html").write_bytes(shutil_copy)
    _, problems = load(project)
    assert [(p.path, p.code) for p in problems if p.code == "duplicate-id"] == [
        ("texts/jinhaihu-113.txt", "duplicate-id")]


def test_a_source_url_must_be_a_web_address(project: Path) -> None:
    meta = project / "annotations/texts/jinhaihu-113.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "source_url: javascript:alert(1)\n", encoding="utf-8")
    _, problems = load(project)
    assert [p.code for p in problems if p.path.endswith("jinhaihu-113.yml")] == ["bad-url"]


MENU = "首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流"


def dump(body: str) -> bytes:
    return f"{MENU}\n\n{body}\n\n版权所有 某县人民政府\n".encode()


@pytest.mark.parametrize("outlets, flagged", [
    (("某县网", "某县网", "某县网", "某县网"), True),  # the menu recurs on three other pages of the site
    (("某县网", "甲网", "乙网", "丙网"), False),  # other sites' menus are no evidence
    ((None, None, None, None), False),  # no site known, no signal
])
def test_a_line_recurring_on_a_site_is_its_chrome(outlets: tuple[str | None, ...], flagged: bool) -> None:
    from build_tools.annotations.textmeta import Place, TextMeta

    raws, metas = [], {}
    for number, outlet in enumerate(outlets):
        data = dump(f"第{number}篇文章的正文写道，全县推进乡村振兴取得新进展，群众满意度不断提高。")
        raws.append(SourceFile(f"t{number}", f"texts/t{number}.txt", data))
        metas[f"t{number}"] = TextMeta(f"t{number}", "", "题", None, None, outlet, None, None, None, Place(),
                                       "simplified", None, "utf-8", hashlib.sha256(data).hexdigest(), None, ())
    found = site_chrome(raws, metas)
    menu_key = "".join(MENU.split())
    assert (menu_key in found.get("t0", frozenset())) is flagged
    assert not any("正文写道" in k for keys in found.values() for k in keys)  # prose never counts


def _key(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch not in " \t|｜:：")


def test_add_text_proposes_the_page_s_own_title_or_none() -> None:
    """Over every corpus file: the article's own title for 90 %, and never a line of chrome."""
    from build_tools.commands.add_text import detect

    right = total = 0
    wrong = []
    for truth_path in sorted(CORPUS.glob("*/*.expect.yml")):
        truth = yaml.safe_load(truth_path.read_text(encoding="utf-8"))
        name = truth_path.name.removesuffix(".expect.yml")
        for path in sorted(p for p in truth_path.parent.glob(f"{name}.*") if not p.name.endswith(".yml")):
            meta, _, _ = detect(SourceFile("x", str(path), path.read_bytes()))
            title = meta.title if meta else ""
            total += 1
            right += _key(title) == _key(str(truth["title"]))
            if title and _key(title) != _key(str(truth["title"])):
                wrong.append(f"{path.name}: {title}")
    assert wrong == []  # an id is never made from a menu, a slogan or a sidebar
    assert right >= 0.9 * total, f"{right}/{total}"


def test_a_saved_page_that_cannot_be_read_is_a_located_problem() -> None:
    """A page is decoded and checked like any raw text before trafilatura sees it."""
    from build_tools.build import load_and_check
    from tests.test_problems import with_files

    data = b"<html>" + b"\x00" * 5000  # binary, not a page
    meta = ("title: 某页\nscript: simplified\nencoding: utf-8\n"
            f"sha256: {hashlib.sha256(data).hexdigest()}\n")
    _, problems = load_and_check(with_files({"texts/zz-page.html": data, "annotations/texts/zz-page.yml": meta}))
    assert [(p.path, p.code) for p in problems if p.path == "texts/zz-page.html"] == [
        ("texts/zz-page.html", "binary")]
