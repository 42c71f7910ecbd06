"""Raw text is not Markdown: every block renders to HTML whose visible text is the block text."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from build_tools.annotations.textmeta import Place, TextMeta
from build_tools.edition import CorpusText
from build_tools.model import Article, Block, BlockKind, HeaderFields
from build_tools.site import render_text

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HOSTILE = (
    "    四个空格开头，Markdown 会当作代码块。",
    "2023.全市完成投资3.5亿元。",
    "1.组织一次集中劳动",
    "# 不是标题",
    "## 也不是标题 { #s99 }",
    "* 不是列表",
    "- 也不是列表",
    "+ 还不是列表",
    "> 不是引用",
    "[2](草案)",
    "[链接](javascript:alert(1))",
    "<script>alert('段落')</script>",
    "<b>不是粗体</b>",
    "&amp; 与 &lt; 不是实体",
    "**不是粗体** 和 _不是斜体_ 和 `不是代码`",
    "| 甲 | 乙 |",
    "{: #p1 .evil }",
    "[TOC]",
    "--8<-- \"about.md\"",
    "一、抓堡垒建设强功能。聚焦增强党组织政治功能。",
    "（一）着力增强“四个意识”。坚持把对党绝对忠诚作为最根本的政治要求。",
    "反斜杠 \\* 与 \\\\ 保持原样",
    "    ",
)
HEADINGS = ("# 标题里的井号", "<script>x</script> 与 [链接](x) 与 *星号* 与 1. 与 {: #s9 }")
CAPTION = "<img src=x onerror=alert(1)> 图为化屋村新貌"
FORBIDDEN = ("script", "ol", "ul", "pre", "code", "blockquote", "table", "img", "b", "em")


def plain_inline(block: Block, start: int, end: int, escape: Callable[[str], str]) -> str:
    """Render part of a block's text with no glossary links (the renderer's simplest inline)."""
    return escape(block.text[start:end])


def block(kind: BlockKind, text: str, anchor: str, number: int) -> Block:
    return Block(kind=kind, text=text, anchor=anchor, lines=(number,), original=text, number=number)


def corpus_text() -> CorpusText:
    """A text whose every block is something Markdown would otherwise interpret."""
    blocks = [block(BlockKind.HEADING, HEADINGS[0], "s1", 1)]
    blocks += [block(BlockKind.PARAGRAPH, t, f"p{i}", i) for i, t in enumerate(HOSTILE, start=1)]
    blocks += [block(BlockKind.HEADING, HEADINGS[1], "s2", 2), block(BlockKind.CAPTION, CAPTION, "c1", 1),
               block(BlockKind.LIST_ITEM, "1.组织一次集中劳动", f"p{len(HOSTILE) + 1}", len(HOSTILE) + 1)]
    meta = TextMeta(id="hostile", path="annotations/texts/hostile.yml", title="标题 <b>与</b> *星号*",
                    title_source="text", date=None, outlet=None, source_line=None, author=None,
                    editor=None, place=Place(), script="simplified", convert=None, encoding="utf-8",
                    sha256="0" * 64, note=None, positions=())
    article = Article(text_id="hostile", title=meta.title, blocks=tuple(blocks), encoding="utf-8",
                      dropped=(), header=HeaderFields(), kept_lines=len(blocks))
    return CorpusText(meta, article)


class VisibleText(HTMLParser):
    """Collect the visible text and the tags inside every element that has a block id."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})
    SKIPPED = frozenset({"para-num", "headerlink"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str | None, bool]] = []  # (owning block id, skipped)
        self.texts: dict[str, str] = {}
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        owner, skipped = self.stack[-1] if self.stack else (None, False)
        if owner is None and re.fullmatch(r"[psc]\d+", values.get("id") or ""):
            owner = values["id"]
            self.texts[owner] = ""
        skipped = skipped or bool(self.SKIPPED & set((values.get("class") or "").split()))
        if tag not in self.VOID:
            self.stack.append((owner, skipped))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        owner, skipped = self.stack[-1] if self.stack else (None, False)
        if owner is not None and not skipped:
            self.texts[owner] += data


def site_extensions() -> dict[str, dict[str, object]]:
    """The Markdown extensions of mkdocs.yml with their options, read as MkDocs reads them."""
    config = yaml_load((PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    entries = [e if isinstance(e, dict) else {e: {}} for e in config["markdown_extensions"]]
    return {name: options or {} for entry in entries for name, options in entry.items()}


def site_markdown(page: str) -> str:
    """Convert a page as MkDocs does: front matter stripped, mkdocs.yml's extensions."""
    extensions = site_extensions()
    body = re.sub(r"\A---\n.*?\n---\n", "", page, flags=re.DOTALL)
    return markdown.markdown(body, extensions=list(extensions), extension_configs=extensions)


@pytest.fixture(scope="module")
def rendered() -> VisibleText:
    parser = VisibleText()
    parser.feed(site_markdown(render_text.render_text_page(corpus_text(), plain_inline)))
    return parser


def test_mkdocs_extensions_include_the_dangerous_ones() -> None:
    assert {"attr_list", "md_in_html", "tables", "toc"} <= set(site_extensions())


@pytest.mark.parametrize("source", corpus_text().article.blocks, ids=lambda b: b.anchor)
def test_visible_text_is_the_block_text(rendered: VisibleText, source: Block) -> None:
    assert rendered.texts[source.anchor] == source.text


def test_every_block_has_its_own_id_in_order(rendered: VisibleText) -> None:
    expected = [b.anchor for b in corpus_text().article.blocks]
    assert list(rendered.texts) == expected


def test_no_markup_comes_from_text(rendered: VisibleText) -> None:
    assert [t for t in rendered.tags if t in FORBIDDEN] == []
    assert rendered.tags.count("h1") == 1 and rendered.tags.count("h2") == 2


@pytest.mark.parametrize("n", range(1, len(HOSTILE) + 2))
def test_paragraph_number_links_to_its_own_anchor(n: int) -> None:
    page = render_text.render_text_page(corpus_text(), plain_inline)
    assert f'id="p{n}"><a class="para-num" href="#p{n}" aria-label="第{n}段" data-search-exclude>{n}</a>' in page


def test_real_text_renders_to_exactly_its_blocks(real_texts: dict[str, CorpusText], text_id: str) -> None:
    parser = VisibleText()
    parser.feed(site_markdown(render_text.render_text_page(real_texts[text_id], plain_inline)))
    assert parser.texts == {b.anchor: b.text for b in real_texts[text_id].article.blocks}
