"""The PDFs of the edition, built from the same document model as the site.

The pipeline, each stage a function of the one before:

1. ``contents``   Edition -> a Book: what one PDF holds (the whole edition, a selection of
                  texts, or one text), its appendix the entries its texts use
2. ``book``       Book -> one HTML document: ``front`` (title page, note, contents; for one
                  text a heading line and a short note), ``chapter`` per text in reading
                  order, ``appendix`` (the glossary), the map (whole edition only)
3. ``typeset``    text -> HTML with Chinese line-breaking help (PDF only, never the site)
4. ``invariant``  the book's block texts must equal the cleaned texts, or nothing is written
5. ``render``     HTML + ``book.css`` -> PDF bytes (WeasyPrint, with ``patches``; page
                  references printed from a layout pass; no URL is ever fetched)
6. ``build``      the above in order, every problem a located ``Problem``

``python -m build_tools pdf`` (``commands/pdf.py``) loads and checks like ``generate``, then
writes ``site/downloads/edition.pdf`` atomically, as ``annotations/pdf.yml`` allows;
``text-pdfs`` (``commands/text_pdfs.py``) lays out every text's own PDF in worker processes.
Shared presentation facts come from ``presentation`` and the model, never from the site's
renderers.
"""
