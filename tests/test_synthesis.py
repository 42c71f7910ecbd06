"""The benchmark's synthetic projects: valid, realistic in term density, the same every time."""

from __future__ import annotations

import statistics
from pathlib import Path

from build_tools.benchmark import make_project
from build_tools.cli import load_all
from build_tools.edition import Edition
from build_tools.problems import Problem
from build_tools.sources import Sources
from build_tools.synthesis import invent_slogans, synthesise_glossary, synthesise_texts


def test_a_synthetic_project_loads_without_problems_and_finds_every_term(tmp_path: Path) -> None:
    make_project(Path.cwd(), tmp_path, articles=40, terms=400)
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
    make_project(Path.cwd(), tmp_path / "small", articles=100, terms=100)
    make_project(Path.cwd(), tmp_path / "large", articles=100, terms=1000)
    per_article = {}
    for size in ("small", "large"):
        _, edition, _ = load_all(tmp_path / size)
        per_article[size] = statistics.mean(
            len({f.occurrence.term_id for f in edition.found_in_text(t.meta.id)}) for t in edition.texts)
    assert 5 <= per_article["large"] - per_article["small"] - _real_terms_left_out(tmp_path) <= 30
    # The corpus is the same whatever the glossary's size.
    for folder in ("texts", "annotations/texts"):
        small = {p.name: p.read_bytes() for p in (tmp_path / "small" / folder).iterdir()}
        large = {p.name: p.read_bytes() for p in (tmp_path / "large" / folder).iterdir()}
        assert small == large


def _real_terms_left_out(root: Path) -> float:
    """Distinct real terms per article that the 100-term glossary leaves out."""
    _, edition, _ = load_all(root / "large")
    real = {p.stem for p in (root / "small/annotations/glossary").iterdir()}
    left_out = [len({f.occurrence.term_id for f in edition.found_in_text(t.meta.id)
                     if not f.occurrence.term_id.startswith("syn-") and f.occurrence.term_id not in real})
                for t in edition.texts]
    return statistics.mean(left_out)


def test_synthesis_is_repeatable(loaded: tuple[Sources, Edition, list[Problem]]) -> None:
    sources, edition, _ = loaded
    slogans = invent_slogans(edition, 50)
    assert slogans == invent_slogans(edition, 50) and len(set(slogans)) == 50
    assert synthesise_texts(edition, sources, 12, slogans) == synthesise_texts(edition, sources, 12, slogans)
    assert synthesise_glossary(edition, 250, slogans) == synthesise_glossary(edition, 250, slogans)
