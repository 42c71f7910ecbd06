"""Where a generated page's Markdown lives: in a folder of its own, as that folder's index.md.

Our pages are mostly raw HTML (paragraphs, term links, citations, panels), and the two
engines read a relative link in raw HTML differently: MkDocs leaves it to the browser, which
resolves it against the page's URL (texts/x/), while Zensical resolves it against the folder
of the Markdown file, as both do for Markdown links. docs/texts/x/index.md is published as
texts/x/, so the two folders are one and every raw link means the same target in both.
Markdown links in generated pages are therefore written from the page's own folder
(from a term page: ``../../texts/x/index.md#p3``, ``../other-term/index.md``); so are the
later pages of a paged list (``docs/glossary/timeline/2/index.md``).
"""

from __future__ import annotations


def page_file(section: str, slug: str) -> str:
    """The docs-relative Markdown file of the page published at ``section/slug/``."""
    return f"{section}/{slug}/index.md"


def page_slug(path: str) -> str:
    """The slug of a generated page from its output path (docs/glossary/x/index.md: x)."""
    return path.removesuffix("/index.md").rsplit("/", 1)[-1]
