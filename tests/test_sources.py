"""Input folders: only well-named files of the right kind are read; ids are safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.sources import check_id, read_sources


@pytest.mark.parametrize("name, ok", [
    ("wu-ge-yi", True), ("113-gong-jian-zhan", True), ("a", True),
    ("Wu-Ge-Yi", False), ("wu ge yi", False), ("wu_ge_yi", False), ("五个一", False), ("..", False),
    ("-wu", False), ("wu-", False), ("wu--ge", False), ("con", False), ("nul", False), ("com1", False),
    ("lpt9", False), ("a" * 81, False), ("", False),
])
def test_check_id(name: str, ok: bool) -> None:
    assert (check_id(name) is None) is ok


@pytest.mark.parametrize("file_name, code", [
    ("Upper.yml", "bad-file-name"), ("has space.yml", "bad-file-name"), ("中文.yml", "bad-file-name"),
    ("con.yml", "bad-file-name"), ("a..b.yml", "bad-file-name"),
    ("notes.txt", "unexpected-file"), ("entry.yaml", "unexpected-file"),
])
def test_badly_named_files_are_refused_with_location(tmp_path: Path, file_name: str, code: str) -> None:
    folder = tmp_path / "annotations/glossary"
    folder.mkdir(parents=True)
    (folder / file_name).write_text("term: x\n", encoding="utf-8")
    sources, problems = read_sources(tmp_path)
    assert sources.glossary == ()
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [
        (f"annotations/glossary/{file_name}", 1, 1, code)]
