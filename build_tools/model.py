"""The document model: frozen dataclasses passed between pipeline stages."""

from __future__ import annotations

import enum
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One non-blank line of a decoded raw text, whitespace-normalised."""

    number: int  # 1-based line number in the raw file, for problems and provenance
    text: str
    indented: bool  # the raw line began with white space (articles indent body text)
    blank_before: bool  # a blank line preceded it (separates heading groups)


class DropRule(enum.StrEnum):
    """Why a raw line is not part of the text: cleaning's debris rules and structure's finds."""

    HEADER = "header"  # date / source / author fields, lifted into HeaderFields
    EDITOR = "editor"
    BREADCRUMB = "breadcrumb"
    BANNER = "banner"
    COMMENT_FORM = "comment-form"
    WIDGET = "widget"
    LINK_FARM = "link-farm"
    CHANNEL = "channel"
    TRACKING_ID = "tracking-id"
    SYMBOLS = "symbols"
    CHROME = "chrome"  # site chrome around the article, by the main-content stage (see ``why``)
    TITLE = "title"  # the title line: it becomes the page title
    BYLINE = "byline"  # an issuing body or reporters under the title


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A raw line the cleaning stage removed, with the rule that removed it."""

    number: int
    text: str
    rule: DropRule
    why: str = ""  # the main-content stage's rule and score, for 'paragraphs --why'


@dataclass(frozen=True, slots=True)
class HeaderFields:
    """Metadata the cleaning stage found in date/source/author lines of the raw text."""

    date: str | None = None  # ISO 8601 date
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    source_line: str | None = None  # the raw line the fields came from


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Output of the cleaning stage."""

    lines: tuple[SourceLine, ...]  # in the text's own script
    simplified: tuple[str, ...]  # each kept line in Simplified, as the script stage gave it
    dropped: tuple[DroppedLine, ...]
    header: HeaderFields


class BlockKind(enum.Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"  # "1.组织一次集中劳动": a numbered item of a short list
    CAPTION = "caption"  # an image caption standing alone (the image itself is not in the source)
    ELLIPSIS = "ellipsis"  # a line of only "……": the author's own omission mark


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of a text, with the anchor readers cite it by."""

    kind: BlockKind
    text: str  # Simplified text, as shown and matched
    anchor: str  # "p12" for paragraphs and list items, "s3" for headings, "c2" for captions
    lines: tuple[int, ...]  # raw line numbers it came from
    original: str  # the same block in the source's own script (equal to text for Simplified)
    number: int = 0  # the block's number within its kind: 12 for p12, 3 for s3


@dataclass(frozen=True, slots=True)
class Article:
    """A text after every stage up to structure: what pages and the PDF are made from."""

    text_id: str
    title: str
    blocks: tuple[Block, ...]
    encoding: str
    dropped: tuple[DroppedLine, ...]
    header: HeaderFields
    kept_lines: int
    retired: tuple[tuple[str, str], ...] = ()  # (retired id, the live id it resolves to)

    def paragraph(self, anchor: str) -> Block | None:
        """Find a block by its anchor."""
        return next((b for b in self.blocks if b.anchor == anchor), None)

    @property
    def ids_key(self) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
        """Every id the text's ledger gave, live and retired: with the metadata, all a page's ids depend on."""
        return tuple(b.anchor for b in self.blocks), self.retired

    def successor(self, anchor: str) -> str | None:
        """The live id a retired id resolves to, or None if the id was never retired."""
        return dict(self.retired).get(anchor)
