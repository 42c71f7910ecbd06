"""Typed relations between terms: declared once, resolved to both ends, validated.

As in mkdocs-autorefs: register every declaration, then resolve; the resolver is pure and
returns the edges *and* the problems it met. Declaring ``A part_of B`` gives B the edge
``has_part A``; the other relations read the same from both ends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from build_tools.annotations.glossary import GlossaryEntry, Relation
from build_tools.problems import Problem, problem

INVERSE = {"part_of": "has_part", "has_part": "part_of", "variant_of": "variant_of",
           "same_mechanism_as": "same_mechanism_as", "see_also": "see_also"}
LABELS = {"part_of": "上位", "has_part": "组成部分", "variant_of": "变体与更名",
          "same_mechanism_as": "同一机制（他处）", "see_also": "参见"}
ENGLISH = {"part_of": "part of", "has_part": "has part", "variant_of": "variant of",
           "same_mechanism_as": "same mechanism as", "see_also": "see also"}


@dataclass(frozen=True)
class Edge:
    """A relation as seen from ``source``: source --kind--> target."""

    source: str
    kind: str
    target: str


@dataclass(frozen=True)
class _Declaration:
    entry: GlossaryEntry
    relation: Relation

    def canonical(self) -> tuple[str, str, str]:
        """The same fact however it is written: has_part is stored as the child's part_of."""
        source, kind, target = self.entry.id, self.relation.kind, self.relation.target
        if kind == "has_part":
            return target, "part_of", source
        if kind != "part_of" and target < source:  # symmetric relations: order the pair
            return target, kind, source
        return source, kind, target


def resolve_relations(glossary: Iterable[GlossaryEntry]) -> tuple[tuple[Edge, ...], list[Problem]]:
    """Turn every declared relation into edges on both ends; report what does not fit."""
    entries = {entry.id: entry for entry in glossary}
    problems: list[Problem] = []
    facts: dict[frozenset[str], tuple[tuple[str, str, str], _Declaration]] = {}
    for declaration in _declarations(entries.values()):
        relation, entry = declaration.relation, declaration.entry
        if relation.target == entry.id:
            problems.append(_at(declaration, "self-relation", "a term cannot be related to itself"))
        elif relation.target not in entries:
            problems.append(_at(declaration, "unknown-term",
                                f"no glossary entry '{relation.target}' "
                                f"(annotations/glossary/{relation.target}.yml)"))
        else:
            problems.extend(_register(facts, declaration))
    edges = sorted({edge for fact, _ in facts.values() for edge in _both_ends(*fact)},
                   key=lambda e: (e.source, e.kind, e.target))
    problems.extend(_part_of_cycles(facts))
    return tuple(edges), problems


def _declarations(entries: Iterable[GlossaryEntry]) -> Iterator[_Declaration]:
    for entry in sorted(entries, key=lambda e: e.path):
        for relation in entry.related:
            yield _Declaration(entry, relation)


def _register(facts: dict[frozenset[str], tuple[tuple[str, str, str], _Declaration]],
              declaration: _Declaration) -> list[Problem]:
    fact = declaration.canonical()
    pair = frozenset((fact[0], fact[2]))
    if pair not in facts:
        facts[pair] = (fact, declaration)
        return []
    known, first = facts[pair]
    if known == fact:
        return []  # the same fact written on both ends is harmless
    return [_at(declaration, "conflicting-relation",
                f"{fact[0]} and {fact[2]} are already related as "
                f"'{first.relation.kind}' in {first.entry.path}:{first.relation.line}; keep one")]


def _both_ends(source: str, kind: str, target: str) -> tuple[Edge, Edge]:
    return Edge(source, kind, target), Edge(target, INVERSE[kind], source)


def _part_of_cycles(facts: dict[frozenset[str], tuple[tuple[str, str, str], _Declaration]]
                    ) -> list[Problem]:
    """Depth-first search over part_of; each cycle is reported once, at a declaration in it."""
    parents: dict[str, list[tuple[str, _Declaration]]] = defaultdict(list)
    for (child, kind, parent), declaration in facts.values():
        if kind == "part_of":
            parents[child].append((parent, declaration))
    state: dict[str, str] = {}
    problems: list[Problem] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = "visiting"
        for parent, declaration in sorted(parents.get(node, ()), key=lambda p: p[0]):
            if state.get(parent) == "visiting":
                cycle = [*path[path.index(parent):], parent]
                problems.append(_at(declaration, "part-of-cycle",
                                    "part_of goes round in a circle: " + " → ".join(cycle)))
            elif parent not in state:
                visit(parent, [*path, parent])
        state[node] = "done"

    for start in sorted(parents):
        if start not in state:
            visit(start, [start])
    return problems


def _at(declaration: _Declaration, code: str, message: str) -> Problem:
    relation = declaration.relation
    return problem(declaration.entry.path, relation.line, relation.column, code, message)
