"""Entry point for ``python -m build_tools``."""

from __future__ import annotations

import sys

from build_tools.cli import run

sys.exit(run(sys.argv[1:]))
