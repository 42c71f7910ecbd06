"""``make serve`` end to end: the preview comes up, and an edit reaches the served page."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.sitebuild import copy_project

pytestmark = pytest.mark.site


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, wanted: str, seconds: float, server: subprocess.Popen[str]) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        page = _page(url)
        if page is not None and wanted in page:
            return page
        time.sleep(0.5)
    return _page(url)


def test_an_annotation_edit_reaches_the_preview(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    address = f"127.0.0.1:{_free_port()}"
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "--root", str(root), "serve",
                               "--dev-addr", address], cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        url = f"http://{address}/glossary/wu-ge-yi/"
        page = _wait_for(url, "term-summary", 180, server)
        assert page is not None and "term-summary" in page, "the preview never came up"
        entry = root / "annotations/glossary/wu-ge-yi.yml"
        entry.write_text(entry.read_text(encoding="utf-8").replace("summary: ", "summary: 预览测试", 1),
                         encoding="utf-8")
        page = _wait_for(url, "预览测试", 120, server)
        assert page is not None and "预览测试" in page, "the edit never reached the served page"
        assert server.poll() is None
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=60)
    # The page changed once the Simplified view was written; the Traditional one may still be converting.
    assert "of the Simplified view" in output and "Traceback" not in output, output[-3000:]
