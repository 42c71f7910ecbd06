"""``python -m build_tools compact-search SITE``: re-encode a built site's search indexes in UTF-8.

Run after ``mkdocs build`` (the Makefile's ``site`` target does); see
``build_tools.site.search_index`` for why. Every ``search/search_index.json`` under SITE
is rewritten in place, each through a temporary file, so an interrupted run leaves each
index either as MkDocs wrote it or compacted, never half written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from build_tools.site.search_index import INDEX, compact_search_index


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``compact-search`` command."""
    command = sub.add_parser("compact-search", help="re-encode a built site's search indexes in UTF-8 (smaller)")
    command.add_argument("site", type=Path, help="the built site folder (e.g. site/)")
    command.set_defaults(run=cmd_compact_search)


def cmd_compact_search(args: argparse.Namespace) -> int:
    indexes = sorted(args.site.rglob(INDEX))
    if not indexes:
        print(f"{args.site}: no {INDEX} found; build the site with mkdocs first", file=sys.stderr)
        return 1
    for path in indexes:
        data = path.read_bytes()
        try:
            compact = compact_search_index(data)
        except json.JSONDecodeError as err:
            print(f"{path}:{err.lineno}:{err.colno}: not valid JSON ({err.msg}); rebuild the site", file=sys.stderr)
            return 1
        staged = path.with_suffix(".json.tmp")
        staged.write_bytes(compact)
        os.replace(staged, path)
        print(f"{path}: {len(data) / 1e6:.2f} MB -> {len(compact) / 1e6:.2f} MB")
    return 0
