"""Run one raw text through the stages: decode -> clean (with script) -> structure."""

from __future__ import annotations

import hashlib

from build_tools.annotations.textmeta import TextMeta
from build_tools.model import Article, BlockKind, Cleaned
from build_tools.problems import Problem, problem
from build_tools.sources import SourceFile
from build_tools.stages.clean import clean_lines
from build_tools.stages.decode import decode_bytes
from build_tools.stages.structure import structure_text


def build_article(raw: SourceFile, meta: TextMeta) -> tuple[Article | None, list[Problem]]:
    """Make the article of one text, or the problems that prevent it."""
    digest = hashlib.sha256(raw.data).hexdigest()
    if digest != meta.sha256:
        return None, [problem(meta.path, *meta.position_of("sha256"), "source-changed",
                              f"{raw.path} changed since its metadata was written (sha256 is now "
                              f"{digest}); review the new text, then update sha256")]
    decoded, problems = decode_bytes(raw.data, raw.path, meta.encoding)
    if decoded is None:
        return None, problems
    return assemble_article(raw, clean_lines(decoded.text, meta.convert), decoded.encoding, meta.title)


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
