"""Build tools for the annotated reading edition.

The pipeline, each stage a pure function over frozen dataclasses, I/O only at the edges:

1. ``sources``    read texts/ and annotations/ into memory (the only read of the inputs)
2. ``decode``     bytes -> str (declared or detected encoding, invisible characters removed)
3. ``clean``      raw lines -> body lines (web debris, header fields, pinyin garbage,
                  entities; ``typography`` and ``pinyin_garbage`` do the inline repairs)
4. ``script``     Traditional -> Simplified through an OpenCC profile chosen per text
5. ``structure``  body lines -> blocks (headings, paragraphs, list items, captions) with
                  our own anchors p1…, s1…, c1…
6. ``annotate``   blocks -> term occurrences (``matching``: leftmost-longest, one pass)
7. ``relations``  declared relations -> edges on both ends, with their problems
8. ``render_*``   the edition -> Markdown pages (``outputs`` assembles every file)
9. ``write``      files -> disk: only what changed, staged before any of it lands

``articles.build_article`` runs stages 2-5 for one text; ``edition.load_edition`` runs
them for every text, reads every annotation (``yamlfile`` + the schema declared once in
``schema``, ``glossary`` and ``textmeta``) and collects every problem
(``glossary_checks``; codes in ``problem_codes``). ``cli`` reports them and decides
whether to write. The PDF (``pdf``) is built from the same edition.
"""
