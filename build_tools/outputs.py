"""Assemble every generated file of the edition, in memory, before anything is written."""

from __future__ import annotations

from build_tools.edition import Edition
from build_tools.render_site import render_nav, render_texts_index, render_texts_table
from build_tools.render_text import plain_inline, render_text_page
from build_tools.sources import Sources


def render_outputs(edition: Edition, sources: Sources) -> dict[str, bytes]:
    """Map each generated path to its bytes."""
    files: dict[str, str] = {
        "docs/texts/index.md": render_texts_index(edition),
        "build/generated/nav.yml": render_nav(edition),
        "build/generated/snippets/texts-table.md": render_texts_table(edition, "texts/"),
    }
    for text in edition.texts:
        files[f"docs/texts/{text.meta.id}.md"] = render_text_page(text, plain_inline)
    outputs = {path: content.encode("utf-8") for path, content in files.items()}
    for raw in sources.texts:  # the raw source, byte for byte, for readers to check
        outputs[f"docs/texts/raw/{raw.id}.txt"] = raw.data
    return outputs
