"""Synthesise realistic corpora and glossaries from the real ones, for benchmarks.

A synthetic article takes one real text as its template: the same web debris, header
lines, indentation and script, with its body lines replaced by body lines drawn from
real texts of the same script (so Traditional text and pinyin garbage stay in the mix).

Synthetic glossary terms are invented slogans (人才振兴工程 shapes: characters of the
corpus and a programme word) written into the synthetic Simplified articles, each into
one to a few of them. Every slogan is written whatever the glossary's size, so a glossary
of 100 and one of 10,000 terms annotate the same corpus; with the largest glossary an
article carries about ``SLOGANS_PER_ARTICLE`` more terms than the real ones, the rate of
a glossary grown with its corpus. (Stretches of the real texts, tried first, occur in
every article that reuses their line: 547 distinct terms per article at 10,000 terms.)
Everything is seeded: the same arguments give the same corpus.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, replace

from build_tools.annotations.fmt import render_glossary_yaml, render_text_meta_yaml
from build_tools.annotations.glossary import GlossaryEntry, Scope, SourceRef, TraditionalForms
from build_tools.edition import CorpusText, Edition
from build_tools.model import DropRule
from build_tools.readings import expected_reading
from build_tools.sources import Sources, raw_text_path
from build_tools.stages.chars import HAN
from build_tools.stages.opencc_tables import undecided
from build_tools.traditional_forms import to_hant

HAN_CHARACTER = re.compile(f"[{HAN}]")
PROGRAMME_WORDS = ("工程", "行动", "机制", "模式", "计划", "示范点", "服务站", "攻坚战", "联盟", "品牌")
# Slogans written in per synthetic article: 10 gives 10,000 for a corpus of 1,000.
SLOGANS_PER_ARTICLE = 10
COMMA = re.compile("[,，]")


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
        title = next((d.number - 1 for d in text.article.dropped if d.rule is DropRule.TITLE), None)
        body = frozenset(n - 1 for block in text.article.blocks for n in block.lines)
        found.append(Template(text, lines, body, title))
    return found


def invent_slogans(edition: Edition, count: int, seed: int = 1) -> tuple[str, ...]:
    """``count`` distinct slogans that neither occur in the texts nor overlap a glossary form."""
    rng = random.Random(seed)
    corpus = "\n".join(block.text for text in edition.texts for block in text.article.blocks)
    characters = sorted(set(HAN_CHARACTER.findall(corpus)))
    forms = [form for entry in edition.glossary for form in (entry.term, *entry.variants)]
    every_form = "\n".join(forms)  # "inside some form" is one substring search
    slogans: dict[str, None] = {}
    while len(slogans) < count:
        stem = "".join(rng.choice(characters) for _ in range(rng.randint(2, 3)))
        slogan = stem + rng.choice(PROGRAMME_WORDS)
        if slogan in slogans or slogan in corpus or slogan in every_form or any(form in slogan for form in forms):
            continue
        slogans[slogan] = None
    return tuple(slogans)


def synthesise_texts(edition: Edition, sources: Sources, count: int, slogans: tuple[str, ...] = (),
                     seed: int = 1) -> dict[str, bytes]:
    """``count`` synthetic texts with their metadata, by path, with the slogans written in."""
    rng = random.Random(seed)
    patterns = templates(edition, sources)
    pools = {script: [t.lines[i] for t in patterns if t.text.meta.script == script for i in sorted(t.body)]
             for script in ("simplified", "traditional")}
    numbers = range(1, count + 1)
    placed = _place(slogans, [n for n in numbers if patterns[n % len(patterns)].text.meta.script == "simplified"],
                    rng)
    files: dict[str, bytes] = {}
    for number in numbers:
        template = patterns[number % len(patterns)]
        meta = template.text.meta
        pool = pools[meta.script]
        lines = [rng.choice(pool) if i in template.body else line for i, line in enumerate(template.lines)]
        _write_in(lines, sorted(template.body), placed.get(number, []), rng)
        title = f"{meta.title}（{number}）"
        if template.title_line is not None:
            lines[template.title_line] = f"{lines[template.title_line]}（{number}）"
        data = "\n".join(lines).encode(meta.encoding)
        text_id = f"syn-{number:05d}"
        # A site of their own: the real text's menus must not become site chrome through its copies.
        outlet = f"{meta.outlet}（合成）" if meta.outlet else None
        new_meta = replace(meta, id=text_id, title=title, outlet=outlet, sha256=hashlib.sha256(data).hexdigest())
        files[raw_text_path(text_id)] = data
        files[f"annotations/texts/{text_id}.yml"] = render_text_meta_yaml(new_meta).encode("utf-8")
    return files


def _place(slogans: tuple[str, ...], articles: list[int], rng: random.Random) -> dict[int, list[str]]:
    """Which slogans each article carries: every slogan in one, a third of them in more."""
    placed: dict[int, list[str]] = {}
    for slogan in slogans if articles else ():
        copies = 1
        while rng.random() < 1 / 3:
            copies += 1
        for _ in range(copies):
            placed.setdefault(rng.choice(articles), []).append(slogan)
    return placed


def _write_in(lines: list[str], body: list[int], slogans: list[str], rng: random.Random) -> None:
    """Write each slogan after a comma of a body line, as a clause of its own."""
    with_commas = [i for i in body if COMMA.search(lines[i])]
    for slogan in slogans if with_commas else ():
        index = rng.choice(with_commas)
        comma = rng.choice(list(COMMA.finditer(lines[index])))  # the scrape's own "," or "，"
        at = comma.end()
        lines[index] = f"{lines[index][:at]}实施{slogan}{comma.group(0)}{lines[index][at:]}"


def synthesise_glossary(edition: Edition, count: int, slogans: tuple[str, ...] = ()) -> dict[str, bytes]:
    """A glossary of ``count`` entries: real ones first, then the synthetic slogans."""
    real = sorted(edition.glossary, key=lambda e: e.id)[:count]
    kept = {e.id for e in real}
    files = {f"annotations/glossary/{e.id}.yml": render_glossary_yaml(_within(e, kept)).encode("utf-8")
             for e in real}
    wanted = count - len(files)
    if wanted > len(slogans):
        raise ValueError(f"{count} terms need {wanted} synthetic slogans; only {len(slogans)} were written in")
    for number, slogan in enumerate(slogans[:max(wanted, 0)], start=1):
        files[f"annotations/glossary/syn-{number:05d}.yml"] = render_glossary_yaml(
            _synthetic(slogan, number)).encode("utf-8")
    return files


def _within(entry: GlossaryEntry, kept: set[str]) -> GlossaryEntry:
    """Drop relations and component links to entries left out of a smaller glossary."""
    return replace(entry, related=tuple(r for r in entry.related if r.target in kept),
                   components=tuple(c if c.term in kept or c.term is None else replace(c, term=None)
                                    for c in entry.components))


def _synthetic(term: str, number: int) -> GlossaryEntry:
    return GlossaryEntry(
        id=f"syn-{number:05d}", path="", term=term, variants=(), pinyin_confirmed=(),
        pinyin=" ".join(expected_reading(term)), english=f"synthetic term {number}",
        kind="concept", summary=f"合成术语 {number}，用于性能测试。", basis="general",
        definition=f"合成术语“{term}”（据通行解释）。",
        components=(), scope=Scope(), sources=(SourceRef(None, None, 0, 0),), related=(), exclude=(),
        note=None, positions=(),
        # A term OpenCC cannot put in Traditional is settled as a contributor would settle it.
        traditional=TraditionalForms((to_hant(term),), "通行写法（合成术语）") if undecided(term) else None,
    )
