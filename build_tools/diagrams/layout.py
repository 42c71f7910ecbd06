"""Lay diagrams out with Graphviz's ``dot``: the one edge of the diagrams, a subprocess.

Every diagram of a build goes through one ``dot`` process (starting one per term costs
more than laying a small graph out). The SVG is trimmed to what a page, a standalone
file and the PDF all take: no XML prolog, no comments, no titles naming node ids.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence

from build_tools.problems import ProblemError, problem

DOT = "dot"
UNWANTED = re.compile(r"<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->|<title>[^<]*</title>", re.DOTALL)
BLANK_LINES = re.compile(r"\n\s*\n")
DOCUMENT = re.compile(r"(?=<\?xml )")  # dot writes one whole document per graph


def layout_svgs(sources: Sequence[str]) -> list[str]:
    """Each DOT source as SVG, in order."""
    if not sources:
        return []
    try:
        result = subprocess.run([DOT, "-Tsvg"], input="".join(sources).encode("utf-8"),
                                capture_output=True, check=False)
    except FileNotFoundError:
        raise ProblemError(problem("Makefile", 1, 1, "missing-graphviz",
                                   "Graphviz's dot draws the relation diagrams: install the Debian package "
                                   "graphviz (make site does)")) from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise ProblemError(problem("Makefile", 1, 1, "missing-graphviz", f"dot failed: {message}"))
    svgs = [svg for svg in DOCUMENT.split(result.stdout.decode("utf-8")) if svg.strip()]
    if len(svgs) != len(sources):
        raise ProblemError(problem("Makefile", 1, 1, "missing-graphviz",
                                   f"dot drew {len(svgs)} diagrams of {len(sources)}"))
    return [tidy_svg(svg) for svg in svgs]


def tidy_svg(svg: str) -> str:
    """The ``<svg>`` element alone, without comments or titles, and no blank line in it.

    No blank line: Markdown would end the raw HTML block there.
    """
    svg = UNWANTED.sub("", svg)
    svg = svg[svg.index("<svg"):]
    return BLANK_LINES.sub("\n", svg).strip() + "\n"
