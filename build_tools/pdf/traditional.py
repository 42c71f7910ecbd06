"""The Traditional PDF: the same book from the same model, in Traditional characters.

Two steps, each pure. ``traditional_edition`` puts every block of every text in its final
Traditional characters: a text published in Traditional keeps its own (``Block.original``,
never a round trip through Simplified: it writes 駐村干部 where s2tw writes 駐村幹部), the
others are converted (s2tw, the corpus's corrections, the glossary's overrides). The
book is then rendered as usual, and ``to_traditional_book`` converts the rest of it
(titles, metadata, labels, footnotes, the glossary) while leaving the blocks' own text
alone, so the invariant check holds the PDF to the blocks' Traditional text.

The fonts are the Traditional Chinese faces of Debian's Noto CJK collections, selected
by family name (``Noto Serif CJK TC``) in place of the Simplified ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from build_tools.edition import CorpusText, Edition
from build_tools.model import Block
from build_tools.pdf.ids import block_id
from build_tools.terms.annotate import Found
from build_tools.traditional_forms import glossary_replacements, to_hant

LANGUAGE = "zh-Hant"
NOTE = ("本书的繁体版：简体发表的文本经 OpenCC（s2tw）转为繁体，一简多繁之处依本版的订正与术语表所定字形；"
        "原以繁体发表的文本照录原文字形，不经简繁转换。")
TOKEN = re.compile(r"<!--.*?-->|<[^>]*>|[^<]+", re.DOTALL)
START_TAG = re.compile(r"<([a-zA-Z][\w-]*)")
ATTRIBUTE = re.compile(r'\b(id|class|data-title|data-bookmark|data-term|title|alt)="([^"]*)"')
HUMAN = ("data-title", "data-bookmark", "data-term", "title", "alt")  # attributes readers see
VOID = {"br", "wbr", "meta", "img", "hr", "link", "input", "col", "area", "source"}
FOOTNOTE = "fn"  # a footnote's class: inside a block, but the glossary's words, not the text's


def traditional_edition(edition: Edition) -> Edition:
    """The edition with each text's blocks in Traditional; occurrences follow their blocks.

    Conversion keeps a block's length (character for character; each override is a
    spelling of its form), so offsets hold; a block where it would not keeps no marks.
    """
    replacements = glossary_replacements(edition.glossary)
    texts = {t.meta.id: _traditional_text(t, replacements) for t in edition.texts}
    blocks = {(text_id, b.anchor): b for text_id, t in texts.items() for b in t.article.blocks}
    found = tuple(replace(f, block=_shown(f, blocks)) for f in edition.found
                  if len(_shown(f, blocks).text) == len(f.block.text))
    return replace(edition, texts=tuple(texts[t.meta.id] for t in edition.texts), found=found)


def _shown(found: Found, blocks: dict[tuple[str, str], Block]) -> Block:
    return blocks[(found.text_id, found.block.anchor)]


def _traditional_text(text: CorpusText, replacements: tuple[tuple[str, str], ...]) -> CorpusText:
    original = text.meta.script == "traditional"
    blocks = tuple(replace(b, text=b.original if original else to_hant(b.text, replacements))
                   for b in text.article.blocks)
    return replace(text, article=replace(text.article, blocks=blocks))


def to_traditional_book(book: str, edition: Edition, texts: Iterable[CorpusText]) -> str:
    """Convert the book's human text, except its ``texts``' blocks (already final) and machine attributes."""
    replacements = glossary_replacements(edition.glossary)
    blocks = {block_id(t.meta.id, b) for t in texts for b in t.article.blocks}
    parts: list[str] = []
    final: list[bool] = []  # per open element: is the text inside it already final?
    for token in TOKEN.findall(book):
        if token.startswith(("<!", "<?")):
            parts.append(token)
        elif token.startswith("</"):
            if final:
                final.pop()
            parts.append(token)
        elif token.startswith("<"):
            values = dict(ATTRIBUTE.findall(token))
            inside = final[-1] if final else False
            here = values.get("id") in blocks or (inside and FOOTNOTE not in values.get("class", "").split())
            if not here and not inside:
                token = ATTRIBUTE.sub(lambda m: _attribute(m, replacements), token)
            tag = START_TAG.match(token)
            if tag and tag.group(1).lower() not in VOID and not token.endswith("/>"):
                final.append(here)
            parts.append(token)
        else:
            parts.append(token if final and final[-1] else to_hant(token, replacements))
    return _noted("".join(parts).replace('lang="zh-Hans"', f'lang="{LANGUAGE}"', 1), replacements)


def _attribute(match: re.Match[str], replacements: tuple[tuple[str, str], ...]) -> str:
    name, value = match.groups()
    return f'{name}="{to_hant(value, replacements)}"' if name in HUMAN else match.group()


def _noted(book: str, replacements: tuple[tuple[str, str], ...]) -> str:
    """Say in the editorial note what the Traditional book is (after the note's heading)."""
    head, found, rest = book.partition('<section class="note" id="note">')
    heading_end = rest.find("</h1>")
    if not found or heading_end < 0:
        return book
    cut = heading_end + len("</h1>")
    return f"{head}{found}{rest[:cut]}<p>{to_hant(NOTE, replacements)}</p>{rest[cut:]}"
