"""``evaluate``: measure main-content extraction on the development corpus and the five seeds.

For every article and form (saved page via ``page``, text dump and its re-encoded variants
via ``main_content``) it prints body lines and sentences kept, chrome lines dropped, and
whether the title and date were found; then totals per form and the worst lines.

    python -m build_tools evaluate [--corpus DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_tools.stages.clean import clean_lines
from build_tools.stages.decode import decode_bytes
from build_tools.stages.main_content import MainContent, extract_main_content, numbered_lines
from build_tools.stages.page import decode_page, extract_page
from build_tools.stages.page_metadata import key
from build_tools.stages.pinyin_garbage import remove_pinyin_garbage
from build_tools.stages.script import fold
from build_tools.stages.typography import normalise_typography

CORPUS = Path("tests/corpus")  # relative to the project
SENTENCE = re.compile("(?<=[。！？])")
MIN_CONTAINED = 6  # a shorter line counts as kept only when a kept line or a cell of one equals it
# The targets, for every form: sentences kept, chrome dropped, titles, dates found.
TARGETS = {"sentences": 0.99, "chrome": 0.95, "titles": 0.90, "dates": 0.80}
# The targets: body and chrome for saved pages and for text dumps each; titles and
# dates over every file of the corpus, whichever form it is in.
PER_FORM = ("sentences", "chrome")
OVER_ALL = ("titles", "dates")


@dataclass(slots=True)
class Score:
    """Counts for one file, or a total over files."""

    body: int = 0
    body_kept: int = 0
    sentences: int = 0
    sentences_kept: int = 0
    chrome: int = 0
    chrome_dropped: int = 0
    files: int = 0
    titles: int = 0
    dated: int = 0
    dates: int = 0
    worst: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("body", "body_kept", "sentences", "sentences_kept", "chrome", "chrome_dropped",
                     "files", "titles", "dated", "dates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.worst += other.worst

    def shortfalls(self, names: tuple[str, ...] = tuple(TARGETS)) -> list[str]:
        """The targets (of ``names``) this score misses, each with its figure; empty when all are met."""
        figures = {"sentences": (self.sentences_kept, self.sentences), "chrome": (self.chrome_dropped, self.chrome),
                   "titles": (self.titles, self.files), "dates": (self.dates, self.dated)}
        return [f"{name} {part}/{whole} < {TARGETS[name]:.0%}" for name, (part, whole) in figures.items()
                if name in names and whole and part < TARGETS[name] * whole]

    def row(self, name: str) -> str:
        return (f"{name:<58} body {_pct(self.body_kept, self.body)} sent {_pct(self.sentences_kept, self.sentences)}"
                f" chrome {_pct(self.chrome_dropped, self.chrome)} title {self.titles}/{self.files}"
                f" date {self.dates}/{self.dated}")


def _pct(part: int, whole: int) -> str:
    return f"{part:>4}/{whole:<4}({100 * part / whole:5.1f}%)" if whole else f"{part:>4}/{whole:<4}(  -  )"


@dataclass(frozen=True, slots=True)
class Expect:
    """What one article's expectation file says."""

    title: str
    date: str | None
    body: tuple[str, ...]
    chrome: tuple[str, ...]


def find_corpus(root: Path = Path(".")) -> Path | None:
    """The development corpus, tests/corpus under the project, if it is there."""
    corpus = root / CORPUS
    return corpus if corpus.is_dir() else None


def load_expect(path: Path) -> Expect:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    date = str(data.get("date") or "")
    return Expect(str(data.get("title") or ""), date if re.match(r"\d{4}-\d\d-\d\d", date) else None,
                  tuple(str(x).strip() for x in data.get("body") or ()),
                  tuple(str(x).strip() for x in data.get("chrome") or ()))


def score(expect: Expect, kept: list[str], title: str | None, date: str | None,
          explain: dict[str, str]) -> Score:
    """Compare what was kept with the expectation."""
    keys = {key(k) for k in kept} | {cell for k in kept for cell in k.split()}  # table rows join cells
    joined = "\n".join(key(k) for k in kept)
    result = Score(files=1, titles=int(bool(title) and key(title or "") == key(expect.title)),
                   dated=int(expect.date is not None), dates=int(expect.date is not None and date == expect.date))
    if not result.titles:  # a missed title is listed with the lines, so a reader sees what was taken instead
        result.worst.append(f"TITLE MISSED  got {title!r} | {expect.title[:80]}")
    if result.dated and not result.dates:
        result.worst.append(f"DATE MISSED   got {date!r} | {expect.date}")
    for line in expect.body:
        found = _found(line, keys, joined)
        result.body, result.body_kept = result.body + 1, result.body_kept + found
        if not found:
            result.worst.append(f"BODY DROPPED  {explain.get(key(line), '')} | {line[:80]}")
        for sentence in (s for s in SENTENCE.split(line) if key(s)):
            result.sentences += 1
            result.sentences_kept += found or _found(sentence, keys, joined)
    for line in expect.chrome:
        found = key(line) in keys or (len(key(line)) >= 2 * MIN_CONTAINED and key(line) in joined)
        result.chrome, result.chrome_dropped = result.chrome + 1, result.chrome_dropped + (not found)
        if found:
            result.worst.append(f"CHROME KEPT   {explain.get(key(line), '')} | {line[:80]}")
    return result


def _found(line: str, keys: set[str], joined: str) -> bool:
    k = key(line)
    return k in keys or (len(k) >= MIN_CONTAINED and k in joined)


def decode_dump(data: bytes, path: str = "dump.txt") -> str:
    """A dump's text, decoded as the build decodes a raw text (every corpus file must decode)."""
    decoded, problems = decode_bytes(data, path)
    if decoded is None:
        raise ValueError("; ".join(p.format_text() for p in problems))
    return decoded.text


def recurring(site_dumps: dict[str, str], name: str) -> frozenset[str]:
    """Lines that recur in two or more other dumps of the same site: its chrome."""
    counts: Counter[str] = Counter()
    for other, text in site_dumps.items():
        if other != name:
            counts.update({key(line) for _, line in numbered_lines(text)})
    return frozenset(k for k, n in counts.items() if n >= 2)


def dump_result(result: MainContent) -> tuple[list[str], dict[str, str]]:
    kept = [d.text for d in result.kept()]
    return kept, {key(d.text): f"[{d.number} {d.role} {d.rule} {d.score:+.2f}]" for d in result.decisions}


def corpus_files(corpus: Path) -> Iterator[tuple[Path, Expect]]:
    for expect_path in sorted(corpus.glob("*/*.expect.yml")):
        yield expect_path, load_expect(expect_path)


def evaluate_corpus(corpus: Path, totals: dict[str, Score]) -> None:
    """Score every article of the corpus in every form it has."""
    for form, name, result in corpus_scores(corpus):
        _report(name, result, totals, form)


def corpus_scores(corpus: Path) -> Iterator[tuple[str, str, Score]]:
    """(form, file, score) for every article of the corpus: its saved page, its dump and variants."""
    for expect_path, expect in corpus_files(corpus):
        name = expect_path.name[: -len(".expect.yml")]
        site = expect_path.parent
        dumps = {p.name[: -len(".txt")]: p.read_text(encoding="utf-8") for p in site.glob("*.txt")
                 if p.name.count(".") == 1}
        html = site / f"{name}.html"
        if html.exists():
            decoded, problems = decode_page(html.read_bytes(), str(html))
            if decoded is None:
                raise ValueError("; ".join(p.format_text() for p in problems))
            page = extract_page(decoded.text, decoded.encoding)
            yield "html", f"{site.name}/{html.name}", score(expect, list(page.lines), page.title, page.date, {})
        corpus_lines = recurring(dumps, name)
        for variant in sorted(site.glob(f"{name}.*txt")):
            if variant.name[len(name):].count(".") > 2:
                continue
            result = extract_main_content(numbered_lines(decode_dump(variant.read_bytes())), corpus_lines)
            kept, explain = dump_result(result)
            s = score(expect, kept, result.header.title.value, result.header.date.value, explain)
            yield "text", f"{site.name}/{variant.name}", s


def evaluate_seeds(root: Path, totals: dict[str, Score]) -> None:
    """The seeds: the debris rules keep the body; the lines they drop (bar the header) are chrome."""
    for path in sorted((root / "texts").glob("*.txt")):
        text = decode_dump(path.read_bytes())
        cleaned = clean_lines(text, "t2s")
        meta = yaml.safe_load((root / "annotations" / "texts" / f"{path.stem}.yml").read_text(encoding="utf-8"))
        raw = dict(numbered_lines(text))
        chrome = tuple(raw[d.number] for d in cleaned.dropped if d.rule not in ("header", "editor"))
        expect = Expect(str(meta.get("title") or ""), meta.get("date"),
                        tuple(raw[s.number] for s in cleaned.lines), chrome)
        result = extract_main_content(numbered_lines(text))
        kept, explain = dump_result(result)
        title = result.header.title.value  # compared as the pipeline will show it: Simplified, typeset
        shown = fold(normalise_typography(remove_pinyin_garbage(title))) if title else None
        s = score(expect, kept, shown, result.header.date.value, explain)
        _report(f"seed/{path.name}", s, totals, "seeds")


def _report(name: str, result: Score, totals: dict[str, Score], form: str) -> None:
    print(result.row(name))
    totals.setdefault(form, Score()).add(result)


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``evaluate`` command."""
    evaluate = sub.add_parser("evaluate", help="measure main-content extraction on tests/corpus and the seeds")
    evaluate.add_argument("--corpus", type=Path, default=None, help="the corpus folder (default: tests/corpus)")
    evaluate.add_argument("--worst", type=int, default=40, help="how many worst lines to list")
    evaluate.set_defaults(run=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace) -> int:
    corpus = args.corpus or find_corpus(args.root)
    totals: dict[str, Score] = {}
    if corpus is not None:
        evaluate_corpus(corpus, totals)
    else:
        print("no corpus folder found; evaluating the seeds only", file=sys.stderr)
    evaluate_seeds(args.root, totals)
    print("\nTotals")
    corpus_total = Score()
    for form, total in totals.items():
        print(total.row(f"{form} ({total.files} files)"))
        if form != "seeds":
            corpus_total.add(total)
            if missed := total.shortfalls(PER_FORM):
                print(f"  below target: {'; '.join(missed)}")
    print(corpus_total.row(f"corpus, both forms ({corpus_total.files} files)"))
    if missed := corpus_total.shortfalls(OVER_ALL):
        print(f"  below target: {'; '.join(missed)}")
    worst = [w for form in ("html", "text", "seeds") if form in totals for w in totals[form].worst]
    print(f"\nWorst lines ({min(args.worst, len(worst))} of {len(worst)})")
    print("\n".join(sorted(worst, key=lambda w: (not w.startswith("BODY"), -len(w)))[: args.worst]))
    return 0

