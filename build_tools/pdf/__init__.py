"""The offline PDF of the edition, built from the same document model as the site.

The pipeline, each stage a function of the one before:

1. ``book``       Edition -> one HTML document: ``front`` (title page, note, contents),
                  ``chapter`` per text in reading order, ``appendix`` (the glossary)
2. ``typeset``    text -> HTML with Chinese line-breaking help (PDF only, never the site)
3. ``invariant``  the book's block texts must equal the cleaned texts, or nothing is written
4. ``render``     HTML + ``book.css`` -> PDF bytes (WeasyPrint; no URL is ever fetched)
5. ``build``      the above in order, every problem a located ``Problem``

``python -m build_tools pdf`` (``commands/pdf.py``) loads and checks like ``generate``,
then writes ``site/downloads/edition.pdf`` atomically. Shared presentation facts come from
``presentation`` and the model, never from the site's renderers.
"""
