"""Run one raw text through decode -> clean -> convert -> structure."""

from __future__ import annotations

import hashlib

from build_tools.clean import clean_lines
from build_tools.decode import decode_bytes
from build_tools.model import Article, BlockKind, HeaderFields
from build_tools.problems import Problem, problem
from build_tools.script import convert, fold
from build_tools.sources import SourceFile
from build_tools.structure import Line, structure_lines
from build_tools.textmeta import TextMeta


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
    cleaned = clean_lines(decoded.text, fold)
    lines = tuple(Line(s, convert(s.text, meta.convert)) for s in cleaned.lines)
    blocks, title_lines, byline = structure_lines(lines, meta.title)
    if not any(b.kind is BlockKind.PARAGRAPH for b in blocks):
        return None, [problem(raw.path, 1, 1, "no-body",
                              "no paragraph is left after cleaning: is this an article?")]
    header = cleaned.header if byline is None else HeaderFields(
        cleaned.header.date, cleaned.header.source, cleaned.header.author or byline,
        cleaned.header.editor, cleaned.header.source_line)
    return Article(
        text_id=raw.id, title=meta.title, blocks=blocks, encoding=decoded.encoding,
        dropped=tuple(sorted(cleaned.dropped + title_lines, key=lambda d: d.number)),
        header=header, kept_lines=sum(len(b.lines) for b in blocks),
    ), []

