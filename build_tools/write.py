"""Write generated output atomically: everything is staged, then swapped in at once.

A build that fails before the swap leaves the previous output exactly as it was.
Files whose bytes did not change keep their modification time, so a preview server
reloads only what a change touched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Every generated file lives under one of these folders, and nothing else is written.
GENERATED_ROOTS = ("docs/texts", "docs/glossary", "build/generated")


def write_outputs(outputs: dict[str, bytes], root: Path) -> int:
    """Replace the generated folders with exactly these files; return how many changed."""
    _check_paths(outputs)
    targets = [root / generated for generated in GENERATED_ROOTS]
    stagings = [target.with_name(f".{target.name}.staging") for target in targets]
    try:  # stage every folder before swapping any, so a failure changes nothing
        changed = sum(_stage_folder(outputs, generated, staging, target)
                      for generated, staging, target in zip(GENERATED_ROOTS, stagings, targets))
    except BaseException:
        for staging in stagings:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    for staging, target in zip(stagings, targets):
        _swap(staging, target)
    return changed


def _stage_folder(outputs: dict[str, bytes], generated: str, staging: Path, target: Path) -> int:
    """Stage the files of one generated folder; return how many changed."""
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    prefix = generated + "/"
    return sum(_stage(staging, target, path[len(prefix):], content)
               for path, content in outputs.items() if path.startswith(prefix))


def _check_paths(outputs: dict[str, bytes]) -> None:
    for path in outputs:
        parts = Path(path).parts
        if ".." in parts or Path(path).is_absolute() or not any(
                path.startswith(g + "/") for g in GENERATED_ROOTS):
            raise ValueError(f"refusing to write outside the generated folders: {path}")


def _stage(staging: Path, target: Path, relative: str, content: bytes) -> int:
    """Stage one file; reuse the existing file (and its mtime) when the bytes are equal."""
    destination = staging / relative
    destination.parent.mkdir(parents=True, exist_ok=True)
    existing = target / relative
    if existing.is_file() and existing.read_bytes() == content:
        shutil.copy2(existing, destination)
        return 0
    destination.write_bytes(content)
    return 1


def _swap(staging: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    backup = target.with_name(f".{target.name}.previous")
    shutil.rmtree(backup, ignore_errors=True)
    if target.exists():
        os.replace(target, backup)
    os.replace(staging, target)
    shutil.rmtree(backup, ignore_errors=True)
