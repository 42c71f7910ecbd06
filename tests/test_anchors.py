"""Persistent block ids: changes to a text's blocks never move an id to other text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from build_tools.annotations.anchors import (
    Assignment,
    LedgerEntry,
    _alike,
    assign,
    dump_ledger,
    fingerprint,
    read_ledger,
    resolve,
)
from build_tools.annotations.yamlfile import load_yaml
from build_tools.edition import Edition
from build_tools.stages import clean

Blocks = list[tuple[str, str]]
BLOCKS: Blocks = [
    ("s", "一、抓堡垒建设强功能"),
    ("p", "全县坚持把党的建设贯穿乡村振兴全过程，选优配强村党组织书记。"),
    ("p", "各村建立“一中心一张网十联户”治理机制，群众有事找网格员。"),
    ("c", "村民在积分超市兑换生活用品（供图：某县融媒体中心）"),
    ("p", "截至目前，全县发展村级集体经济项目120个，带动群众增收。"),
    ("s", "二、抓产业发展强支撑"),
    ("p", "坚持“一村一品”，发展林下经济和特色种养业，壮大主导产业。"),
    ("p", "同时建立利益联结机制，让农户分享产业增值收益。"),
]


def merged(blocks: Blocks, i: int) -> Blocks:
    return [*blocks[:i], ("p", blocks[i][1] + blocks[i + 1][1]), *blocks[i + 2:]]


def split(blocks: Blocks, i: int) -> Blocks:
    first, second = blocks[i][1].split("，", 1)
    return [*blocks[:i], ("p", first + "。"), ("p", second), *blocks[i + 1:]]


def with_text(blocks: Blocks, i: int, text: str) -> Blocks:
    return [*blocks[:i], (blocks[i][0], text), *blocks[i + 1:]]


CHANGES: dict[str, tuple[Callable[[Blocks], Blocks], tuple[int, int, int, int]]] = {
    # name: (change, (exact, fuzzy, new, retired))
    "debris phrase dropped": (lambda b: with_text(b, 4, b[4][1] + "（点击查看大图）"), (7, 1, 0, 0)),
    "typography only": (lambda b: with_text(b, 1, b[1][1].replace("，", ",").replace("。", ".")), (8, 0, 0, 0)),
    "two paragraphs merged": (lambda b: merged(b, 6), (6, 1, 0, 1)),
    "one paragraph split": (lambda b: split(b, 4), (7, 1, 1, 0)),
    "paragraph inserted": (lambda b: [*b[:2], ("p", "新插入的一段：全县召开专题会议部署工作。"), *b[2:]], (8, 0, 1, 0)),
    "paragraph deleted": (lambda b: [*b[:2], *b[3:]], (7, 0, 0, 1)),
    "headings reordered": (lambda b: [b[5], *b[1:5], b[0], *b[6:]], (8, 0, 0, 0)),
    "heading edited": (lambda b: with_text(b, 5, "二、抓产业发展强支撑作用"), (7, 1, 0, 0)),
    "paragraph repeated": (lambda b: [*b, b[7]], (8, 0, 1, 0)),
    "paragraph rewritten": (lambda b: with_text(b, 7, "另起炉灶，讲述完全不同的一件事情。"), (7, 0, 1, 1)),
}


def counts(assignment: Assignment) -> tuple[int, int, int, int]:
    return (len(assignment.exact), len(assignment.fuzzy), len(assignment.new), len(assignment.retired))


def first_ledger() -> tuple[LedgerEntry, ...]:
    return assign(BLOCKS, ()).ledger


def test_a_first_ledger_keeps_the_positional_ids() -> None:
    assert assign(BLOCKS, ()).ids == ("s1", "p1", "p2", "c1", "p3", "s2", "p4", "p5")


@pytest.mark.parametrize("name", CHANGES)
def test_a_change_never_gives_an_id_other_text(name: str) -> None:
    change, expected = CHANGES[name]
    before = first_ledger()
    blocks = change(BLOCKS)
    after = assign(blocks, before)
    assert counts(after) == expected
    now = dict(zip(after.ids, (fingerprint(t) for _, t in blocks), strict=True))
    for entry in before:
        live = resolve(after.ledger, entry.id)
        assert live in now, f"{entry.id} resolves to {live}, which is on no block"
        if live == entry.id:  # kept: the same or an edited form of the same text
            assert entry.text == now[live] or _alike(entry.text, now[live]), (entry.id, now[live])
    highest = max(e.number for e in before)
    assert all(int(i[1:]) > highest or i[0] != "p" for i in after.new if i[0] == "p")
    again = assign(blocks, after.ledger)
    assert again.ledger == after.ledger and counts(again) == (len(blocks), 0, 0, 0)


def test_a_merge_retires_the_second_id_onto_the_first() -> None:
    after = assign(merged(BLOCKS, 6), first_ledger())
    assert after.retired == ("p5",) and after.successors() == {"p5": "p4"}


def test_a_retired_id_of_a_retired_id_resolves_to_a_live_block() -> None:
    once = assign([*BLOCKS[:6], *BLOCKS[7:]], first_ledger()).ledger  # p4 goes
    twice = assign([*BLOCKS[:6]], once)  # then p5
    assert resolve(twice.ledger, "p4") in twice.ids and resolve(twice.ledger, "p5") in twice.ids


def test_ids_are_never_reused() -> None:
    gone = assign(BLOCKS[:-1], first_ledger())  # p5 retired
    back = assign([*BLOCKS[:-1], ("p", "全新的一段话，与以前的都不一样。")], gone.ledger)
    assert back.new == ("p6",)


def test_the_ledger_round_trips_byte_for_byte() -> None:
    ledger = assign(merged(BLOCKS, 6), first_ledger()).ledger
    text = dump_ledger(ledger)
    document, problems = load_yaml(text, "annotations/anchors/x.yml")
    assert problems == [] and document is not None
    entries, problems = read_ledger(document.root, "annotations/anchors/x.yml")
    assert problems == [] and entries == ledger and dump_ledger(entries) == text


@pytest.mark.parametrize("text, line", [
    ('p1: "甲"\nq: "乙"\n', 2),
    ('p1: "甲"\np2: {retired: p1}\n', 2),
    ('p1: "甲"\np2: [1, 2]\n', 2),
])
def test_a_malformed_ledger_is_located(text: str, line: int) -> None:
    document, _ = load_yaml(text, "a.yml")
    assert document is not None
    _, problems = read_ledger(document.root, "a.yml")
    assert [(p.line, p.code) for p in problems] == [(line, "bad-anchor-ledger")]


# --- The real edition -------------------------------------------------------------------

def test_every_published_anchor_keeps_its_block(edition: Edition) -> None:
    """The committed ledgers were made from today's positional anchors: p12 is still p12."""
    for text in edition.texts:
        counters: dict[str, int] = {}
        for block in text.article.blocks:
            counters[block.anchor[0]] = counters.get(block.anchor[0], 0) + 1
            assert block.anchor == f"{block.anchor[0]}{counters[block.anchor[0]]}", (text.meta.id, block.anchor)


def test_a_changed_cleaning_rule_moves_no_id_and_no_citation(edition: Edition,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every line mentioning 网格 as debris: the blocks change, no id changes meaning."""
    from build_tools.articles import build_article
    from build_tools.sources import read_sources
    from tests.sitebuild import PROJECT

    sources, _ = read_sources(PROJECT)
    monkeypatch.setattr(clean, "DEBRIS_TESTS", (*clean.DEBRIS_TESTS, (clean.DropRule.SYMBOLS, lambda s: "网格" in s)))
    moved = changed = 0
    for raw in sources.texts:
        text = edition.text(raw.id)
        assert text is not None
        article, _ = build_article(raw, text.meta)
        assert article is not None
        before = {b.anchor: fingerprint(b.text) for b in text.article.blocks}
        ledger = assign([(a[0], before[a]) for a in before], ()).ledger
        after = assign([(b.anchor[0], b.text) for b in article.blocks], ledger)
        now = dict(zip(after.ids, (fingerprint(b.text) for b in article.blocks), strict=True))
        changed += len(after.retired) + len(after.fuzzy)
        for anchor, old in before.items():
            live = resolve(after.ledger, anchor)
            moved += live == anchor and not (old == now[live] or _alike(old, now[live]))
        for entry in edition.glossary:
            for source in entry.sources:
                if source.text == raw.id and source.paragraph in before:
                    live = resolve(after.ledger, source.paragraph)
                    moved += live == source.paragraph and not _alike(before[live], now[live])
    assert changed > 0, "the changed rule should have changed some blocks"
    assert moved == 0


# --- Problems -----------------------------------------------------------------------------

LEDGER = "annotations/anchors/bijie-reform-pulse.yml"


def test_a_ledger_behind_the_text_and_a_missing_one_are_reported() -> None:
    from build_tools.build import load_and_check
    from tests.test_problems import REAL, with_files

    ledger = next(f for f in REAL.anchors if f.path == LEDGER).data.decode("utf-8")
    behind = ledger.replace('p1: "', 'p1: "旧', 1)
    _, problems = load_and_check(with_files({LEDGER: behind}))
    assert [(p.path, p.code) for p in problems if p.path == LEDGER] == [(LEDGER, "anchors-outdated")]
    assert "1 edited, 0 new, 0 retired" in next(p.message for p in problems if p.path == LEDGER)


def test_a_citation_of_a_retired_id_names_the_successor() -> None:
    from build_tools.build import load_and_check
    from tests.test_problems import REAL, G, cited, with_files

    ledger = next(f for f in REAL.anchors if f.path == LEDGER).data.decode("utf-8")
    retired = ledger + 'p99: {retired: p3, text: "曾经的一段"}\n'
    entry = cited("  - text: bijie-reform-pulse\n    paragraph: p99")
    _, problems = load_and_check(with_files({LEDGER: retired, G: entry}))
    found = [(p.code, p.message) for p in problems if p.path == G]
    assert [code for code, _ in found] == ["retired-paragraph"] and "cite p3" in found[0][1]


def test_a_text_without_a_ledger_warns_and_keeps_positional_ids(edition: Edition) -> None:
    from build_tools.articles import anchor_article

    text = edition.texts[0]
    anchored, _, problems = anchor_article(text.article, None)
    assert [p.code for p in problems] == ["missing-anchor-ledger"]
    assert [b.anchor for b in anchored.blocks] == [b.anchor for b in text.article.blocks]
