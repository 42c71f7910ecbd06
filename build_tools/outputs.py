"""Assemble every generated file of the edition, in memory, before anything is written."""

from __future__ import annotations

from build_tools.candidates import render_candidates_page
from build_tools.edition import Edition
from build_tools.render_glossary import (
    linked_inline, render_glossary_index, render_jieba_dictionary, render_term_page,
)
from build_tools.render_relations import render_map, render_text_panel, render_timeline, term_appearances
from build_tools.render_site import MAX_LISTED_TEXTS, render_nav, render_texts_index, render_texts_table
from build_tools.render_text import render_text_page
from build_tools.theme_files import render_theme_files
from build_tools.sources import Sources


def render_outputs(edition: Edition, sources: Sources, repo_url: str | None = None) -> dict[str, bytes]:
    """Map each generated path to its bytes; ``repo_url`` enables "edit this" links."""
    files: dict[str, str] = {
        "docs/texts/index.md": render_texts_index(edition),
        "build/generated/nav.yml": render_nav(edition, repo_url),
        "build/generated/snippets/texts-table.md": render_texts_table(edition, "texts/", MAX_LISTED_TEXTS),
        "build/generated/jieba_userdict.txt": render_jieba_dictionary(edition),
    }
    appearances = term_appearances(edition)
    for text in edition.texts:
        files[f"docs/texts/{text.meta.id}.md"] = render_text_page(
            text, linked_inline(edition, text.meta.id), render_text_panel(text, edition, appearances))
    if edition.glossary:
        files["docs/glossary/index.md"] = render_glossary_index(edition)
        files["docs/glossary/map.md"] = render_map(edition)
        files["docs/glossary/timeline.md"] = render_timeline(edition)
        files["docs/glossary/candidates.md"] = render_candidates_page(edition)
    for entry in edition.glossary:
        files[f"docs/glossary/{entry.id}.md"] = render_term_page(entry, edition, appearances)
    outputs = {path: content.encode("utf-8") for path, content in files.items()}
    outputs.update(render_theme_files())
    for raw in sources.texts:  # the raw source, byte for byte, for readers to check
        outputs[f"docs/texts/raw/{raw.id}.txt"] = raw.data
    return outputs
