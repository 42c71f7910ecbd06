"""The build as one readable function: read, load, check, report, then render and write.

Like MkDocs' ``commands/build.py``: every input is read and every problem collected before
anything is written; one reporter prints them; the build stops once, or writes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from build_tools.checks import check_edition
from build_tools.edition import Edition, load_edition
from build_tools.memo import Memo
from build_tools.problems import Problem, ProblemError, format_problems, has_errors
from build_tools.site.outputs import render_outputs
from build_tools.site.repository import read_repository_url, read_site_url
from build_tools.site.traditional import ROOT as TRADITIONAL_ROOT
from build_tools.site.traditional import with_traditional
from build_tools.sources import Sources, read_handwritten, read_sources
from build_tools.write import write_outputs


def load(root: Path, memo: Memo | None = None) -> tuple[Edition, list[Problem]]:
    """Read and check everything under root; the raw files' bytes are not kept."""
    _, edition, problems = load_all(root, memo)
    return edition, problems


def load_all(root: Path, memo: Memo | None = None) -> tuple[Sources, Edition, list[Problem]]:
    """Read and check everything under root, and return the sources too (synthesis reads them)."""
    sources, problems = read_sources(root)
    edition, more = load_and_check(sources, memo)
    return sources, edition, problems + more


def load_and_check(sources: Sources, memo: Memo | None = None) -> tuple[Edition, list[Problem]]:
    """Load the edition from sources already read, then run the whole-edition checks."""
    edition, problems = load_edition(sources, memo)
    return edition, problems + check_edition(edition)


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


def generate(root: Path, strict: bool, memo: Memo | None = None, traditional_after: bool = False) -> int:
    """Load, check and, only if nothing stops the build, write the generated files.

    ``traditional_after`` (the preview, which serves the Simplified view) writes the
    Simplified view first and converts the Traditional one only then: the edit a
    contributor waits to see is not held back by converting every page it changed.
    """
    # The sources are not kept: raw texts are copied from disk as they are written.
    edition, problems = load(root, memo)
    if report(problems, strict):
        print("nothing was written", file=sys.stderr)
        return 1
    site_url = read_site_url(os.environ)
    outputs = render_outputs(edition, root, read_repository_url(root, os.environ), memo, site_url)
    try:
        if not traditional_after:
            written = write_outputs(with_traditional(outputs, edition, read_handwritten(root), site_url), root)
        else:
            simplified = list(outputs)  # converted below, after the preview has its pages
            written = write_outputs(simplified, root, apart=(TRADITIONAL_ROOT,))
            print(f"generated {written.files} files of the Simplified view ({written.changed} changed)", flush=True)
            twins = with_traditional(simplified, edition, read_handwritten(root), site_url)
            written = write_outputs(((path, data) for path, data in twins if path.startswith(TRADITIONAL_ROOT + "/")),
                                    root, roots=(TRADITIONAL_ROOT,))
            print(f"generated {written.files} files of the Traditional view ({written.changed} changed)")
            return 0
    except ProblemError as err:
        report([err.problem], strict)
        print("nothing was written", file=sys.stderr)
        return 1
    print(f"generated {written.files} files ({written.changed} changed)")
    return 0
