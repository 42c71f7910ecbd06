"""Definitions: the Markdown subset survives, everything else is sanitised, citations link."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.annotations import definitions
from build_tools.annotations.definitions import cited_passages, render_definition
from build_tools.edition import Edition
from build_tools.stages.typography import join_cjk_lines

TEXTS = frozenset({"jinhaihu-113"})


def cite(text_id: str, spans: tuple[tuple[int, int], ...]) -> str | None:
    """A citation renderer that shows what it was given, for known texts only."""
    return f"<cite>{text_id}:{spans}</cite>" if text_id in TEXTS else None


@pytest.mark.parametrize("source, expected", [
    ("甲*乙*", "<p>甲<em>乙</em></p>"),
    ("**强调**", "<p><strong>强调</strong></p>"),
    ("- 一\n- 二", "<ul>\n<li>一</li>\n<li>二</li>\n</ul>"),
    ("<script>alert(1)</script>文字", "\n<p>文字</p>"),
    ("<img src=x onerror=alert(1)>文字", "<p>文字</p>"),
    ("<svg onload=alert(1)>x</svg>", "<p></p>"),
    ("[a](javascript:alert(1))", '<p><a rel="noopener noreferrer nofollow">a</a></p>'),
    ("[a](data:text/html,x)", '<p><a rel="noopener noreferrer nofollow">a</a></p>'),
    ("[a](//evil.example/x)", '<p><a rel="noopener noreferrer nofollow">a</a></p>'),
    ("[a](../x)", '<p><a rel="noopener noreferrer nofollow">a</a></p>'),
    ("[a](https://example.org/)", '<p><a href="https://example.org/" rel="noopener noreferrer nofollow">a</a></p>'),
    ('<p title="t" lang="en" onclick="x()">p</p>', "<p>p</p>"),
    ("&lt;img src=x onerror=alert(1)&gt;", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
])
def test_sanitised(source: str, expected: str) -> None:
    assert render_definition(source) == expected


@pytest.mark.parametrize("source, expected", [
    ("见（jinhaihu-113 p12）。", "<p>见（<cite>jinhaihu-113:((12, 12),)</cite>）。</p>"),
    ("（jinhaihu-113 p41—p50）：", "<p>（<cite>jinhaihu-113:((41, 50),)</cite>）：</p>"),
    ("（jinhaihu-113 p47、p48）。", "<p>（<cite>jinhaihu-113:((47, 47), (48, 48))</cite>）。</p>"),
    ("（jinhaihu-113 p12；jinhaihu-113 p3）", ("<p>（<cite>jinhaihu-113:((12, 12),)</cite>；"
                                            "<cite>jinhaihu-113:((3, 3),)</cite>）</p>")),
    ("见（jinhaihu-113 p12、“引文”）", "<p>见（<cite>jinhaihu-113:((12, 12),)</cite>、“引文”）</p>"),
    ("见 unknown-text p3。", "<p>见 unknown-text p3。</p>"),
    ("见 jinhaihu-113 p12a。", "<p>见 jinhaihu-113 p12a。</p>"),
    ('<a href="https://e.org/?q=jinhaihu-113 p1">x</a>',
     '<p><a href="https://e.org/?q=jinhaihu-113 p1" rel="noopener noreferrer nofollow">x</a></p>'),
    ("[jinhaihu-113 p2](https://e.org/)",
     '<p><a href="https://e.org/" rel="noopener noreferrer nofollow">jinhaihu-113 p2</a></p>'),
])
def test_citations_of_known_texts_are_rendered_with_every_paragraph(source: str, expected: str) -> None:
    assert render_definition(source, cite) == expected


def test_cited_passages_are_found_with_offsets() -> None:
    source = "甲（jinhaihu-113 p1）乙\n丙（bijie-2022-review p40—p41）"
    assert [(t, a) for t, a, _ in cited_passages(source)] == [("jinhaihu-113", "p1"), ("bijie-2022-review", "p40")]


def _converted(source: str) -> str:
    """What the Markdown converter and the sanitizer make of a definition (its Chinese lines
    joined), no shortcut."""
    return definitions._CLEANER.clean(definitions._MARKDOWN.reset().convert(join_cjk_lines(source)))


def test_plain_prose_shortcut_equals_the_converter_on_every_real_definition(edition: Edition) -> None:
    shortcut = [e for e in edition.glossary if definitions.PLAIN_PROSE.fullmatch(e.definition.rstrip("\n"))]
    assert len(shortcut) > len(edition.glossary) / 3  # most definitions are plain prose
    for entry in edition.glossary:
        assert render_definition(entry.definition) == _converted(entry.definition), entry.id


PROSE_PIECES = ["合成", "术语", "“", "”", "（", "）", "，", "。", " ", "  ", "\n", "\t", "-", "+", "*", "_", "`",
                "#", ">", "<", "&", "1.", "p12", "(", ")", "[", "]", "!", "'", '"', ":", "=", "|", "\u00a0",
                "a", "B", "．", "·"]


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(st.lists(st.sampled_from(PROSE_PIECES), max_size=12).map("".join))
def test_plain_prose_shortcut_equals_the_converter(source: str) -> None:
    assert render_definition(source) == _converted(source)


@pytest.mark.parametrize("source", [
    "甲\u00a0乙",  # the sanitizer writes &nbsp;
    "甲乙  \n丙",  # a hard line break
    "1. 甲乙", "# 甲乙", "> 甲乙", "    甲乙", "- 甲乙", "甲乙\n===", "甲*乙*丙", "甲 &amp; 乙", "甲 <b>乙</b>",
    "甲“乙”（丙 p12）。\n",
])
def test_plain_prose_shortcut_equals_the_converter_on_edge_cases(source: str) -> None:
    assert render_definition(source) == _converted(source)
