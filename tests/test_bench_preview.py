"""The bench's preview timing: an edit, the pages polled until they show it, the timeline."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from build_tools.commands.bench_preview import (
    TERM,
    PreviewRun,
    edit_summary,
    first_seen,
    measure_preview,
    milestones,
    page_using,
    preview_report,
    preview_summary,
)
from tests.sitebuild import PROJECT, copy_project, serve


def test_the_edit_puts_words_before_the_summary_only() -> None:
    entry = "term: 五个一\nsummary: 五项活动。\nnote: summary: 不是摘要\n"
    assert edit_summary(entry, "新") == "term: 五个一\nsummary: 新五项活动。\nnote: summary: 不是摘要\n"
    with pytest.raises(ValueError, match="no one-line summary"):
        edit_summary("term: 五个一\n", "新")


def test_the_real_entry_has_a_summary_to_edit() -> None:
    entry = (PROJECT / f"annotations/glossary/{TERM}.yml").read_text(encoding="utf-8")
    assert "\nsummary: 预览" in edit_summary(entry, "预览")


def test_the_text_page_polled_is_one_that_links_the_term(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text(f'<a href="../../glossary/{TERM}/">', encoding="utf-8")
    (tmp_path / "b.md").write_text(f'<a class="gl" href="../../glossary/{TERM}/">', encoding="utf-8")
    (tmp_path / "a.md").write_text('<a class="gl" href="../../glossary/other/">', encoding="utf-8")
    assert page_using(tmp_path, TERM) == "texts/b/"
    with pytest.raises(ValueError, match="no text page uses"):
        page_using(tmp_path, "nowhere")


def test_the_timeline_keeps_the_milestones_after_the_save() -> None:
    lines = [(1.0, "INFO    -  Building documentation...\n"), (5.0, "regenerated in 0.50 s (3 results reused)\n"),
             (5.5, "INFO    -  Doc file 'x.md' contains a link\n"), (6.0, "INFO    -  [03:21:38] Reloading browsers\n")]
    assert milestones(lines, 4.0) == ((1.0, "regenerated in 0.50 s (3 results reused)"),
                                      (2.0, "INFO    -  [03:21:38] Reloading browsers"))


def test_each_page_is_timed_when_it_first_shows_the_words(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("old", encoding="utf-8")
    (tmp_path / "b.html").write_text("old", encoding="utf-8")
    with serve(tmp_path) as url:
        started = time.perf_counter()
        threading.Timer(0.3, lambda: (tmp_path / "b.html").write_text("new words", encoding="utf-8")).start()
        seen = first_seen({"a": f"{url}/a.html", "b": f"{url}/b.html"}, "new words", 2.0, lambda: True)
    assert list(seen) == ["b"] and seen["b"] - started >= 0.3


def test_the_report_says_never_when_a_page_never_changed() -> None:
    run = PreviewRun(1000, f"glossary/{TERM}/", "texts/a/", 90.0, 2.5, None, ((0.7, "regenerated in 0.2 s"),))
    report = preview_report(run)
    assert "showed it 2.5 s after the save, texts/a/ never" in report
    assert report.splitlines()[1] == "  +  0.70 s  regenerated in 0.2 s"
    assert preview_summary(run) == ["preview edit@1000=never (target ≤3 s)"]


@pytest.mark.site
def test_an_edit_in_the_real_preview_reaches_both_pages(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    run = measure_preview(root, 5, startup_limit_s=300, edit_limit_s=120)
    assert run.term_s is not None and run.text_s is not None
    assert run.text_page == "texts/gaozhou-baiqianwan-wugeyi/"
    assert any("generated" in line and "Simplified view" in line for _, line in run.timeline)
    assert any("preview: rendered glossary/wu-ge-yi/" in line for _, line in run.timeline)  # rendered when asked for
