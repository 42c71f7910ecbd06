"""Write generated output: only what changed, all of it staged before any of it lands.

Changed files are first written to a staging folder; only when every one of them is
there are they renamed into place (a rename cannot run out of space), and files the
build no longer produces are removed. A failure while staging leaves the previous
output exactly as it was. Unchanged files are not touched at all, so their
modification times stay and a preview server (mkdocs serve --dirty) rebuilds only the
pages a change touched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Every generated file lives under one of these folders, and nothing else is written.
GENERATED_ROOTS = ("docs/texts", "docs/glossary", "build/generated")
STAGING = "build/.staging"


def write_outputs(outputs: dict[str, bytes], root: Path) -> int:
    """Make the generated folders hold exactly these files; return how many changed."""
    _check_paths(outputs)
    changed = [path for path, content in sorted(outputs.items()) if not _holds(root / path, content)]
    stale = [path for path in _generated_files(root) if path not in outputs]
    staging = root / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    try:
        for path in changed:
            _stage(staging, path, outputs[path])
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for path in changed:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / path, root / path)
    for path in stale:
        (root / path).unlink()
    _remove_empty_folders(root)
    shutil.rmtree(staging, ignore_errors=True)
    return len(changed) + len(stale)


def _check_paths(outputs: dict[str, bytes]) -> None:
    for path in outputs:
        parts = Path(path).parts
        if ".." in parts or Path(path).is_absolute() or not any(
                path.startswith(g + "/") for g in GENERATED_ROOTS):
            raise ValueError(f"refusing to write outside the generated folders: {path}")


def _holds(path: Path, content: bytes) -> bool:
    """Tell whether a file already has exactly these bytes (cheap size check first)."""
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def _generated_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for generated in GENERATED_ROOTS
                  for p in (root / generated).rglob("*") if p.is_file())


def _stage(staging: Path, path: str, content: bytes) -> None:
    """Write one changed file into the staging folder."""
    destination = staging / path
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(content)


def _remove_empty_folders(root: Path) -> None:
    for generated in GENERATED_ROOTS:
        folders = sorted((p for p in (root / generated).rglob("*") if p.is_dir()), reverse=True)
        for folder in folders:
            if not any(folder.iterdir()):
                folder.rmdir()
