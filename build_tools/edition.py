"""Load the whole edition: every text and annotation, checked, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.annotate import Found, build_index, find_terms
from build_tools.articles import build_article
from build_tools.glossary import GlossaryEntry, read_glossary_entry
from build_tools.glossary_checks import check_glossary
from build_tools.model import Article
from build_tools.problems import Problem, problem
from build_tools.relations import Edge, resolve_relations
from build_tools.sources import SourceFile, Sources
from build_tools.textmeta import TextMeta, read_text_meta
from build_tools.yamlfile import load_yaml


@dataclass(frozen=True)
class CorpusText:
    """A corpus text: its metadata and its structured article."""

    meta: TextMeta
    article: Article


@dataclass(frozen=True)
class Edition:
    """Everything the renderers need, complete and consistent."""

    texts: tuple[CorpusText, ...]
    glossary: tuple[GlossaryEntry, ...]
    found: tuple[Found, ...]  # every term occurrence, texts in id order, blocks in reading order
    edges: tuple[Edge, ...]  # typed relations, each present from both ends

    def text(self, text_id: str) -> CorpusText | None:
        """Find a corpus text by id."""
        return next((t for t in self.texts if t.meta.id == text_id), None)

    def related(self, term_id: str) -> tuple[Edge, ...]:
        """The relations of one term, as seen from it."""
        return tuple(edge for edge in self.edges if edge.source == term_id)

    def entry(self, term_id: str) -> GlossaryEntry | None:
        """Find a glossary entry by id."""
        return next((e for e in self.glossary if e.id == term_id), None)


def load_edition(sources: Sources) -> tuple[Edition, list[Problem]]:
    """Process every text and annotation, collecting every problem on the way."""
    problems: list[Problem] = []
    metas = _read_all(sources.text_meta, read_text_meta, problems)
    texts = _build_texts(sources.texts, {m.id: m for m in metas}, problems)
    glossary = _read_all(sources.glossary, read_glossary_entry, problems)
    index = build_index(glossary)
    found = tuple(f for t in texts for f in find_terms(t.meta.id, t.article.blocks, index))
    edges, relation_problems = resolve_relations(glossary)
    edition = Edition(tuple(texts), tuple(glossary), found, edges)
    problems.extend(relation_problems)
    problems.extend(check_glossary(edition))
    return edition, problems


def decode_yaml(source: SourceFile) -> tuple[str | None, list[Problem]]:
    """Decode an annotation file as UTF-8, the only encoding annotations may use."""
    try:
        return source.data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = source.data[: err.start].count(b"\n") + 1
        return None, [problem(source.path, line, 1, "not-utf8",
                              "annotation files must be UTF-8; re-save the file as UTF-8")]


def _read_all(files: tuple[SourceFile, ...], read, problems: list[Problem]) -> list:  # type: ignore[no-untyped-def]
    records = []
    for source in files:
        text, found = decode_yaml(source)
        if text is None:
            problems.extend(found)
            continue
        document, found = load_yaml(text, source.path)
        problems.extend(found)
        if document is None:
            if not found:
                problems.append(problem(source.path, 1, 1, "empty-file", "the file is empty"))
            continue
        record, found = read(document.root, source.path, source.id)
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records


def _build_texts(raws: tuple[SourceFile, ...], metas: dict[str, TextMeta],
                 problems: list[Problem]) -> list[CorpusText]:
    texts = []
    for raw in raws:
        meta = metas.get(raw.id)
        if meta is None:
            problems.append(problem(raw.path, 1, 1, "missing-metadata",
                                    f"no annotations/texts/{raw.id}.yml; create it with "
                                    f"'python -m build_tools add-text {raw.path}'"))
            continue
        article, found = build_article(raw, meta)
        problems.extend(found)
        if article is not None:
            texts.append(CorpusText(meta, article))
    known = {raw.id for raw in raws}
    for meta in metas.values():
        if meta.id not in known:
            problems.append(problem(meta.path, 1, 1, "missing-text",
                                    f"metadata for texts/{meta.id}.txt, which does not exist"))
    return texts
