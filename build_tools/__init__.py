"""Build tools for the annotated reading edition.

The pipeline, one stage per module, each a pure function over frozen dataclasses:

1. ``decode``     bytes -> str (encoding detected and recorded, control characters removed)
2. ``clean``      raw lines -> body lines (web debris, pinyin garbage, entities, typography)
3. ``script``     Traditional -> Simplified through an OpenCC profile chosen per text
4. ``structure``  body lines -> blocks (title, headings, paragraphs, list items, captions)
5. ``matching``   blocks -> term occurrences (leftmost-longest over the whole glossary)
6. ``render``     document model -> Markdown pages
7. ``write``      pages -> files, atomically, only after every check passed

``edition.load_edition`` runs stages 1-5 over every text and annotation and collects
every problem; ``cli`` decides whether to write.
"""
