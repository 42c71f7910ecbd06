"""``python -m build_tools schema``: the annotation schema as Markdown, or embedded in a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.annotations.schema_doc import embed_schema, render_schema_markdown


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``schema`` command."""
    schema = sub.add_parser("schema", help="print the annotation schema as Markdown (CONTRIBUTING.md embeds it)")
    schema.add_argument("--update", type=Path, metavar="FILE",
                        help="rewrite FILE's <!-- schema:start --> … <!-- schema:end --> block instead")
    schema.set_defaults(run=cmd_schema)


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the schema as Markdown, or with ``--update FILE`` rewrite FILE's schema block."""
    schema = render_schema_markdown()
    target: Path | None = args.update
    if target is None:
        print(schema, end="")
        return 0
    document = target.read_text(encoding="utf-8")
    try:
        updated = embed_schema(document, schema)
    except ValueError as err:
        print(f"{target}: {err}", file=sys.stderr)
        return 1
    if updated != document:
        target.write_text(updated, encoding="utf-8")
        print(f"updated the schema in {target}")
    return 0
