"""``python -m build_tools candidates``: likely policy terms that have no glossary entry yet."""

from __future__ import annotations

import argparse

from build_tools.build import load, report
from build_tools.candidates import find_candidates, render_candidates_text
from build_tools.site.render_candidates import render_candidates_table


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``candidates`` command."""
    candidates = sub.add_parser(
        "candidates", help="list likely policy terms that have no glossary entry yet",
        description="List quoted strings, numbered formulas and + models that no glossary term "
                    "covers, ranked by the number of texts and occurrences.")
    candidates.add_argument("--format", choices=("text", "markdown"), default="text",
                            help="text lines, or the contributors' Markdown page (default: text)")
    candidates.add_argument("--limit", type=int, metavar="N", help="show only the first N")
    candidates.set_defaults(run=cmd_candidates)


def cmd_candidates(args: argparse.Namespace) -> int:
    """Print the candidate terms as text lines or as the contributors' Markdown page."""
    edition, problems = load(args.root)
    report(problems, False)
    candidates = find_candidates(edition)
    shown = candidates[:max(args.limit, 0)] if args.limit is not None else candidates
    if args.format == "markdown":
        print(render_candidates_table(shown), end="")
    else:
        first = f", the first {len(shown)}" if shown != candidates else ""
        print(f"{len(candidates)} candidate term(s){first}:")
        print(render_candidates_text(shown), end="")
    return 0
