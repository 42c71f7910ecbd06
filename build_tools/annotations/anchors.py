"""Persistent paragraph ids: the committed ledger of every id a text's blocks were given.

A published URL (``texts/<id>/#p12``) is a public contract, so an id is never derived from
a block's position alone. ``annotations/anchors/<text-id>.yml`` records each id with the
text it was given to (normalised: no white space, no punctuation, so a typography fix is no
change). A build matches the current blocks against the ledger; the ledger itself changes
only through ``python -m build_tools anchors --update``, so a change to cleaning shows up
in review as a diff of it. Matching, for blocks of the same kind:

1. exact: the same normalised text (repeated texts pair up in reading order);
2. fuzzy: a block that lost or gained a debris phrase, or a few characters (one contains
   the other, or ``difflib`` similarity >= ``SIMILAR``); a merged block keeps the first id
   and a split block's first part keeps its id (one opens the other);
3. otherwise a new id, one more than any ever used in that text: ids are never reused.

A ledger id that no block takes is *retired* and points to its successor (the block that
now holds most of its text, as after a merge; else the block that now stands where it
stood), so an old link still lands in the right place.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from yaml.nodes import MappingNode, Node, ScalarNode

from build_tools.annotations.yamlfile import position
from build_tools.problems import Problem, problem

SIMILAR = 0.8  # difflib ratio above which an edited block keeps its id
OPENS = 0.3  # a block that opens another (merged into it, or split from it) if it is this share of it
CONTAINED = 0.6  # a block that contains another keeps its id if the other is this share of it
NOT_TEXT = re.compile(r"[\W_]+")
ID = re.compile(r"^([a-z])([1-9][0-9]*)$")


def fingerprint(text: str) -> str:
    """A block's text as the ledger records it: NFKC, letters and digits only."""
    return NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One id ever given in a text: its block's fingerprint, or the id that succeeds it."""

    id: str
    text: str
    successor: str | None = None  # set when retired

    @property
    def prefix(self) -> str:
        return self.id[0]

    @property
    def number(self) -> int:
        return int(self.id[1:])


@dataclass(frozen=True, slots=True)
class Assignment:
    """The ids of the current blocks, the ledger that records them, and what changed."""

    ids: tuple[str, ...]
    ledger: tuple[LedgerEntry, ...]
    exact: tuple[str, ...]
    fuzzy: tuple[str, ...]
    new: tuple[str, ...]
    retired: tuple[str, ...]

    def successors(self) -> dict[str, str]:
        """Every retired id with the live id it resolves to."""
        return {e.id: resolve(self.ledger, e.id) for e in self.ledger if e.successor}


def assign(blocks: Sequence[tuple[str, str]], ledger: Sequence[LedgerEntry]) -> Assignment:
    """Give each (prefix, text) block an id from the ledger, or a new one; retire the rest."""
    prints = [fingerprint(text) for _, text in blocks]
    live = [e for e in ledger if e.successor is None]
    ids: list[str | None] = [None] * len(blocks)
    exact = _pair(blocks, prints, live, ids, lambda old, new: old == new)
    fuzzy = _pair(blocks, prints, live, ids, _alike)
    new = _new_ids(blocks, ledger, ids)
    final = [i for i in ids if i is not None]
    entries = {e.id: e for e in ledger}
    for block_id, text in zip(final, prints, strict=True):
        entries[block_id] = LedgerEntry(block_id, text)
    taken = set(final)
    retired = [e.id for e in live if e.id not in taken]
    for old_id in retired:
        entries[old_id] = replace(entries[old_id], successor=_successor(entries[old_id], live, final, prints))
    return Assignment(tuple(final), _ordered(entries.values()), tuple(exact), tuple(fuzzy), tuple(new),
                      tuple(retired))


def _alike(old: str, new: str) -> bool:
    short, long = sorted((old, new), key=len)
    if short and long.startswith(short) and len(short) >= OPENS * len(long):
        return True  # a merge keeps the first block's id; a split keeps it on the first part
    if short and short in long and len(short) >= CONTAINED * len(long):
        return True
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= SIMILAR


def _pair(blocks: Sequence[tuple[str, str]], prints: list[str], live: list[LedgerEntry],
          ids: list[str | None], same: object) -> list[str]:
    """Pair unassigned blocks with unused live entries in reading order where ``same`` holds."""
    used = {i for i in ids if i is not None}
    paired = []
    for index, (prefix, _) in enumerate(blocks):
        if ids[index] is not None:
            continue
        match = next((e for e in live if e.prefix == prefix and e.id not in used
                      and same(e.text, prints[index])), None)  # type: ignore[operator]
        if match is not None:
            ids[index] = match.id
            used.add(match.id)
            paired.append(match.id)
    return paired


def _new_ids(blocks: Sequence[tuple[str, str]], ledger: Sequence[LedgerEntry], ids: list[str | None]) -> list[str]:
    highest: dict[str, int] = {}
    for entry in ledger:
        highest[entry.prefix] = max(highest.get(entry.prefix, 0), entry.number)
    made = []
    for index, (prefix, _) in enumerate(blocks):
        if ids[index] is None:
            highest[prefix] = highest.get(prefix, 0) + 1
            ids[index] = f"{prefix}{highest[prefix]}"
            made.append(ids[index])
    return made  # type: ignore[return-value]


def _successor(old: LedgerEntry, live: list[LedgerEntry], ids: list[str], prints: list[str]) -> str:
    """The live block holding most of a retired block's text, else the one now in its place."""
    same_kind = [(i, p) for i, p in zip(ids, prints, strict=True) if i[0] == old.prefix] or list(zip(ids, prints))
    holder = max(same_kind, key=lambda pair: _overlap(old.text, pair[1]))
    if _overlap(old.text, holder[1]) >= 0.5:
        return holder[0]
    position = [e.id for e in live].index(old.id)
    following = [e.id for e in live[position + 1:] if e.id in ids]
    preceding = [e.id for e in live[:position] if e.id in ids]
    return (following[:1] or preceding[-1:] or [ids[0]])[0]


def _overlap(old: str, new: str) -> float:
    """The share of old's characters found in new, in order."""
    if not old:
        return 0.0
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(old)


def resolve(ledger: Iterable[LedgerEntry], block_id: str) -> str:
    """The live id an id resolves to, following successors."""
    entries = {e.id: e for e in ledger}
    seen = set()
    while (entry := entries.get(block_id)) is not None and entry.successor and block_id not in seen:
        seen.add(block_id)
        block_id = entry.successor
    return block_id


def _ordered(entries: Iterable[LedgerEntry]) -> tuple[LedgerEntry, ...]:
    return tuple(sorted(entries, key=lambda e: (e.prefix, e.number)))


HEADER = ("# Ids of this text's blocks: once given, an id never changes meaning (see about.md).\n"
          "# Written only by 'python -m build_tools anchors --update'; review its diff like any change.\n"
          "# id: the block's text, letters and digits only; a retired id names its successor.\n")


def dump_ledger(entries: Iterable[LedgerEntry]) -> str:
    """The ledger file, canonical: one line per id, in id order."""
    lines = [HEADER.rstrip("\n")]
    for entry in _ordered(entries):
        if entry.successor:
            lines.append(f'{entry.id}: {{retired: {entry.successor}, text: "{entry.text}"}}')
        else:
            lines.append(f'{entry.id}: "{entry.text}"')
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Ledger:
    """One text's ledger file, read."""

    text_id: str
    path: str
    entries: tuple[LedgerEntry, ...]


def ledger_path(text_id: str) -> str:
    """Where a text's ledger lives, relative to the project."""
    return f"annotations/anchors/{text_id}.yml"


def read_ledger_file(node: Node | None, path: str, text_id: str) -> tuple[Ledger | None, list[Problem]]:
    """Read one ledger file (the edition's reader signature)."""
    entries, problems = read_ledger(node, path)
    return Ledger(text_id, path, entries), problems


def read_ledger(node: Node | None, path: str) -> tuple[tuple[LedgerEntry, ...], list[Problem]]:
    """Read a ledger file's YAML; every malformed entry is a located problem."""
    if node is None:
        return (), []
    if not isinstance(node, MappingNode):
        return (), [problem(path, *position(node), "bad-anchor-ledger",
                            "a ledger maps ids to texts; regenerate it with 'python -m build_tools anchors --update'")]
    entries, problems = [], []
    for key, value in node.value:
        entry, found = _read_entry(key, value, path)
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    return tuple(entries), problems


def _read_entry(key: Node, value: Node, path: str) -> tuple[LedgerEntry | None, list[Problem]]:
    block_id = key.value if isinstance(key, ScalarNode) else ""
    if not ID.match(block_id):
        return None, [problem(path, *position(key), "bad-anchor-ledger",
                              f"'{block_id}' is not a block id such as p12; do not edit ledgers by hand")]
    if isinstance(value, ScalarNode):
        return LedgerEntry(block_id, value.value), []
    fields = {k.value: v.value for k, v in value.value} if isinstance(value, MappingNode) else {}
    if set(fields) != {"retired", "text"} or not ID.match(str(fields["retired"])):
        return None, [problem(path, *position(value), "bad-anchor-ledger",
                              f"{block_id} must be a text, or {{retired: ID, text: …}}; regenerate the ledger")]
    return LedgerEntry(block_id, str(fields["text"]), str(fields["retired"])), []
