"""Run one raw text through the stages: decode -> clean (with script) -> structure -> ids."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from build_tools.annotations.anchors import Assignment, Ledger, assign, ledger_path
from build_tools.annotations.textmeta import TextMeta
from build_tools.model import Article, BlockKind, Cleaned
from build_tools.problems import Problem, problem, warning
from build_tools.sources import SourceFile, is_page
from build_tools.stages.clean import clean_lines
from build_tools.stages.decode import decode_bytes
from build_tools.stages.dump import chrome_lines, read_dump
from build_tools.stages.page import extract_page
from build_tools.stages.structure import structure_text


def build_article(raw: SourceFile, meta: TextMeta, site_chrome: frozenset[str] = frozenset()
                  ) -> tuple[Article | None, list[Problem]]:
    """Make the article of one text, or the problems that prevent it.

    ``site_chrome`` holds lines that recur in other texts of the same site (their keys).
    """
    digest = hashlib.sha256(raw.data).hexdigest()
    if digest != meta.sha256:
        return None, [problem(meta.path, *meta.position_of("sha256"), "source-changed",
                              f"{raw.path} changed since its metadata was written (sha256 is now "
                              f"{digest}); review the new text, then update sha256")]
    decoded, problems = decode_bytes(raw.data, raw.path, meta.encoding)
    if decoded is None:
        return None, problems
    if is_page(raw.path):  # a saved page: trafilatura's article, then the same stages as a dump
        page = extract_page(decoded.text, decoded.encoding)
        return assemble_article(raw, clean_lines("\n".join(page.lines), meta.convert), decoded.encoding, meta.title)
    chrome = chrome_lines(read_dump(decoded.text, site_chrome))
    return assemble_article(raw, clean_lines(decoded.text, meta.convert, chrome), decoded.encoding, meta.title)


def assemble_article(raw: SourceFile, cleaned: Cleaned, encoding: str, title: str
                     ) -> tuple[Article | None, list[Problem]]:
    """Structure a cleaned text into its article (``add-text`` calls this with the title it found)."""
    structured = structure_text(cleaned, title)
    if not any(b.kind is BlockKind.PARAGRAPH for b in structured.blocks):
        return None, [problem(raw.path, 1, 1, "no-body",
                              "no paragraph is left after cleaning: is this an article?")]
    return Article(
        text_id=raw.id, title=title, blocks=structured.blocks, encoding=encoding,
        dropped=structured.dropped, header=structured.header,
        kept_lines=sum(len(b.lines) for b in structured.blocks),
    ), []


def anchor_article(article: Article, ledger: Ledger | None) -> tuple[Article, Assignment, list[Problem]]:
    """Give the article's blocks their ids from the text's ledger; say if the ledger is behind.

    Without a ledger (a text just added) the positional ids stand, with a warning.
    """
    blocks = [(b.anchor[0], b.text) for b in article.blocks]
    assignment = assign(blocks, ledger.entries if ledger else ())
    path = ledger.path if ledger else ledger_path(article.text_id)
    fix = f"run 'python -m build_tools anchors --update {article.text_id}' and review the diff of {path}"
    problems = []
    if ledger is None:
        problems.append(warning(path, 1, 1, "missing-anchor-ledger", f"no ledger of block ids yet; {fix}"))
    elif set(assignment.ledger) != set(ledger.entries):
        changed = (f"{len(assignment.fuzzy)} edited, {len(assignment.new)} new, "
                   f"{len(assignment.retired)} retired block(s)")
        problems.append(problem(path, 1, 1, "anchors-outdated", f"the text's blocks changed ({changed}); {fix}"))
    numbered = tuple(replace(b, anchor=i, number=int(i[1:])) for b, i in zip(article.blocks, assignment.ids, strict=True))
    return replace(article, blocks=numbered, retired=tuple(assignment.successors().items())), assignment, problems
