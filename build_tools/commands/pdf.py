"""``python -m build_tools pdf``: check the edition, lay out the whole-edition book, write it atomically.

The book holds every text while the edition has at most ``max_texts`` (annotations/pdf.yml),
or the texts chosen there or with ``--texts``; otherwise it is not built, and the command
says why and succeeds (the site then offers each text's PDF only: ``text-pdfs``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from build_tools.annotations.pdf_config import Chosen
from build_tools.build import load, report
from build_tools.checks import check_pdf_selection
from build_tools.downloads import plan_edition_pdf
from build_tools.pdf.build import build_pdf, build_stamp, layout_warnings
from build_tools.problems import problem
from build_tools.site.repository import read_site_url
from build_tools.write import write_file_atomically

DEFAULT_OUTPUT = Path("site/downloads/edition.pdf")
SCRIPTS = ("simplified", "traditional")
TEXTS_OPTION = "--texts"


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``pdf`` command and its options."""
    parser = sub.add_parser("pdf", help="check everything, then build the whole-edition PDF (as annotations/pdf.yml allows)")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"where to write the PDF (default: ROOT/{DEFAULT_OUTPUT})")
    parser.add_argument("--script", choices=SCRIPTS, default="simplified",
                        help="the book's script: traditional prints texts published in Traditional as "
                             "published, converts the rest with OpenCC s2tw, in Noto CJK TC")
    parser.add_argument(TEXTS_OPTION, default=None, metavar="ID,ID…",
                        help="a book of these texts only, whatever the edition's size (default: "
                             "annotations/pdf.yml's texts, else every text)")
    parser.add_argument("--max-texts", type=int, default=None, metavar="N",
                        help="build the whole edition's book only up to N texts (default: "
                             "annotations/pdf.yml's max_texts, else 50)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (the edition's and WeasyPrint's) as errors")
    parser.set_defaults(run=cmd_pdf)


def chosen_texts(argument: str) -> tuple[Chosen, ...]:
    """The ids of ``--texts a,b``, each with its column in the argument (for problems)."""
    chosen, column = [], 1
    for text_id in argument.split(","):
        if text_id.strip():
            chosen.append(Chosen(text_id.strip(), 1, column + len(text_id) - len(text_id.lstrip())))
        column += len(text_id) + 1
    return tuple(chosen)


def cmd_pdf(args: argparse.Namespace) -> int:
    """Load and check everything, then build the PDF; write nothing on any error."""
    edition, problems = load(args.root)
    texts_option = getattr(args, "texts", None)
    chosen = chosen_texts(texts_option) if texts_option is not None else None
    if chosen is not None:
        problems += check_pdf_selection(chosen, edition, TEXTS_OPTION)
    if report(problems, args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    try:
        stamp = build_stamp(os.environ)
    except ValueError as err:
        report([problem("SOURCE_DATE_EPOCH", 1, 1, "bad-environment", str(err))], args.strict)
        return 1
    max_texts = getattr(args, "max_texts", None)
    plan = plan_edition_pdf(edition, chosen, max_texts)
    # What decided it, for the message: the command line, annotations/pdf.yml, or neither.
    source = TEXTS_OPTION if chosen else "--max-texts" if max_texts else edition.pdf.path or "the default"
    if not plan.built:
        print(f"whole-edition PDF {plan.describe(source)}")
        return 0
    started = time.perf_counter()
    laid, errors = build_pdf(edition, stamp, getattr(args, "script", "simplified"), plan.texts, read_site_url(os.environ))
    if report(errors + layout_warnings(laid), args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    output = args.output or args.root / DEFAULT_OUTPUT
    write_file_atomically(laid.pdf, output)
    print(f"wrote {output}: {laid.pages} pages, {len(laid.pdf) / 1024:.0f} KiB, "
          f"footnotes at most {max(laid.footnote_shares, default=0):.0%} of a page, "
          f"{laid.passes} layout passes, {time.perf_counter() - started:.1f} s; {plan.describe(source)}")
    return 0
