"""``fmt``: put annotation files in canonical form (CI runs ``fmt --check``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.annotations.fmt import format_annotation
from build_tools.build import report
from build_tools.problems import Problem


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``fmt`` command."""
    fmt = sub.add_parser("fmt", help="rewrite annotation files in canonical form")
    fmt.add_argument("--check", action="store_true",
                     help="write nothing; fail if a file is not canonical")
    fmt.add_argument("paths", nargs="*", type=Path,
                     help="annotation files (default: every file under annotations/)")
    fmt.set_defaults(run=cmd_fmt)


def cmd_fmt(args: argparse.Namespace) -> int:
    paths = args.paths or sorted((args.root / "annotations").rglob("*.yml"))
    problems: list[Problem] = []
    changed = []
    for path in paths:
        shown = path.relative_to(args.root).as_posix() if path.is_relative_to(args.root) else str(path)
        formatted, found = format_annotation(path.read_text(encoding="utf-8"), shown, path.stem)
        problems.extend(found)
        if formatted is not None and formatted.changed:
            changed.append(shown)
            if not args.check:
                path.write_text(formatted.text, encoding="utf-8")
    report(problems, False)
    verb = "would reformat" if args.check else "reformatted"
    for shown in changed:
        print(f"{verb} {shown}")
    if args.check and changed:
        print(f"{len(changed)} file(s) not in canonical form; fix with: python -m build_tools fmt",
              file=sys.stderr)
    return 1 if problems or (args.check and changed) else 0
