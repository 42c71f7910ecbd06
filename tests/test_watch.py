"""The preview loop regenerates on a change to an input, and only then."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from build_tools.commands.watch import snapshot, watch
from tests.sitebuild import PROJECT


def test_snapshot_sees_edits(tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "annotations", tmp_path / "annotations")
    before = snapshot(tmp_path)
    entry = tmp_path / "annotations/glossary/wu-ge-yi.yml"
    entry.write_text(entry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = snapshot(tmp_path)
    assert [name for name in after if after[name] != before[name]] == ["annotations/glossary/wu-ge-yi.yml"]


def test_snapshot_names_files_from_the_project_root_however_it_is_given(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "texts/sub").mkdir(parents=True)
    (tmp_path / "texts/sub/a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    monkeypatch.chdir(tmp_path)
    assert list(snapshot(Path("."))) == list(snapshot(tmp_path)) == ["texts/sub/a.txt"]
    assert snapshot(Path("."))["texts/sub/a.txt"][0] == len("甲".encode())


def test_rebuilds_once_per_change(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    calls: list[float] = []
    loop = threading.Thread(target=watch, args=(tmp_path, lambda: calls.append(time.time())),
                            kwargs={"interval": 0.05, "rounds": 12})
    loop.start()
    time.sleep(0.2)
    # One change, made atomically: a file created empty and then filled is two changes.
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "a.txt").replace(tmp_path / "texts/a.txt")
    loop.join()
    assert len(calls) == 1
