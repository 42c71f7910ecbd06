"""The preview loop's memo: reused only for unchanged inputs, and never changes a page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from build_tools.build import generate
from build_tools.cli import run
from build_tools.memo import Memo
from tests.sitebuild import copy_project


def test_a_result_is_reused_for_the_same_inputs_only() -> None:
    memo, calls = Memo(), []

    def compute(value: str) -> str:
        calls.append(value)
        return value.upper()

    assert memo.get("stage", "a", lambda: compute("a")) == "A"
    memo.next_round()
    assert memo.get("stage", "a", lambda: compute("a")) == "A"
    assert memo.get("stage", "b", lambda: compute("b")) == "B"
    assert memo.get("other", "a", lambda: compute("a")) == "A"  # stages do not share results
    assert calls == ["a", "b", "a"]
    assert (memo.reused, memo.computed) == ({"stage": 1}, {"stage": 1, "other": 1})


def test_a_round_forgets_what_it_did_not_use() -> None:
    memo, calls = Memo(), []
    memo.get("stage", "a", lambda: calls.append("a"))
    memo.next_round()
    memo.get("stage", "b", lambda: calls.append("b"))
    memo.next_round()  # "a" was not used in the round that just ended
    memo.get("stage", "a", lambda: calls.append("a"))
    assert calls == ["a", "b", "a"]


def _generated(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for folder in ("docs/texts", "docs/glossary", "build/generated")
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


EDITS = {
    # an annotation's prose: every text and every match is reused
    "definition": ("annotations/glossary/wu-ge-yi.yml", "summary: ", "summary: （已修订）"),
    # a term's forms: every match is recomputed, texts are still reused
    "variant": ("annotations/glossary/si-zhua-si-qiang.yml", "term: 四抓四强", "term: 四抓四强\nvariants:\n  - 抓党建"),
    # a raw text: only that text is rebuilt
    "text": ("texts/jinhaihu-113.txt", "", ""),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_regeneration_through_the_memo_equals_a_cold_one(tmp_path: Path, edit: str) -> None:
    warm, cold = copy_project(tmp_path / "warm"), copy_project(tmp_path / "cold")
    memo = Memo()
    assert generate(warm, False, memo) == 0
    memo.next_round()
    path, old, new = EDITS[edit]
    for root in (warm, cold):
        if edit == "text":  # append a paragraph, and record the new digest as an editor would
            _append_paragraph(root, path)
        else:
            source = root / path
            content = source.read_text(encoding="utf-8")
            assert old in content
            source.write_text(content.replace(old, new, 1), encoding="utf-8")
    assert generate(warm, False, memo) == 0
    assert generate(cold, False) == 0
    assert _generated(warm) == _generated(cold)
    texts = len(list((warm / "texts").iterdir()))
    computed = memo.computed
    if edit == "definition":  # the entry is read again; panels show its summary, no text body is rendered again
        assert computed == {"read:read_glossary_entry": 1}
    elif edit == "variant":  # every text is matched and rendered again, none is cleaned again
        assert computed["match"] == computed["text body"] == texts and computed["candidates page"] == 1
        assert "article" not in computed
    else:  # the text is rebuilt and matched again, its metadata read again
        assert (computed["article"], computed["match"], computed["read:read_text_meta"]) == (1, 1, 1)


def _append_paragraph(root: Path, path: str) -> None:
    raw = root / path
    raw.write_bytes(raw.read_bytes() + "\n\n新增一段文字，实施“四抓四强”。\n".encode())
    meta = root / "annotations/texts" / (raw.stem + ".yml")
    content = meta.read_text(encoding="utf-8")
    old = yaml.safe_load(content)["sha256"]
    meta.write_text(content.replace(old, hashlib.sha256(raw.read_bytes()).hexdigest()), encoding="utf-8")
    assert run(["--root", str(root), "anchors", "--update", raw.stem]) == 0  # the new paragraph's id
