"""Each term in Traditional: OpenCC's tables, the entries' overrides, the originals, both PDFs."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.annotations.glossary import TraditionalForms
from build_tools.edition import Edition
from build_tools.site.outputs import render_outputs
from build_tools.site.render_relations import term_appearances
from build_tools.site.traditional import DOCS, to_traditional, with_traditional
from build_tools.site.traditional_terms import render_traditional_term_page
from build_tools.sources import read_handwritten
from build_tools.stages.opencc_tables import is_spelling, traditional_forms, undecided
from build_tools.stages.script import convert
from build_tools.traditional_forms import glossary_replacements, traditional_term
from tests.conftest import PROJECT_ROOT

ORIGINAL = "qiandongnan-sizhuasiqiang"


@pytest.fixture(scope="module")
def outputs(edition: Edition) -> dict[str, str]:
    rendered = with_traditional(render_outputs(edition, PROJECT_ROOT), edition, read_handwritten(PROJECT_ROOT))
    return {path: output.decode("utf-8") for path, output in rendered
            if isinstance(output, bytes) and path.endswith(".md")}


@pytest.mark.parametrize("char, forms", [
    ("发", ("發", "髮")), ("干", ("幹", "乾", "干", "榦")), ("台", ("臺", "檯", "颱", "台")),
    ("里", ("裡", "里", "哩")), ("党", ("黨", "党")), ("着", ("著",)), ("村", ("村",)),
])
def test_the_forms_are_opencc_s_own_table_in_taiwan_variants(char: str, forms: tuple[str, ...]) -> None:
    assert traditional_forms(char) == forms
    assert convert(char, "s2tw") == forms[0]  # the first form is what s2tw prints alone


@pytest.mark.parametrize("word, positions", [
    ("发展", ()), ("干净", ()), ("若干", ()), ("驻村干部", ()),  # a phrase settles it
    ("河长制", (2,)), ("抱团发展", (1,)),                       # no phrase covers 制, 团
    ("好干部标准", (1,)), ("保护发展", (2,)),                    # phrases disagree: 好干|部 or 好|干部
    ("着力", ()), ("四抓四强", ()),                              # one form only
])
def test_undecided_means_no_phrase_settles_the_character(word: str, positions: tuple[int, ...]) -> None:
    assert undecided(word) == positions


def test_a_spelling_takes_one_of_opencc_s_forms_at_each_place() -> None:
    assert is_spelling("河長製", "河长制") and is_spelling("若干", "若干") and is_spelling("臺盤村", "台盘村")
    assert not is_spelling("河長治", "河长制") and not is_spelling("河长制", "河长制") and not is_spelling("河長", "河长制")


def test_every_undecided_form_of_the_glossary_is_settled_by_its_entry(edition: Edition) -> None:
    settled = [e for e in edition.glossary if e.traditional]
    assert len(settled) >= 28
    for entry in edition.glossary:
        for form in (entry.term, *entry.variants):
            assert not undecided(form) or traditional_term(entry, form) in entry.traditional.forms, form


def test_an_override_cited_from_the_original_is_written_there(edition: Edition) -> None:
    cited = [e for e in edition.glossary if e.traditional and ORIGINAL in e.traditional.basis]
    assert len(cited) >= 8
    original = "".join(b.original for b in edition.text(ORIGINAL).article.blocks)
    assert [e.id for e in cited if not any(f in original for f in e.traditional.forms)] == []


SYNTHETIC = {
    # he-zhang-zhi without its override: the term and its variant are reported where written
    "he-zhang-zhi": ("term: 河长制\nvariants:\n  - 河（湖）长制\npinyin: hé zhǎng zhì\nenglish: river chief system\n"
                     "kind: mechanism\nsummary: 河长。\ndefinition: |\n  河长（据通行解释）。\nbasis: general\n"
                     "sources:\n  - general\n"),
    "lin-zhang-zhi": ("term: 林长制\ntraditional:\n  forms:\n    - 林長治\n  basis: 通行写法\npinyin: lín zhǎng zhì\n"
                      "english: forest chief system\nkind: mechanism\nsummary: 林长。\nbasis: general\n"
                      "definition: |\n  林长（据通行解释）。\nsources:\n  - general\n"),
    "pai-dan-zhi": ("term: 派单制\ntraditional:\n  forms: [派單制]\n  basis: 原文（jinhaihu-113 p1）\n"
                    "pinyin: pài dān zhì\nenglish: dispatch system\nkind: mechanism\nsummary: 派单。\nbasis: general\n"
                    "definition: |\n  派单（据通行解释）。\nsources:\n  - general\n"),
}


def test_check_reports_each_unsettled_form_and_bad_override_with_its_place(project: Path) -> None:
    for term_id, entry in SYNTHETIC.items():
        (project / f"annotations/glossary/{term_id}.yml").write_text(entry, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(project), "check"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, check=False)
    lines = [line for line in result.stderr.splitlines() if "traditional" in line and line.startswith("annotations/")]
    located = [re.match(r"(\S+?):(\d+):(\d+): (\w+): .*\(([\w-]+)\)$", line).groups() for line in lines]
    assert located == [
        ("annotations/glossary/he-zhang-zhi.yml", "1", "7", "warning", "undecided-traditional"),
        ("annotations/glossary/he-zhang-zhi.yml", "3", "3", "warning", "undecided-traditional"),
        ("annotations/glossary/lin-zhang-zhi.yml", "1", "7", "warning", "undecided-traditional"),
        ("annotations/glossary/lin-zhang-zhi.yml", "3", "3", "error", "bad-traditional"),
        ("annotations/glossary/pai-dan-zhi.yml", "3", "3", "error", "bad-traditional"),
    ], result.stderr
    assert "(制 制/製; no phrase settles it" in lines[0] and "add traditional: {forms: [河長制]" in lines[0]
    assert "published in Simplified" in lines[4]


def test_matching_finds_a_term_of_the_traditional_original_through_its_simplified_text(edition: Edition) -> None:
    found = [f for f in edition.found_in_text(ORIGINAL) if f.occurrence.term_id == "si-zhua-si-qiang"]
    assert found and all(f.block.text[f.occurrence.start:f.occurrence.end] == "四抓四强" for f in found)
    assert {f.block.original[f.occurrence.start:f.occurrence.end] for f in found} == {"四抓四強"}


def test_term_pages_show_the_term_in_the_other_script(outputs: dict[str, str]) -> None:
    simplified, traditional = outputs["docs/glossary/bao-tuan-fa-zhan/index.md"], outputs[f"{DOCS}/glossary/bao-tuan-fa-zhan/index.md"]
    assert '<p class="term-script">繁体：<span lang="zh-Hant">抱團發展</span></p>' in simplified
    assert '<p class="term-script">簡體：<span lang="zh-Hans">抱团发展</span></p>' in traditional
    assert "# 抱團發展 { #term }" in traditional


def test_an_override_is_what_the_traditional_view_prints(edition: Edition) -> None:
    entry = replace(edition.entry("he-zhang-zhi"), traditional=TraditionalForms(("河長製",), "a test"))
    glossary = tuple(entry if e.id == entry.id else e for e in edition.glossary)
    changed = replace(edition, glossary=glossary)
    replacements = glossary_replacements(glossary)
    assert glossary_replacements(edition.glossary) == (("好乾部標準", "好幹部標準"),)  # where s2tw errs
    assert replacements == (("好乾部標準", "好幹部標準"), ("河長制", "河長製"))
    page = to_traditional(render_traditional_term_page(entry, changed, term_appearances(changed)), replacements)
    assert "# 河長製 { #term }" in page and "河長制" not in page.split("## 釋義")[0]


# The characters of several Traditional forms, in the words of this corpus: the form each
# page shows comes from the entry's override, OpenCC's phrases, or the original's own characters.
@pytest.mark.parametrize("page, shown, wrong", [
    ("glossary/zhuo-li-tui-dong-lv-se-fa-zhan", "# 著力推動綠色發展", "着力"),           # 着: s2tw's 著
    (f"texts/{ORIGINAL}", "織功能，著力抓基", "着力"),                                  # 着: the original's 著
    ("glossary/bao-tuan-fa-zhan", "# 抱團發展", "髮"),                                # 发: override 發
    ("glossary/hao-gan-bu-biao-zhun", "# 好幹部標準", "好乾部"),                        # 干: override 幹
    ("glossary/zhu-cun-gan-bu", "村干部、<mark>駐村干部</mark>", "村幹部、<mark>駐村幹部</mark>"),  # 干: the original's
    (f"texts/{ORIGINAL}", "年輕科級干部", "年輕科級幹部"),                              # 干: the original's 干
    ("texts/gaozhou-baiqianwan-wugeyi", "村</a>裡，", "村</a>裏，"),  # 里: s2tw's Taiwan 裡 (重点村里)
    (f"texts/{ORIGINAL}", "臺江縣", "檯江縣"),                                          # 台: the original's 臺
    ("texts/jinhaihu-113", "平臺", "平檯"),                                           # 台: the phrase's 臺
])
def test_an_ambiguous_character_takes_the_form_its_source_gives(outputs: dict[str, str], page: str, shown: str,
                                                               wrong: str) -> None:
    text = re.sub(r'<p class="term-script">.*?</p>', "", outputs[f"{DOCS}/{page}/index.md"])  # the Simplified twin
    assert shown in text and wrong not in text


def test_term_pages_quote_the_traditional_original_as_published(outputs: dict[str, str]) -> None:
    page = outputs[f"{DOCS}/glossary/zhu-cun-gan-bu/index.md"]
    lines = [line for line in page.splitlines() if f"../../texts/{ORIGINAL}/index.md#" in line and "<mark>" in line]
    assert lines and all("干部" in line for line in lines)  # the original's 干, not s2tw's 幹
    # The comparison table's 原文摘录 too (its 写法 column is the entry's form, converted).
    rows = [line.split(" | ")[-1] for line in page.splitlines() if line.startswith("| ") and ORIGINAL in line]
    assert rows and all("駐村干部" in row and "幹" not in row for row in rows)
    # Quotations in definitions, from the Traditional original: its characters, not a round trip.
    quoted = outputs[f"{DOCS}/glossary/san-zhi-li-liang/index.md"]
    assert "“發揮村干部、駐村干部、幫扶干部‘三支力量’作用" in quoted and "發揮村幹部" not in quoted
    quoted = outputs[f"{DOCS}/glossary/si-zhua-si-qiang/index.md"]
    assert "堅強戰斗堡壘" in quoted and "堅強戰鬥堡壘" not in quoted


# Both PDFs, as make site builds them (the session's built site).
PDFS = {"edition.pdf": "SC", "edition-zh-Hant.pdf": "TC"}


def pdftext(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[\s\u200b]+", "", text)


@pytest.mark.parametrize("name, face", PDFS.items())
def test_both_pdfs_embed_their_fonts(built_site: Path, name: str, face: str) -> None:
    listing = subprocess.run(["pdffonts", str(built_site / "downloads" / name)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing and all(" yes yes yes " in line for line in listing), listing
    assert all(f"-CJK-{face}" in line.split()[0] for line in listing), listing


def test_the_traditional_pdf_prints_the_original_and_no_simplified_term(built_site: Path, edition: Edition) -> None:
    text = pdftext(built_site / "downloads" / "edition-zh-Hant.pdf")
    no_digits = re.sub(r"\d+", "", text)  # footnote calls sit between the words
    for block in edition.text(ORIGINAL).article.blocks:
        assert re.sub(r"[\s\d]+", "", block.original)[:30] in no_digits, block.anchor
    assert "年輕科級干部" in text and "駐村干部" in text
    originals = "".join(b.original for b in edition.text(ORIGINAL).article.blocks)
    simplified = [e.term for e in edition.glossary if traditional_term(e) != e.term and e.term not in originals]
    assert [term for term in simplified if term in text] == []
    assert [e.term for e in edition.glossary if traditional_term(e) not in text] == []
    assert "本書的繁體版" in text


@pytest.mark.parametrize("home", ["index.html", "zh-Hant/index.html"])
def test_both_home_pages_link_both_pdfs(built_site: Path, home: str) -> None:
    page = (built_site / home).read_text(encoding="utf-8")
    prefix = "../" if home.startswith("zh-Hant") else ""
    for name in PDFS:
        assert f'href="{prefix}downloads/{name}"' in page
        assert (built_site / "downloads" / name).is_file()
