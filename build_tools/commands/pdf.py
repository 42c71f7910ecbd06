"""``python -m build_tools pdf``: check the edition, lay out the book, write it atomically."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from build_tools.build import load, report
from build_tools.pdf.build import build_pdf, build_stamp, layout_warnings
from build_tools.problems import problem
from build_tools.write import write_file_atomically

DEFAULT_OUTPUT = Path("site/downloads/edition.pdf")
SCRIPTS = ("simplified", "traditional")


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``pdf`` command and its options."""
    parser = sub.add_parser("pdf", help="check everything, then build the offline PDF")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"where to write the PDF (default: ROOT/{DEFAULT_OUTPUT})")
    parser.add_argument("--script", choices=SCRIPTS, default="simplified",
                        help="the book's script: traditional prints texts published in Traditional as "
                             "published, converts the rest with OpenCC s2tw, in Noto CJK TC")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (the edition's and WeasyPrint's) as errors")
    parser.set_defaults(run=cmd_pdf)


def cmd_pdf(args: argparse.Namespace) -> int:
    """Load and check everything, then build the PDF; write nothing on any error."""
    edition, problems = load(args.root)
    if report(problems, args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    try:
        stamp = build_stamp(os.environ)
    except ValueError as err:
        report([problem("SOURCE_DATE_EPOCH", 1, 1, "bad-environment", str(err))], args.strict)
        return 1
    started = time.perf_counter()
    laid, errors = build_pdf(edition, stamp, getattr(args, "script", "simplified"))
    if report(errors + layout_warnings(laid), args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    output = args.output or args.root / DEFAULT_OUTPUT
    write_file_atomically(laid.pdf, output)
    print(f"wrote {output}: {laid.pages} pages, {len(laid.pdf) / 1024:.0f} KiB, "
          f"footnotes at most {max(laid.footnote_shares, default=0):.0%} of a page, "
          f"{time.perf_counter() - started:.1f} s")
    return 0
