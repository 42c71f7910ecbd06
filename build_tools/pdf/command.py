"""``python -m build_tools pdf``: check the edition, lay out the book, write it atomically."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from build_tools.edition import Edition
from build_tools.pdf.book import render_book
from build_tools.pdf.chapter import footnote_ids
from build_tools.pdf.invariant import check_footnotes_laid, check_text_preserved
from build_tools.pdf.render import Laid, render_pdf
from build_tools.render_site import texts_in_reading_order

DEFAULT_OUTPUT = Path("site/downloads/edition.pdf")


def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Declare the options of the ``pdf`` command."""
    parser.add_argument("--output", type=Path, default=None,
                        help=f"where to write the PDF (default: ROOT/{DEFAULT_OUTPUT})")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (the edition's and WeasyPrint's) as errors")


def cmd_pdf(args: argparse.Namespace) -> int:
    """Load and check everything, then build the PDF; write nothing on any error."""
    # Imported here because cli imports this module to register the command.
    from build_tools.cli import load_all, report

    _, edition, problems = load_all(args.root)
    if report(problems, args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    try:
        stamp = build_stamp(os.environ)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    laid, errors = build_pdf(edition, stamp)
    if report_layout(errors, laid.warnings, args.strict):
        print("nothing was written", file=sys.stderr)
        return 1
    output = args.output or args.root / DEFAULT_OUTPUT
    write_pdf(laid.pdf, output)
    print(f"wrote {output}: {laid.pages} pages, {len(laid.pdf) / 1024:.0f} KiB, "
          f"{time.perf_counter() - started:.1f} s")
    return 0


def report_layout(errors: list[str], warnings: tuple[str, ...], strict: bool) -> bool:
    """Print what the book check and WeasyPrint found; return True when the build must stop."""
    for message in errors:
        print(f"error: pdf: {message}", file=sys.stderr)
    for message in warnings:
        print(f"warning: pdf: WeasyPrint: {message}", file=sys.stderr)
    return bool(errors) or (strict and bool(warnings))


def build_stamp(environ: Mapping[str, str]) -> datetime:
    """The PDF's date: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}")
    return datetime.fromtimestamp(int(epoch), UTC)


def build_pdf(edition: Edition, stamp: datetime) -> tuple[Laid, list[str]]:
    """Render the book and lay it out; return the PDF and what is wrong with it."""
    texts = texts_in_reading_order(edition)
    book = render_book(edition, stamp)
    laid = render_pdf(book)
    footnotes = [ident for text in texts for ident in footnote_ids(edition, text.meta.id)]
    return laid, check_text_preserved(book, texts) + check_footnotes_laid(footnotes, laid.anchors)


def write_pdf(data: bytes, output: Path) -> None:
    """Write the PDF beside its destination, then swap it in with one rename."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the PDF is published
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
