"""Escaping for the two languages pages are written in: Markdown and HTML."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown (with attr_list) treats as syntax in running text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:])")


def escape_html(text: str) -> str:
    """Escape text for HTML content and double- or single-quoted attributes."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it literally (headings, table cells, link text)."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", escape_html(text))


def yaml_string(text: str) -> str:
    """Quote a string for YAML front matter (JSON strings are valid YAML)."""
    import json

    return json.dumps(text, ensure_ascii=False)
