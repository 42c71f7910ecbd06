"""Command line: ``python -m build_tools COMMAND``. ``run(argv)`` returns the exit code.

Argument parsing and the command table only: each command module declares its own
parser (``register``) and the function it runs; the build itself is ``build``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_tools.commands import (
    add_text,
    anchors,
    bench,
    candidates,
    check,
    compact_search,
    evaluate,
    fmt,
    new_term,
    offline,
    pdf,
    profile_mkdocs,
    schema,
    serve,
    summary,
    text_pdfs,
)

COMMAND_MODULES = (check, fmt, serve, anchors, new_term, add_text, candidates, evaluate, schema, summary, bench,
                   pdf, text_pdfs, offline, compact_search, profile_mkdocs)


def run(argv: list[str]) -> int:
    """Parse arguments and run one command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    return int(args.run(args))


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, each declared by its own module."""
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def command_names() -> tuple[str, ...]:
    """Every command's name, as typed after ``python -m build_tools``."""
    actions = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return tuple(actions[0].choices)
