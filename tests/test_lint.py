"""Lint and types, pinned in the test extras, so that CI holds every change to them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.sitebuild import PROJECT

BIN = Path(sys.executable).parent


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "build_tools", "tests"],
                            capture_output=True, text=True, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_build_tools() -> None:
    # No cache: a test must not write into the checkout.
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", "/dev/null", "build_tools"],
                            capture_output=True, text=True, cwd=PROJECT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
