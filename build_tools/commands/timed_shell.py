"""A shell that times each line it runs: make's SHELL for ``make site`` while the bench runs it.

make runs every recipe line as ``$(SHELL) -c 'line'``. Run as that shell, this runs the line
with /bin/sh, then appends one JSON line to the file named by $BENCH_STEP_LOG: the line, its
wall time, the largest resident set of any one process it started (a step's workers run side
by side, so this is not their sum) and its exit code, which it passes on so that make stops
where it would have stopped. A line that matches the pattern in $BENCH_SKIP is logged as
skipped and not run (a step too slow to wait for at some size). Run by path, not imported:
it needs nothing but the standard library.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time

LOG_VARIABLE = "BENCH_STEP_LOG"
SKIP_VARIABLE = "BENCH_SKIP"


def main(argv: list[str]) -> int:
    """Run ``/bin/sh ARGV`` and log the step; return its exit code."""
    command = argv[-1] if argv else ""
    skip = os.environ.get(SKIP_VARIABLE)
    if skip and re.search(skip, command):
        return log(command, 0.0, 0.0, 0, skipped=True)
    started = time.perf_counter()
    code = subprocess.call(["/bin/sh", *argv])
    seconds = time.perf_counter() - started
    # Every process the line started has ended and been waited for, so RUSAGE_CHILDREN's
    # maximum is the largest of them (in KiB on Linux).
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 / 1e6
    return log(command, seconds, peak_mb, code, skipped=False)


def log(command: str, seconds: float, peak_mb: float, code: int, skipped: bool) -> int:
    """Append the step to the log; return its exit code."""
    record = {"command": command, "seconds": seconds, "peak_mb": peak_mb, "code": code, "skipped": skipped}
    with open(os.environ[LOG_VARIABLE], "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
