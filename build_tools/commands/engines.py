"""The site engines on one generated project, for ``make bench``: MkDocs with Material (the
default) and Zensical, Material's successor, which reads the same mkdocs.yml.

Zensical has no option for the output folder, so it builds through a two-line config that
inherits mkdocs.yml and names another ``site_dir``: Material's site stays where the bench's
other measurements read it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
ZENSICAL_CONFIG = "zensical-bench.yml"
ZENSICAL_SITE = "site-zensical"


@dataclass(frozen=True)
class EngineBuild:
    """One engine's build of a generated project."""

    engine: str
    seconds: float  # the whole command, interpreter start included
    pages: int  # HTML pages written
    failure: str = ""  # the engine's last words when it failed


def mkdocs_build(root: Path) -> float:
    """Seconds ``mkdocs build`` takes in root; Material's site is root/site."""
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-f", str(root / "mkdocs.yml")],
                   capture_output=True, text=True, check=True, cwd=root, env={**os.environ, **BUILD_ENV})
    return time.perf_counter() - started


def zensical_build(root: Path) -> EngineBuild:
    """``zensical build`` of root's mkdocs.yml into root/site-zensical, timed; a failure is a
    result, not an exception (a page over Zensical's search limit stops it)."""
    (root / ZENSICAL_CONFIG).write_text(f"INHERIT: mkdocs.yml\nsite_dir: {ZENSICAL_SITE}\n", encoding="utf-8")
    started = time.perf_counter()
    built = subprocess.run([str(Path(sys.executable).with_name("zensical")), "build", "--clean",
                            "-f", str(root / ZENSICAL_CONFIG)],
                           capture_output=True, text=True, check=False, cwd=root, env={**os.environ, **BUILD_ENV})
    seconds = time.perf_counter() - started
    last_words = [line for line in (built.stderr + built.stdout).splitlines() if line.strip()][-1:]
    return EngineBuild("zensical", seconds, html_pages(root / ZENSICAL_SITE),
                       "" if built.returncode == 0 else (last_words or [f"exit {built.returncode}"])[0])


def html_pages(site: Path) -> int:
    """How many HTML pages a site has (none if it was not written)."""
    return sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0


def compare_engines(root: Path, articles: int, material_s: float) -> str:
    """Build root with Zensical too, once Material has built it in material_s; one line on both."""
    return engines_report(articles, EngineBuild("material", material_s, html_pages(root / "site")), zensical_build(root))


def engines_report(articles: int, material: EngineBuild, zensical: EngineBuild) -> str:
    """One line comparing the two engines on one project."""
    outcome = (f"{zensical.seconds:.1f} s, {zensical.pages} pages ({zensical.seconds / material.seconds:.2f}x Material's time)"
               if not zensical.failure else f"FAILED after {zensical.seconds:.1f} s: {zensical.failure}")
    return (f"engines at {articles} articles: Material {material.seconds:.1f} s, {material.pages} pages; "
            f"Zensical {outcome}")
