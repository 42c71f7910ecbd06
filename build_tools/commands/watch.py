"""Regenerate pages while a contributor edits: poll the inputs, rebuild on change.

MkDocs only renders; it cannot run our pipeline (no logic in MkDocs plugins). So
``make serve`` (``python -m build_tools serve``) runs this loop beside the preview server
(``preview_server``): a change to a text or an annotation regenerates the Markdown, reusing
what the change does not touch (build_tools.memo), the writer touches only files whose
bytes change, and the server renders those pages again when they are asked for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

WATCHED = ("texts", "annotations")

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """Size and modification time of every input file."""
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for folder in WATCHED for p in sorted((root / folder).rglob("*")) if p.is_file()}


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
