"""Build tools for the annotated reading edition.

The pipeline, each stage a pure function over frozen dataclasses (``model``), I/O only at
the edges. Imports flow one way, down this list (``tests/test_layout.py`` enforces it):

1. ``sources``      read texts/ and annotations/ into memory (the only read of the inputs)
2. ``stages/``      one raw text: ``decode`` bytes -> str; ``clean`` raw lines -> body lines
                    (web debris, header fields; ``typography`` and ``pinyin_garbage`` repair
                    inline, ``script`` converts each line to Simplified once); ``structure``
                    body lines -> blocks (headings, paragraphs, list items, captions) with
                    our own anchors p1…, s1…, c1…
3. ``annotations/`` what editors write: the schema declared once (``schema``), YAML with
                    marks (``yamlfile``), ``glossary`` entries, ``textmeta``, ``relations``,
                    ``definitions`` (their Markdown subset, sanitised), ``fmt``
4. ``terms/``       blocks -> term occurrences (``matching``: leftmost-longest, one pass)
5. ``articles``     stages 2 for one text; ``edition`` loads every text and annotation;
                    ``checks`` runs the checks that need the whole edition
6. ``site/``, ``pdf/``  the two outputs, each reading the edition; what both show alike is
                    in ``presentation``, never in the other output's renderers
7. ``build``        load, check, report (one reporter for every ``Problem``), render, write
                    (``write``: only what changed, staged before any of it lands)
8. ``commands/``    each command with its own parser; ``cli`` is the command table
"""
