"""Which terms and relations each diagram shows: one per group of the map, one per term page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from build_tools.annotations.glossary import GlossaryEntry, pinyin_key
from build_tools.annotations.relations import Edge
from build_tools.diagrams.parts import ordered_edges, part_rank
from build_tools.edition import Edition

STRUCTURAL = ("part_of", "has_part", "variant_of", "same_mechanism_as")


@dataclass(frozen=True)
class Diagram:
    """One drawing: its terms, the relations among them (each once), and the term it is about."""

    name: str  # file name and id prefix: unique in the edition, ASCII
    nodes: tuple[GlossaryEntry, ...]
    edges: tuple[Edge, ...]  # part_of from the child, symmetric ones from the smaller id
    focus: str | None = None  # the term whose page shows it


def canonical(edges: tuple[Edge, ...], edition: Edition) -> list[Edge]:
    """Each relation once: part_of from the child, symmetric ones from the smaller id.

    Parts come in their parent's order (``part_rank``), so a drawing lists 之一 … 之四 in turn.
    """
    kept = {e for e in edges if e.kind == "part_of" or (e.kind != "has_part" and e.source < e.target)}

    def key(edge: Edge) -> tuple[object, ...]:
        parent, child = edition.entry(edge.target), edition.entry(edge.source)
        if edge.kind == "part_of" and parent and child:
            return edge.kind, edge.target, part_rank(parent, child)
        return edge.kind, edge.source, edge.target
    return sorted(kept, key=key)


def clusters(edition: Edition) -> list[list[GlossaryEntry]]:
    """Groups of terms joined by structural relations, largest first.

    "See also" links chain unrelated groups into one tangle (52 terms at five texts), so
    they do not join groups; they are drawn inside a group and listed below the map.
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for edge in edition.edges:
        if edge.kind in STRUCTURAL:
            parent[root(edge.source)] = root(edge.target)
    groups: dict[str, list[GlossaryEntry]] = defaultdict(list)
    for entry in sorted(edition.glossary, key=pinyin_key):
        if entry.id in parent:
            groups[root(entry.id)].append(entry)
    return sorted(groups.values(), key=lambda g: (-len(g), pinyin_key(g[0])))


def hub(group: list[GlossaryEntry], edition: Edition) -> GlossaryEntry:
    """The term a group is named after: the top of its hierarchy (part of nothing, most parts)."""
    def rank(entry: GlossaryEntry) -> tuple[bool, int, int]:
        kinds = [edge.kind for edge in edition.related(entry.id)]
        return "part_of" not in kinds, kinds.count("has_part"), len(kinds)
    return max(group, key=rank)


def map_diagrams(edition: Edition) -> list[list[Diagram]]:
    """The map's drawings, a list for each group (in ``clusters`` order).

    A group of more than SPLIT_ABOVE terms is drawn as its programme with its direct parts,
    then one drawing for each part that has parts of its own: one drawing of 29 terms is
    wider than any screen or page, the pieces are read at body-text size.
    """
    every = canonical(edition.edges, edition)
    drawn = []
    for number, group in enumerate(clusters(edition), start=1):
        members = {e.id for e in group}
        edges = [e for e in every if e.source in members and e.target in members]
        pieces = _pieces(group, hub(group, edition).id, edges)
        by_id = {e.id: e for e in group}
        drawn.append([Diagram(f"map-{number}" + (f"-{index}" if len(pieces) > 1 else ""),
                              tuple(by_id[i] for i in piece),
                              tuple(e for e in edges if e.source in piece and e.target in piece), focus=piece[0])
                      for index, piece in enumerate(pieces, start=1)])
    return drawn


SPLIT_ABOVE = 12


def _pieces(group: list[GlossaryEntry], top: str, edges: list[Edge]) -> list[list[str]]:
    """Term ids of each drawing of a group, each starting with the term it is rooted at."""
    parts: dict[str, list[str]] = defaultdict(list)
    for edge in edges:  # canonical order: a parent's parts in their numbered order
        if edge.kind == "part_of":
            parts[edge.target].append(edge.source)
    if len(group) <= SPLIT_ABOVE or not parts[top]:
        return [[top, *(e.id for e in group if e.id != top)]]
    pieces = [[top, *parts[top]]] + [_subtree(part, parts) for part in parts[top] if parts[part]]
    placed = {term for piece in pieces for term in piece}
    for entry in group:  # a term outside the hierarchy joins the drawing of a term it relates to
        if entry.id not in placed:
            partners = {e.target if e.source == entry.id else e.source for e in edges if entry.id in (e.source, e.target)}
            piece = next((p for p in pieces[1:] if partners & set(p)), pieces[0])
            piece.append(entry.id)
            placed.add(entry.id)
    return pieces


def _subtree(root: str, parts: dict[str, list[str]]) -> list[str]:
    found = [root]
    for term in found:  # breadth first; part_of has no cycles (checked when relations load)
        found.extend(p for p in parts.get(term, ()) if p not in found)
    return found


def term_diagram(entry: GlossaryEntry, edition: Edition) -> Diagram | None:
    """The term and its direct relations, or None when it has none."""
    related = tuple(ordered_edges(edition.related(entry.id), edition.entry))
    if not related:
        return None
    neighbours = dict.fromkeys([entry.id, *(edge.target for edge in related)])
    nodes = tuple(e for term_id in neighbours if (e := edition.entry(term_id)))
    # Every relation is held from both ends; the far end's copy is the canonical one of a part.
    edges = canonical(related + tuple(edge for other in neighbours if other != entry.id
                                      for edge in edition.related(other) if edge.target == entry.id), edition)
    return Diagram(f"term-{entry.id}", nodes, tuple(edges), focus=entry.id)
