"""``python -m build_tools text-pdfs``: a PDF of every text, laid out in parallel worker processes.

Each text's PDF holds what the whole-edition book gives a reader of it: its metadata and
citation id, its text with the footnote of each term at its first occurrence, a short
note on reading and citing it, and the glossary entries of every term it uses
(``pdf.contents.text_book``). They are written under the site's folder, one set per view
(``downloads.text_pdf_path``): the Traditional view's text pages link the Traditional PDFs.

Layout is WeasyPrint's and single-threaded, so the texts are shared among worker processes
(one per available CPU by default). Each worker gets the checked edition once, in both
scripts, when it starts; a task is one text in one script. Nothing is written unless every
PDF was laid out without an error; unchanged PDFs are not rewritten.

Layouts are kept between builds (``pdf.layout_cache``, in ``build/cache/text-pdfs/``): after
one annotation edit only the PDFs of the texts that use it are laid out again. A build of
every text in both scripts then drops the layouts it did not use.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from build_tools.build import load, report
from build_tools.checks import check_pdf_selection
from build_tools.commands.pdf import TEXTS_OPTION, chosen_texts
from build_tools.downloads import TEXT_PDFS, VIEWS, text_pdf_path
from build_tools.edition import Edition
from build_tools.pdf import layout_cache
from build_tools.pdf.build import build_stamp, lay_out_book, layout_warnings, shown_edition
from build_tools.pdf.contents import text_book
from build_tools.problems import Problem, has_errors, problem
from build_tools.site.repository import read_site_url
from build_tools.write import write_outputs

SCRIPTS = {"both": ("simplified", "traditional"), "simplified": ("simplified",), "traditional": ("traditional",)}
DEFAULT_OUTPUT = Path("site")
STAGING = ".text-pdfs.staging"  # in the site's folder while the PDFs are written, then removed


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``text-pdfs`` command and its options."""
    parser = sub.add_parser("text-pdfs", help="check everything, then build a PDF of every text, in parallel")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"the site's folder; PDFs go to its {TEXT_PDFS}/ and zh-Hant/{TEXT_PDFS}/ "
                             f"(default: ROOT/{DEFAULT_OUTPUT})")
    parser.add_argument("--script", choices=tuple(SCRIPTS), default="both",
                        help="which views' PDFs to build (default: %(default)s)")
    parser.add_argument(TEXTS_OPTION, default=None, metavar="ID,ID…", help="only these texts (default: every text)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="worker processes (default: the CPUs this process may use)")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings (the edition's and WeasyPrint's) as errors")
    parser.add_argument("--no-cache", action="store_true",
                        help=f"lay every PDF out afresh, neither using nor filling ROOT/{layout_cache.FOLDER}")
    parser.set_defaults(run=cmd_text_pdfs)


@dataclass(frozen=True)
class TextPdf:
    """One text's PDF in one script, as a worker returns it."""

    path: str  # relative to the site's folder
    pdf: bytes  # dropped (b"") once written: the PDFs are never all held at once
    size: int
    pages: int
    seconds: float
    problems: tuple[Problem, ...]
    reused: bool = False  # its layout came from the cache


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system says, else all)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def cmd_text_pdfs(args: argparse.Namespace) -> int:
    """Load and check everything, lay out every text's PDF in parallel, write them all or none."""
    edition, problems = load(args.root)
    chosen = chosen_texts(args.texts) if args.texts is not None else None
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
    text_ids = tuple(dict.fromkeys(c.text_id for c in chosen)) if chosen else tuple(t.meta.id for t in edition.texts)
    scripts = SCRIPTS[args.script]
    workers = max(1, min(args.workers or available_cpus(), len(text_ids) * len(scripts)))
    output: Path = args.output or args.root / DEFAULT_OUTPUT
    cache = None if getattr(args, "no_cache", False) else args.root / layout_cache.FOLDER
    started, began = time.perf_counter(), time.time()
    built: list[TextPdf] = []
    try:
        laid = lay_out_all(edition, text_ids, scripts, stamp, workers, cache)
        written = write_outputs(_checked(laid, built, args.strict),
                                output, roots=tuple(f"{VIEWS[script]}{TEXT_PDFS}" for script in scripts),
                                staging_folder=STAGING)
    except _Failed:
        report([p for pdf in built for p in pdf.problems], args.strict)
        print("nothing was written", file=sys.stderr)
        return 1
    report([p for pdf in built for p in pdf.problems], args.strict)
    if cache is not None and chosen is None and args.script == "both":
        layout_cache.prune(cache, used_since=began)  # every layout this edition needs was just used
    fresh = [pdf for pdf in built if not pdf.reused]
    pages = sum(pdf.pages for pdf in fresh)
    print(f"wrote {written.changed} of {len(built)} text PDFs ({len(text_ids)} texts × {len(scripts)} scripts) "
          f"under {output}, {len(built) - len(fresh)} of them laid out by an earlier build: "
          f"{sum(pdf.size for pdf in built) / 2**20:.1f} MiB, {time.perf_counter() - started:.1f} s with "
          f"{workers} worker(s), {pages} pages laid out at {sum(pdf.seconds for pdf in fresh) / max(pages, 1):.3f} s a page")
    return 0


class _Failed(Exception):
    """A PDF had an error: stop writing (the staged files are dropped), then report them all."""


def _checked(results: Iterator[TextPdf], built: list[TextPdf], strict: bool) -> Iterator[tuple[str, bytes]]:
    """Pass on each PDF without problems; once all are in, fail if any had one."""
    for result in results:
        built.append(replace(result, pdf=b""))
        if not has_errors(list(result.problems), strict):
            yield result.path, result.pdf
    if any(has_errors(list(result.problems), strict) for result in built):
        raise _Failed


@dataclass(frozen=True)
class Shared:
    """What every task needs: the checked edition in each script, the build's date, the site's address."""

    shown: dict[str, Edition]
    stamp: datetime
    site_url: str | None
    cache: Path | None = None  # the layout cache's folder, if layouts are kept


def lay_out_all(edition: Edition, text_ids: tuple[str, ...], scripts: tuple[str, ...], stamp: datetime,
                workers: int, cache: Path | None = None) -> Iterator[TextPdf]:
    """Each text's PDF in each script, as the workers finish them (in one process when ``workers`` is 1)."""
    shared = Shared({script: shown_edition(edition, script) for script in scripts}, stamp, read_site_url(os.environ),
                    cache)
    tasks = [(script, text_id) for script in scripts for text_id in text_ids]
    if workers == 1:
        _start_worker(shared)
        yield from (lay_out_text(*task) for task in tasks)
        return
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(shared,)) as pool:
        for future in as_completed([pool.submit(lay_out_text, *task) for task in tasks]):
            yield future.result()


# A worker process's own state, set once when it starts: ProcessPoolExecutor's initializer
# has no other way to hand the tasks what they share, short of sending the whole edition
# with each of them.
_WORKER: dict[str, Shared] = {}


def _start_worker(shared: Shared) -> None:
    _WORKER["shared"] = shared


def lay_out_text(script: str, text_id: str) -> TextPdf:
    """Lay out one text's PDF in one script (in a worker) and check it."""
    started = time.perf_counter()
    shared = _WORKER["shared"]
    shown = shared.shown[script]
    laid, problems = lay_out_book(shown, text_book(shown, text_id), shared.stamp, script, shared.site_url,
                                  shared.cache)
    return TextPdf(text_pdf_path(text_id, script), laid.pdf, len(laid.pdf), laid.pages, time.perf_counter() - started,
                   tuple(problems + layout_warnings(laid)), laid.reused)
