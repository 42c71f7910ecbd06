"""Load the whole edition: every text and annotation, checked, before anything is written."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from yaml.nodes import Node

from build_tools.annotations.anchors import Ledger, read_ledger_file
from build_tools.annotations.glossary import GlossaryEntry, read_glossary_entry
from build_tools.annotations.pdf_config import PdfConfig, read_pdf_config
from build_tools.annotations.relations import Edge, resolve_relations
from build_tools.annotations.textmeta import TextMeta, read_text_meta
from build_tools.annotations.yamlfile import load_yaml
from build_tools.articles import anchor_article, build_article
from build_tools.memo import Memo, remembered
from build_tools.model import Article
from build_tools.problems import Problem, problem
from build_tools.recurring import site_chrome
from build_tools.sources import SourceFile, Sources, raw_text_path
from build_tools.terms.annotate import Found, build_index, find_terms

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class CorpusText:
    """A corpus text: its metadata and its structured article."""

    meta: TextMeta
    article: Article
    raw_path: str = ""  # texts/<id>.txt or texts/<id>.html, as read

    @property
    def raw(self) -> str:
        """Where the raw file is, relative to the project."""
        return self.raw_path or raw_text_path(self.meta.id)


@dataclass(frozen=True)
class Edition:
    """Everything the renderers need, complete and consistent."""

    texts: tuple[CorpusText, ...]
    glossary: tuple[GlossaryEntry, ...]
    found: tuple[Found, ...]  # every term occurrence, texts in id order, blocks in reading order
    edges: tuple[Edge, ...]  # typed relations, each present from both ends
    pdf: PdfConfig = field(default_factory=PdfConfig)  # which whole-edition PDF to offer (annotations/pdf.yml)

    # Indexes, built once on first use: pages look things up per term and per text, and a
    # scan of every occurrence per term is quadratic at thousands of terms and texts.
    @functools.cached_property
    def _texts_by_id(self) -> dict[str, CorpusText]:
        return {t.meta.id: t for t in self.texts}

    @functools.cached_property
    def _entries_by_id(self) -> dict[str, GlossaryEntry]:
        return {e.id: e for e in self.glossary}

    @functools.cached_property
    def _edges_by_source(self) -> dict[str, tuple[Edge, ...]]:
        return _group(self.edges, lambda edge: edge.source)

    @functools.cached_property
    def _found_by_term(self) -> dict[str, tuple[Found, ...]]:
        return _group(self.found, lambda found: found.occurrence.term_id)

    @functools.cached_property
    def _found_by_text(self) -> dict[str, tuple[Found, ...]]:
        return _group(self.found, lambda found: found.text_id)

    @functools.cached_property
    def text_ids(self) -> frozenset[str]:
        """The id of every text, for checking what a citation names."""
        return frozenset(self._texts_by_id)

    @functools.cached_property
    def forms_digest(self) -> str:
        """See ``forms_digest``: equal digests, equal matches in equal texts."""
        return forms_digest(self.glossary)

    def texts_in_reading_order(self) -> list[CorpusText]:
        """Dated texts oldest first, then undated ones by title (dates are never guessed)."""
        return sorted(self.texts, key=lambda t: (t.meta.date is None, t.meta.date or "", t.meta.title))

    def text(self, text_id: str) -> CorpusText | None:
        """Find a corpus text by id."""
        return self._texts_by_id.get(text_id)

    def entry(self, term_id: str) -> GlossaryEntry | None:
        """Find a glossary entry by id."""
        return self._entries_by_id.get(term_id)

    def related(self, term_id: str) -> tuple[Edge, ...]:
        """The relations of one term, as seen from it."""
        return self._edges_by_source.get(term_id, ())

    def found_of_term(self, term_id: str) -> tuple[Found, ...]:
        """Every occurrence of one term, in reading order."""
        return self._found_by_term.get(term_id, ())

    def found_in_text(self, text_id: str) -> tuple[Found, ...]:
        """Every term occurrence in one text, in reading order."""
        return self._found_by_text.get(text_id, ())


def _group(items: Iterable[T], key: Callable[[T], str]) -> dict[str, tuple[T, ...]]:
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return {name: tuple(members) for name, members in groups.items()}


def load_edition(sources: Sources, memo: Memo | None = None) -> tuple[Edition, list[Problem]]:
    """Process every text and annotation, collecting every problem of a single file on the way.

    Checks that need the whole edition are ``checks.check_edition``, which the build runs next.

    With a memo (the preview loop), per-file results of earlier builds are reused
    wherever their inputs are unchanged.
    """
    problems: list[Problem] = []
    metas = _read_all(sources.text_meta, read_text_meta, problems, memo)
    written = {source.id for source in sources.text_meta}
    ledgers = {ledger.text_id: ledger for ledger in _read_all(sources.anchors, read_ledger_file, problems, memo)}
    by_id = {m.id: m for m in metas}
    texts = _build_texts(sources.texts, by_id, written, problems, memo, ledgers, site_chrome(sources.texts, by_id, memo))
    glossary = _read_all(sources.glossary, read_glossary_entry, problems, memo)
    index = build_index(glossary)
    # A text's matches depend on its article, which its metadata determines (the sha256 of
    # the raw text included), and on every term's forms and exclusions; nothing else.
    forms = forms_digest(glossary)
    found = tuple(f for t in texts for f in remembered(
        memo, "match", (t.meta, t.article.ids_key, forms), functools.partial(find_terms, t.meta.id, t.article.blocks, index)))
    edges, relation_problems = resolve_relations(glossary)
    configs = _read_all(sources.pdf, read_pdf_config, problems, memo)
    edition = Edition(tuple(texts), tuple(glossary), found, edges, configs[0] if configs else PdfConfig())
    problems.extend(relation_problems)
    return edition, problems


def forms_digest(glossary: Iterable[GlossaryEntry]) -> str:
    """A digest of every term's forms and exclusions: all that matching reads of the glossary."""
    return hashlib.sha256(repr([(e.id, e.term, e.variants, e.exclude) for e in glossary]).encode()).hexdigest()


def decode_yaml(source: SourceFile) -> tuple[str | None, list[Problem]]:
    """Decode an annotation file as UTF-8, the only encoding annotations may use."""
    try:
        return source.data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = source.data[: err.start].count(b"\n") + 1
        return None, [problem(source.path, line, 1, "not-utf8",
                              "annotation files must be UTF-8; re-save the file as UTF-8")]


Reader = Callable[[Node | None, str, str], tuple[R | None, list[Problem]]]


def _read_all(files: tuple[SourceFile, ...], read: Reader[R], problems: list[Problem],
              memo: Memo | None = None) -> list[R]:
    records = []
    for source in files:
        record, found = remembered(memo, f"read:{read.__name__}", source, functools.partial(_read_one, source, read))
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records


def _read_one(source: SourceFile, read: Reader[R]) -> tuple[R | None, list[Problem]]:
    text, found = decode_yaml(source)
    if text is None:
        return None, found
    document, more = load_yaml(text, source.path)
    if document is None:
        empty = [] if more else [problem(source.path, 1, 1, "empty-file", "the file is empty")]
        return None, found + more + empty
    record, last = read(document.root, source.path, source.id)
    return record, found + more + last


def _anchored_article(raw: SourceFile, meta: TextMeta, ledger: Ledger | None, chrome: frozenset[str]
                      ) -> tuple[Article | None, list[Problem]]:
    article, problems = build_article(raw, meta, chrome)
    if article is None:
        return None, problems
    anchored, _, more = anchor_article(article, ledger)
    return anchored, problems + more


def _build_texts(raws: tuple[SourceFile, ...], metas: dict[str, TextMeta], written: set[str],
                 problems: list[Problem], memo: Memo | None = None,
                 ledgers: dict[str, Ledger] | None = None,
                 chromes: dict[str, frozenset[str]] | None = None) -> list[CorpusText]:
    texts = []
    for raw in raws:
        meta = metas.get(raw.id)
        if meta is None and raw.id in written:
            continue  # its metadata file exists but has problems, reported already
        if meta is None:
            problems.append(problem(raw.path, 1, 1, "missing-metadata",
                                    f"no annotations/texts/{raw.id}.yml; create it with "
                                    f"'python -m build_tools add-text {raw.path}'"))
            continue
        ledger = (ledgers or {}).get(raw.id)
        chrome = (chromes or {}).get(raw.id, frozenset())
        article, found = remembered(memo, "article", (raw, meta, ledger, chrome),
                                    functools.partial(_anchored_article, raw, meta, ledger, chrome))
        problems.extend(found)
        if article is not None:
            texts.append(CorpusText(meta, article, raw.path))
    known = {raw.id for raw in raws}
    for meta in metas.values():
        if meta.id not in known:
            problems.append(problem(meta.path, 1, 1, "missing-text",
                                    f"metadata for {raw_text_path(meta.id)}, which does not exist"))
    return texts
