"""Every problem code the build can report, declared once with what it means.

Codes are stable: contributors and CI match on them. A test checks that every code
used in build_tools is declared here and is exercised by a test.
"""

from __future__ import annotations

CODES = {
    # Reading files
    "unexpected-file": "a file that does not belong in an input folder",
    "bad-file-name": "a file name that cannot be an id (ids become URLs and file names)",
    "duplicate-id": "two raw files for one text id (texts/x.txt and texts/x.html)",
    "not-utf8": "an annotation file that is not UTF-8",
    "file-too-large": "an annotation file too large to be hand-written",
    "empty-file": "an empty file",
    # YAML
    "yaml-syntax": "not valid YAML (tabs, unclosed brackets, bad indentation…)",
    "yaml-alias": "an alias (*name): aliases can expand into alias bombs",
    "yaml-anchor": "an anchor (&name)",
    "yaml-tag": "an explicit tag (!!python/object…)",
    "yaml-key": "a key that is not plain text",
    "yaml-depth": "nesting deeper than any annotation needs",
    "duplicate-key": "a key written twice (YAML would silently keep the last)",
    # Schema
    "unknown-key": "a key the schema does not declare",
    "missing-key": "a required key is missing",
    "empty-value": "a required key has no value",
    "wrong-type": "a value of the wrong shape (a list where text belongs…)",
    "truthy": "a value YAML 1.1 would read as yes/no (no, on, off…)",
    "multi-line": "a line break in a one-line field",
    "too-long": "a field longer than its limit",
    "unknown-value": "a value outside a fixed vocabulary (kind, script…)",
    "bad-date": "a date not written YYYY-MM-DD",
    "bad-id": "an id that is not lowercase ASCII with hyphens",
    "bad-anchor": "a paragraph anchor not written like p12",
    "bad-sha256": "a SHA-256 that is not 64 hex digits",
    "bad-relation": "a relation not written '- relation: term-id'",
    "bad-context": "an exclusion by context without before/after, or with a pattern that matches anything",
    "unknown-relation": "a relation type outside part_of, has_part, variant_of, same_mechanism_as, see_also",
    "missing-convert": "a traditional text without an OpenCC profile",
    "bad-number": "a count that is not a whole number of at least 1 (annotations/pdf.yml max_texts)",
    # Texts
    "missing-metadata": "a raw text without its metadata file",
    "missing-text": "metadata for a raw text that does not exist",
    "source-changed": "a raw text whose bytes no longer match its recorded sha256",
    "too-large": "a raw text larger than the build accepts",
    "undecodable": "bytes that are not valid in the declared or detected encoding",
    "unknown-encoding": "an encoding name Python does not know",
    "binary": "a binary file where a text belongs",
    "mis-decoded": "decoding produced private-use characters: wrong encoding",
    "no-body": "nothing is left of a text after cleaning",
    "bad-url": "a source_url that is not an http(s) web address",
    "short-title-not-in-title": "a short_title that is not made of the title's own words",
    "note-without-chinese": "a text's note without note_zh, its Chinese rendering for readers",
    # Block ids (annotations/anchors/)
    "missing-anchor-ledger": "a text without its ledger of block ids (positional ids stand until it is written)",
    "anchors-outdated": "a text's blocks changed and its ledger does not record their ids yet",
    "bad-anchor-ledger": "a ledger file that is not a map of block ids to texts",
    "retired-paragraph": "a citation of a block id that was retired; cite its successor",
    "scope-unsupported": "a scope fact neither unknown, nor in a cited paragraph or metadata, nor marked general",
    "unmarked-general": "an entry citing general whose summary quotes no cited paragraph, without basis: general",
    "basis-without-general": "basis: general without a general source, or without 据通行解释 in the definition",
    "quote-not-in-paragraph": "a quotation, or a source's quote, not found verbatim in the paragraph it cites",
    # Glossary across files
    "duplicate-term": "a term or variant defined in two entries",
    "unknown-text": "a citation of a text that does not exist",
    "unknown-pdf-text": "a text chosen for the whole-edition PDF (annotations/pdf.yml, --texts) that does not exist",
    "duplicate-pdf-text": "a text chosen twice for the whole-edition PDF",
    "unknown-paragraph": "a citation of a paragraph that does not exist",
    "citation-without-term": "a cited paragraph that does not contain the term",
    "unknown-term": "a relation or component naming an entry that does not exist",
    "self-relation": "a term related to itself",
    "conflicting-relation": "one pair of terms related twice in different ways",
    "part-of-cycle": "part_of relations that go round in a circle",
    "term-not-found": "a term found in no text",
    "unused-variant": "a variant found in no text",
    "derivable-variant": "a variant that is only the Traditional form of the term",
    "undecided-traditional": "a term or variant with a character of several Traditional forms that no OpenCC phrase settles, without a traditional: override",
    "bad-traditional": "a traditional: form that does not write the term or a variant, or a basis citing a Simplified text",
    "bad-pinyin": "pinyin with characters that are not pinyin",
    "pinyin-differs": "a syllable that differs from pypinyin's reading in context and is not confirmed",
    "bad-pinyin-confirmation": "a pinyin_confirmed item that is not a piece of the term, or disagrees with the pinyin",
    "definition-too-complex": "a definition with more brackets or nesting than Markdown should parse",
    # Contributor commands
    "file-exists": "a file new-term or add-text would create already exists",
    "duplicate-text": "add-text given a file already in texts/, byte for byte",
    "no-such-file": "add-text given a path that is not a file",
    # Building the outputs
    "search-patch": "Material's search worker no longer has the code our search fix patches",
    "pdf-text-changed": "the PDF's text of a block differs from the cleaned text",
    "pdf-footnote-lost": "a glossary footnote the PDF layout placed on no page",
    "pdf-layout": "a warning from WeasyPrint while laying out the PDF",
    "missing-graphviz": "Graphviz's dot, which draws the relation diagrams, is missing or failed",
    "bad-environment": "an environment variable the build reads has an unusable value",
    "search-section-too-long": "one block longer than a search section may be (Zensical limits it; search_sections.py)",
    # Formatting
    "fmt-meaning": "fmt would change a file's meaning (a bug in fmt; the file is left alone)",
}
