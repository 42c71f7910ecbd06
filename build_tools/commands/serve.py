"""``serve`` and ``watch``: the contributors' preview, regenerating pages on every save."""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from build_tools.build import generate
from build_tools.commands.watch import watch
from build_tools.memo import Memo


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``watch`` and ``serve`` commands."""
    watch_parser = sub.add_parser("watch", help="regenerate the pages whenever a text or annotation changes")
    watch_parser.set_defaults(run=cmd_watch)
    serve = sub.add_parser("serve", help="preview the site: generate, serve it, regenerate on change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
                       help="where the preview is served (default: %(default)s)")
    serve.set_defaults(run=cmd_serve)


def cmd_watch(args: argparse.Namespace) -> int:
    memo, _ = _first_build(args.root)
    print("watching texts/ and annotations/ (Ctrl-C to stop)", flush=True)
    return _regenerate_on_change(args.root, memo)


def cmd_serve(args: argparse.Namespace) -> int:
    """Generate, start the preview server, and regenerate while it runs.

    MkDocs only renders (no logic in MkDocs plugins), so this loop runs beside it: the
    writer touches only the files whose bytes change, and the preview server
    (``preview_server``) renders a changed page again when it is asked for. The preview
    is not strict.
    """
    memo, code = _first_build(args.root)
    if code != 0:
        return 1  # MkDocs needs the pages; the problems are printed
    # Stopped by a signal, stop the server too: SystemExit runs the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    root = args.root.resolve()
    server = subprocess.Popen([sys.executable, "-m", "build_tools.commands.preview_server", str(root),
                               str(root / "mkdocs.yml"), args.dev_addr], cwd=root)
    print(f"previewing at http://{args.dev_addr}/ once the site is built; regenerating on change (Ctrl-C to stop)",
          flush=True)
    try:
        _regenerate_on_change(args.root, memo, until=lambda: server.poll() is not None)
    finally:
        if server.poll() is None:
            server.terminate()
        server.wait()
    return 0 if server.returncode in (0, -signal.SIGTERM) else server.returncode


def _first_build(root: Path) -> tuple[Memo, int]:
    """Generate through a new memo (per-file and per-page results, reused while their inputs
    are unchanged), so that the first change reuses all it does not touch."""
    memo = Memo()
    code = generate(root, False, memo)
    memo.next_round()
    return memo, code


def _regenerate_on_change(root: Path, memo: Memo, until: Callable[[], bool] | None = None) -> int:
    def rebuild() -> None:
        started = time.perf_counter()
        if generate(root, False, memo, traditional_after=True) == 0:
            print(f"regenerated in {time.perf_counter() - started:.2f} s "
                  f"({memo.reused.total()} results reused, {memo.computed.total()} computed)", flush=True)
        memo.next_round()

    try:
        watch(root, rebuild, until=until)
    except KeyboardInterrupt:
        pass
    return 0
