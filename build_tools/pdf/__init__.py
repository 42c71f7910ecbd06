"""The offline PDF of the edition, built from the same document model as the site.

The pipeline, each stage a function of the one before:

1. ``book``       Edition -> one HTML document: ``front`` (title page, note, contents),
                  ``chapter`` per text in reading order, ``appendix`` (the glossary)
2. ``typeset``    text -> HTML with Chinese line-breaking help (PDF only, never the site)
3. ``invariant``  the book's block texts must equal the cleaned texts, or nothing is written
4. ``render``     HTML + ``book.css`` -> PDF bytes (WeasyPrint; no URL is ever fetched)
5. ``command``    ``python -m build_tools pdf``: load and check like ``generate``, then
                  write ``site/downloads/edition.pdf`` atomically
"""

from build_tools.pdf.command import cmd_pdf, configure_parser

__all__ = ["cmd_pdf", "configure_parser"]
