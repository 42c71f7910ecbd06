"""Build a throwaway copy of the site for tests: the real sources plus extra files."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
GENERATED = ("texts", "glossary")


def listing(root: Path) -> list[str]:
    """Every path under root, relative, sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def copy_project(destination: Path) -> Path:
    """Copy sources (not generated output) into destination and return it."""
    for name in ("texts", "annotations"):
        shutil.copytree(PROJECT / name, destination / name)
    shutil.copytree(PROJECT / "docs", destination / "docs",
                    ignore=lambda folder, names: [n for n in names if Path(folder) == PROJECT / "docs"
                                                  and (n in GENERATED or n.startswith("."))])
    for config in (*CONFIGS, OFFLINE_CONFIG):
        shutil.copy2(PROJECT / config, destination / config)
    if (PROJECT / SHIM).is_file():  # vendored by make; the offline copy's search needs it
        (destination / SHIM).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT / SHIM, destination / SHIM)
    return destination


CONFIGS = ("mkdocs.yml", "mkdocs.zh-Hant.yml")  # the Simplified site, then the Traditional one in it
OFFLINE_CONFIG = "mkdocs.offline.yml"  # built by `python -m build_tools offline`, not by the loop below
SHIM = "build/vendor/iframe-worker.js"
OFFLINE_ZIP = "build/offline/edition-offline.zip"
PDFS = (("simplified", "edition.pdf"), ("traditional", "edition-zh-Hant.pdf"))  # as make site builds them
BUILD_EPOCH = "1767225600"  # a fixed SOURCE_DATE_EPOCH, as make exports from the last commit


def build_site(root: Path, pdf: bool = False, text_pdfs: tuple[str, ...] | None = None
               ) -> subprocess.CompletedProcess[str]:
    """Generate the pages and run mkdocs build --strict in root (with ``pdf``, the downloads
    too, as make does: the offline zip before the site, whose home page gives its size, and
    the whole-edition PDFs and every text's own PDF after it, or only ``text_pdfs``' own)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    generate = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "generate"],
                              capture_output=True, text=True, cwd=PROJECT, env=env, check=False)
    if generate.returncode != 0 or not pdf:
        return generate if generate.returncode != 0 else _mkdocs(root, env)
    offline = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "offline",
                              "--output", str(root / OFFLINE_ZIP)],
                             capture_output=True, text=True, cwd=PROJECT, env=env, check=False)
    if offline.returncode != 0:
        return offline
    built = _mkdocs(root, env)
    if built.returncode != 0:
        return built
    (root / "site/downloads").mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / OFFLINE_ZIP, root / "site/downloads")
    for script, name in PDFS:
        built = subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "pdf", "--script", script,
                                "--output", str(root / "site/downloads" / name)],
                               capture_output=True, text=True, cwd=PROJECT, env=env, check=False)
        if built.returncode != 0:
            return built
    only = ["--texts", ",".join(text_pdfs)] if text_pdfs is not None else []
    return subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "text-pdfs",
                           "--output", str(root / "site"), *only],
                          capture_output=True, text=True, cwd=PROJECT, env=env, check=False)


def _mkdocs(root: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """mkdocs build --strict of the Simplified site, then of the Traditional one in it; then
    their search indexes re-encoded in UTF-8, as make does."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    for config in CONFIGS:
        built = subprocess.run([str(mkdocs), "build", "--strict", "-f", str(root / config)],
                               capture_output=True, text=True, cwd=root, env=env, check=False)
        if built.returncode != 0:
            return built
    return subprocess.run([sys.executable, "-m", "build_tools", "--root", str(root), "compact-search",
                           str(root / "site")], capture_output=True, text=True, cwd=root, env=env, check=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a folder on an ephemeral loopback port; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
