"""What a reader sees in the reader's language: citations by title and paragraph, 不详 for
unknown facts, provenance as parsed fields, Chinese prose without stray spaces, a nav for
readers and a timeline by year. Checked on the real edition and on the built site and PDF.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_tools.edition import Edition
from build_tools.presentation import MAX_CITED_TITLE, meta_rows, scope_shown
from build_tools.site.render_glossary import citation_renderer, render_citation, render_term_page
from build_tools.site.render_relations import term_appearances
from build_tools.site.render_site import render_nav
from build_tools.site.render_text import render_meta
from build_tools.site.render_timeline import FIRST_SEEN, UNDATED, render_timeline
from build_tools.stages.typography import STRONG_CJK, WEAK_CJK, cjk_line_breaks, join_cjk_lines, unfold_cjk
from tests.sitebuild import PROJECT

HREF = "../../texts/t/"


# --- Citations -----------------------------------------------------------------------------

@pytest.mark.parametrize("spans, expected", [
    (((2, 2),), ('<span class="citation"><span class="cite-unit"><a href="../../texts/t/#p2">《甲》第2段</a>'
                "</span></span>")),
    (((47, 48),), ('<span class="citation"><span class="cite-unit"><a href="../../texts/t/#p47">《甲》第47</a>、'
                  '</span><span class="cite-unit"><a href="../../texts/t/#p48">48段</a></span></span>')),
    (((36, 36), (56, 56)), ('<span class="citation"><span class="cite-unit"><a href="../../texts/t/#p36">《甲》第36'
                           '</a>、</span><span class="cite-unit"><a href="../../texts/t/#p56">56段</a></span></span>')),
])
def test_a_citation_links_every_paragraph_it_cites(spans: tuple[tuple[int, int], ...], expected: str) -> None:
    assert render_citation("《甲》", HREF, spans) == expected


def test_a_title_is_escaped_in_a_citation() -> None:
    assert "《&lt;b&gt;》第1段" in render_citation("《<b>》", HREF, ((1, 1),))


def test_term_pages_cite_by_short_title_with_every_paragraph_of_a_range(edition: Edition) -> None:
    page = render_term_page(edition.entry("wu-ge-yi"), edition, term_appearances(edition))  # type: ignore[arg-type]
    assert "《结对共建助力“百千万工程”》第23段</a>" in page
    for n in range(41, 51):  # 文末“相关”栏目 (gaozhou-baiqianwan-wugeyi p41—p50)
        assert f'<a href="../../texts/gaozhou-baiqianwan-wugeyi/#p{n}">' in page


def test_the_issue_s_example_citation(edition: Edition) -> None:
    cite = citation_renderer(edition)
    assert "《实施“四抓四强”促乡村全面振兴》第2段" in cite("qiandongnan-sizhuasiqiang", ((2, 2),))  # type: ignore[operator]
    assert cite("no-such-text", ((2, 2),)) is None


def test_no_term_page_shows_a_text_id_as_a_citation(edition: Edition) -> None:
    appearances = term_appearances(edition)
    cited_id = re.compile(r"(?:{}) p[0-9]".format("|".join(map(re.escape, edition.text_ids))))
    shown = {e.id: cited_id.findall(re.sub(r"<[^>]+>", "", render_term_page(e, edition, appearances)))
             for e in edition.glossary}
    assert {term: found for term, found in shown.items() if found} == {}


def test_every_cited_title_fits_a_phone_line(edition: Edition) -> None:
    assert {t.meta.id: t.meta.cited_title for t in edition.texts if len(t.meta.cited_title) > MAX_CITED_TITLE} == {}
    assert all(word in t.meta.title for t in edition.texts for word in t.meta.cited_title.split())


# --- 不详, never unknown ------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("unknown", "不详"), ("unknown（纪检监察机构）", "不详（纪检监察机构）"), ("Unknown （x）", "不详（x）"),
    ("贵州省", "贵州省"), ("unknownish", "unknownish"), ("全国（据通行解释）", "全国（据通行解释）"),
])
def test_scope_unknown_is_shown_in_chinese(value: str, shown: str) -> None:
    assert scope_shown(value) == shown


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_built_page_says_unknown(built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 400  # both scripts: texts, terms, index pages
    assert [str(p.relative_to(built_site)) for p in pages if re.search("unknown", p.read_text("utf-8"), re.IGNORECASE)] == []


def test_the_pdf_never_says_unknown(built_site: Path) -> None:
    text = subprocess.run(["pdftotext", str(built_site / "downloads" / "edition.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "不详（发布通知的机关本文未载" in text.replace("\n", "")  # a scope fact, as the PDF prints it
    assert re.findall(r".{0,20}unknown.{0,20}", text, re.IGNORECASE) == []


# --- Provenance ---------------------------------------------------------------------------

def test_the_meta_block_shows_parsed_fields_and_folds_the_source_line(edition: Edition) -> None:
    meta = edition.text("jinhaihu-113").meta  # type: ignore[union-attr]
    html = render_meta(meta)
    labels = re.findall(r"<dt>([^<]+)</dt>", html)
    assert labels[:4] == ["媒体", "日期", "作者", "地点"] and "来源" not in labels
    assert "<dt>日期</dt><dd>2017-08-15</dd>" in html
    assert "<dt>作者</dt><dd>喻祖常（毕节金海湖新区党工委副书记、管委会主任）</dd>" in html
    assert ('<details class="source-line" data-search-exclude><summary>原始来源行</summary>'
            "<p><code>作者:文|喻祖常  发布日期:2017/8/15 阅读次数:</code></p></details>") in html


def test_the_editor_is_shown_when_the_source_names_one(edition: Edition) -> None:
    html = render_meta(edition.text("bijie-2022-review").meta)  # type: ignore[union-attr]
    assert "<dt>编辑</dt><dd>汪强</dd>" in html and "<summary>原始来源行</summary>" in html
    assert "原始来源行" not in render_meta(edition.text("bijie-reform-pulse").meta)  # type: ignore[union-attr]


def test_notes_are_shown_in_chinese_with_the_english_beside(edition: Edition) -> None:
    for text in edition.texts:
        meta = text.meta
        if not meta.note:
            continue
        html = render_meta(meta)
        assert re.search(r"<dt>说明</dt><dd>[\u4e00-\u9fff]", html), meta.id
        assert '<span class="note-en" lang="en">' in html
        assert ("说明", meta.note_zh) in meta_rows(meta)  # the PDF prints the Chinese note


def test_every_note_has_a_chinese_rendering_without_english_words(edition: Edition) -> None:
    identifiers = {"OpenCC", "tw2s", "t2s"}  # names of a program and its profiles, not English
    for meta in (t.meta for t in edition.texts if t.meta.note):
        assert meta.note_zh, meta.id
        assert set(re.findall(r"[A-Za-z][A-Za-z0-9]*", meta.note_zh)) <= identifiers, meta.id


# --- No stray spaces from line breaks -----------------------------------------------------

@pytest.mark.parametrize("text, joined", [
    ("本读本收录文章，\n去除网页杂质", "本读本收录文章，去除网页杂质"),
    ("甲，\n  乙\n丙", "甲，乙丙"),  # a list item's continuation, twice
    ("文章\n“五个一”", "文章“五个一”"),
    ("slogans —\n“五个一”", "slogans —\n“五个一”"),  # Western punctuation on both sides
    ("甲  \n乙", "甲  \n乙"),  # Markdown's hard line break
    ("甲\n\n乙", "甲\n\n乙"),  # a new paragraph
    ("# 标题\n正文", "# 标题\n正文"),
    ("| 甲 |\n乙", "| 甲 |\n乙"),
    ("```\n甲\n乙\n```", "```\n甲\n乙\n```"),
    ("中文\nEnglish", "中文\nEnglish"),
])
def test_line_breaks_between_chinese_characters_are_joined(text: str, joined: str) -> None:
    assert join_cjk_lines(text) == joined
    assert (cjk_line_breaks(text) == []) == (text == joined)


@pytest.mark.parametrize("folded, unfolded", [
    ("本读本收录文章， 去除网页杂质", "本读本收录文章，去除网页杂质"),
    ("the 113 攻坚战", "the 113 攻坚战"),
])
def test_spaces_yaml_folding_made_between_chinese_characters_are_dropped(folded: str, unfolded: str) -> None:
    assert unfold_cjk(folded) == unfolded


def test_a_folded_yaml_value_keeps_no_space_between_chinese_lines() -> None:
    import yaml

    from build_tools.annotations.schema import text
    node = yaml.compose("a: >\n  本读本收录文章，\n  去除网页杂质\n").value[0][1]  # type: ignore[union-attr]
    assert text(node, "x.yml") == ("本读本收录文章，去除网页杂质", [])


HAND_WRITTEN = ["README.md", "CONTRIBUTING.md", *sorted(str(p.relative_to(PROJECT)) for p in (PROJECT / "docs").glob("*.md"))]


@pytest.mark.parametrize("name", HAND_WRITTEN)
def test_hand_written_pages_break_no_line_between_chinese_characters(name: str) -> None:
    lines = [n + 1 for n in cjk_line_breaks((PROJECT / name).read_text(encoding="utf-8"))]
    assert lines == [], f"{name}: join these lines with the next (Markdown would show a space): {lines}"


class BreaksInText(HTMLParser):
    """Collect line breaks between two Chinese characters in a page's visible text."""

    BLOCKS = frozenset({"p", "li", "dt", "dd", "div", "td", "th", "tr", "ul", "ol", "h1", "h2", "h3", "h4",
                        "section", "article", "nav", "header", "footer", "details", "summary", "br", "table",
                        "label", "form", "main", "aside", "blockquote", "dl", "title", "option"})
    SKIPPED = frozenset({"pre", "code", "script", "style", "textarea", "svg"})
    BREAK = re.compile(f"[{STRONG_CJK}][ \\t]*\\n\\s*[{STRONG_CJK}{WEAK_CJK}]|[{WEAK_CJK}][ \\t]*\\n\\s*[{STRONG_CJK}]")

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skipping += tag in self.SKIPPED
        if tag in self.BLOCKS:
            self.text.append("\x00")

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in self.SKIPPED
        if tag in self.BLOCKS:
            self.text.append("\x00")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)

    def breaks(self) -> list[str]:
        return self.BREAK.findall("".join(self.text))


def test_no_built_page_shows_a_line_break_between_chinese_characters(built_site: Path) -> None:
    found = {}
    for page in _pages(built_site):
        parser = BreaksInText()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.breaks():
            found[str(page.relative_to(built_site))] = parser.breaks()[:3]
    assert found == {}


def test_the_checker_sees_a_break_that_a_browser_shows_as_a_space() -> None:
    parser = BreaksInText()
    parser.feed("<p>文章，\n去除</p><p>甲</p>\n<p>乙</p><pre>代码\n代码</pre>")
    assert parser.breaks() == ["，\n去"]


# --- The readers' navigation --------------------------------------------------------------

def test_the_candidates_page_is_out_of_the_readers_nav(edition: Edition) -> None:
    nav = render_nav(edition)
    assert "candidates" not in nav.split("\nnav:", 1)[1]
    assert "not_in_nav: |\n  /glossary/candidates/index.md\n" in nav


def test_the_candidates_page_is_built_and_linked_from_the_about_page(built_site: Path) -> None:
    assert "new-term" in (built_site / "glossary" / "candidates" / "index.html").read_text(encoding="utf-8")
    assert 'href="../glossary/candidates/"' in (built_site / "about" / "index.html").read_text(encoding="utf-8")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "glossary/candidates/" not in home and "待注释术语" not in home


# --- The timeline -------------------------------------------------------------------------

def test_the_timeline_groups_texts_by_year_then_the_undated(edition: Edition) -> None:
    page = render_timeline(edition)
    groups = re.findall(r"^## (\S+) \{ #(\S+) \}$", page, re.MULTILINE)
    years = sorted({t.meta.date[:4] for t in edition.texts if t.meta.date})
    assert groups == [*((f"{y}年", f"y{y}") for y in years), (UNDATED, "undated")]
    undated = page.split("## 日期不详 { #undated }", 1)[1]
    assert sorted(re.findall(r"\{ #([a-z0-9-]+) \}", undated)) == sorted(
        t.meta.id for t in edition.texts if not t.meta.date)
    assert FIRST_SEEN not in undated  # an undated text cannot be first


def test_the_timeline_marks_each_term_first_seen_once(edition: Edition) -> None:
    page = render_timeline(edition)
    firsts = re.findall(r"^- \[[^\]]+\]\(\.\./([^)]+)/index\.md\)" + re.escape(FIRST_SEEN), page, re.MULTILINE)
    dated = {f.occurrence.term_id for f in edition.found if edition.text(f.text_id).meta.date}  # type: ignore[union-attr]
    assert sorted(firsts) == sorted(dated)
    assert "（首见）" not in page and 'class="first-seen"' in FIRST_SEEN
