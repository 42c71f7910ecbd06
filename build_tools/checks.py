"""Checks that need the whole edition: duplicates, citations, references, unused terms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from build_tools.annotations.definitions import cited_passages, definition_limits, quotes_verbatim
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.annotations.pdf_config import Chosen
from build_tools.basis import check_basis
from build_tools.edition import Edition
from build_tools.problems import Problem, problem, warning
from build_tools.quotations import check_quotations, where_quoted
from build_tools.readings import check_readings
from build_tools.scopes import check_scopes
from build_tools.search_sections import check_search_sections
from build_tools.stages.script import traditional
from build_tools.traditional_forms import check_traditional_forms

PINYIN = re.compile(r"^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ0-9 ·'’+\-–—/（）()·,，]+$")


def check_edition(edition: Edition) -> list[Problem]:
    """Every glossary problem that needs more than one file to see."""
    return [
        *_duplicate_forms(edition),
        *_citations(edition),
        *_definition_citations(edition),
        *check_quotations(edition),
        *check_scopes(edition),
        *check_basis(edition),
        *check_readings(edition),
        *_definition_limits(edition),
        *_component_references(edition),
        *_unused(edition),
        *_field_style(edition),
        *check_traditional_forms(edition),
        *check_search_sections(edition.texts),
        *check_pdf_selection(edition.pdf.texts, edition, edition.pdf.path),
    ]


def check_pdf_selection(chosen: tuple[Chosen, ...], edition: Edition, path: str) -> Iterator[Problem]:
    """Each text chosen for the whole-edition PDF that the edition does not have, or has twice."""
    seen: set[str] = set()
    for item in chosen:
        if item.text_id not in edition.text_ids:
            yield problem(path, item.line, item.column, "unknown-pdf-text",
                          f"'{item.text_id}' is not a text of the edition; write the id of a file in "
                          "annotations/texts/ (without .yml)")
        elif item.text_id in seen:
            yield warning(path, item.line, item.column, "duplicate-pdf-text",
                          f"'{item.text_id}' is chosen twice; list it once")
        seen.add(item.text_id)


def _duplicate_forms(edition: Edition) -> Iterator[Problem]:
    """Each entry that writes a form another entry writes too is told which one."""
    owners: dict[str, list[tuple[GlossaryEntry, str]]] = {}
    for entry in sorted(edition.glossary, key=lambda e: e.path):
        for field, form in [("term", entry.term), *(("variants", v) for v in entry.variants)]:
            owners.setdefault(form, []).append((entry, field))
    for form, places in owners.items():
        for entry, field in places:
            others = ", ".join(other.path for other, _ in places if other is not entry)
            if others:
                yield problem(entry.path, *entry.position_of(field), "duplicate-term",
                              f"'{form}' is also defined in {others}; keep one entry and list "
                              "other forms as variants there")


def _citations(edition: Edition) -> Iterator[Problem]:
    for entry in edition.glossary:
        forms = (entry.term, *entry.variants)
        for source in entry.sources:
            if source.text is None:
                continue
            text = edition.text(source.text)
            if text is None:
                yield problem(entry.path, source.line, source.column, "unknown-text",
                              f"no text '{source.text}' in texts/; check the id")
                continue
            block = text.article.paragraph(source.paragraph or "")
            successor = text.article.successor(source.paragraph or "")
            if block is None and successor:
                yield warning(entry.path, source.line, source.column, "retired-paragraph",
                              f"{source.text} {source.paragraph} was retired when the text's blocks changed; "
                              f"its text is now in {successor}: cite {successor}")
            elif block is None:
                yield problem(entry.path, source.line, source.column, "unknown-paragraph",
                              f"{source.text} has no paragraph {source.paragraph}; see "
                              f"'python -m build_tools paragraphs {source.text}'")
            elif source.quote and not quotes_verbatim(source.quote, block.text):
                yield problem(entry.path, source.line, source.column, "quote-not-in-paragraph",
                              f"{source.text} {source.paragraph} does not contain the quote "
                              f"'{source.quote}'{where_quoted(edition, source.quote)}")
            elif not any(form in block.text for form in forms):
                yield warning(entry.path, source.line, source.column, "citation-without-term",
                              f"{source.text}#{source.paragraph} does not contain '{entry.term}' "
                              "or a variant; cite the paragraph that speaks of it")


def _definition_citations(edition: Edition) -> Iterator[Problem]:
    """A passage cited in a definition ("jinhaihu-113 p12") must exist."""
    for entry in edition.glossary:
        line, column = entry.position_of("definition")
        for text_id, anchor, offset in cited_passages(entry.definition):
            text = edition.text(text_id)
            if text is None or text.article.paragraph(anchor) is not None:
                continue
            at_line = line + entry.definition[:offset].count("\n")
            if successor := text.article.successor(anchor):
                yield warning(entry.path, at_line, column, "retired-paragraph",
                              f"the definition cites {text_id} {anchor}, retired when the text's blocks "
                              f"changed; its text is now in {successor} ('anchors --reattach' moves it)")
            else:
                yield problem(entry.path, at_line, column, "unknown-paragraph",
                              f"the definition cites {text_id} {anchor}, which does not exist; see "
                              f"'python -m build_tools paragraphs {text_id}'")


def _definition_limits(edition: Edition) -> Iterator[Problem]:
    for entry in edition.glossary:
        line, column = entry.position_of("definition")
        for offset, message in definition_limits(entry.definition):
            yield problem(entry.path, line + offset, column, "definition-too-complex", message)


def _component_references(edition: Edition) -> Iterator[Problem]:
    ids = {entry.id for entry in edition.glossary}
    for entry in edition.glossary:
        for component in entry.components:
            if component.term and component.term not in ids:
                yield problem(entry.path, component.line, component.column, "unknown-term",
                              f"no glossary entry '{component.term}' for component '{component.text}'")


def _unused(edition: Edition) -> Iterator[Problem]:
    used_forms = {(f.occurrence.term_id, f.occurrence.form) for f in edition.found}
    used_terms = {term_id for term_id, _ in used_forms}
    for entry in edition.glossary:
        if entry.id not in used_terms:
            yield warning(entry.path, *entry.position_of("term"), "term-not-found",
                          f"'{entry.term}' is not found in any text (or a longer term covers it)")
        for variant in entry.variants:
            if traditional(entry.term) == variant:
                yield warning(entry.path, *entry.position_of("variants"), "derivable-variant",
                              f"'{variant}' is the Traditional form of the term and is derived "
                              "automatically; remove it")
            elif (entry.id, variant) not in used_forms:
                yield warning(entry.path, *entry.position_of("variants"), "unused-variant",
                              f"variant '{variant}' is not found in any text")


def _field_style(edition: Edition) -> Iterator[Problem]:
    for entry in edition.glossary:
        if not PINYIN.match(entry.pinyin):
            yield problem(entry.path, *entry.position_of("pinyin"), "bad-pinyin",
                          f"'{entry.pinyin}' is not pinyin with tone marks (e.g. wǔ gè yī)")

