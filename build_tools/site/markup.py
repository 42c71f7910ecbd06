"""Escaping for the two languages pages are written in: Markdown and HTML."""

from __future__ import annotations

import html
import json
import re

from build_tools.presentation import GENERAL_EXPLANATION, GENERAL_MARK

# Python-Markdown's backslash-escapable characters (its ESCAPED_CHARS less ">", which HTML
# escaping covers, plus "|" from the tables extension). Escaping any other character
# would leave the backslash visible.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape_html(text: str) -> str:
    """Escape text for HTML content and double- or single-quoted attributes."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Escape text so Markdown shows it literally (headings, table cells, link text).

    Backslashes first, then HTML: the other order would break the entities it creates.
    """
    return html.escape(MARKDOWN_SPECIAL.sub(r"\\\1", text), quote=False)


def yaml_string(text: str) -> str:
    """Quote a string for YAML (JSON strings are valid YAML double-quoted scalars)."""
    return json.dumps(text, ensure_ascii=False)


def template_string(text: str) -> str:
    """Quote a title for MkDocs config or front matter.

    MkDocs' templates insert page titles and descriptions unescaped (nav links, header,
    ``<meta content="…">``), so they must arrive already HTML-escaped.
    """
    return yaml_string(escape_html(text))


def front_matter(title: str, description: str | None = None, source_file: str | None = None,
                 searchable: bool = True) -> str:
    """The YAML front matter of a generated page; ``source_file`` is what "edit this" edits.

    Pages that only repeat what term pages say (index, map, timeline) are kept out of
    search, so a query finds the term's own page and the texts.
    """
    lines = ["---", f"title: {template_string(title)}"]
    if not searchable:
        lines += ["search:", "  exclude: true"]
    if description:
        lines.append(f"description: {template_string(description)}")
    if source_file:
        lines.append(f"source_file: {yaml_string(source_file)}")
    return "\n".join([*lines, "---", ""])


def general_mark(basis: str | None) -> str:
    """The 〔通行解释〕 mark after a summary that rests on general knowledge, explained on hover."""
    if basis != "general":
        return ""
    return (f' <a class="gl-basis" href="../../about/#general" title="{escape_html(GENERAL_EXPLANATION)}">'
            f"{GENERAL_MARK}</a>")
