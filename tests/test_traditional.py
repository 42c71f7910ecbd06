"""The Traditional view: every page at the same path, human text converted, originals kept."""

from __future__ import annotations

import html
import re

import pytest

from build_tools.edition import Edition
from build_tools.model import BlockKind
from build_tools.site.outputs import render_outputs
from build_tools.site.search_fold import TO_SIMPLIFIED, fold_prelude, fold_table
from build_tools.site.search_patch import patched_search_worker
from build_tools.site.traditional import (
    DOCS,
    END,
    KEEP,
    PROFILE,
    to_traditional,
    traditional_path,
    with_traditional,
)
from build_tools.sources import read_handwritten
from build_tools.stages.script import convert
from tests.conftest import PROJECT_ROOT

ORIGINAL = "qiandongnan-sizhuasiqiang"  # published in Traditional (metadata script: traditional)
BLOCK = re.compile(r'<p class="[^"]*" id="([pc]\d+)">(.*?)</p>|^## (.*) \{ #(s\d+) \}$', re.MULTILINE)


@pytest.fixture(scope="module")
def outputs(edition: Edition) -> dict[str, str]:
    rendered = with_traditional(render_outputs(edition, PROJECT_ROOT), edition, read_handwritten(PROJECT_ROOT))
    return {path: output.decode("utf-8") for path, output in rendered
            if isinstance(output, bytes) and path.endswith((".md", ".yml"))}


def shown_blocks(page: str) -> dict[str, str]:
    """Each block's text as a reader sees it: tags, paragraph numbers and escapes removed."""
    blocks = {}
    for match in BLOCK.finditer(page):
        anchor, body = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        body = re.sub(r'<a class="para-num"[^>]*>.*?</a>|<span class="retired-anchor"[^>]*></span>', "", body)
        blocks[anchor] = html.unescape(re.sub(r"\\(.)", r"\1", re.sub(r"<[^>]+>", "", body)))
    return blocks


def test_human_text_is_converted_and_machine_text_kept() -> None:
    page = ('<a class="gl" href="../../glossary/发展/" data-x="发">发展</a> [头发](发.md#p1) '
            f"https://example.cn/发 {KEEP}干部{END}")
    assert to_traditional(page) == ('<a class="gl" href="../../glossary/发展/" data-x="发">發展</a> '
                                    "[頭髮](发.md#p1) https://example.cn/发 干部")


def test_the_original_script_text_is_shown_character_for_character(edition: Edition,
                                                                   outputs: dict[str, str]) -> None:
    text = edition.text(ORIGINAL)
    assert text is not None and text.meta.script == "traditional"
    page = outputs[f"{DOCS}/texts/{ORIGINAL}/index.md"]
    expected = {b.anchor: b.original for b in text.article.blocks if b.kind is not BlockKind.ELLIPSIS}
    assert shown_blocks(page) == expected
    assert "原以繁體字發表" in page
    # Not a round trip: the author's 干部 stays, where converting the Simplified would give 幹部.
    assert "年輕科級干部" in page and convert("年轻科级干部", PROFILE) == "年輕科級幹部"


def test_a_simplified_text_is_converted_with_the_profile(edition: Edition, outputs: dict[str, str]) -> None:
    text = edition.text("jinhaihu-113")
    assert text is not None
    expected = {b.anchor: to_traditional(b.text) for b in text.article.blocks if b.kind is not BlockKind.ELLIPSIS}
    assert shown_blocks(outputs[f"{DOCS}/texts/jinhaihu-113/index.md"]) == expected


def test_every_page_has_a_twin_with_the_same_path_and_anchors(outputs: dict[str, str]) -> None:
    pages = [path for path in outputs if path.startswith("docs/") and path.endswith(".md")]
    assert len(pages) > 100
    for path in [*pages, "docs/index.md", "docs/about.md"]:
        twin = outputs[traditional_path(path)]
        if path in outputs:
            ids = re.compile(r'\bid="([^"]+)"|\{ #([\w-]+) \}|\]\(([^)]*)\)|href="([^"]*)"')
            assert ids.findall(twin) == ids.findall(outputs[path]), path


def test_term_links_and_tooltips_are_traditional(outputs: dict[str, str]) -> None:
    page = outputs[f"{DOCS}/texts/jinhaihu-113/index.md"]
    assert 'href="../../glossary/113-gong-jian-zhan/"' in page  # same relative path: the Traditional term page
    assert "攻堅戰" in page and "攻坚战" not in page and 'lang="zh-Hans"' not in page
    panel = page[page.index('id="gl-113-gong-jian-zhan"'):]
    assert "攻堅戰" in panel[:400]  # the tooltip's content, read from the page's panel


def test_the_home_page_inlines_its_table_and_says_what_it_is(outputs: dict[str, str]) -> None:
    home = outputs[f"{DOCS}/index.md"]
    assert "--8<--" not in home and "texts/jinhaihu-113/index.md" in home
    assert "本頁為繁體版" in home
    nav = outputs["build/generated/zh-Hant/nav.yml"]
    assert nav.startswith("# Generated") and "INHERIT: ../../../mkdocs.yml" in nav and "術語表" in nav


def test_the_fold_tables_are_opencc_characters_and_small() -> None:
    to_simplified, to_traditional_ = dict(fold_table(TO_SIMPLIFIED)), dict(fold_table((PROFILE,)))
    assert [to_simplified[c] for c in "鄉興強張網聯戶積裡"] == list("乡兴强张网联户积里")
    assert [to_traditional_[c] for c in "乡兴强张网联户积为"] == list("鄉興強張網聯戶積為")
    assert len(fold_prelude(TO_SIMPLIFIED).encode("utf-8")) < 40_000
    assert len(fold_prelude((PROFILE,)).encode("utf-8")) < 40_000


def test_each_view_folds_queries_to_its_own_script(outputs: dict[str, str]) -> None:
    worker_path, worker = patched_search_worker()
    traditional_worker = patched_search_worker((PROFILE,))[1]
    assert worker.startswith(fold_prelude(TO_SIMPLIFIED).encode("utf-8"))
    assert traditional_worker.startswith(fold_prelude((PROFILE,)).encode("utf-8"))
    assert b"search(e){if(e=__editionFold(e)," in worker
    rendered = dict(with_traditional(iter([(worker_path, worker)]), _no_edition(), {}))
    assert rendered[worker_path.replace("build/generated/theme", "build/generated/zh-Hant/theme")] == traditional_worker


def _no_edition() -> Edition:
    return None  # type: ignore[return-value]  # theme files never reach the edition


# The corpus's characters with several Traditional forms, in the words the corpus uses them.
@pytest.mark.parametrize("simplified, expected", [
    ("着力", "著力"), ("银发力量", "銀髮力量"), ("保护发展", "保護發展"), ("积蓄发展动能", "積蓄發展動能"),
    ("好干部标准", "好幹部標準"), ("想干善干", "想幹善幹"), ("忠诚干净担当", "忠誠乾淨擔當"), ("包干", "包乾"),
    ("若干准则", "若干準則"), ("在村里开展", "在村裡開展"), ("台盘村", "臺盤村"), ("平台", "平臺"),
])
def test_ambiguous_characters_take_the_form_the_words_need(simplified: str, expected: str) -> None:
    assert to_traditional(simplified) == expected


def test_no_page_keeps_a_wrong_form(outputs: dict[str, str]) -> None:
    pages = "".join(page for path, page in outputs.items() if path.startswith(DOCS))
    assert [wrong for wrong in ("好乾部", "護髮展", "蓄髮展", "檯盤", "善乾") if wrong in pages] == []
