"""Regenerate pages while a contributor edits: poll the inputs, rebuild on change.

MkDocs only renders; it cannot run our pipeline (no logic in MkDocs plugins). So
``make serve`` (``python -m build_tools serve``) runs this loop beside the preview server
(``preview_server``): a change to a text or an annotation regenerates the Markdown, reusing
what the change does not touch (build_tools.memo), the writer touches only files whose
bytes change, and the server renders those pages again when they are asked for.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

WATCHED = ("texts", "annotations")

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Size and modification time of every input file."""
    found: Snapshot = {}
    for folder in WATCHED:
        base = (root / folder).as_posix()
        found.update((folder + path[len(base):], mark) for path, mark in files_under(base))
    return found


def files_under(path: str) -> Iterator[tuple[str, tuple[int, int]]]:
    """Every file under a folder (or the file itself) with its size and modification time.

    One stat per file, read as the folders are listed: at 1,000 articles a look at every
    input takes a few hundredths of a second, and the loop looks twice a second.
    """
    if os.path.isfile(path):
        status = os.stat(path)
        yield path, (status.st_size, status.st_mtime_ns)
        return
    try:
        entries = list(os.scandir(path))
    except OSError:  # gone since it was listed
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from files_under(entry.path)
        elif entry.is_file():
            status = entry.stat()
            yield entry.path, (status.st_size, status.st_mtime_ns)


def watch(root: Path, rebuild: Callable[[], object], interval: float = 0.5,
          rounds: int | None = None, until: Callable[[], bool] | None = None) -> None:
    """Call ``rebuild`` whenever an input changes, until ``until()`` says stop (the
    preview server has exited); ``rounds`` bounds the loop for tests."""
    seen = snapshot(root)
    while (rounds is None or rounds > 0) and not (until and until()):
        time.sleep(interval)
        current = snapshot(root)
        if current != seen:
            seen = current
            rebuild()
        if rounds is not None:
            rounds -= 1
