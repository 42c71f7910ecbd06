"""Definitions: the Markdown subset survives, everything else is sanitised, citations link."""

from __future__ import annotations

import pytest

from build_tools.definitions import cited_passages, render_definition

TEXTS = frozenset({"jinhaihu-113"})


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
    ("见（jinhaihu-113 p12）。", '<p>见（<a class="citation" href="../../texts/jinhaihu-113/#p12">'
                               "jinhaihu-113 p12</a>）。</p>"),
    ("见 unknown-text p3。", "<p>见 unknown-text p3。</p>"),
    ("见 jinhaihu-113 p12a。", "<p>见 jinhaihu-113 p12a。</p>"),
    ('<a href="https://e.org/?q=jinhaihu-113 p1">x</a>',
     '<p><a href="https://e.org/?q=jinhaihu-113 p1" rel="noopener noreferrer nofollow">x</a></p>'),
    ("[jinhaihu-113 p2](https://e.org/)",
     '<p><a href="https://e.org/" rel="noopener noreferrer nofollow">jinhaihu-113 p2</a></p>'),
])
def test_citations_of_known_texts_link_to_the_paragraph(source: str, expected: str) -> None:
    assert render_definition(source, TEXTS) == expected


def test_cited_passages_are_found_with_offsets() -> None:
    source = "甲（jinhaihu-113 p1）乙\n丙（bijie-2022-review p40—p41）"
    assert [(t, a) for t, a, _ in cited_passages(source)] == [("jinhaihu-113", "p1"), ("bijie-2022-review", "p40")]
