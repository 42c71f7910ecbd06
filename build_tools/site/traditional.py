"""The Traditional view: every page of the edition again, in Traditional characters.

One pure pass over the pages the Simplified view is made of. Each Markdown page under
docs/ is converted with OpenCC's ``s2tw`` profile and written to the same path under
``build/generated/zh-Hant/docs``, which ``mkdocs.zh-Hant.yml`` builds into
``site/zh-Hant/``: same paths, same paragraph anchors, so ``#p12`` works in both views.

Why ``s2tw``: it changes characters and nothing else, like ``s2t``, then uses the forms
readers of Traditional print actually meet (為, 著, 裡, 群眾) rather than OpenCC's own
standard (爲, 着, 裏, 羣衆), which no reading community uses; they are also the forms of
the one text published in Traditional (converted with tw2s), so the view is consistent.
The phrase profiles (``s2twp``, and ``s2hk``'s 説/着) go further: ``s2twp`` swaps
vocabulary (信息 -> 資訊, 软件 -> 軟體), putting words in the authors' mouths.

Only human text is converted: link targets, ``href``/``src``/``id``/``class``/``data-*``
attributes and bare URLs are set aside first (ids and YAML keys are ASCII, which OpenCC
leaves alone anyway). A text published in Traditional is not round-tripped through
Simplified (s2t is not the inverse of t2s: 着/著, 发/發/髮, 干/乾/幹): its page shows each
block's own characters, ``Block.original``, which the pass leaves untouched; so do its
term pages where they quote it (``site.traditional_terms``). Where a character has
several Traditional forms, the glossary's overrides and the corpus's corrections
(``traditional_forms``) settle what s2tw cannot.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from build_tools.diagrams.dot import FONT as SVG_FONT
from build_tools.edition import CorpusText, Edition
from build_tools.model import Block
from build_tools.site.markup import escape_html
from build_tools.site.pages import page_slug
from build_tools.site.render_glossary import term_link
from build_tools.site.render_relations import (
    Appearances,
    Reach,
    panel_items,
    render_panel,
    term_appearances,
    term_reach,
)
from build_tools.site.render_text import Escape, InlineRenderer, render_text_page
from build_tools.site.search_patch import THEME_ROOT, patched_search_worker
from build_tools.site.traditional_terms import (
    END,
    KEEP,
    render_traditional_occurrence_page,
    render_traditional_term_page,
)
from build_tools.stages.script import convert
from build_tools.terms.marking import mark_first_in_section
from build_tools.traditional_forms import PROFILE, glossary_replacements, to_hant
from build_tools.write import CopyOf

LANG = "zh-Hant"
ROOT = f"build/generated/{LANG}"
DOCS = f"{ROOT}/docs"
THEME = f"{ROOT}/theme"
PROTECTED = re.compile(
    KEEP + "[^" + END + "]*" + END                          # a block in its original script
    + r"|\b(?:href|src|id|class|for|data-[\w-]+)=\"[^\"]*\""  # machine attributes
    + r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"                    # a Markdown link's target
    + r"|https?://[^\s)\"'<>]+")                             # a bare address
RAW_SOURCE = "\n{ .raw-source data-search-exclude }\n"  # render_meta's last line: the note on the script follows it
OCCURRENCE_PAGE = re.compile(r"docs/glossary/(?P<term>[^/]+)/occurrences-(?P<number>\d+)/index\.md")
SNIPPET = re.compile(r'^--8<-- "([^"]+)"$', re.MULTILINE)
DOWNLOADS = 'href="downloads/'  # the PDFs and the offline zip, one level up from the Traditional view


def to_traditional(page: str, replacements: tuple[tuple[str, str], ...] = ()) -> str:
    """Convert a page's human text to Traditional; machine parts and kept spans stay as they are.

    ``replacements`` are the glossary's overrides (``traditional_forms.glossary_replacements``).
    """
    parts, position = [], 0
    for match in PROTECTED.finditer(page):
        parts.append(_convert(page[position:match.start()], replacements))
        kept = match.group()
        parts.append(kept[1:-1] if kept.startswith(KEEP) else kept)
        position = match.end()
    parts.append(_convert(page[position:], replacements))
    # Diagrams name the Simplified face of Noto Sans CJK; Traditional labels take its TC face.
    return "".join(parts).replace(f'font-family="{SVG_FONT}"', f'font-family="{SVG_FONT.removesuffix("SC")}TC"')


def _convert(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    # Names of languages are attributes, but they must say what the text now is.
    return to_hant(text, replacements).replace('lang="zh-Hans"', f'lang="{LANG}"')


def traditional_path(path: str) -> str:
    """Where the Traditional twin of a generated docs/ file goes."""
    return f"{DOCS}/{path.removeprefix('docs/')}"


def with_traditional(outputs: Iterable[tuple[str, bytes | CopyOf]], edition: Edition,
                     handwritten: dict[str, bytes], site_url: str | None = None
                     ) -> Iterator[tuple[str, bytes | CopyOf]]:
    """Pass every output through, followed by its Traditional twin; then the rest of the view.

    ``handwritten`` holds the hand-written pages and scripts by path (docs/index.md, …),
    converted here because they are not generated.
    """
    snippets: dict[str, str] = {}
    diagrams: dict[str, str] = {}  # the SVG files come before the term pages that inline them
    replacements = glossary_replacements(edition.glossary) if edition is not None else ()
    appearances = functools.cache(lambda: term_appearances(edition))
    reach = functools.cache(lambda: term_reach(edition, appearances()))
    for path, output in outputs:
        yield path, output
        if path.startswith("build/generated/snippets/") and isinstance(output, bytes):
            snippets[path.rsplit("/", 1)[1]] = output.decode("utf-8")
        elif path == "build/generated/nav.yml" and isinstance(output, bytes):
            yield f"{ROOT}/nav.yml", render_traditional_nav(output.decode("utf-8"), replacements).encode("utf-8")
        elif path == "build/generated/jieba_userdict.txt" and isinstance(output, bytes):
            yield f"{ROOT}/jieba_userdict.txt", _jieba(output.decode("utf-8")).encode("utf-8")
        elif path.startswith(f"{THEME_ROOT}/"):
            if "/workers/search." in path:  # the Traditional index: fold queries to Traditional
                output = patched_search_worker((PROFILE,))[1]
            yield f"{THEME}/{path.removeprefix(THEME_ROOT + '/')}", output
        elif path.startswith("docs/") and path.endswith(".svg") and isinstance(output, bytes):
            diagrams[path.rsplit("/", 1)[1].removesuffix(".svg")] = output.decode("utf-8")
            yield traditional_path(path), to_traditional(output.decode("utf-8"), replacements).encode("utf-8")  # labels
        elif path.startswith("docs/") and path.endswith(".md") and isinstance(output, bytes):
            page = _page(path, output.decode("utf-8"), edition, site_url, appearances, reach, diagrams)
            yield traditional_path(path), to_traditional(page, replacements).encode("utf-8")
        elif path.startswith("docs/"):
            yield traditional_path(path), output  # raw copies and citation files, unchanged
    for path, data in sorted(handwritten.items()):
        page = data.decode("utf-8")
        if path == "docs/index.md":
            page = _home(page, snippets)
        yield traditional_path(path), to_traditional(page, replacements).encode("utf-8")


def _page(path: str, page: str, edition: Edition, site_url: str | None, appearances: Callable[[], Appearances],
          reach: Callable[[], dict[str, Reach]], diagrams: dict[str, str]) -> str:
    """The page to convert: a text or term page rendered again where the view needs more."""
    name = page_slug(path)
    entry = edition.entry(name) if path.startswith("docs/glossary/") else None
    if entry is not None:
        return render_traditional_term_page(entry, edition, appearances(), diagrams.get(f"term-{entry.id}"))
    if (more := OCCURRENCE_PAGE.fullmatch(path)) and (entry := edition.entry(more["term"])):
        return render_traditional_occurrence_page(entry, edition, int(more["number"]))
    text = edition.text(name) if path.startswith("docs/texts/") else None
    if text is None:
        return page
    if text.meta.script == "traditional":
        page = render_original_page(text, edition, reach(), site_url)
        note = "本文原以繁体字发表；本页正文为原文字形，未经简繁转换。简体版为 OpenCC 转换所得。"
    else:
        note = f"本文原以简体字发表；本页由 OpenCC（{PROFILE}）转换为繁体。"
    return _with_note(page, note)


def _with_note(page: str, note: str) -> str:
    """Say under the text's metadata which script is the original."""
    head, found, rest = page.partition(RAW_SOURCE)
    if not found:
        return page
    # Out of search like the source line above it: apparatus, the same on every text page.
    return f'{head}{RAW_SOURCE}\n<p class="script-note" data-search-exclude>{escape_html(note)}</p>\n{rest}'


def render_original_page(text: CorpusText, edition: Edition, reach: dict[str, Reach],
                         site_url: str | None = None) -> str:
    """A text's page with every block in the characters it was published in.

    The metadata and panel around the blocks are converted as on every page; the blocks,
    marked with KEEP … END, are left as the source has them. ``reach`` is the edition's
    (``term_reach``), computed once for all pages: it reads every occurrence.
    """
    blocks = tuple(replace(block, text=block.original) for block in text.article.blocks)
    shown = replace(text, meta=replace(text.meta, convert=None),
                    article=replace(text.article, blocks=blocks))
    items = panel_items(text, edition, reach)
    return render_text_page(shown, original_inline(edition, text.meta.id), render_panel(items), site_url)


def original_inline(edition: Edition, text_id: str) -> InlineRenderer:
    """Like the Simplified view's linked renderer, but each link shows the original's own
    characters. Conversion keeps a block's length (checked), so the Simplified offsets of
    the occurrences hold in the original; a block where it does not is shown without links.
    Loud and quiet links are the Simplified page's: the sections are the same blocks."""
    text = edition.text(text_id)
    marks = mark_first_in_section(text.article.blocks if text else (), edition.found_in_text(text_id))
    by_anchor: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    lengths: dict[str, int] = {}
    for mark in marks:
        occurrence, anchor = mark.found.occurrence, mark.found.block.anchor
        by_anchor[anchor].append((occurrence.start, occurrence.end, occurrence.term_id, mark.first))
        lengths[anchor] = len(mark.found.block.text)

    def render(block: Block, start: int, end: int, escape: Escape) -> str:
        parts, position = [], start
        same_length = lengths.get(block.anchor, len(block.text)) == len(block.text)
        for first, last, term_id, loud in by_anchor.get(block.anchor, ()) if same_length else ():
            if first < start or last > end:
                continue
            parts.append(escape(block.text[position:first]))
            parts.append(term_link(term_id, escape(block.text[first:last]), loud))
            position = last
        parts.append(escape(block.text[position:end]))
        return KEEP + "".join(parts) + END

    return render


def render_traditional_nav(nav: str, replacements: tuple[tuple[str, str], ...] = ()) -> str:
    """The Simplified nav config, converted, inheriting mkdocs.yml as the Simplified one does."""
    return "# Generated; do not edit. Inherited by mkdocs.zh-Hant.yml.\nINHERIT: ../../../mkdocs.yml\n" + to_traditional(
        "\n".join(line for line in nav.splitlines() if not line.startswith("#")) + "\n", replacements)


def _jieba(dictionary: str) -> str:
    """jieba's user dictionary for the Traditional index: every form also in Traditional."""
    lines = dictionary.splitlines()
    return "\n".join(dict.fromkeys(lines + [convert(line, PROFILE) for line in lines])) + "\n"


def _home(page: str, snippets: dict[str, str]) -> str:
    """The home page, its snippets inlined (the snippet folder holds the Simplified ones)."""
    page = SNIPPET.sub(lambda match: snippets.get(match.group(1), match.group()), page)
    page = page.replace(DOWNLOADS, 'href="../downloads/')
    heading = re.search(r"^# .*\n", page, re.MULTILINE)
    note = (f'<p class="script-note">本頁為繁體版：由簡體版經 OpenCC（{PROFILE}）轉換生成；原以繁體發表的文本顯示原文字形。'
            '右上角可切換至簡體版的同一頁。</p>')
    return f"{page[:heading.end()]}\n{note}\n{page[heading.end():]}" if heading else page
