"""Where ``mkdocs build`` spends its time: ``python -m build_tools profile-mkdocs``.

Builds a synthetic project (``bench.make_project``) of the given size, then runs
``mkdocs build`` under cProfile in a fresh process and prints the cumulative time of each
part of the build that our output can make cheaper or dearer: the search plugin (its HTML
parse of every page and its jieba pass), Python-Markdown (raw HTML blocks, inline
patterns), MkDocs' link validation, the theme's templates. cProfile slows Python code
several times over, so the shares matter, not the seconds.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_tools.commands.bench import make_project

# part of the build -> (file suffix, function) whose cumulative time it is
PARTS = {
    "whole build": ("mkdocs/commands/build.py", "build"),
    "Markdown to HTML (all)": ("markdown/core.py", "convert"),
    "  raw HTML blocks (md_in_html)": ("markdown/extensions/md_in_html.py", "run"),
    "  inline patterns": ("markdown/treeprocessors.py", "run"),
    "  link validation and rewriting": ("mkdocs/structure/pages.py", "run"),
    "search plugin (all)": ("material/plugins/search/plugin.py", "on_page_context"),
    "  its HTML parse of each page": ("material/plugins/search/plugin.py", "add_entry_from_context"),
    "  its jieba pass": ("material/plugins/search/plugin.py", "_segment_chinese"),
    "page templates (theme, navigation)": ("jinja2/environment.py", "render"),
    "search index written": ("material/plugins/search/plugin.py", "on_post_build"),
}


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``profile-mkdocs`` command."""
    command = sub.add_parser("profile-mkdocs", help="profile mkdocs build on a synthetic edition and print where its time goes")
    command.add_argument("--articles", type=int, default=1000, help="synthetic articles (default: %(default)s)")
    command.set_defaults(run=cmd_profile_mkdocs)


def profile_report(stats: pstats.Stats, pages: int) -> str:
    """A line per part of the build: profiled seconds and share of the whole."""
    cumulative: dict[str, float] = dict.fromkeys(PARTS, 0.0)
    for (path, _, function), (_, _, _, seconds, _) in stats.stats.items():  # type: ignore[attr-defined]
        for part, (suffix, name) in PARTS.items():
            if function == name and path.endswith(suffix):
                cumulative[part] = max(cumulative[part], seconds)  # recursive entries repeat it
    whole = cumulative["whole build"] or 1.0
    lines = [f"mkdocs build under cProfile, {pages} pages: where the time goes",
             f"{'part':34s} {'s (profiled)':>12s} {'share':>6s}"]
    lines += [f"{part:34s} {seconds:12.1f} {seconds / whole:6.0%}" for part, seconds in cumulative.items()]
    return "\n".join(lines)


def cmd_profile_mkdocs(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="edition-profile-") as folder:
        root = Path(folder) / f"a{args.articles}"
        make_project(args.root, root, args.articles, 208)
        generated = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "generate"],
                                   capture_output=True, text=True, check=False)
        if generated.returncode != 0:
            print(generated.stdout + generated.stderr, file=sys.stderr)
            return generated.returncode
        output = Path(folder) / "mkdocs.prof"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "-q"],
                       cwd=root, check=True, capture_output=True, text=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"})
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
        print(profile_report(pstats.Stats(str(output)), pages))
        print(f"(wall time under the profiler: {seconds:.0f} s)")
        shutil.rmtree(root, ignore_errors=True)
    return 0
