"""The PDFs in ``make bench``: the whole-edition PDF at 5 to 50 texts, and every text's own PDF
with one worker and with two.

Each measurement is the real command in a fresh process on a synthetic project (the real
texts plus recombined ones; bench.make_project). Besides wall time, the CPU time of the
command and its workers (``RUSAGE_CHILDREN``) is reported: on a shared machine wall time
says as much about the neighbours as about the build, and time per page is judged on CPU.
"""

from __future__ import annotations

import math
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}


@dataclass(frozen=True)
class PdfRun:
    """One whole-edition PDF of a synthetic project (the real five texts when articles is 5)."""

    articles: int
    pages: int
    seconds: float  # the whole pdf command, interpreter start included
    cpu_seconds: float
    passes: int = 0  # layouts it took for the page references to hold
    footnotes: float = 0.0  # the largest share of a page's text area that footnotes take

    @property
    def cpu_per_page(self) -> float:
        return self.cpu_seconds / self.pages


@dataclass(frozen=True)
class TextPdfsRun:
    """Every text's own PDF, in both scripts, with some number of worker processes."""

    articles: int
    workers: int
    pdfs: int
    pages: int
    seconds: float
    cpu_seconds: float


def _run(arguments: list[str]) -> tuple[str, float, float]:
    """Run one build_tools command; return its output, wall seconds and CPU seconds (workers included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "build_tools", *arguments], capture_output=True, text=True,
                            check=True, env={**os.environ, **EPOCH})
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result.stdout, seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _number(pattern: str, output: str) -> float:
    match = re.search(pattern, output)
    if match is None:
        raise RuntimeError(f"no {pattern!r} in the command's output:\n{output[-2000:]}")
    return float(match.group(1))


def measure_pdf(root: Path, articles: int) -> PdfRun:
    """Build the whole-edition PDF of a project (limit raised to its size)."""
    output, seconds, cpu = _run(["--root", str(root), "pdf", "--max-texts", str(articles),
                                 "--output", str(root / "edition.pdf")])
    return PdfRun(articles, int(_number(r": (\d+) pages", output)), seconds, cpu,
                  int(_number(r"(\d+) layout passes", output)), _number(r"footnotes at most (\d+)%", output) / 100)


def measure_text_pdfs(root: Path, articles: int, workers: int) -> TextPdfsRun:
    """Build every text's PDF in both scripts with this many workers (from nothing each time)."""
    site = root / f"site-{workers}"
    output, seconds, cpu = _run(["--root", str(root), "text-pdfs", "--workers", str(workers), "--output", str(site),
                                 "--no-cache"])
    return TextPdfsRun(articles, workers, int(_number(r"wrote \d+ of (\d+) text PDFs", output)),
                       int(_number(r"(\d+) pages laid out", output)), seconds, cpu)


def exponent(small: PdfRun, large: PdfRun) -> float:
    """How CPU time grows with pages: 1 when time per page is flat."""
    return math.log(large.cpu_seconds / small.cpu_seconds) / math.log(large.pages / small.pages)


def pdf_report(runs: Sequence[PdfRun], texts: Sequence[TextPdfsRun]) -> str:
    """The table of every PDF measurement."""
    head = (f"{'PDF: texts':>10} {'pages':>6} {'s':>6} {'cpu s':>6} {'cpu s/page':>10} {'passes':>6} "
            f"{'max footnotes/page':>19}")
    lines = [head]
    lines += [f"{run.articles:10d} {run.pages:6d} {run.seconds:6.1f} {run.cpu_seconds:6.1f} {run.cpu_per_page:10.3f} "
              f"{run.passes:6d} {run.footnotes:19.0%}" for run in runs]
    if texts:
        lines.append(f"{'text PDFs: texts':>16} {'workers':>7} {'PDFs':>5} {'pages':>6} {'s':>7} {'s/page':>7} "
                     f"{'cpu s':>7} {'cpu s/page':>10}")
        lines += [f"{run.articles:16d} {run.workers:7d} {run.pdfs:5d} {run.pages:6d} {run.seconds:7.1f} "
                  f"{run.seconds / run.pages:7.3f} {run.cpu_seconds:7.1f} {run.cpu_seconds / run.pages:10.3f}"
                  for run in texts]
    return "\n".join(lines)


def pdf_summary(runs: Sequence[PdfRun], texts: Sequence[TextPdfsRun]) -> list[str]:
    """The PDF's parts of the bench's SUMMARY line."""
    parts = []
    if runs:
        first, last = runs[0], runs[-1]
        parts.append(f"PDF {first.articles} texts {first.seconds:.1f} s (target ≤20 s)")
        if last.pages > first.pages:
            parts.append(f"PDF {first.articles}→{last.articles} texts, pages {first.pages}→{last.pages}: "
                         f"{last.cpu_seconds / first.cpu_seconds:.2f}x CPU time (exp {exponent(first, last):.2f}; "
                         "target ≤1.05)")
        parts.append(f"PDF footnotes at most {max(run.footnotes for run in runs):.0%} of a page (target ≤33%)")
    by_workers = {run.workers: run for run in texts}
    if 1 in by_workers and 2 in by_workers:
        one, two = by_workers[1], by_workers[2]
        parts.append(f"text PDFs ({one.pdfs} at {one.articles} texts) {one.seconds:.0f} s with 1 worker, "
                     f"{two.seconds:.0f} s with 2 ({one.seconds / two.seconds:.2f}x)")
    return parts
