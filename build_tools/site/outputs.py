"""Render every generated file of the edition, one at a time.

Files are yielded as they are rendered, so the writer stages each one and lets it go:
the edition is in memory, the rendered pages never are all at once. Everything was
loaded and checked before the first file is rendered.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from build_tools.downloads import plan_edition_pdf
from build_tools.edition import CorpusText, Edition
from build_tools.memo import Memo, remembered
from build_tools.site.citation import bibtex, citable, csl_json
from build_tools.site.diagrams import FOLDER, site_diagrams
from build_tools.site.offline import LINK_SNIPPET, render_offline_link
from build_tools.site.render_candidates import render_candidates_page
from build_tools.site.render_downloads import PDF_SNIPPET, render_pdf_download
from build_tools.site.render_glossary import (
    linked_inline,
    occurrence_page_count,
    occurrence_page_path,
    render_glossary_index,
    render_jieba_dictionary,
    render_occurrence_page,
    render_term_page,
)
from build_tools.site.render_relations import (
    panel_items,
    render_map,
    render_panel,
    term_appearances,
)
from build_tools.site.render_site import MAX_LISTED_TEXTS, render_nav, render_texts_table, texts_index_pages
from build_tools.site.render_text import raw_copy, render_text_body, with_panel
from build_tools.site.render_timeline import timeline_pages
from build_tools.site.theme_files import render_theme_files
from build_tools.write import CopyOf


def render_outputs(edition: Edition, root: Path, repo_url: str | None = None,
                   memo: Memo | None = None, site_url: str | None = None) -> Iterator[tuple[str, bytes | CopyOf]]:
    """Each generated path with its bytes; ``repo_url`` enables "edit this" links and
    ``site_url`` (the published address) full URLs in citations.

    With a memo (the preview loop), a page whose inputs are unchanged since the last
    build is not rendered again.
    """
    for path, page in _pages(edition, repo_url, memo, site_url):
        yield path, page.encode("utf-8")
    yield from render_theme_files().items()
    for text in edition.texts:  # the raw source, byte for byte, for readers to check; how to cite it
        cited = citable(text.meta, site_url)
        yield f"docs/texts/cite/{text.meta.id}.json", csl_json(cited).encode("utf-8")
        yield f"docs/texts/cite/{text.meta.id}.bib", bibtex(cited).encode("utf-8")
        yield f"docs/texts/{raw_copy(text.raw)}", CopyOf(root / text.raw, text.meta.sha256)


def _pages(edition: Edition, repo_url: str | None, memo: Memo | None,
           site_url: str | None) -> Iterator[tuple[str, str]]:
    yield from texts_index_pages(edition)
    yield "build/generated/nav.yml", render_nav(edition, repo_url, site_url)
    yield "build/generated/snippets/texts-table.md", render_texts_table(edition, "texts/", MAX_LISTED_TEXTS)
    yield "build/generated/jieba_userdict.txt", render_jieba_dictionary(edition)
    yield f"build/generated/snippets/{LINK_SNIPPET}", render_offline_link(None)  # sized by the offline command
    yield f"build/generated/snippets/{PDF_SNIPPET}", render_pdf_download(plan_edition_pdf(edition), edition)
    appearances = term_appearances(edition)
    for text in edition.texts:
        # A text page's body shows its article (which its metadata, sha256 included,
        # determines) and the terms matched in it (the forms determine); the ledger fixes its
        # ids; site_url is the same for the whole build. Only the panel shows annotations'
        # prose: one summary edit renders the panels again, not the hundreds of bodies.
        body = remembered(memo, "text body", (text.meta, text.article.ids_key, edition.forms_digest, site_url),
                          functools.partial(_text_body, edition, text, site_url))
        yield f"docs/texts/{text.meta.id}.md", with_panel(body, render_panel(panel_items(text, edition, appearances)))
    diagrams = site_diagrams(edition, memo) if edition.glossary else {}
    for name, svg in diagrams.items():  # each alone, for a phone to open and zoom
        yield f"{FOLDER}/{name}.svg", svg
    if edition.glossary:
        yield "docs/glossary/index.md", render_glossary_index(edition)
        yield "docs/glossary/map.md", render_map(edition, diagrams)
        yield from timeline_pages(edition)
        # Candidates depend on the texts (their metadata fixes them) and the forms matched in
        # them, not on annotations' prose.
        yield "docs/glossary/candidates.md", remembered(
            memo, "candidates page", (tuple(t.meta for t in edition.texts), edition.forms_digest),
            functools.partial(render_candidates_page, edition))
    for entry in edition.glossary:
        yield f"docs/glossary/{entry.id}.md", render_term_page(entry, edition, appearances, diagrams.get(f"term-{entry.id}"))
        for number in range(2, occurrence_page_count(entry, edition) + 1):
            yield occurrence_page_path(entry.id, number), render_occurrence_page(entry, edition, number)


def _text_body(edition: Edition, text: CorpusText, site_url: str | None) -> str:
    return render_text_body(text, linked_inline(edition, text.meta.id), site_url)
