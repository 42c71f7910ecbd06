"""``python -m build_tools offline``: the whole Simplified site as a zip that works from disk.

After ``generate``: copy docs/ with file-style links into ``build/generated/offline``
(``build_tools/site/offline.py``), build it with ``mkdocs.offline.yml`` (Material's
``offline`` plugin: search without a server), zip the result deterministically, and record
the zip's size for the home page's link (a snippet that wins over generate's unsized one).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from build_tools.pdf.build import build_stamp
from build_tools.site.offline import (
    DOCS,
    FOLDER,
    LINK_SNIPPET,
    ROOT,
    ZIP_NAME,
    offline_docs,
    render_offline_link,
    render_zip,
)
from build_tools.site.repository import read_site_url
from build_tools.write import write_file_atomically, write_outputs

CONFIG = "mkdocs.offline.yml"
SITE = "build/offline/site"
SIZES = "build/generated/download-sizes"  # mkdocs.yml reads snippets here before build/generated/snippets
SHIM = Path("build/vendor/iframe-worker.js")  # vendored by the Makefile from the npm registry
DEFAULT_OUTPUT = Path("site/downloads") / ZIP_NAME


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``offline`` command and its options."""
    parser = sub.add_parser("offline", help="build the offline copy of the site (a zip) after generate")
    parser.add_argument("--output", type=Path, default=None,
                        help=f"where to write the zip (default: ROOT/{DEFAULT_OUTPUT})")
    parser.add_argument("--shim", type=Path, default=None,
                        help=f"iframe-worker's shim, which lets search run from file:// (default: ROOT/{SHIM})")
    parser.set_defaults(run=cmd_offline)


def cmd_offline(args: argparse.Namespace) -> int:
    """Copy, build, zip; write nothing to the output unless every step succeeded."""
    root: Path = args.root
    shim = args.shim or root / SHIM
    if not shim.is_file() or not (root / "build/generated/snippets").is_dir():
        print(f"{shim} or the generated pages are missing: run 'make site' (or generate first)", file=sys.stderr)
        return 1
    try:
        stamp = build_stamp(os.environ)
    except ValueError as err:
        print(f"SOURCE_DATE_EPOCH: {err}", file=sys.stderr)
        return 1
    files = read_folder(root / "docs")
    snippets = read_folder(root / "build/generated/snippets")
    copy = offline_docs({f"docs/{p}": data for p, data in files.items()}, snippets, shim.read_bytes(),
                        read_site_url(os.environ))
    write_outputs(copy, root, roots=(ROOT,))
    mkdocs = Path(sys.executable).with_name("mkdocs")
    built = subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-f", CONFIG, "--site-dir", SITE],
                           cwd=root, check=False)
    if built.returncode != 0:
        print(f"mkdocs build of {DOCS} failed; nothing was written", file=sys.stderr)
        return 1
    archive = render_zip(read_folder(root / SITE).items(), FOLDER, stamp)
    output = args.output or root / DEFAULT_OUTPUT
    write_file_atomically(archive, output)
    write_outputs({f"{SIZES}/{LINK_SNIPPET}": render_offline_link(len(archive)).encode("utf-8")}, root, roots=(SIZES,))
    print(f"wrote {output}: {len(archive) / 1024:.0f} KiB")
    return 0


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by its path relative to it."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
