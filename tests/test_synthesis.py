"""The benchmark's synthetic projects: valid, realistic in term density, the same every time."""

from __future__ import annotations

import statistics
from pathlib import Path

from build_tools.build import load_all
from build_tools.commands.bench import make_project
from build_tools.commands.synthesis import invent_slogans, synthesise_glossary, synthesise_texts
from build_tools.edition import Edition
from build_tools.problems import Problem
from build_tools.sources import Sources
from tests.sitebuild import PROJECT


def test_a_synthetic_project_loads_without_problems_and_finds_every_term(tmp_path: Path) -> None:
    make_project(PROJECT, tmp_path, articles=40, terms=400)
    _, edition, problems = load_all(tmp_path)
    assert problems == []  # every slogan is found, nothing hides a real term
    assert len(edition.texts) == 40 and len(edition.glossary) == 400
    found = {f.occurrence.term_id for f in edition.found}
    assert {e.id for e in edition.glossary} == found
    synthetic = [t for t in edition.texts if t.meta.id.startswith("syn-")]
    assert any(t.meta.script == "traditional" for t in synthetic)


def test_slogans_add_a_realistic_number_of_terms_per_article(tmp_path: Path) -> None:
    # Written in at 10 per article: the largest glossary adds about 15 distinct terms to an
    # article, not hundreds (stretches of real text, the first design, added 500).
    make_project(PROJECT, tmp_path / "small", articles=100, terms=100)
    make_project(PROJECT, tmp_path / "large", articles=100, terms=1000)
    editions = {size: load_all(tmp_path / size)[1] for size in ("small", "large")}
    per_article = {size: statistics.mean(len(_terms_in(edition, t.meta.id)) for t in edition.texts)
                   for size, edition in editions.items()}
    # Real terms the 100-term glossary leaves out also come with the larger one: not slogans.
    small_glossary = {e.id for e in editions["small"].glossary}
    real_left_out = statistics.mean(
        len({term for term in _terms_in(editions["large"], t.meta.id)
             if not term.startswith("syn-") and term not in small_glossary})
        for t in editions["large"].texts)
    assert 5 <= per_article["large"] - per_article["small"] - real_left_out <= 30
    # The corpus is the same whatever the glossary's size.
    for folder in ("texts", "annotations/texts"):
        small = {p.name: p.read_bytes() for p in (tmp_path / "small" / folder).iterdir()}
        large = {p.name: p.read_bytes() for p in (tmp_path / "large" / folder).iterdir()}
        assert small == large


def _terms_in(edition: Edition, text_id: str) -> set[str]:
    return {f.occurrence.term_id for f in edition.found_in_text(text_id)}


def test_synthesis_is_repeatable(loaded: tuple[Sources, Edition, list[Problem]]) -> None:
    sources, edition, _ = loaded
    slogans = invent_slogans(edition, 50)
    assert slogans == invent_slogans(edition, 50) and len(set(slogans)) == 50
    assert synthesise_texts(edition, sources, 12, slogans) == synthesise_texts(edition, sources, 12, slogans)
    assert synthesise_glossary(edition, 250, slogans) == synthesise_glossary(edition, 250, slogans)
