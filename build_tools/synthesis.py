"""Synthesise realistic corpora and glossaries from the real ones, for benchmarks.

A synthetic article takes one real text as its template: the same web debris, header
lines, indentation and script, with its body lines replaced by body lines drawn from
real texts of the same script (so Traditional text and pinyin garbage stay in the mix).
Synthetic glossary terms are stretches of real running text, so they occur at the rates
real phrases do. Everything is seeded: the same arguments give the same corpus.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, replace

from pypinyin import Style, lazy_pinyin

from build_tools.edition import CorpusText, Edition
from build_tools.fmt import render_glossary_yaml, render_text_meta_yaml
from build_tools.glossary import GlossaryEntry, Scope, SourceRef
from build_tools.sources import Sources

HAN_RUN = re.compile("[\u4e00-\u9fff]{4,}")


@dataclass(frozen=True)
class Template:
    """A real text as a pattern: its raw lines, which are body, which is the title."""

    text: CorpusText
    lines: tuple[str, ...]
    body: frozenset[int]  # 0-based indexes of raw lines that became blocks
    title_line: int | None


def templates(edition: Edition, sources: Sources) -> list[Template]:
    """One template per real text."""
    raw = {f.id: f.data.decode(t.meta.encoding) for f in sources.texts
           for t in edition.texts if t.meta.id == f.id}
    found = []
    for text in edition.texts:
        lines = tuple(raw[text.meta.id].split("\n"))
        title = next((d.number - 1 for d in text.article.dropped if d.rule == "title"), None)
        body = frozenset(n - 1 for block in text.article.blocks for n in block.lines)
        found.append(Template(text, lines, body, title))
    return found


def synthesise_texts(edition: Edition, sources: Sources, count: int, seed: int = 1) -> dict[str, bytes]:
    """``count`` synthetic texts with their metadata, by path."""
    rng = random.Random(seed)
    patterns = templates(edition, sources)
    pools = {script: [t.lines[i] for t in patterns if t.text.meta.script == script for i in sorted(t.body)]
             for script in ("simplified", "traditional")}
    files: dict[str, bytes] = {}
    for number in range(1, count + 1):
        template = patterns[number % len(patterns)]
        meta = template.text.meta
        pool = pools[meta.script]
        lines = [rng.choice(pool) if i in template.body else line for i, line in enumerate(template.lines)]
        title = f"{meta.title}（{number}）"
        if template.title_line is not None:
            lines[template.title_line] = f"{lines[template.title_line]}（{number}）"
        data = "\n".join(lines).encode(meta.encoding)
        text_id = f"syn-{number:05d}"
        new_meta = replace(meta, id=text_id, title=title, sha256=hashlib.sha256(data).hexdigest())
        files[f"texts/{text_id}.txt"] = data
        files[f"annotations/texts/{text_id}.yml"] = render_text_meta_yaml(new_meta).encode("utf-8")
    return files


def synthesise_glossary(edition: Edition, count: int, seed: int = 1) -> dict[str, bytes]:
    """A glossary of ``count`` entries: real ones first, then phrases of the real texts."""
    real = sorted(edition.glossary, key=lambda e: e.id)[:count]
    kept = {e.id for e in real}
    files = {f"annotations/glossary/{e.id}.yml": render_glossary_yaml(_within(e, kept)).encode("utf-8")
             for e in real}
    taken = {form for e in edition.glossary for form in (e.term, *e.variants)}
    rng = random.Random(seed)
    runs = [run for text in edition.texts for block in text.article.blocks for run in HAN_RUN.findall(block.text)]
    number = 0
    while len(files) < count:
        run = rng.choice(runs)
        length = rng.randint(3, min(6, len(run)))
        start = rng.randrange(len(run) - length + 1)
        term = run[start:start + length]
        if term in taken or any(term in form or form in term for form in taken if len(form) <= 6 and form[:1] == term[:1]):
            continue
        taken.add(term)
        number += 1
        files[f"annotations/glossary/syn-{number:05d}.yml"] = render_glossary_yaml(_synthetic(term, number)).encode("utf-8")
    return files


def _within(entry: GlossaryEntry, kept: set[str]) -> GlossaryEntry:
    """Drop relations and component links to entries left out of a smaller glossary."""
    return replace(entry, related=tuple(r for r in entry.related if r.target in kept),
                   components=tuple(c if c.term in kept or c.term is None else replace(c, term=None)
                                    for c in entry.components))


def _synthetic(term: str, number: int) -> GlossaryEntry:
    return GlossaryEntry(
        id=f"syn-{number:05d}", path="", term=term, variants=(),
        pinyin=" ".join(lazy_pinyin(term, style=Style.TONE)), english=f"synthetic term {number}",
        kind="concept", summary=f"合成术语 {number}，用于性能测试。", definition=f"合成术语“{term}”。",
        components=(), scope=Scope(), sources=(SourceRef(None, None, 0, 0),), related=(), exclude=(),
        note=None, positions=(),
    )
