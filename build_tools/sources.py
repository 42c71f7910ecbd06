"""Read the project's inputs from disk: the only module of the load phase that does I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_tools.problems import Problem, problem

SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                    *(f"lpt{i}" for i in range(1, 10))}
TEXTS = "texts"  # the raw texts, one <id>.txt (a page-text dump) or <id>.html (a saved page) each
TEXT_SUFFIXES = (".txt", ".html", ".htm")
PAGE_SUFFIXES = (".html", ".htm")
TEXT_META = "annotations/texts"  # one <id>.yml of metadata per text
GLOSSARY = "annotations/glossary"  # one <id>.yml per glossary entry
ANCHORS = "annotations/anchors"  # one <id>.yml per text: the ledger of its block ids
PDF_CONFIG = "annotations/pdf.yml"  # optional: which whole-edition PDF the site offers


def raw_text_path(text_id: str, suffix: str = ".txt") -> str:
    """Where a text's raw file is, relative to the project."""
    return f"{TEXTS}/{text_id}{suffix}"


def is_page(path: str) -> bool:
    """Tell whether a raw text is a saved web page (else a page-text dump)."""
    return path.lower().endswith(PAGE_SUFFIXES)


def text_meta_path(text_id: str) -> str:
    """Where a text's metadata file is, relative to the project."""
    return f"{TEXT_META}/{text_id}.yml"


@dataclass(frozen=True)
class SourceFile:
    """One input file: its id (file stem), its path relative to the project, its bytes."""

    id: str
    path: str
    data: bytes


@dataclass(frozen=True)
class Sources:
    """Everything the build reads, loaded before anything is processed or written."""

    texts: tuple[SourceFile, ...]
    text_meta: tuple[SourceFile, ...]
    glossary: tuple[SourceFile, ...]
    anchors: tuple[SourceFile, ...] = ()
    pdf: tuple[SourceFile, ...] = ()  # annotations/pdf.yml, when there is one


def read_sources(root: Path) -> tuple[Sources, list[Problem]]:
    """Read texts/*.txt, annotations/{texts,glossary,anchors}/*.yml and annotations/pdf.yml."""
    problems: list[Problem] = []
    groups = []
    for folder, suffix in ((TEXTS, TEXT_SUFFIXES), (TEXT_META, (".yml",)), (GLOSSARY, (".yml",)),
                           (ANCHORS, (".yml",))):
        files, found = _read_folder(root, folder, suffix)
        groups.append(files)
        problems.extend(found)
    config = root / PDF_CONFIG
    pdf = (SourceFile("pdf", PDF_CONFIG, config.read_bytes()),) if config.is_file() else ()
    texts, metas, glossary, anchors = groups
    return Sources(texts, metas, glossary, anchors, pdf), problems


def _read_folder(root: Path, folder: str, suffixes: tuple[str, ...]
                 ) -> tuple[tuple[SourceFile, ...], list[Problem]]:
    directory = root / folder
    if not directory.is_dir():
        return (), []
    files: list[SourceFile] = []
    seen: dict[str, str] = {}  # id -> path: one raw file per text
    problems = []
    for path in sorted(directory.iterdir()):
        relative = f"{folder}/{path.name}"
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in suffixes:
            problems.append(problem(relative, 1, 1, "unexpected-file",
                                    f"only {' or '.join('*' + s for s in suffixes)} files belong in "
                                    f"{folder}/; move or rename it"))
            continue
        if message := check_id(path.stem):
            problems.append(problem(relative, 1, 1, "bad-file-name", message))
            continue
        if path.stem in seen:
            problems.append(problem(relative, 1, 1, "duplicate-id",
                                    f"{seen[path.stem]} has the same id; keep one raw file per text"))
            continue
        seen[path.stem] = relative
        files.append(SourceFile(path.stem, relative, path.read_bytes()))
    return tuple(files), problems


def check_id(name: str) -> str | None:
    """Explain why a file stem cannot be an id (ids become URLs and file names), or None."""
    if not SAFE_ID.match(name):
        return (f"'{name}' is not a valid id: use lowercase ASCII letters, digits and single "
                "hyphens, e.g. si-zhua-si-qiang")
    if name in WINDOWS_RESERVED:
        return f"'{name}' is a reserved file name on Windows; choose another id"
    if len(name) > 80:
        return f"'{name}' is longer than 80 characters; shorten it"
    return None


# The hand-written pages and scripts the Traditional view converts (build_tools/site/traditional.py).
HANDWRITTEN = ("docs/index.md", "docs/about.md", "docs/assets/javascripts/glossary.js",
               "docs/assets/javascripts/cite.js", "docs/assets/javascripts/script-switch.js")


def read_handwritten(root: Path) -> dict[str, bytes]:
    """The hand-written pages and scripts that exist, by path."""
    return {path: (root / path).read_bytes() for path in HANDWRITTEN if (root / path).is_file()}
