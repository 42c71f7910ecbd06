"""Re-attach glossary citations whose paragraph no longer holds the words they rest on.

A citation rests on words of its paragraph: a ``sources`` item on its ``quote`` (or, when
it has none, on the term or a variant), a quotation in prose on the quotation itself. When
the text's blocks change (a merge, a split, a retired id), the words are looked up in the
same text and the citation is pointed at the one paragraph that holds them. A citation
whose words are in no paragraph, or in several, is reported and left for an editor. The
edits are computed here, as values; ``anchors --reattach`` writes them. Re-running after
writing finds nothing to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_tools.annotations.definitions import cited_passages, quotes_verbatim
from build_tools.annotations.glossary import GlossaryEntry, SourceRef
from build_tools.annotations.yamlfile import load_yaml
from build_tools.edition import CorpusText, Edition
from build_tools.quotations import quotations_of


@dataclass(frozen=True)
class Reattachment:
    """One citation to move: in ``path``, replace ``old`` (at ``offset``) with ``new``."""

    path: str
    line: int
    offset: int  # in the file's text
    old: str
    new: str
    reason: str


@dataclass(frozen=True)
class Stranded:
    """A citation whose words cannot be placed in exactly one paragraph."""

    path: str
    line: int
    message: str


def find_reattachments(edition: Edition, files: dict[str, str]) -> tuple[list[Reattachment], list[Stranded]]:
    """Every citation edit the current blocks call for; ``files`` maps glossary paths to their text."""
    moves: list[Reattachment] = []
    stranded: list[Stranded] = []
    for entry in edition.glossary:
        text = files.get(entry.path)
        if text is None:
            continue
        prose = list(_prose_moves(entry, edition, text))
        spans = [(m.offset, m.offset + len(m.old)) for m in prose if isinstance(m, Reattachment)]
        for found in (*_source_moves(entry, edition, text), *prose, *_retired_moves(entry, edition, text, spans)):
            if isinstance(found, Reattachment):
                moves.append(found)
            else:
                stranded.append(found)
    return moves, stranded


def apply(text: str, moves: list[Reattachment]) -> str:
    """The file's text with these edits made (last first, so offsets stay right)."""
    for move in sorted(moves, key=lambda m: m.offset, reverse=True):
        assert text[move.offset: move.offset + len(move.old)] == move.old
        text = text[:move.offset] + move.new + text[move.offset + len(move.old):]
    return text


Holds = Callable[[str], bool]


def _holders(text: CorpusText, holds: Holds) -> list[str]:
    return [b.anchor for b in text.article.blocks if holds(b.text)]


def _source_moves(entry: GlossaryEntry, edition: Edition, file_text: str) -> Iterator[Reattachment | Stranded]:
    nodes = _paragraph_nodes(file_text, entry.path)
    for source, node in zip([s for s in entry.sources if s.text], nodes, strict=False):
        text = edition.text(source.text or "")
        if text is None or node is None:
            continue
        holds = _rests_on(entry, source)
        block = text.article.paragraph(source.paragraph or "")
        if block is not None and holds(block.text):
            continue
        holders = _holders(text, holds)
        what = f"'{source.quote}'" if source.quote else f"'{entry.term}'"
        if len(holders) != 1:
            yield Stranded(entry.path, source.line, f"{source.text} {source.paragraph}: {what} is in "
                           f"{len(holders)} paragraphs ({'、'.join(holders[:5]) or 'none'}); choose one by hand")
            continue
        offset = _offset(file_text, node)
        yield Reattachment(entry.path, node.start_mark.line + 1, offset, str(source.paragraph), holders[0],
                           f"{what} is now in {source.text} {holders[0]}")


def _rests_on(entry: GlossaryEntry, source: SourceRef) -> Holds:
    if source.quote:
        return _quoting(source.quote)
    forms = (entry.term, *entry.variants)
    return lambda passage: any(form in passage for form in forms)


def _prose_moves(entry: GlossaryEntry, edition: Edition, file_text: str) -> Iterator[Reattachment | Stranded]:
    for _, quotation, text_id, anchors, line in quotations_of(entry):
        text = edition.text(text_id)
        if text is None:
            continue
        blocks = [text.article.paragraph(a) for a in anchors]
        if None not in blocks and quotes_verbatim(quotation, "".join(b.text for b in blocks if b)):
            continue
        holders = _holders(text, _quoting(quotation))
        cited = "、".join(anchors)
        old = f"（{text_id} {cited}"
        offset = file_text.find(old, file_text.find(quotation[-8:]) if quotation else 0)
        if len(holders) != 1 or offset < 0:
            yield Stranded(entry.path, line, f"“{quotation}” ({text_id} {cited}) is in "
                           f"{len(holders)} paragraphs ({'、'.join(holders[:5]) or 'none'}); fix it by hand")
            continue
        yield Reattachment(entry.path, line, offset, old, f"（{text_id} {holders[0]}",
                           f"the quotation is now in {text_id} {holders[0]}")


def _retired_moves(entry: GlossaryEntry, edition: Edition, file_text: str,
                   taken: list[tuple[int, int]]) -> Iterator[Reattachment]:
    """A citation in running text of an id that was retired follows its successor."""
    for text_id, anchor, _ in cited_passages(entry.definition):
        text = edition.text(text_id)
        successor = text.article.successor(anchor) if text and text.article.paragraph(anchor) is None else None
        if not successor:
            continue
        old = f"{text_id} {anchor}"
        for match in re.finditer(rf"(?<![a-z0-9-]){re.escape(old)}(?![0-9])", file_text):
            if not any(start <= match.start() < end for start, end in taken):
                yield Reattachment(entry.path, file_text[:match.start()].count("\n") + 1, match.start(), old,
                                   f"{text_id} {successor}", f"{anchor} was retired onto {successor}")
                taken.append((match.start(), match.end()))


def _quoting(quotation: str) -> Holds:
    return lambda passage: quotes_verbatim(quotation, passage)


def _paragraph_nodes(file_text: str, path: str) -> list[ScalarNode | None]:
    """The ``paragraph:`` value node of each text source, in order (None for a malformed one)."""
    document, _ = load_yaml(file_text, path)
    root = document.root if document else None
    sources = _value(root, "sources")
    if not isinstance(sources, SequenceNode):
        return []
    found = []
    for item in sources.value:
        if isinstance(item, MappingNode):
            node = _value(item, "paragraph")
            found.append(node if isinstance(node, ScalarNode) else None)
    return found


def _value(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((value for name, value in node.value if getattr(name, "value", None) == key), None)


def _offset(file_text: str, node: ScalarNode) -> int:
    lines = file_text.split("\n")
    return sum(len(line) + 1 for line in lines[:node.start_mark.line]) + node.start_mark.column
