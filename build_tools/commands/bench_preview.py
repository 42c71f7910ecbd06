"""The contributor's preview, timed from a save to the moment the served page changes.

``python -m build_tools serve`` runs on a synthetic project, as ``make serve`` does; once
it serves, one glossary entry's summary is edited and the served term page and a text
page that uses the term are polled over HTTP until the new words appear. The preview's own
output lines are timestamped as they arrive, so the report shows where the seconds go:
our regeneration, then MkDocs noticing the change, rebuilding, and serving.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TERM = "wu-ge-yi"  # a real entry, so in every synthetic project; most texts use it
MARKER = "预览计时"  # "preview timing": words no text or annotation contains
MILESTONES = ("Simplified view", "Traditional view", "regenerated in", "Detected file changes",
              "Building documentation", "Documentation built", "Reloading browsers", "preview:")  # the serve output lines that show where the time goes
LOG_LEVEL = re.compile(r"^INFO\s+-\s+")  # MkDocs' prefix, noise in a timeline
SETTLE_S = 3.0  # MkDocs' file watcher takes its first snapshot after the server is up


@dataclass(frozen=True)
class PreviewRun:
    """One edit in the preview of one synthetic project."""

    articles: int
    term_page: str  # site paths polled
    text_page: str
    startup_s: float  # from starting serve to the first served page
    term_s: float | None  # from the save to the served term page showing the edit; None: never
    text_s: float | None
    timeline: tuple[tuple[float, str], ...]  # milestone lines of the preview's output, seconds from the save


def edit_summary(entry: str, words: str) -> str:
    """The entry with ``words`` put before its summary."""
    if "\nsummary: " not in entry:
        raise ValueError("the entry has no one-line summary to edit")
    return entry.replace("\nsummary: ", f"\nsummary: {words}", 1)


def page_using(docs_texts: Path, term: str) -> str:
    """The site path of the first text page (by name) that links the term."""
    for page in sorted(docs_texts.glob("*.md")):
        if page.name != "index.md" and f"glossary/{term}/" in page.read_text(encoding="utf-8"):
            return f"texts/{page.stem}/"
    raise ValueError(f"no text page uses {term}")


def milestones(lines: Iterable[tuple[float, str]], since: float) -> tuple[tuple[float, str], ...]:
    """The milestone lines that came after ``since``, with seconds from it."""
    return tuple((at - since, line.strip()) for at, line in lines
                 if at >= since and any(mark in line for mark in MILESTONES))


def fetch(url: str) -> str | None:
    """The page's text, or None while nothing serves it. MkDocs answers only once a rebuild is done."""
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            return response.read().decode("utf-8")  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(check: Callable[[], bool], seconds: float, alive: Callable[[], bool], pause: float = 0.05) -> bool:
    """Call check until it holds, the time is up, or the server has died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive():
        if check():
            return True
        time.sleep(pause)
    return False


def free_address() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"


class Output:
    """A process's output lines, each with the time it arrived, read on a thread."""

    def __init__(self, stream: Iterable[str], log: Path) -> None:
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._read, args=(stream, log), daemon=True)
        self._thread.start()

    def _read(self, stream: Iterable[str], log: Path) -> None:
        with log.open("w", encoding="utf-8") as out:
            for line in stream:
                self.lines.append((time.perf_counter(), line))
                out.write(line)
                out.flush()


def measure_preview(root: Path, articles: int, startup_limit_s: float = 3600, edit_limit_s: float = 600) -> PreviewRun:
    """Start the preview in root, edit TERM's summary once it serves, time the served pages."""
    address = free_address()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "--root", str(root), "serve", "--dev-addr", address],
                              cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    output = Output(server.stdout or (), root / "build/bench-serve.log")

    def alive() -> bool:
        return server.poll() is None

    term_url = f"http://{address}/glossary/{TERM}/"
    try:
        if not wait_until(lambda: fetch(term_url) is not None, startup_limit_s, alive, pause=1.0):
            raise RuntimeError(f"the preview never served {term_url}; see {root}/build/bench-serve.log")
        startup_s = time.perf_counter() - started
        time.sleep(SETTLE_S)
        text_page = page_using(root / "docs/texts", TERM)
        words = f"{MARKER}{time.time_ns() % 10**6}"
        entry = root / f"annotations/glossary/{TERM}.yml"
        entry.write_text(edit_summary(entry.read_text(encoding="utf-8"), words), encoding="utf-8")
        saved = time.perf_counter()
        seen = first_seen({"term": term_url, "text": f"http://{address}/{text_page}"}, words, edit_limit_s, alive)
        after = {name: at - saved for name, at in seen.items()}
        return PreviewRun(articles, f"glossary/{TERM}/", text_page, startup_s, after.get("term"), after.get("text"),
                          milestones(output.lines, saved))
    finally:
        server.send_signal(signal.SIGTERM)  # serve stops MkDocs on SIGTERM
        server.wait(timeout=60)


def first_seen(urls: dict[str, str], words: str, seconds: float, alive: Callable[[], bool]) -> dict[str, float]:
    """When each page first showed the words (perf_counter), polling them in turn."""
    seen: dict[str, float] = {}

    def check() -> bool:
        for name, url in urls.items():
            if name not in seen and words in (fetch(url) or ""):
                seen[name] = time.perf_counter()
        return len(seen) == len(urls)

    wait_until(check, seconds, alive)
    return seen


def preview_report(run: PreviewRun) -> str:
    def seconds(value: float | None) -> str:
        return f"{value:.1f} s" if value is not None else "never"

    lines = [(f"preview at {run.articles} articles (python -m build_tools serve; up after {run.startup_s:.0f} s): "
              f"edited the summary of {TERM}; the served {run.term_page} showed it {seconds(run.term_s)} after the save, "
              f"{run.text_page} {seconds(run.text_s)} (target ≤3 s)")]
    lines += [f"  +{at:6.2f} s  {LOG_LEVEL.sub('', line)}" for at, line in run.timeline]
    return "\n".join(lines)


def preview_summary(run: PreviewRun | None) -> Sequence[str]:
    if run is None:
        return []
    slowest = None if run.term_s is None or run.text_s is None else max(run.term_s, run.text_s)
    shown = f"{slowest:.1f} s" if slowest is not None else "never"
    return [f"preview edit@{run.articles}={shown} (target ≤3 s)"]
