"""Relation tables: both ends, inverse types, and every validation error with its location."""

from __future__ import annotations

import pytest

from build_tools.annotations.glossary import GlossaryEntry, read_glossary_entry
from build_tools.annotations.relations import Edge, resolve_relations
from build_tools.annotations.yamlfile import load_yaml

BASE = "pinyin: a\nenglish: a\nkind: concept\nsummary: a\ndefinition: a\nsources: [general]\n"


def entry(term_id: str, related: str = "") -> GlossaryEntry:
    """A minimal entry; ``related`` is YAML for the related list (lines 8 and on)."""
    text = f"term: {term_id}\n{BASE}" + (f"related:\n{related}" if related else "")
    document, problems = load_yaml(text, f"g/{term_id}.yml")
    assert document is not None, problems
    built, problems = read_glossary_entry(document.root, f"g/{term_id}.yml", term_id)
    assert built is not None, problems
    return built


def edges_of(*entries: GlossaryEntry) -> set[tuple[str, str, str]]:
    edges, problems = resolve_relations(entries)
    assert problems == []
    return {(e.source, e.kind, e.target) for e in edges}


@pytest.mark.parametrize("declared, expected", [
    ("  - part_of: b\n", {("a", "part_of", "b"), ("b", "has_part", "a")}),
    ("  - has_part: b\n", {("a", "has_part", "b"), ("b", "part_of", "a")}),
    ("  - variant_of: b\n", {("a", "variant_of", "b"), ("b", "variant_of", "a")}),
    ("  - same_mechanism_as: b\n", {("a", "same_mechanism_as", "b"), ("b", "same_mechanism_as", "a")}),
    ("  - see_also: b\n", {("a", "see_also", "b"), ("b", "see_also", "a")}),
])
def test_relation_shows_on_both_ends(declared: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges_of(entry("a", declared), entry("b")) == expected


def test_same_fact_declared_on_both_ends_is_one_relation() -> None:
    both = edges_of(entry("a", "  - part_of: b\n"), entry("b", "  - has_part: a\n"))
    assert both == {("a", "part_of", "b"), ("b", "has_part", "a")}


def test_related_lists_edges_from_one_term() -> None:
    edges, _ = resolve_relations([entry("a", "  - part_of: b\n  - see_also: c\n"), entry("b"), entry("c")])
    assert [e for e in edges if e.source == "b"] == [Edge("b", "has_part", "a")]


@pytest.mark.parametrize("entries, expected", [
    ([entry("a", "  - part_of: missing\n")],
     ("g/a.yml", 9, 14, "unknown-term")),
    ([entry("a", "  - see_also: a\n")],
     ("g/a.yml", 9, 15, "self-relation")),
    ([entry("a", "  - part_of: b\n"), entry("b", "  - see_also: a\n")],
     ("g/b.yml", 9, 15, "conflicting-relation")),
    ([entry("a", "  - part_of: b\n"), entry("b", "  - part_of: a\n")],
     ("g/b.yml", 9, 14, "conflicting-relation")),
    ([entry("a", "  - part_of: b\n"), entry("b", "  - part_of: c\n"), entry("c", "  - part_of: a\n")],
     ("g/c.yml", 9, 14, "part-of-cycle")),  # at the declaration that closes the circle
])
def test_relation_problems_are_located(entries: list[GlossaryEntry], expected: tuple[str, int, int, str]) -> None:
    _, problems = resolve_relations(entries)
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [expected]


def test_cycle_message_names_the_circle() -> None:
    _, problems = resolve_relations([entry("a", "  - part_of: b\n"), entry("b", "  - part_of: c\n"),
                                     entry("c", "  - part_of: a\n")])
    assert problems[0].message.endswith("a → b → c → a")
