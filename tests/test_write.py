"""write_outputs: only generated folders, no escaping paths, mtimes kept, failures change nothing."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_tools import write
from build_tools.write import GENERATED_ROOTS, write_outputs

OUTPUTS = {
    "docs/texts/index.md": b"# texts\n",
    "docs/texts/a.md": "甲".encode(),
    "docs/texts/raw/a.txt": b"raw bytes \xff",
    "docs/glossary/index.md": b"# glossary\n",
    "build/generated/nav.yml": b"nav: []\n",
}


def files_under(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden staging folders included), by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def age(root: Path, relative: str, seconds: int = 1000) -> int:
    """Set a file's mtime into the past; return it in nanoseconds."""
    path = root / relative
    past = path.stat().st_mtime_ns - seconds * 10**9
    os.utime(path, ns=(past, past))
    return past


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project whose generated folders hold OUTPUTS, next to hand-written files."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_bytes(b"hand-written home")
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: x\n")
    write_outputs(OUTPUTS, tmp_path)
    return tmp_path


def test_writes_exactly_the_outputs_and_nothing_else(project: Path) -> None:
    assert files_under(project) == {**OUTPUTS, "docs/index.md": b"hand-written home",
                                    "mkdocs.yml": b"site_name: x\n"}


def test_returns_how_many_files_changed(project: Path) -> None:
    assert write_outputs(OUTPUTS, project).changed == 0
    assert write_outputs({**OUTPUTS, "docs/texts/a.md": b"changed"}, project).changed == 1
    assert write_outputs({**OUTPUTS, "docs/texts/b.md": b"new"}, project).changed == 2
    assert write_outputs({**OUTPUTS, "docs/texts/b.md": b"new"}, project).files == len(OUTPUTS) + 1


def test_files_missing_from_outputs_are_removed(project: Path) -> None:
    smaller = {k: v for k, v in OUTPUTS.items() if k != "docs/texts/a.md"}
    write_outputs(smaller, project)
    assert not (project / "docs/texts/a.md").exists()
    assert (project / "docs/texts/index.md").read_bytes() == b"# texts\n"


def test_unchanged_files_keep_their_mtime(project: Path) -> None:
    unchanged = age(project, "docs/texts/index.md")
    changed = age(project, "docs/texts/a.md")
    write_outputs({**OUTPUTS, "docs/texts/a.md": "乙".encode()}, project)
    assert (project / "docs/texts/index.md").stat().st_mtime_ns == unchanged
    assert (project / "docs/texts/a.md").stat().st_mtime_ns > changed


@pytest.mark.parametrize("path", [
    "../outside.md",
    "docs/texts/../../outside.md",
    "docs/texts/../index.md",
    "/tmp/absolute.md",
    "docs/index.md",
    "mkdocs.yml",
    "docs/textsevil/a.md",
    "build/generated-evil/a.md",
    "site/index.html",
    "texts/jinhaihu-113.txt",
])
def test_paths_outside_generated_roots_are_refused(project: Path, path: str) -> None:
    before = files_under(project.parent)
    with pytest.raises(ValueError, match="refusing to write outside"):
        write_outputs({**OUTPUTS, path: b"evil"}, project)
    assert files_under(project.parent) == before


def test_generated_roots_are_the_documented_ones() -> None:
    assert GENERATED_ROOTS == ("docs/texts", "docs/glossary", "build/generated")


@pytest.mark.parametrize("fail_at", [1, 3, len(OUTPUTS) + 1])
def test_failure_mid_way_leaves_previous_output(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                fail_at: int) -> None:
    before = files_under(project)
    stage = write._stage
    calls = []

    def failing_stage(*args: object) -> int:
        calls.append(args)
        if len(calls) == fail_at:
            raise OSError("disk full")
        return stage(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(write, "_stage", failing_stage)
    new = {path: b"new " + content for path, content in OUTPUTS.items()}
    new["build/generated/extra.md"] = b"extra"
    with pytest.raises(OSError, match="disk full"):
        write_outputs(new, project)
    assert files_under(project) == before


def test_a_stream_that_fails_mid_way_leaves_previous_output(project: Path) -> None:
    before = files_under(project)

    def rendered() -> Iterator[tuple[str, bytes]]:
        yield "docs/texts/a.md", b"new a"
        yield "docs/texts/c.md", b"new c"
        raise RuntimeError("a renderer failed")

    with pytest.raises(RuntimeError, match="a renderer failed"):
        write_outputs(rendered(), project)
    assert files_under(project) == before


def test_a_stream_is_written_like_a_mapping(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    new = {**OUTPUTS, "docs/texts/a.md": b"changed", "docs/glossary/t.md": b"term"}
    other = tmp_path_factory.mktemp("other")
    write_outputs(OUTPUTS, other)
    assert write_outputs(iter(new.items()), project) == write_outputs(new, other)
    generated = {path: content for path, content in files_under(project).items()
                 if path.startswith(GENERATED_ROOTS)}
    assert generated == files_under(other) == new


def test_two_files_with_one_path_are_refused(project: Path) -> None:
    before = files_under(project)
    with pytest.raises(ValueError, match="same path: docs/texts/a.md"):
        write_outputs(iter([("docs/texts/a.md", b"one"), ("docs/texts/a.md", b"two")]), project)
    assert files_under(project) == before


def test_a_copied_input_is_written_byte_for_byte(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    source = tmp_path_factory.mktemp("texts") / "a.txt"
    source.write_bytes(b"raw \xff bytes")
    digest = hashlib.sha256(b"raw \xff bytes").hexdigest()
    write_outputs({**OUTPUTS, "docs/texts/raw/a.txt": write.CopyOf(source, digest)}, project)
    assert (project / "docs/texts/raw/a.txt").read_bytes() == b"raw \xff bytes"


def test_an_input_changed_since_it_was_checked_stops_the_write(project: Path,
                                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    before = files_under(project)
    source = tmp_path_factory.mktemp("texts") / "a.txt"
    source.write_bytes(b"edited after loading")
    digest = hashlib.sha256(b"as loaded and checked").hexdigest()
    with pytest.raises(write.SourceChanged, match=r"a\.txt:1:1: error: this file changed while the pages were "
                                                  r"generated; run the build again \(source-changed\)"):
        write_outputs({**OUTPUTS, "docs/texts/raw/a.txt": write.CopyOf(source, digest),
                       "docs/texts/a.md": b"new"}, project)
    assert files_under(project) == before


def test_a_folder_apart_is_neither_removed_nor_written(project: Path) -> None:
    write_outputs({**OUTPUTS, "build/generated/zh-Hant/a.md": "甲".encode()}, project)
    without = {path: data for path, data in OUTPUTS.items() if path != "docs/texts/a.md"}
    assert write_outputs(without, project, apart=("build/generated/zh-Hant",)).changed == 1
    assert (project / "build/generated/zh-Hant/a.md").read_bytes() == "甲".encode()
    assert not (project / "docs/texts/a.md").exists()
    with pytest.raises(ValueError, match="outside the generated folders"):
        write_outputs({**OUTPUTS, "build/generated/zh-Hant/b.md": b"x"}, project, apart=("build/generated/zh-Hant",))
