"""Render contributors' definitions: a small Markdown subset, then a real sanitizer.

Python-Markdown sanitises nothing (raw HTML passes, ``attr_list`` could add onclick), so
its output goes through nh3 (Ammonia) with an allowlist of tags, no attributes but
``href`` on links, no generic attributes, absolute http(s)/mailto URLs only.
"""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "code", "blockquote"}
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math"},
    attributes={"a": {"href"}, "*": set()},  # "*": set() drops nh3's default title/lang
    url_schemes={"https", "http", "mailto"},
    url_relative="deny",
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)


def render_definition(source: str) -> str:
    """Turn a definition's Markdown into sanitised HTML."""
    html = markdown.markdown(source, extensions=[], output_format="html")
    return _CLEANER.clean(html)
