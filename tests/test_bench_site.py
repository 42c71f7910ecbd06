"""The bench's end-to-end ``make site``: each recipe line timed through make's SHELL, and the site measured."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from build_tools.cli import run
from build_tools.commands.bench_site import (
    SiteRun,
    Step,
    copy_build_files,
    html_page_sizes,
    load_steps,
    output_lines,
    percentile,
    run_make_site,
    site_summary,
    step_name,
    step_table,
    view_of,
)
from tests.sitebuild import PROJECT

TOY_MAKEFILE = """\
PARSED := $(shell echo parse-time)
site: prepare
\t$(VENV)/bin/echo one $(PARSED)
\t@sleep 0.2
\tpython3 -c "b = bytearray(60_000_000)"
prepare:
\techo preparing
broken:
\techo before
\tfalse
\techo never
"""


def toy_project(tmp_path: Path, makefile: str = TOY_MAKEFILE) -> tuple[Path, Path]:
    root, venv = tmp_path / "project", tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin/echo").symlink_to("/bin/echo")
    (venv / ".installed").touch()
    root.mkdir()
    (root / "Makefile").write_text(makefile, encoding="utf-8")
    return root, venv


def test_each_recipe_line_of_site_and_its_prerequisites_is_a_step(tmp_path: Path) -> None:
    root, venv = toy_project(tmp_path)
    total, steps = run_make_site(root, venv)
    # The parse-time $(shell) is not a step; the venv's path is left out of commands.
    assert [s.command for s in steps] == ["echo preparing", "echo one parse-time",
                                          "sleep 0.2", 'python3 -c "b = bytearray(60_000_000)"']
    assert 0.2 <= steps[2].seconds <= total
    assert steps[3].peak_mb > 60 > steps[0].peak_mb  # the largest process of the line, in MB


def test_skipped_lines_are_logged_but_not_run(tmp_path: Path) -> None:
    root, venv = toy_project(tmp_path, TOY_MAKEFILE.replace("echo preparing", "touch prepared"))
    _, steps = run_make_site(root, venv, skip="touch|sleep")
    assert [(s.command, s.skipped) for s in steps if s.skipped] == [("touch prepared", True), ("sleep 0.2", True)]
    assert not (root / "prepared").exists() and len(steps) == 4


def test_a_failing_line_stops_make_and_the_bench(tmp_path: Path) -> None:
    root, venv = toy_project(tmp_path, TOY_MAKEFILE.replace("site: prepare", "site: broken"))
    with pytest.raises(RuntimeError, match="make site failed"):
        run_make_site(root, venv)
    log = (root / "build/bench-steps.jsonl").read_text(encoding="utf-8")
    assert [s.command for s in load_steps(log, venv)] == ["echo before", "false"]


def test_a_venv_not_made_by_make_is_refused(tmp_path: Path) -> None:
    root, venv = toy_project(tmp_path)
    (venv / ".installed").unlink()
    with pytest.raises(RuntimeError, match="make venv"):
        run_make_site(root, venv)


def test_the_synthetic_project_gets_what_make_site_reads(tmp_path: Path) -> None:
    copy_build_files(PROJECT, tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert {"Makefile", "pyproject.toml", "requirements.lock", "mkdocs.yml", "mkdocs.zh-Hant.yml",
            "mkdocs.offline.yml"} <= names
    # make would reinstall if the package files looked newer than the venv's stamp
    assert (tmp_path / "pyproject.toml").stat().st_mtime == (PROJECT / "pyproject.toml").stat().st_mtime
    dry = subprocess.run(["make", "-n", "-C", str(tmp_path), "site", f"VENV={PROJECT / '.venv'}"],
                         capture_output=True, text=True, check=False)
    assert "pip install" not in dry.stdout and "build_tools generate" in dry.stdout


def fake_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    sizes = {"index.html": 10, "texts/a/index.html": 400_001, "glossary/b/index.html": 300_000,
             "zh-Hant/index.html": 12, "zh-Hant/texts/a/index.html": 350_000, "search/search_index.json": 50}
    for path, size in sizes.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(b"x" * size)
    return site


def test_pages_are_measured_largest_first_in_both_views(tmp_path: Path) -> None:
    sizes = html_page_sizes(fake_site(tmp_path))
    assert sizes == (("texts/a/index.html", 400_001), ("zh-Hant/texts/a/index.html", 350_000),
                     ("glossary/b/index.html", 300_000), ("zh-Hant/index.html", 12), ("index.html", 10))
    assert [view_of(path) for path, _ in sizes] == ["zh-Hans", "zh-Hant", "zh-Hans", "zh-Hant", "zh-Hans"]


@pytest.mark.parametrize("share, expected", [(0.5, 3), (0.9, 5), (0.99, 5), (1.0, 5), (0.2, 1), (0.0, 1)])
def test_percentiles_are_nearest_rank(share: float, expected: int) -> None:
    assert percentile([1, 2, 3, 4, 5], share) == expected


def run_of(tmp_path: Path, articles: int = 100) -> SiteRun:
    sizes = html_page_sizes(fake_site(tmp_path))
    return SiteRun(articles, (Step("python -m build_tools generate", 12.34, 800.0),
                              Step("python -m build_tools pdf --output x.pdf", 0.0, 0.0, skipped=True)),
                   20.0, {"zh-Hans": 3, "zh-Hant": 2}, 2_000_000, {"zh-Hans": 1_500_000, "zh-Hant": 1_000_000},
                   500_000, sizes)


def test_the_report_gives_the_index_against_the_corpus_text_and_the_pages_over_300_kb(tmp_path: Path) -> None:
    lines = "\n".join(output_lines(run_of(tmp_path)))
    assert "zh-Hans 1.5 MB = 3.00× corpus text, zh-Hant 1.0 MB = 2.00× corpus text" in lines
    assert "2 over 300 kB" in lines  # 300,000 bytes exactly is not over
    assert "largest pages: texts/a/index.html 400 kB, zh-Hant/texts/a/index.html 350 kB" in lines
    assert "5 HTML pages (zh-Hans 3, zh-Hant 2)" in lines
    assert site_summary([run_of(tmp_path, 10), run_of(tmp_path, 1000)])[1] == \
        "search index@1000=3.00× corpus text (target ≤1.5×)"


def test_the_step_table_has_a_column_pair_per_size_and_says_what_was_skipped(tmp_path: Path) -> None:
    small, large = run_of(tmp_path, 100), run_of(tmp_path, 1000)
    table = step_table([small, large])
    generate = next(line for line in table if line.startswith("python -m build_tools generate"))
    assert generate.split()[-4:] == ["12.3", "800", "12.3", "800"]
    assert "skipped" in next(line for line in table if "pdf" in line)
    assert table[-1].split()[-4:] == ["20.0", "800", "20.0", "800"]


@pytest.mark.parametrize("command, expected", [
    ("rm -rf build/site.staging", "rm -rf build/site.staging"),
    ("a" * 60, "a" * 57 + "…"),
    ("missing=$(x); \\\nif true", "missing=$(x); \\…"),
])
def test_step_names_are_cut_to_one_line(command: str, expected: str) -> None:
    assert step_name(command) == expected


def test_only_named_parts_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["bench", "--only", "site,everything"]) == 2
    assert "unknown parts everything" in capsys.readouterr().out
