"""Write generated output (the only module that writes it): only what changed, staged first.

Changed files are first written to a staging folder, as they are rendered; only when
every one of them is there are they renamed into place (a rename cannot run out of space), and files the
build no longer produces are removed. A failure while staging leaves the previous
output exactly as it was. Unchanged files are not touched at all, so their
modification times stay and the preview server renders again only the pages a change
touched.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from build_tools.problems import ProblemError, problem

# Every generated file lives under one of these folders, and nothing else is written.
GENERATED_ROOTS = ("docs/texts", "docs/glossary", "build/generated")
STAGING = "build/.staging"


class SourceChanged(ProblemError):
    """An input file changed between loading (and checking) it and copying it."""


@dataclass(frozen=True)
class CopyOf:
    """An output that is an input file, byte for byte: read when written, not before.

    The build never holds the whole corpus's raw bytes at once for these copies; the
    digest recorded when the file was loaded and checked proves it is the same file.
    """

    source: Path
    sha256: str

    def read(self) -> bytes:
        data = self.source.read_bytes()
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise SourceChanged(problem(self.source.as_posix(), 1, 1, "source-changed",
                                        "this file changed while the pages were generated; run the build again"))
        return data


@dataclass(frozen=True)
class Written:
    """What one write did: how many files the build produced, how many it changed or removed."""

    files: int
    changed: int


Output = bytes | CopyOf


def write_outputs(outputs: Mapping[str, Output] | Iterable[tuple[str, Output]], root: Path,
                  roots: tuple[str, ...] = GENERATED_ROOTS, apart: tuple[str, ...] = (),
                  staging_folder: str = STAGING) -> Written:
    """Make the generated folders (``roots``) hold exactly these files, and say what that changed.

    ``outputs`` may be a stream: each changed file is staged as it arrives and not kept.
    A command that makes one folder of its own (the offline copy) names just that folder;
    folders under ``roots`` named in ``apart`` are another write's, left as they are. A write
    that writes into a built site stages in a folder of its own there (``staging_folder``,
    removed whole afterwards) rather than leave an empty build/ among the published files.
    """
    items = outputs.items() if isinstance(outputs, Mapping) else outputs
    staging = root / staging_folder
    shutil.rmtree(staging, ignore_errors=True)
    produced: set[str] = set()
    changed: list[str] = []
    made: set[str] = set()  # folders known to exist: one mkdir per folder, not per file
    try:
        for path, output in items:
            _check_path(path, produced, roots, apart)
            produced.add(path)
            content = output.read() if isinstance(output, CopyOf) else output
            if not _holds(os.path.join(root, path), content):
                _stage(staging, path, content, made)
                changed.append(path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    stale = [path for path in _generated_files(root, roots)
             if path not in produced and not path.startswith(tuple(folder + "/" for folder in apart))]
    for path in changed:
        _make_folder(os.path.join(root, os.path.dirname(path)), made)
        os.replace(os.path.join(staging, path), os.path.join(root, path))
    for path in stale:
        (root / path).unlink()
    _remove_empty_folders(root, roots)
    shutil.rmtree(staging, ignore_errors=True)
    return Written(len(produced), len(changed) + len(stale))


def _check_path(path: str, produced: set[str], roots: tuple[str, ...], apart: tuple[str, ...] = ()) -> None:
    if (".." in path.split("/") or path.startswith(("/", *(folder + "/" for folder in apart))) or "\\" in path
            or not path.startswith(tuple(folder + "/" for folder in roots))):
        raise ValueError(f"refusing to write outside the generated folders: {path}")
    if path in produced:
        raise ValueError(f"two generated files have the same path: {path}")


def _holds(path: str, content: bytes) -> bool:
    """Tell whether a file already has exactly these bytes (cheap size check first)."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as existing:
            return existing.read() == content
    except OSError:
        return False


def _generated_files(root: Path, roots: tuple[str, ...]) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for generated in roots
                  for p in (root / generated).rglob("*") if p.is_file())


def _stage(staging: Path, path: str, content: bytes, made: set[str]) -> None:
    """Write one changed file into the staging folder."""
    destination = os.path.join(staging, path)
    _make_folder(os.path.dirname(destination), made)
    with open(destination, "wb") as staged:
        staged.write(content)


def _make_folder(folder: str, made: set[str]) -> None:
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)


def _remove_empty_folders(root: Path, roots: tuple[str, ...]) -> None:
    for generated in roots:
        folders = sorted((p for p in (root / generated).rglob("*") if p.is_dir()), reverse=True)
        for folder in folders:
            if not any(folder.iterdir()):
                folder.rmdir()


def write_file_atomically(data: bytes, output: Path) -> None:
    """Write one file beside its destination, then swap it in with one rename (the PDF)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the file is published
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
