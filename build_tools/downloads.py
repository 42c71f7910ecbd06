"""What the site offers to download, decided in one place for its pages and the commands.

Each view of the site (the Simplified one at the root, the Traditional one under
``zh-Hant/``) has a PDF of every text at ``downloads/texts/<id>.pdf``: a text page links
``../../downloads/texts/<id>.pdf`` and so reaches its own view's. The whole-edition PDFs
stay at the root's ``downloads/``, built only as ``annotations/pdf.yml`` allows
(``plan_edition_pdf``); the home page says which, or why there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from build_tools.annotations.pdf_config import Chosen
from build_tools.edition import Edition

EDITION_PDFS = {"simplified": "downloads/edition.pdf", "traditional": "downloads/edition-zh-Hant.pdf"}
VIEWS = {"simplified": "", "traditional": "zh-Hant/"}  # where each script's view is in the site
TEXT_PDFS = "downloads/texts"  # in each view


def text_pdf_path(text_id: str, script: str = "simplified") -> str:
    """Where a text's PDF is, relative to the site's root."""
    return f"{VIEWS[script]}{TEXT_PDFS}/{text_id}.pdf"


def text_pdf_link(text_id: str) -> str:
    """The link to a text's PDF from its page (texts/<id>/), the same in both views."""
    return f"../../{TEXT_PDFS}/{text_id}.pdf"


class Extent(Enum):
    """What the whole-edition PDF holds, if it is built."""

    EDITION = "edition"
    SELECTION = "selection"
    NONE = "none"  # over the limit, and no texts chosen


@dataclass(frozen=True)
class EditionPdf:
    """The decision about the whole-edition PDF, and the facts that explain it."""

    extent: Extent
    texts: tuple[str, ...] | None  # the chosen ids (a selection), None for every text
    edition_texts: int  # how many texts the edition has
    max_texts: int  # the limit the decision was held to

    @property
    def built(self) -> bool:
        return self.extent is not Extent.NONE

    def describe(self, source: str) -> str:
        """One line for the command's output: what is built and why (``source`` names the setting)."""
        if self.extent is Extent.EDITION:
            return f"the whole edition, {self.edition_texts} texts (limit {self.max_texts}, {source})"
        if self.extent is Extent.SELECTION:
            return f"a selection of {len(self.texts or ())} of the edition's {self.edition_texts} texts ({source})"
        return (f"not built: the edition has {self.edition_texts} texts, over the limit of {self.max_texts} "
                f"({source}), and no texts are chosen; each text has its own PDF (text-pdfs). To build one "
                "anyway, choose its texts ('texts:' in annotations/pdf.yml, or --texts) or raise max_texts")


def plan_edition_pdf(edition: Edition, chosen: tuple[Chosen, ...] | None = None,
                     max_texts: int | None = None) -> EditionPdf:
    """Whether and of what to build the whole-edition PDF: the chosen texts if any (by default
    annotations/pdf.yml's), else every text while there are at most ``max_texts``."""
    chosen = edition.pdf.texts if chosen is None else chosen
    limit = edition.pdf.max_texts if max_texts is None else max_texts
    count = len(edition.texts)
    if chosen:
        ids = tuple(dict.fromkeys(item.text_id for item in chosen))
        return EditionPdf(Extent.SELECTION, ids, count, limit)
    return EditionPdf(Extent.EDITION if count <= limit else Extent.NONE, None, count, limit)
