"""Command line: ``python -m build_tools COMMAND``. ``run(argv)`` returns the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from build_tools.edition import Edition, load_edition
from build_tools.fmt import format_annotation
from build_tools.outputs import render_outputs
from build_tools.problems import Problem, format_problems, has_errors
from build_tools.repository import read_repository_url
from build_tools.sources import Sources, read_sources
from build_tools.write import write_outputs


def run(argv: list[str]) -> int:
    """Parse arguments and run one command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return int(COMMANDS[args.command](args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="validate every text and annotation; write nothing")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    generate = sub.add_parser("generate", help="check everything, then write the Markdown pages")
    generate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    fmt = sub.add_parser("fmt", help="rewrite annotation files in canonical form")
    fmt.add_argument("--check", action="store_true",
                     help="write nothing; fail if a file is not canonical")
    fmt.add_argument("paths", nargs="*", type=Path,
                     help="annotation files (default: every file under annotations/)")
    paragraphs = sub.add_parser("paragraphs", help="print a text's blocks with their anchors")
    paragraphs.add_argument("text_id")
    return parser


def load(root: Path) -> tuple[Edition, list[Problem]]:
    """Read and check everything under root."""
    _, edition, problems = load_all(root)
    return edition, problems


def load_all(root: Path) -> tuple[Sources, Edition, list[Problem]]:
    """Read and check everything under root, keeping the sources for the writers."""
    sources, problems = read_sources(root)
    edition, more = load_edition(sources)
    return sources, edition, problems + more


def report(problems: list[Problem], strict: bool) -> bool:
    """Print every problem once; return True when the build must stop."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for line in format_problems(problems, github=github):
        print(line, file=sys.stderr)
    failed = has_errors(problems, strict)
    if problems:
        errors = sum(p.severity.value == "error" for p in problems)
        print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return failed


def cmd_check(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    if report(problems, args.strict):
        return 1
    print(f"ok: {len(edition.texts)} texts, {len(edition.glossary)} glossary entries")
    return 0


def cmd_paragraphs(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    text = edition.text(args.text_id)
    if text is None:
        report(problems, False)
        print(f"no text '{args.text_id}'", file=sys.stderr)
        return 1
    for block in text.article.blocks:
        print(f"{block.anchor}\t{block.kind.value}\t{block.text}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    sources, edition, problems = load_all(args.root)
    if report(problems, args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    outputs = render_outputs(edition, sources, read_repository_url(args.root, os.environ))
    changed = write_outputs(outputs, args.root)
    print(f"generated {len(outputs)} files ({changed} changed)")
    return 0


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


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "fmt": cmd_fmt,
    "check": cmd_check,
    "generate": cmd_generate,
    "paragraphs": cmd_paragraphs,
}
