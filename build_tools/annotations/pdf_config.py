"""``annotations/pdf.yml``: which whole-edition PDF the site offers, as editors decide it.

A PDF of every text is worth having while the edition is small; at hundreds of texts it
runs to thousands of pages that no reader prints and that take an hour to lay out, and
each text's own PDF (``text-pdfs``) serves readers better. So the whole-edition PDF is
built while the edition has at most ``max_texts`` texts, or, when ``texts`` is given, of
those texts only (a selection: a reader's anthology), whatever the edition's size. The
file is optional; without it the limit is ``DEFAULT_MAX_TEXTS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import Node, ScalarNode, SequenceNode

from build_tools.annotations.schema import Field, mapping_items, slug, type_error
from build_tools.annotations.yamlfile import is_null, position
from build_tools.problems import Problem, problem

DEFAULT_MAX_TEXTS = 50  # about 550 pages and five minutes' layout on one core


@dataclass(frozen=True)
class Chosen:
    """A text chosen for the whole-edition PDF, and where its id is written (for problems)."""

    text_id: str
    line: int
    column: int


@dataclass(frozen=True)
class PdfConfig:
    """What ``annotations/pdf.yml`` says (its defaults when there is no such file)."""

    max_texts: int = DEFAULT_MAX_TEXTS
    texts: tuple[Chosen, ...] = ()  # a selection, in the order written; empty: the whole edition
    path: str = ""  # where it was read: PDF_CONFIG, or "" for the defaults (no file)


def count(node: Node, path: str) -> tuple[int | None, list[Problem]]:
    """A whole number of at least 1."""
    if not isinstance(node, ScalarNode) or is_null(node):
        return None, type_error(node, path, "a whole number")
    if not node.value.isdigit() or int(node.value) < 1:
        return None, [problem(path, *position(node), "bad-number",
                              f"'{node.value}' is not a whole number of at least 1")]
    return int(node.value), []


def chosen_ids(node: Node, path: str) -> tuple[tuple[Chosen, ...], list[Problem]]:
    """A list of text ids, each kept with its line and column."""
    if is_null(node):
        return (), []
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list of text ids")
    chosen, found = [], []
    for item in node.value:
        value, item_problems = slug(item, path)
        found.extend(item_problems)
        if value:
            chosen.append(Chosen(value, *position(item)))
    return tuple(chosen), found


PDF_FIELDS = (
    Field("max_texts", count, False,
          f"build the whole-edition PDF while the edition has at most this many texts "
          f"(default {DEFAULT_MAX_TEXTS}); each text always has its own PDF", "50"),
    Field("texts", chosen_ids, False,
          "or build it of these texts only (ids of annotations/texts/), in reading order, "
          "whatever the edition's size: a selection", "[jinhaihu-113, bijie-2022-review]"),
)


def read_pdf_config(root: Node | None, path: str, _id: str = "") -> tuple[PdfConfig | None, list[Problem]]:
    """Validate ``annotations/pdf.yml`` and build its record (an empty file: the defaults)."""
    if root is None:
        return PdfConfig(path=path), []
    values, found = mapping_items(root, path, PDF_FIELDS)
    if found:
        return None, found
    return PdfConfig(values.get("max_texts") or DEFAULT_MAX_TEXTS, values.get("texts") or (), path), []
