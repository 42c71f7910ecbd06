"""Laid-out PDFs kept between builds, found again by exactly what went into their layout.

Laying out one text's PDF takes WeasyPrint seconds; an edition of 1,000 texts has 2,000 of
them (both scripts), and one annotation edit changes only the PDFs of the texts that use
the term. So ``text-pdfs`` keeps each layout under ``build/cache/text-pdfs/``, named by a
digest of everything the layout depends on: the book's HTML (text, definitions, site
address: all of it is in the HTML), the CJK face, the code and stylesheet of this package,
and the versions of WeasyPrint and pydyf. One thing is left out: the build's date, which
make takes from the last commit, so that a commit which changes no text's PDF lays out
none again; a kept PDF keeps the date of the build that laid it out, on its title line and
in its metadata. Otherwise a hit is the PDF a fresh layout would give, byte for byte. The
system's fonts are not in the key: ``make clean`` (which removes ``build/``) after a font
upgrade.

An entry is two files, ``<key>.pdf`` and ``<key>.json`` (what ``Laid`` says besides the
bytes); both are written under a temporary name and renamed, so a build stopped halfway
leaves no half entry. An entry that cannot be read is laid out again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, replace
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from build_tools.pdf.render import Laid

FOLDER = Path("build/cache/text-pdfs")  # under the project's root
LAYOUT_PACKAGES = ("weasyprint", "pydyf")


@cache
def layout_code_digest() -> str:
    """A digest of what lays a book out besides its HTML: this package's code and stylesheet,
    and the layout libraries' versions."""
    digest = hashlib.sha256()
    package = files("build_tools.pdf")
    for name in sorted(entry.name for entry in package.iterdir() if entry.name.endswith((".py", ".css"))):
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes() + b"\0")
    for name in LAYOUT_PACKAGES:
        digest.update(f"{name}=={version(name)}\0".encode())
    return digest.hexdigest()


def layout_key(html: str, face: str) -> str:
    """The name of a book's layout in the cache."""
    digest = hashlib.sha256(layout_code_digest().encode())
    digest.update(face.encode() + b"\0" + html.encode("utf-8"))
    return digest.hexdigest()


def cached_layout(folder: Path, key_html: str, face: str, lay_out: Callable[[], Laid]) -> Laid:
    """The layout an earlier build kept in ``folder`` for ``key_html`` (``Laid.reused`` then
    says so), else ``lay_out()``, kept there for the next build.

    ``key_html`` is the book's HTML with what may change without a new layout left out:
    the build's date (``pdf.build.UNDATED``).
    """
    key = layout_key(key_html, face)
    kept = read_entry(folder, key)
    if kept is not None:
        return kept
    laid = lay_out()
    write_entry(folder, key, laid)
    return laid


def read_entry(folder: Path, key: str) -> Laid | None:
    """The layout kept under ``key``, marked as reused and as used now; None if there is
    none or it cannot be read."""
    pdf_path, facts_path = folder / f"{key}.pdf", folder / f"{key}.json"
    try:
        facts = json.loads(facts_path.read_text(encoding="utf-8"))
        laid = Laid(pdf=pdf_path.read_bytes(), pages=facts["pages"], anchors=facts["anchors"],
                    warnings=tuple(facts["warnings"]), footnote_shares=tuple(facts["footnote_shares"]),
                    title_lines=tuple(tuple(lines) for lines in facts["title_lines"]), passes=facts["passes"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    for path in (pdf_path, facts_path):  # used now: pruning keeps it
        os.utime(path)
    return replace(laid, reused=True)


def write_entry(folder: Path, key: str, laid: Laid) -> None:
    """Keep a layout under ``key``; the facts last, so that an entry with facts is whole."""
    folder.mkdir(parents=True, exist_ok=True)
    facts = {name: value for name, value in asdict(laid).items() if name not in ("pdf", "reused")}
    for suffix, data in ((".pdf", laid.pdf), (".json", json.dumps(facts, ensure_ascii=False).encode("utf-8"))):
        partial = folder / f"{key}{suffix}.{os.getpid()}.partial"
        partial.write_bytes(data)
        os.replace(partial, folder / f"{key}{suffix}")


def prune(folder: Path, used_since: float) -> int:
    """Remove the entries no build has used since ``used_since`` (a time.time()), and any
    partial file left by a stopped build; return how many files went."""
    removed = 0
    for path in folder.glob("*") if folder.is_dir() else ():
        if path.stat().st_mtime < used_since:
            path.unlink()
            removed += 1
    return removed
