"""Presentation facts both outputs show the same way: the site's pages and the PDF.

They read the model only, so neither output imports the other's renderers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from build_tools.annotations.glossary import GlossaryEntry
from build_tools.annotations.textmeta import TextMeta
from build_tools.stages.typography import join_cjk_lines

# The numbered lead of a point: 一、抓堡垒建设强功能。 / （一）着力增强“四个意识”。 / 一是…。
POINT_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十]+）)[^。！？；]{1,40}?[。！？；]")
SCRIPT_LABEL = {"simplified": "简体", "traditional": "繁体"}
# The mark of a summary that rests on general knowledge (``basis: general``), and what it means.
GENERAL_MARK = "〔通行解释〕"
# How often jieba is told a glossary word occurs: high, so a term is never split in two.
USER_WORD_FREQUENCY = 100000
GENERAL_EXPLANATION = "本条摘要据通行解释，非出自本版所引段落；释义中注明哪些内容出自本语料。"


SOURCE_LINE_LABEL = "原始来源行"  # the source line as scraped, kept beside the fields read from it
NOTE_LABEL = "说明"
UNKNOWN = "不详"
UNKNOWN_HEAD = re.compile(r"^\s*unknown(?![A-Za-z])\s*", re.IGNORECASE)


def parsed_rows(meta: TextMeta) -> list[tuple[str, str]]:
    """A text's metadata fields as (label, value) rows shown to readers, unknowns said so."""
    rows = [
        ("媒体", meta.outlet or UNKNOWN),
        ("日期", meta.date or f"{UNKNOWN}（原文未载日期）"),
        ("作者", meta.author or UNKNOWN),
        ("编辑", meta.editor),
        ("地点", meta.place.label()),
        ("原文网址", meta.source_url),
        ("原文字体", _script_label(meta)),
        ("标题", "编者拟题（原文无标题）" if meta.title_source == "editor" else None),
    ]
    return [(label, value) for label, value in rows if value]


def meta_rows(meta: TextMeta) -> list[tuple[str, str]]:
    """Every metadata row in print: the fields, the raw source line and the note in Chinese."""
    rows = [(SOURCE_LINE_LABEL, meta.source_line), (NOTE_LABEL, meta.note_zh and join_cjk_lines(meta.note_zh))]
    return parsed_rows(meta) + [(label, value) for label, value in rows if value]


def scope_shown(value: str) -> str:
    """A scope fact as readers see it: the schema's 'unknown' is 不详, its reason kept."""
    return UNKNOWN_HEAD.sub(UNKNOWN, value, count=1)


# A citation, 《title》第123段, is one unbreakable unit: with a title of at most this many
# characters it fits one line of a 390-px phone (22 characters of body text). A longer title
# needs a short_title; the test suite holds the edition's texts to it.
MAX_CITED_TITLE = 16


def text_page_url(site_url: str, text_id: str) -> str:
    """The address of a text's page on the published site (``site_url``, EDITION_SITE_URL)."""
    return f"{site_url.rstrip('/')}/texts/{text_id}/"


def cited_title(meta: TextMeta) -> str:
    """How a citation names a text: its short title in title marks."""
    return f"《{meta.cited_title}》"


def _script_label(meta: TextMeta) -> str:
    label = SCRIPT_LABEL.get(meta.script, meta.script)
    return f"{label}（经 OpenCC {meta.convert} 转为简体）" if meta.convert else label


def dictionary_words(glossary: Iterable[GlossaryEntry]) -> tuple[str, ...]:
    """Every term and variant, sorted: jieba's user dictionary, so that 113攻坚战 is one word
    to the site's search and to the PDF's line breaking alike."""
    return tuple(sorted({form for entry in glossary for form in (entry.term, *entry.variants) if " " not in form}))
