"""Command line: ``python -m build_tools COMMAND``. ``run(argv)`` returns the exit code."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from build_tools.add_text import cmd_add_text
from build_tools.benchmark import cmd_bench
from build_tools.candidates import cmd_candidates
from build_tools.change_summary import cmd_summary
from build_tools.edition import Edition, load_edition
from build_tools.fmt import format_annotation
from build_tools.memo import Memo
from build_tools.new_term import cmd_new_term
from build_tools.outputs import render_outputs
from build_tools.pdf import cmd_pdf
from build_tools.pdf import configure_parser as configure_pdf_parser
from build_tools.problems import Problem, format_problems, has_errors
from build_tools.repository import read_repository_url
from build_tools.schema_doc import cmd_schema
from build_tools.sources import Sources, read_sources
from build_tools.watch import watch
from build_tools.write import SourceChanged, write_outputs


def run(argv: list[str]) -> int:
    """Parse arguments and run one command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    return int(COMMANDS[args.command](args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="validate every text and annotation; write nothing")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    generate = sub.add_parser("generate", help="check everything, then write the Markdown pages")
    generate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    fmt = sub.add_parser("fmt", help="rewrite annotation files in canonical form")
    fmt.add_argument("--check", action="store_true",
                     help="write nothing; fail if a file is not canonical")
    fmt.add_argument("paths", nargs="*", type=Path,
                     help="annotation files (default: every file under annotations/)")
    sub.add_parser("watch", help="regenerate the pages whenever a text or annotation changes")
    serve = sub.add_parser("serve", help="preview the site: generate, run mkdocs serve, regenerate on change")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="IP:PORT",
                       help="where MkDocs serves the preview (default: %(default)s)")
    paragraphs = sub.add_parser("paragraphs", help="print a text's blocks with their anchors")
    paragraphs.add_argument("text_id")
    new_term = sub.add_parser(
        "new-term", help="draft annotations/glossary/<id>.yml for a term, with every place it occurs",
        description="Draft a glossary entry: every schema field, documented, with the pinyin proposed "
                    "and a concordance of the term in the texts to cite under sources:.")
    new_term.add_argument("term", help="the term in Simplified characters, as the texts write it")
    new_term.add_argument("--id", help="the entry's id (default: from the term's pinyin)")
    add_text = sub.add_parser(
        "add-text", help="copy a scraped article into texts/ and write the metadata detected in it",
        description="Copy a raw article byte for byte into texts/<id>.txt and write "
                    "annotations/texts/<id>.yml with what the pipeline detects.")
    add_text.add_argument("file", type=Path, help="the raw scraped article")
    add_text.add_argument("--id", help="the text's id (default: from the first syllables of its title)")
    candidates = sub.add_parser(
        "candidates", help="list likely policy terms that have no glossary entry yet",
        description="List quoted strings, numbered formulas and + models that no glossary term "
                    "covers, ranked by the number of texts and occurrences.")
    candidates.add_argument("--format", choices=("text", "markdown"), default="text",
                            help="text lines, or the contributors' Markdown page (default: text)")
    candidates.add_argument("--limit", type=int, metavar="N", help="show only the first N")
    schema = sub.add_parser("schema", help="print the annotation schema as Markdown (CONTRIBUTING.md embeds it)")
    schema.add_argument("--update", type=Path, metavar="FILE",
                        help="rewrite FILE's <!-- schema:start --> … <!-- schema:end --> block instead")
    configure_pdf_parser(sub.add_parser("pdf", help="check everything, then build the offline PDF"))
    bench = sub.add_parser("bench", help="benchmark generation against mkdocs build on synthetic corpora")
    bench.add_argument("--sizes", default="10,100,1000,5000", help="article counts (default: %(default)s)")
    bench.add_argument("--terms", default="100,1000,10000", help="glossary sizes (default: %(default)s)")
    bench.add_argument("--glossary-articles", type=int, default=1000,
                       help="articles for the glossary-size runs (default: %(default)s)")
    bench.add_argument("--mkdocs-sizes", default="10,100,1000", metavar="ARTICLES",
                       help="article counts to also build with mkdocs; 5000 adds about 5 minutes; "
                            "'' for none (default: %(default)s)")
    bench.add_argument("--pdf-sizes", default="5,10,20", metavar="TEXTS",
                       help="PDFs to build, by number of texts; '' for none (default: %(default)s)")
    summary = sub.add_parser("summary", help="describe in Markdown what this checkout changes on the pages")
    summary.add_argument("--base-root", type=Path, required=True, metavar="PATH",
                         help="a checkout of the base commit (git worktree add)")
    return parser


def load(root: Path, memo: Memo | None = None) -> tuple[Edition, list[Problem]]:
    """Read and check everything under root; the raw files' bytes are not kept."""
    _, edition, problems = load_all(root, memo)
    return edition, problems


def load_all(root: Path, memo: Memo | None = None) -> tuple[Sources, Edition, list[Problem]]:
    """Read and check everything under root, and return the sources too (synthesis reads them)."""
    sources, problems = read_sources(root)
    edition, more = load_edition(sources, memo)
    return sources, edition, problems + more


def report(problems: list[Problem], strict: bool) -> bool:
    """Print every problem once; return True when the build must stop."""
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for line in format_problems(problems, github=github):
        print(line, file=sys.stderr)
    failed = has_errors(problems, strict)
    if problems:
        errors = sum(p.severity.value == "error" for p in problems)
        print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return failed


def cmd_check(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    if report(problems, args.strict):
        return 1
    print(f"ok: {len(edition.texts)} texts, {len(edition.glossary)} glossary entries")
    return 0


def cmd_paragraphs(args: argparse.Namespace) -> int:
    edition, problems = load(args.root)
    text = edition.text(args.text_id)
    if text is None:
        report(problems, False)
        print(f"no text '{args.text_id}'", file=sys.stderr)
        return 1
    for block in text.article.blocks:
        print(f"{block.anchor}\t{block.kind.value}\t{block.text}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    return generate(args.root, args.strict)


def generate(root: Path, strict: bool, memo: Memo | None = None) -> int:
    """Load, check and, only if nothing stops the build, write the generated files."""
    # The sources are not kept: raw texts are copied from disk as they are written.
    edition, problems = load(root, memo)
    if report(problems, strict):
        print("nothing was written", file=sys.stderr)
        return 1
    outputs = render_outputs(edition, root, read_repository_url(root, os.environ), memo)
    try:
        written = write_outputs(outputs, root)
    except SourceChanged as err:
        print(f"error: {err}; nothing was written", file=sys.stderr)
        return 1
    print(f"generated {written.files} files ({written.changed} changed)")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    memo, _ = _first_build(args.root)
    print("watching texts/ and annotations/ (Ctrl-C to stop)", flush=True)
    return _regenerate_on_change(args.root, memo)


def cmd_serve(args: argparse.Namespace) -> int:
    """Generate, start ``mkdocs serve --dirty``, and regenerate while it runs.

    MkDocs only renders (no logic in MkDocs plugins), so this loop runs beside it: the
    writer touches only the files whose bytes change and MkDocs rebuilds just those
    pages. The preview is not strict: a dirty build always warns that it is one.
    """
    memo, code = _first_build(args.root)
    if code != 0:
        return 1  # MkDocs needs the pages; the problems are printed
    # Stopped by a signal, stop MkDocs too: SystemExit runs the cleanup below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mkdocs = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
                               "--dev-addr", args.dev_addr, "-f", str(args.root / "mkdocs.yml")], cwd=args.root)
    print(f"previewing at http://{args.dev_addr}/ ; regenerating on change (Ctrl-C to stop)", flush=True)
    try:
        _regenerate_on_change(args.root, memo, until=lambda: mkdocs.poll() is not None)
    finally:
        if mkdocs.poll() is None:
            mkdocs.terminate()
        mkdocs.wait()
    return 0 if mkdocs.returncode in (0, -signal.SIGTERM) else mkdocs.returncode


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
        if generate(root, False, memo) == 0:
            print(f"regenerated in {time.perf_counter() - started:.2f} s "
                  f"({memo.reused.total()} results reused, {memo.computed.total()} computed)", flush=True)
        memo.next_round()

    try:
        watch(root, rebuild, until=until)
    except KeyboardInterrupt:
        pass
    return 0


def cmd_fmt(args: argparse.Namespace) -> int:
    paths = args.paths or sorted((args.root / "annotations").rglob("*.yml"))
    problems: list[Problem] = []
    changed = []
    for path in paths:
        shown = path.relative_to(args.root).as_posix() if path.is_relative_to(args.root) else str(path)
        formatted, found = format_annotation(path.read_text(encoding="utf-8"), shown, path.stem)
        problems.extend(found)
        if formatted is not None and formatted.changed:
            changed.append(shown)
            if not args.check:
                path.write_text(formatted.text, encoding="utf-8")
    report(problems, False)
    verb = "would reformat" if args.check else "reformatted"
    for shown in changed:
        print(f"{verb} {shown}")
    if args.check and changed:
        print(f"{len(changed)} file(s) not in canonical form; fix with: python -m build_tools fmt",
              file=sys.stderr)
    return 1 if problems or (args.check and changed) else 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "fmt": cmd_fmt,
    "watch": cmd_watch,
    "serve": cmd_serve,
    "check": cmd_check,
    "generate": cmd_generate,
    "paragraphs": cmd_paragraphs,
    "new-term": cmd_new_term,
    "add-text": cmd_add_text,
    "candidates": cmd_candidates,
    "schema": cmd_schema,
    "summary": cmd_summary,
    "bench": cmd_bench,
    "pdf": cmd_pdf,
}
