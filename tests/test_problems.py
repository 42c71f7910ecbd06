"""Every problem type, reported at its exact place with a message that says what to do.

Each case is the real corpus plus one hostile file (in memory; nothing is written), and
lists every problem reported *for that file*: path, line, column, code, and a piece of
the message.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from build_tools.build import load_and_check
from build_tools.problem_codes import CODES
from build_tools.sources import SourceFile, Sources, read_sources
from tests.sitebuild import PROJECT

G = "annotations/glossary/huang-ba.yml"
T = "annotations/texts/bijie-reform-pulse.yml"
P = "annotations/pdf.yml"
VALID = ("term: 黄粑\npinyin: huáng bā\nenglish: huangba cake\nkind: concept\nsummary: 摘要\nbasis: general\n"
         "definition: |\n  释义（据通行解释）。\nsources:\n  - general\n")


def swap(old: str, new: str) -> str:
    return VALID.replace(old, new, 1)


def cited(source: str) -> str:
    """VALID citing a corpus paragraph instead of general knowledge."""
    return VALID.replace("basis: general\n", "").replace("  - general", source, 1)


def meta(old: str, new: str) -> bytes:
    return (PROJECT / T).read_text(encoding="utf-8").replace(old, new, 1).encode("utf-8")


CASES: list[tuple[str, dict[str, str | bytes], list[tuple[int, int, str, str]]]] = [
    ("yaml-syntax", {G: "term: [黄粑\npinyin: x\n"}, [(2, 7, "yaml-syntax", "expected ',' or ']'")]),
    ("unclosed-quote", {G: swap("summary: 摘要", 'summary: "摘要')},
     [(5, 10, "yaml-syntax", "this quoted value never closes (the parser ran on to line 11)"),
      (11, 1, "yaml-syntax", "found unexpected end of stream")]),
    ("tab", {G: "term: 黄粑\nsources:\n\t- general\n"}, [(3, 1, "yaml-syntax", "not tabs")]),
    ("alias", {G: VALID + "exclude: [*a]\n"}, [(11, 11, "yaml-alias", "aliases (*name) are not allowed")]),
    ("alias-bomb", {G: VALID + 'note: &a ["lol","lol"]\nexclude: [*a,*a,*a]\n'},
     [(11, 7, "yaml-anchor", "anchors (&name) are not allowed")]),
    ("anchor", {G: swap("english: huangba cake", "english: &e huangba")}, [(3, 10, "yaml-anchor", "remove it")]),
    ("tag", {G: swap("english: huangba cake", "english: !!python/object:os.system x")},
     [(3, 10, "yaml-tag", "explicit tags")]),
    ("complex-key", {G: VALID + "? [a, b]\n: c\n"}, [(11, 3, "yaml-key", "keys must be plain text")]),
    ("deep", {G: VALID + "note: " + "[" * 14 + "]" * 14 + "\n"}, [(11, 19, "yaml-depth", "nested deeper")]),
    ("duplicate-key", {G: VALID + "kind: slogan\n"},
     [(11, 1, "duplicate-key", "key 'kind' is defined twice (first on line 4)")]),
    ("unknown-key", {G: VALID + "colour: red\n"}, [(11, 1, "unknown-key", "unknown key 'colour'")]),
    ("missing-key", {G: swap("english: huangba cake\n", "")}, [(1, 1, "missing-key", "'english' is missing")]),
    ("empty-value", {G: swap("english: huangba cake", 'english: ""')}, [(3, 10, "empty-value", "must not be empty")]),
    ("wrong-type", {G: swap("english: huangba cake", "english: [a, b]")}, [(3, 10, "wrong-type", "found a list")]),
    ("list-for-mapping", {G: "- term: 黄粑\n"}, [(1, 1, "wrong-type", "expected a mapping")]),
    ("truthy", {G: swap("english: huangba cake", "english: no")}, [(3, 10, "truthy", 'quote it: "no"')]),
    ("multi-line", {G: swap("english: huangba cake", "english: |\n  a\n  b")},
     [(3, 10, "multi-line", "single line")]),
    ("too-long", {G: swap("summary: 摘要", "summary: " + "长" * 161)}, [(5, 10, "too-long", "under 160")]),
    ("unknown-value", {G: swap("kind: concept", "kind: food")}, [(4, 7, "unknown-value", "'food' is not one of")]),
    ("bad-id", {G: VALID + "related:\n  - see_also: Bad_Id\n"}, [(12, 15, "bad-id", "'Bad_Id' is not an id")]),
    ("bad-anchor", {G: swap("  - general", "  - text: bijie-reform-pulse\n    paragraph: 5")},
     [(11, 16, "bad-anchor", "such as p12")]),
    ("bad-context", {G: VALID + "exclude:\n  - before: 等|…\n  - {}\n"},
     [(12, 13, "bad-context", "matches anything"), (13, 5, "bad-context", "needs 'before', 'after' or both")]),
    ("bad-relation", {G: VALID + "related:\n  - wu-ge-yi\n"}, [(12, 5, "bad-relation", "'- relation: term-id'")]),
    ("unknown-relation", {G: VALID + "related:\n  - cousin_of: wu-ge-yi\n"},
     [(12, 5, "unknown-relation", "'cousin_of' is not one of")]),
    ("empty-file", {G: ""}, [(1, 1, "empty-file", "the file is empty")]),
    ("not-utf8", {G: "term: 黄粑\n".encode("gbk")}, [(1, 1, "not-utf8", "re-save the file as UTF-8")]),
    ("duplicate-term", {G: swap("term: 黄粑\npinyin: huáng bā", "term: 五个一\npinyin: wǔ gè yī")},
     [(1, 7, "duplicate-term", "'五个一' is also defined in annotations/glossary/wu-ge-yi.yml")]),
    ("unknown-text", {G: cited("  - text: no-such-text\n    paragraph: p1")},
     [(9, 5, "unknown-text", "no text 'no-such-text'")]),
    ("unknown-paragraph", {G: cited("  - text: bijie-reform-pulse\n    paragraph: p999")},
     [(9, 5, "unknown-paragraph", "bijie-reform-pulse has no paragraph p999")]),
    ("definition-citation", {G: swap("  释义（据通行解释）。", "  释义（据通行解释）。\n  见 bijie-reform-pulse p999。")},
     [(9, 13, "unknown-paragraph", "the definition cites bijie-reform-pulse p999")]),
    ("citation-without-term", {G: cited("  - text: bijie-reform-pulse\n    paragraph: p1")},
     [(9, 5, "citation-without-term", "does not contain '黄粑'")]),
    ("unknown-term", {G: VALID + "related:\n  - see_also: no-such-term\n"},
     [(12, 15, "unknown-term", "no glossary entry 'no-such-term'")]),
    ("unknown-component", {G: VALID + "components:\n  - text: 部分\n    term: no-such-term\n"},
     [(12, 5, "unknown-term", "for component '部分'")]),
    ("self-relation", {G: VALID + "related:\n  - see_also: huang-ba\n"}, [(12, 15, "self-relation", "itself")]),
    ("term-not-found", {G: swap("term: 黄粑\npinyin: huáng bā", "term: 不存在的词\npinyin: bù cún zài de cí")}, [(1, 7, "term-not-found", "not found in any text")]),
    ("unused-variant", {G: swap("pinyin:", "variants:\n  - 黄粑粑粑\npinyin:")},
     [(3, 3, "unused-variant", "'黄粑粑粑' is not found")]),
    ("derivable-variant", {G: swap("pinyin:", "variants:\n  - 黃粑\npinyin:")},
     [(3, 3, "derivable-variant", "derived automatically")]),
    ("bad-pinyin", {G: swap("pinyin: huáng bā", "pinyin: 黄粑")}, [(2, 9, "bad-pinyin", "not pinyin")]),
    ("definition-too-complex", {G: swap("  释义（据通行解释）。", "  释义（据通行解释）。\n  " + "[" * 101)},
     [(8, 13, "definition-too-complex", "more than 100 '['")]),
    ("bad-date", {T: meta("date: null", "date: 2024/01/02")}, [(3, 7, "bad-date", "YYYY-MM-DD")]),
    ("bad-sha256", {T: meta("sha256: 9a", "sha256: zz9a")}, [(13, 9, "bad-sha256", "64 lowercase hex")]),
    ("missing-convert", {T: meta("script: simplified", "script: traditional")},
     [(11, 9, "missing-convert", "convert: t2s")]),
    ("short-title-not-in-title", {T: meta("title_source: editor", "title_source: editor\nshort_title: 改革新篇")},
     [(3, 14, "short-title-not-in-title", "is not taken from the title")]),
    ("note-without-chinese", {T: meta("note_zh:", "# note_zh:")},
     [(14, 7, "note-without-chinese", "a note needs note_zh")]),
    ("source-changed", {T: meta("sha256: 9a", "sha256: 0a")},
     [(13, 9, "source-changed", "texts/bijie-reform-pulse.txt changed")]),
    ("missing-text", {"annotations/texts/zz-orphan.yml": (PROJECT / T).read_bytes()},
     [(1, 1, "missing-text", "texts/zz-orphan.txt, which does not exist")]),
    ("missing-metadata", {"texts/zz-orphan.txt": (PROJECT / "texts/bijie-reform-pulse.txt").read_bytes()},
     [(1, 1, "missing-metadata", "python -m build_tools add-text")]),
    # annotations/pdf.yml: which whole-edition PDF the site offers
    ("pdf-unknown-text", {P: "texts:\n  - jinhaihu-113\n  - jinhaihu-114\n"},
     [(3, 5, "unknown-pdf-text", "'jinhaihu-114' is not a text of the edition")]),
    ("pdf-duplicate-text", {P: "texts: [jinhaihu-113, bijie-reform-pulse, jinhaihu-113]\n"},
     [(1, 43, "duplicate-pdf-text", "chosen twice")]),
    ("pdf-bad-number", {P: "max_texts: 0\n"}, [(1, 12, "bad-number", "at least 1")]),
    ("pdf-not-a-number", {P: "max_texts: fifty\n"}, [(1, 12, "bad-number", "'fifty' is not a whole number")]),
    ("pdf-unknown-key", {P: "max_text: 10\n"}, [(1, 1, "unknown-key", "expected one of: max_texts, texts")]),
    ("pdf-bad-id", {P: "texts: [Jinhaihu 113]\n"}, [(1, 9, "bad-id", "'Jinhaihu 113' is not an id")]),
]
# Codes exercised by other test files (decoding and file names need bytes or folders).
TESTED_ELSEWHERE = {
    "unexpected-file": "test_sources.py", "bad-file-name": "test_sources.py",
    "file-too-large": "test_problems.py", "too-large": "test_problems.py", "undecodable": "test_decode.py",
    "unknown-encoding": "test_decode.py", "binary": "test_decode.py", "mis-decoded": "test_problems.py",
    "no-body": "test_problems.py", "conflicting-relation": "test_relations.py",
    "part-of-cycle": "test_relations.py", "fmt-meaning": "test_fmt.py", "file-exists": "test_new_term.py",
    "duplicate-text": "test_add_text.py", "no-such-file": "test_add_text.py",
    "missing-anchor-ledger": "test_anchors.py", "anchors-outdated": "test_anchors.py",
    "bad-anchor-ledger": "test_anchors.py", "retired-paragraph": "test_anchors.py",
    "quote-not-in-paragraph": "test_quotations.py", "duplicate-id": "test_pages_in.py",
    "bad-url": "test_pages_in.py", "scope-unsupported": "test_scopes.py",
    "pinyin-differs": "test_readings.py", "bad-pinyin-confirmation": "test_readings.py",
    "unmarked-general": "test_basis.py", "basis-without-general": "test_basis.py",
    "pdf-text-changed": "test_pdf.py", "pdf-footnote-lost": "test_pdf.py", "pdf-layout": "test_reporter.py",
    "bad-environment": "test_reporter.py", "search-patch": "test_reporter.py",
    "missing-graphviz": "test_diagrams.py", "search-section-too-long": "test_search_sections.py",
    "undecided-traditional": "test_traditional_forms.py", "bad-traditional": "test_traditional_forms.py",
}

REAL, _ = read_sources(PROJECT)


def with_files(files: dict[str, str | bytes]) -> Sources:
    groups = {"texts": list(REAL.texts), "text_meta": list(REAL.text_meta), "glossary": list(REAL.glossary),
              "anchors": list(REAL.anchors), "pdf": list(REAL.pdf)}
    for path, content in files.items():
        group = ("texts" if path.startswith("texts/") else
                 "text_meta" if path.startswith("annotations/texts/") else
                 "anchors" if path.startswith("annotations/anchors/") else
                 "pdf" if path == P else "glossary")
        data = content.encode("utf-8") if isinstance(content, str) else content
        groups[group] = [f for f in groups[group] if f.path != path] + [SourceFile(Path(path).stem, path, data)]
    return replace(REAL, texts=tuple(groups["texts"]), text_meta=tuple(groups["text_meta"]),
                   glossary=tuple(groups["glossary"]), anchors=tuple(groups["anchors"]), pdf=tuple(groups["pdf"]))


@pytest.mark.parametrize("name, files, expected", CASES, ids=[c[0] for c in CASES])
def test_problem_is_located(name: str, files: dict[str, str | bytes],
                            expected: list[tuple[int, int, str, str]]) -> None:
    _, problems = load_and_check(with_files(files))
    mine = [p for p in problems if p.path in files]
    assert [(p.line, p.column, p.code) for p in mine] == [(line, col, code) for line, col, code, _ in expected]
    for found, (_, _, _, fragment) in zip(mine, expected, strict=True):
        assert fragment in found.message, found.message


def test_duplicate_term_is_reported_in_both_files() -> None:
    _, problems = load_and_check(with_files({G: swap("term: 黄粑", "term: 五个一")}))
    duplicate = [p.path for p in problems if p.code == "duplicate-term"]
    assert duplicate == [G, "annotations/glossary/wu-ge-yi.yml"]


def test_large_annotation_file_is_refused() -> None:
    _, problems = load_and_check(with_files({G: VALID + "note: " + "x" * 300_000 + "\n"}))
    assert [(p.path, p.code) for p in problems if p.path == G] == [(G, "file-too-large")]


def test_text_with_nothing_left_after_cleaning() -> None:
    debris = "欢迎访问 某某网!\n发表评论\n本类热点\n".encode()
    meta_text = (PROJECT / T).read_text(encoding="utf-8")
    import hashlib
    meta_text = re.sub(r"sha256: \w+", f"sha256: {hashlib.sha256(debris).hexdigest()}", meta_text)
    _, problems = load_and_check(with_files({"texts/bijie-reform-pulse.txt": debris, T: meta_text}))
    assert [(p.path, p.code) for p in problems if p.code == "no-body"] == [("texts/bijie-reform-pulse.txt", "no-body")]


def test_every_code_is_declared_and_tested() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT / "build_tools").rglob("*.py"))
    used = set(re.findall(r'(?:problem|warning|_at|AnnotationYamlError)\([^"]*?"([a-z0-9-]+)",', source, re.DOTALL))
    used |= set(re.findall(r'^\s+"([a-z]+(?:-[a-z0-9]+)+)", *$', source, re.MULTILINE)) & set(CODES)
    assert used - set(CODES) == set(), "declare these codes in build_tools/problem_codes.py"
    tested = {code for _, _, expected in CASES for _, _, code, _ in expected}
    tested |= {code for code, test_file in TESTED_ELSEWHERE.items()
               if code in (PROJECT / "tests" / test_file).read_text(encoding="utf-8")}
    assert set(CODES) - tested == set(), "add a located case for these codes"


@pytest.mark.parametrize("data, declared, expected", [
    ("去年，貴州省黔東南州實施鄉村振興行動，切實把基層黨組織建設成為堡壘。".encode("big5") * 20, "gb18030",
     (1, 1, "mis-decoded", "probably in another encoding")),
    (b"x" * (64 * 1024 * 1024 + 1), None, (1, 1, "too-large", "split it")),
])
def test_raw_text_problems_are_located(data: bytes, declared: str | None,
                                       expected: tuple[int, int, str, str]) -> None:
    from build_tools.stages.decode import decode_bytes

    decoded, problems = decode_bytes(data, "texts/x.txt", declared)
    assert decoded is None
    assert [(p.path, p.line, p.column, p.code) for p in problems] == [("texts/x.txt", *expected[:3])]
    assert expected[3] in problems[0].message


def test_very_long_line_and_very_large_file_give_correct_output() -> None:
    import hashlib

    from build_tools.annotations.textmeta import Place, TextMeta
    from build_tools.articles import build_article

    sentence = "新区始终以大安全、大稳定为总保障，着力抓实“四项行动”。"
    cases = [("标题\n" + sentence * 120_000, 1), ("标题\n" + (sentence + "\n") * 590_000, 590_000)]
    for text, paragraphs in cases:  # about 10 MB on one line; about 50 MB in lines
        data = text.encode("utf-8")
        meta = TextMeta(id="x", path="annotations/texts/x.yml", title="标题", title_source="text", date=None,
                        outlet=None, source_line=None, author=None, editor=None, place=Place(),
                        script="simplified", convert=None, encoding="utf-8",
                        sha256=hashlib.sha256(data).hexdigest(), note=None, positions=())
        article, problems = build_article(SourceFile("x", "texts/x.txt", data), meta)
        assert problems == [] and article is not None
        assert len(article.blocks) == paragraphs
        assert sum(len(b.text) for b in article.blocks) == len(text) - len("标题\n") - (paragraphs if paragraphs > 1 else 0)
