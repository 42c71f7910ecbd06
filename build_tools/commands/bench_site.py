"""``make site`` end to end on synthetic projects, and what the reader downloads from it.

The synthetic project (``bench.make_project``) gets this project's Makefile, package files,
MkDocs configurations and vendored search shim, and runs ``make site`` itself, so the
bench measures whatever that target does. ``VENV`` points at this environment, whose stamp
is newer than the copied package files, so nothing installs; make's SHELL, for the site
target and its prerequisites only, is ``timed_shell``, which logs each recipe line's time
and peak memory. Then the built site/ is measured: pages, bytes, both views' search index
against the corpus text, and the HTML page-size distribution.
"""

from __future__ import annotations

import json
import math
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from build_tools.build import load
from build_tools.commands import timed_shell
from build_tools.commands.bench_preview import PreviewRun, measure_preview
from build_tools.edition import Edition

BUILD_FILES = ("Makefile", "pyproject.toml", "requirements.lock", "build/vendor/iframe-worker.js")
VIEWS = {"zh-Hans": "", "zh-Hant": "zh-Hant"}  # view -> its folder in site/
BIG_PAGE = 300_000  # bytes of HTML: the ceiling for one generated page
CORPUS_TEXT = ("corpus text = UTF-8 bytes of every text's cleaned blocks (headings, paragraphs, "
               "list items, captions) in Simplified, as the pages show them")
SITE_ENV = {"SOURCE_DATE_EPOCH": "1767225600", "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Step:
    """One recipe line of ``make site``."""

    command: str
    seconds: float
    peak_mb: float  # the largest resident set of any one process the line started
    skipped: bool = False  # not run: it matched the bench's --site-skip


@dataclass(frozen=True)
class SiteRun:
    """``make site`` on one synthetic project, and the site it built."""

    articles: int
    steps: tuple[Step, ...]
    total_s: float  # make site's wall time, steps and make itself
    pages: dict[str, int]  # HTML pages per view
    site_bytes: int
    index_bytes: dict[str, int]  # search/search_index.json per view
    corpus_text_bytes: int
    page_sizes: tuple[tuple[str, int], ...]  # every HTML page of both views (path under site/, bytes), largest first


def copy_build_files(source_root: Path, root: Path) -> None:
    """Give a synthetic project what ``make site`` reads beyond texts, annotations and docs."""
    names = [*BUILD_FILES, *(p.name for p in source_root.glob("mkdocs*.yml"))]
    for name in names:
        if (source_root / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source_root / name, root / name)  # keeps mtimes: the venv's stamp stays newer


def write_timed_shell(folder: Path) -> Path:
    """An executable that make can use as SHELL: timed_shell.py under this interpreter."""
    script = folder / "timed-shell"
    script.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {shlex.quote(timed_shell.__file__)} "$@"\n',
                      encoding="utf-8")
    script.chmod(0o755)
    return script


def make_site_command(root: Path, venv: Path, shell: Path) -> list[str]:
    """``make site`` in root with this venv, every recipe line of it run by the timed shell."""
    return ["make", "--no-print-directory", "-C", str(root), "site", f"VENV={venv}", f"--eval=site: SHELL := {shell}"]


def run_make_site(root: Path, venv: Path, skip: str = "") -> tuple[float, tuple[Step, ...]]:
    """Run ``make site`` in root, but not the recipe lines that match ``skip``; return its
    wall time and its steps."""
    if not (venv / ".installed").is_file():
        raise RuntimeError(f"{venv} was not made by 'make venv'; run the bench through 'make bench'")
    log, output = root / "build/bench-steps.jsonl", root / "build/bench-make-site.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    # The outer make's flags and overrides (make bench) are not this build's.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env.update(SITE_ENV, **{timed_shell.LOG_VARIABLE: str(log), timed_shell.SKIP_VARIABLE: skip})
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as out:
        code = subprocess.call(make_site_command(root, venv, write_timed_shell(root / "build")),
                               stdout=out, stderr=subprocess.STDOUT, env=env)
    seconds = time.perf_counter() - started
    if code != 0:
        raise RuntimeError(f"make site failed in {root}:\n{output.read_text(encoding='utf-8')[-3000:]}")
    return seconds, load_steps(log.read_text(encoding="utf-8"), venv)


def load_steps(log: str, venv: Path) -> tuple[Step, ...]:
    """The steps timed_shell logged, their commands without the venv's path."""
    records = [json.loads(line) for line in log.splitlines() if line.strip()]
    return tuple(Step(record["command"].replace(f"{venv}/bin/", ""), record["seconds"], record["peak_mb"],
                      record["skipped"]) for record in records)


def html_page_sizes(site: Path) -> tuple[tuple[str, int], ...]:
    """Every HTML file under site/ with its size, largest first (ties by path)."""
    sizes = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")]
    return tuple(sorted(sizes, key=lambda item: (-item[1], item[0])))


def view_of(path: str) -> str:
    """The view a path under site/ belongs to."""
    return next((view for view, folder in VIEWS.items() if folder and path.startswith(folder + "/")), "zh-Hans")


def corpus_text_bytes(edition: Edition) -> int:
    """The corpus text the search index is compared with (CORPUS_TEXT)."""
    return sum(len(block.text.encode("utf-8")) for text in edition.texts for block in text.article.blocks)


def measure_site(root: Path, articles: int, total_s: float, steps: tuple[Step, ...]) -> SiteRun:
    """Measure the site ``make site`` built in root."""
    site = root / "site"
    sizes = html_page_sizes(site)
    pages = {view: sum(view_of(path) == view for path, _ in sizes) for view in VIEWS}
    indexes = {view: site / folder / "search/search_index.json" for view, folder in VIEWS.items()}
    return SiteRun(articles, steps, total_s, pages,
                   sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
                   {view: path.stat().st_size for view, path in indexes.items() if path.is_file()},
                   corpus_text_bytes(load(root)[0]), sizes)


def percentile(ascending: Sequence[int], share: float) -> int:
    """Nearest-rank percentile of sizes sorted smallest first."""
    return ascending[max(0, math.ceil(share * len(ascending)) - 1)] if ascending else 0


def step_table(runs: Sequence[SiteRun]) -> list[str]:
    """One row per recipe line, one column pair per size, then the total."""
    commands = list(dict.fromkeys(step.command for run in runs for step in run.steps))
    head = f"{'make site: step':58s}" + "".join(f" {f'{run.articles} art. s':>13} {'peak MB':>8}" for run in runs)
    lines = [head, "-" * len(head)]
    for command in commands:
        cells = ""
        for run in runs:
            step = next((s for s in run.steps if s.command == command), None)
            if step and not step.skipped:
                cells += f" {step.seconds:13.1f} {step.peak_mb:8.0f}"
            else:
                cells += f" {'skipped' if step else '-':>13} {'-':>8}"
        lines.append(f"{step_name(command):58s}{cells}")
    totals = "".join(f" {run.total_s:13.1f} {max((s.peak_mb for s in run.steps), default=0):8.0f}" for run in runs)
    return [*lines, f"{'total (make site, wall; peak = the largest step)':58s}{totals}"]


def step_name(command: str, width: int = 57) -> str:
    """A recipe line's first line, cut to width; an ellipsis says something was cut."""
    first = command.splitlines()[0] if command else ""
    return first[:width] + "…" if len(first) > width or first != command else first


def output_lines(run: SiteRun) -> list[str]:
    """Pages, bytes, search index against the corpus text, and the page-size distribution."""
    ascending = sorted(size for _, size in run.page_sizes)
    indexes = ", ".join(f"{view} {size / 1e6:.1f} MB = {size / max(run.corpus_text_bytes, 1):.2f}× corpus text"
                        for view, size in run.index_bytes.items())
    pages = ", ".join(f"{view} {count}" for view, count in run.pages.items())
    spread = ", ".join(f"{name} {percentile(ascending, share) / 1e3:.0f} kB"
                       for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)))
    largest = ", ".join(f"{path} {size / 1e3:.0f} kB" for path, size in run.page_sizes[:5])
    return [(f"at {run.articles} articles: {sum(run.pages.values())} HTML pages ({pages}); "
             f"site {run.site_bytes / 1e6:.1f} MB; corpus text {run.corpus_text_bytes / 1e6:.2f} MB"),
            f"  search index: {indexes}",
            f"  HTML page sizes: {spread}; {sum(size > BIG_PAGE for size in ascending)} over {BIG_PAGE // 1000} kB",
            f"  largest pages: {largest}"]


def site_report(runs: Sequence[SiteRun]) -> str:
    """The table of steps, then each size's site figures (kB and MB are 10^3 and 10^6 bytes)."""
    lines = step_table(runs)
    for run in runs:
        lines += output_lines(run)
    return "\n".join([*lines, f"({CORPUS_TEXT}; kB and MB are 10^3 and 10^6 bytes)"])


def site_summary(runs: Sequence[SiteRun]) -> list[str]:
    """The SUMMARY line's figures for the largest size."""
    if not runs:
        return []
    run = max(runs, key=lambda r: r.articles)
    index = max(run.index_bytes.values(), default=0) / max(run.corpus_text_bytes, 1)
    big = sum(size > BIG_PAGE for _, size in run.page_sizes)
    return [f"make site@{run.articles}={run.total_s:.0f} s",
            f"search index@{run.articles}={index:.2f}× corpus text (target ≤1.5×)",
            f"pages over 300 kB@{run.articles}={big} (target 0)"]


def measure_make_site(source_root: Path, root: Path, articles: int, skip: str = "") -> SiteRun:
    """Run ``make site`` (without the lines that match ``skip``) in a synthetic project of so
    many articles and measure it."""
    copy_build_files(source_root, root)
    total_s, steps = run_make_site(root, Path(sys.prefix), skip)
    return measure_site(root, articles, total_s, steps)


def measure_end_to_end(source_root: Path, work: Path, make: Callable[[Path, int], object], site_sizes: Sequence[int],
                       preview_at: int | None, skip: str = "", skip_from: int = 0) -> tuple[list[SiteRun], PreviewRun | None]:
    """``make site`` at each size, then the preview at one (in the project already made, if any).

    ``make(root, articles)`` creates a synthetic project (``bench.make_project``); recipe
    lines that match ``skip`` are not run at ``skip_from`` articles and more."""
    runs = []
    for articles in site_sizes:
        root = work / f"site-a{articles}"
        make(root, articles)
        runs.append(measure_make_site(source_root, root, articles, skip if articles >= skip_from else ""))
        print(f"measured make site at {articles} articles: {runs[-1].total_s:.0f} s", flush=True)
        if articles != preview_at:
            shutil.rmtree(root, ignore_errors=True)
    if not preview_at:
        return runs, None
    root = work / f"site-a{preview_at}"
    if not root.exists():
        make(root, preview_at)
    preview = measure_preview(root, preview_at)
    shutil.rmtree(root, ignore_errors=True)
    return runs, preview
