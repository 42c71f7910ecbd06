"""``anchors``: show, or with ``--update`` record, how each text's blocks map to their ids.

The only way a ledger (``annotations/anchors/<id>.yml``) changes: review its diff like any
other change. An id is never reused and never given to other text; a block that is gone
is retired with its successor, so links already published still land.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.annotations.anchors import (
    Assignment,
    LedgerEntry,
    assign,
    dump_ledger,
    ledger_path,
    read_ledger,
)
from build_tools.annotations.yamlfile import load_yaml
from build_tools.build import load, report
from build_tools.edition import Edition
from build_tools.reattach import apply, find_reattachments


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``anchors`` command."""
    anchors = sub.add_parser("anchors", help="match each text's blocks to its ledger of ids; --update records it")
    anchors.add_argument("--update", action="store_true",
                         help="write the ledgers (annotations/anchors/<id>.yml) that changed")
    anchors.add_argument("--reattach", action="store_true",
                         help="point glossary citations whose words moved to the paragraph that now holds them")
    anchors.add_argument("text_ids", nargs="*", metavar="TEXT-ID", help="only these texts (default: all)")
    anchors.set_defaults(run=cmd_anchors)


def cmd_anchors(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    stale = {"anchors-outdated", "missing-anchor-ledger"}
    if report([p for p in problems if p.code not in stale and p.path.startswith(("texts/", "annotations/texts/",
                                                                                  "annotations/anchors/"))], False):
        return 1
    unknown = [t for t in args.text_ids if edition.text(t) is None]
    if unknown:
        print(f"no text {', '.join(unknown)}", file=sys.stderr)
        return 1
    if args.reattach:
        return reattach(edition, args.root)
    for text_id, assignment, written in update_ledgers(edition, args.root, args.text_ids, write=args.update):
        print(f"{text_id}: {describe(assignment)}" + (f"\n  wrote {ledger_path(text_id)}" if written else ""))
    return 0


def update_ledgers(edition: Edition, root: Path, only: list[str] | tuple[str, ...] = (),
                   write: bool = True) -> list[tuple[str, Assignment, bool]]:
    """Match each text's blocks to its ledger; with ``write``, record the ledgers that changed."""
    done = []
    for text_id, assignment, previous in ledgers(edition, root, list(only)):
        text = dump_ledger(assignment.ledger)
        changed = write and text != previous
        if changed:
            path = root / ledger_path(text_id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        done.append((text_id, assignment, changed))
    return done


def reattach(edition: Edition, root: Path) -> int:
    """Move each citation whose words are now in another paragraph; report what cannot move."""
    files = {e.path: (root / e.path).read_text(encoding="utf-8") for e in edition.glossary}
    moves, stranded = find_reattachments(edition, files)
    for move in moves:
        print(f"{move.path}:{move.line}: {move.old} -> {move.new} ({move.reason})")
    for path in sorted({m.path for m in moves}):
        (root / path).write_text(apply(files[path], [m for m in moves if m.path == path]), encoding="utf-8")
    for left in stranded:
        print(f"{left.path}:{left.line}: not moved: {left.message}", file=sys.stderr)
    print(f"{len(moves)} citation(s) re-attached, {len(stranded)} left for an editor")
    return 1 if stranded else 0


def ledgers(edition: Edition, root: Path, only: list[str]) -> list[tuple[str, Assignment, str | None]]:
    """Each text's assignment against its ledger on disk, and the ledger's current text."""
    found = []
    for text in edition.texts:
        if only and text.meta.id not in only:
            continue
        path = root / ledger_path(text.meta.id)
        previous = path.read_text(encoding="utf-8") if path.is_file() else None
        entries = _entries(text.meta.id, previous)
        found.append((text.meta.id, assign([(b.anchor[0], b.text) for b in text.article.blocks], entries), previous))
    return found


def _entries(text_id: str, previous: str | None) -> tuple[LedgerEntry, ...]:
    if previous is None:
        return ()
    document, _ = load_yaml(previous, ledger_path(text_id))  # problems were reported by load()
    return read_ledger(document.root if document else None, ledger_path(text_id))[0]


def describe(assignment: Assignment) -> str:
    """How the blocks matched: the figures a reviewer reads first."""
    line = (f"{len(assignment.exact)} exact, {len(assignment.fuzzy)} edited, {len(assignment.new)} new, "
            f"{len(assignment.retired)} retired")
    moved = [f"{old} -> {new}" for old, new in assignment.successors().items() if old in assignment.retired]
    return line + (f" ({', '.join(moved)})" if moved else "")
