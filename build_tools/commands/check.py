"""``check``, ``generate`` and ``paragraphs``: the build itself, from the command line."""

from __future__ import annotations

import argparse
import sys

from build_tools.build import generate, load, report


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``check``, ``generate`` and ``paragraphs`` commands."""
    check = sub.add_parser("check", help="validate every text and annotation; write nothing")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=cmd_check)
    generate_parser = sub.add_parser("generate", help="check everything, then write the Markdown pages")
    generate_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    generate_parser.set_defaults(run=cmd_generate)
    paragraphs = sub.add_parser("paragraphs", help="print a text's blocks with their anchors")
    paragraphs.add_argument("text_id")
    paragraphs.add_argument("--why", action="store_true",
                            help="also list every raw line left out, with the rule (and score) that left it out")
    paragraphs.set_defaults(run=cmd_paragraphs)


def cmd_check(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    if report(problems, args.strict):
        return 1
    print(f"ok: {len(edition.texts)} texts, {len(edition.glossary)} glossary entries")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    return generate(args.root, args.strict)


def cmd_paragraphs(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    text = edition.text(args.text_id)
    if text is None:
        report(problems, False)
        print(f"no text '{args.text_id}'", file=sys.stderr)
        return 1
    for block in text.article.blocks:
        print(f"{block.anchor}\t{block.kind.value}\t{block.text}")
    if args.why:
        print(f"\n# left out of {text.raw}: line, rule, why, text")
        for line in text.article.dropped:
            print(f"{line.number}\t{line.rule}\t{line.why or '-'}\t{line.text}")
    return 0
