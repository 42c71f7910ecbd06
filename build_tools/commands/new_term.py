"""``new-term``: draft a glossary entry, with a concordance of the term in the texts.

The draft lists every field of the schema in declaration order, each with its
documentation as a comment, fills in what can be proposed (the term, its pinyin) and
leaves the rest to the contributor. Where the term occurs is evidence for ``sources:``,
so every occurrence in the cleaned texts is listed there as a ready-made citation.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from build_tools.annotations.fmt import scalar
from build_tools.annotations.glossary import GLOSSARY_FIELDS
from build_tools.annotations.romanise import propose_id, propose_pinyin
from build_tools.annotations.schema import KIND_LABELS
from build_tools.annotations.yamlfile import load_yaml, position
from build_tools.build import load_all, report
from build_tools.edition import Edition, decode_yaml
from build_tools.problems import Problem, problem
from build_tools.sources import GLOSSARY, TEXT_META, TEXTS, SourceFile, check_id
from build_tools.stages.script import fold
from build_tools.terms.annotate import matchable_span, term_forms
from build_tools.terms.matching import TermForms, TermIndex

CONTEXT = 30  # characters shown each side of an occurrence


@dataclass(frozen=True)
class Sighting:
    """One occurrence of a term in a block of a corpus text."""

    text_id: str
    anchor: str
    before: str
    form: str
    after: str
    inside: str | None  # a longer glossary form the matcher links here instead


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``new-term`` command."""
    new_term = sub.add_parser(
        "new-term", help="draft annotations/glossary/<id>.yml for a term, with every place it occurs",
        description="Draft a glossary entry: every schema field, documented, with the pinyin proposed "
                    "and a concordance of the term in the texts to cite under sources:.")
    new_term.add_argument("term", help="the term in Simplified characters, as the texts write it")
    new_term.add_argument("--id", help="the entry's id (default: from the term's pinyin)")
    new_term.set_defaults(run=cmd_new_term)


def find_sightings(edition: Edition, term: str, term_id: str) -> tuple[Sighting, ...]:
    """Every occurrence of term in the texts, noting where a longer glossary term wins."""
    alone = TermIndex([TermForms(term_id, (term,))])
    together = TermIndex([*(term_forms(e) for e in edition.glossary), TermForms(term_id, (term,))])
    sightings = []
    for text in edition.texts:
        for block in text.article.blocks:
            start, end = matchable_span(block)
            winners = together.find(block.text, start, end)
            for found in alone.find(block.text, start, end):
                inside = next((w.form for w in winners if w.term_id != term_id
                               and w.start < found.end and found.start < w.end), None)
                sightings.append(Sighting(text.meta.id, block.anchor, _left(block.text, found.start),
                                          term, _right(block.text, found.end), inside))
    return tuple(sightings)


def _left(text: str, start: int) -> str:
    return ("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT):start]


def _right(text: str, end: int) -> str:
    return text[end:end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")


def check_new_term(term: str, term_id: str, glossary: tuple[SourceFile, ...], root: Path
                   ) -> list[Problem]:
    """Why this term cannot get a new entry under this id: all reasons at once."""
    path = f"{GLOSSARY}/{term_id}.yml"
    problems = []
    if not term:
        problems.append(problem(path, 1, 1, "empty-value", "the term is empty"))
    elif "\n" in term:
        problems.append(problem(path, 1, 1, "multi-line", "give the term as one line of text"))
    if message := check_id(term_id):
        problems.append(problem(path, 1, 1, "bad-id", f"{message}; choose an id with --id"))
    elif (root / path).exists():
        problems.append(problem(path, 1, 1, "file-exists",
                                "this file already exists; edit it, or choose another id with --id"))
    return problems + find_defined({term, fold(term)}, glossary)


def find_defined(forms: set[str], glossary: tuple[SourceFile, ...]) -> list[Problem]:
    """A problem at each place a glossary file already gives one of these forms."""
    problems = []
    for source in glossary:
        text, _ = decode_yaml(source)
        document, _ = load_yaml(text, source.path) if text is not None else (None, [])
        if document is None or not isinstance(document.root, MappingNode):
            continue  # 'check' reports broken files
        for key, value in document.root.value:
            for node in _form_nodes(key, value):
                if node.value.strip() in forms:
                    problems.append(problem(
                        source.path, *position(node), "duplicate-term",
                        f"'{node.value.strip()}' is already defined here (as {key.value}); "
                        "improve this entry instead of starting a new one"))
    return problems


def _form_nodes(key: Node, value: Node) -> list[ScalarNode]:
    if key.value == "term" and isinstance(value, ScalarNode):
        return [value]
    if key.value == "variants" and isinstance(value, SequenceNode):
        return [item for item in value.value if isinstance(item, ScalarNode)]
    return []


def render_draft(term: str, sightings: tuple[Sighting, ...]) -> str:
    """The draft entry: every schema field in order, documented, with the concordance."""
    values = {
        "term": [f"term: {scalar(term, '')}"],
        "pinyin": [f"pinyin: {scalar(propose_pinyin(term), '')}  # proposed by pypinyin — confirm"],
        "kind": ["#   " + " · ".join(f"{kind} {label}" for kind, label in KIND_LABELS.items()),
                 "kind:"],
        "sources": ["sources:", *render_concordance(term, sightings)],
    }
    lines = [f"# Draft glossary entry for {term}, written by 'python -m build_tools new-term'.",
             "# Fill in every required field, then run 'python -m build_tools check';",
             "# 'python -m build_tools fmt' then puts the file in canonical form (without comments)."]
    for field in GLOSSARY_FIELDS:
        need = "required" if field.required else "optional"
        example = f"; e.g. {field.example}" if field.example else ""
        lines += ["", f"# {field.name} ({need}): {field.doc}{example}",
                  *values.get(field.name, [f"{field.name}:"])]
    return "\n".join(lines) + "\n"


def render_concordance(term: str, sightings: tuple[Sighting, ...]) -> list[str]:
    """Comment lines citing each occurrence, to uncomment under ``sources:``."""
    if not sightings:
        return [f"# {term} is not found in any text: check how the texts write it, or cite",
                "# '- general' for a well-documented national slogan."]
    texts = len({s.text_id for s in sightings})
    lines = [f"# {term} occurs {len(sightings)} time(s) in {texts} text(s). Uncomment the passages that",
             "# explain it ('python -m build_tools paragraphs TEXT-ID' shows a whole text):"]
    for s in sightings:
        note = f"  (inside {s.inside}, which is linked there instead)" if s.inside else ""
        lines.append(f"#  - {{text: {s.text_id}, paragraph: {s.anchor}}}"
                     f"  # {s.before}【{s.form}】{s.after}{note}")
    return lines


def cmd_new_term(args: argparse.Namespace) -> int:
    """Write annotations/glossary/<id>.yml for a new term; refuse if it exists in any form."""
    term = args.term.strip()
    term_id = args.id or propose_id(term)
    sources, edition, load_problems = load_all(args.root)
    problems = check_new_term(term, term_id, sources.glossary, args.root)
    if problems:
        report(problems, False)
        return 1
    sightings = find_sightings(edition, term, term_id)
    path = f"{GLOSSARY}/{term_id}.yml"
    (args.root / GLOSSARY).mkdir(parents=True, exist_ok=True)
    (args.root / path).write_text(render_draft(term, sightings), encoding="utf-8")
    if text_problems := [p for p in load_problems if p.path.startswith((f"{TEXTS}/", f"{TEXT_META}/"))]:
        print(f"note: {len(text_problems)} problem(s) in the texts ('check' lists them); a text "
              "that failed to load is missing from the concordance", file=sys.stderr)
    print(f"wrote {path}: {term} occurs {len(sightings)} time(s) in "
          f"{len({s.text_id for s in sightings})} text(s). Fill in english, kind, summary, "
          "definition and sources, then run 'python -m build_tools check'.")
    return 0
