"""Scope facts verified: each of place, body and period is unknown, in a cited block, or general.

A scope is a claim a reader cannot check without reading every cited paragraph; the build
reads them instead. A fact is written as a head and optional notes in full-width
parentheses, ``广东省茂名市高州市（本文所见）``; the head is what is checked:

- ``unknown`` (with or without a note) claims nothing;
- a place is split into places (、，) and each into its administrative components
  (贵州省 / 毕节市 / 金海湖新区); every component's name, without its suffix (毕节, 黔东南),
  must occur in a cited block or in a cited text's metadata place; a note
  ``（本文所见：毕节市、黔东南州）`` is a claim about the corpus and is checked the same way;
- a body must occur in a cited block or as a cited text's author (中共/中国共产党 may be
  left out by the text: 毕节市委 supports 中共毕节市委);
- a period's every year must occur in a cited block or be a cited text's year of publication;
- a fact whose note says 通行解释 (``全国（据通行解释）``) is general knowledge: allowed
  only when the entry cites ``- general``.

Cited blocks are the entry's sources and the passages its definition cites inline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from build_tools.annotations.definitions import cited_passages
from build_tools.annotations.glossary import GlossaryEntry
from build_tools.edition import Edition
from build_tools.problems import Problem, problem

FIELDS = ("place", "body", "period")
NOTE = re.compile(r"（([^（）]*)）")
PLACE_SEPARATORS = re.compile(r"[、，,；;]")
BODY_SEPARATORS = re.compile(r"[、，,；;与]")
SEEN = "本文所见："  # a note listing what the corpus shows: checked like the head
# One administrative component: a name and its suffix, longest suffixes first.
# One administrative component: a name of two or more characters and its suffix (贵州 + 省,
# never 贵 + 州), the autonomous suffixes first.
COMPONENT = re.compile(r"(.{2,}?)(自治区|自治州|自治县|管理区|新区|街道|社区|省|市|州|县|区|镇|乡|村)")
PEOPLES = "苗|侗|彝|回|布依|土家|壮|瑶|水|仡佬|黎|畲|满|蒙古|藏|维吾尔|哈尼|傣|白|纳西|羌|仫佬|毛南"
ETHNIC = re.compile(f"(?:(?:{PEOPLES})族)+(?=自治|$)")  # 黔东南苗族侗族自治州 -> 黔东南自治州
PARTY = re.compile(r"^(?:中共|中国共产党)")
# A province named before a place within it (贵州省黔东南州), not a provincial body (贵州省委).
PROVINCE_BEFORE_PLACE = re.compile(r"^.{2,3}省(?=.{2,}?(?:自治州|州|市|县|区))")
YEAR = re.compile(r"(?:19|20)[0-9]{2}")
GENERAL_MARK = "通行解释"


@dataclass(frozen=True)
class Evidence:
    """What an entry's citations put on the record: the cited blocks and texts' metadata."""

    blocks: str
    cores: tuple[str, ...]  # the cited texts' places, without suffix: 贵州, 毕节, 黔东南
    authors: str
    years: frozenset[str]


@dataclass(frozen=True)
class Verdict:
    """How one scope fact stands: 'unknown', 'verified', 'general', or unsupported (reason)."""

    field: str
    status: str
    reason: str = ""


def check_scopes(edition: Edition) -> Iterator[Problem]:
    """A problem for each scope fact that is neither unknown, nor cited, nor general."""
    for entry in edition.glossary:
        for verdict in scope_verdicts(edition, entry):
            if verdict.status == "unsupported":
                yield problem(entry.path, *entry.scope.position_of(verdict.field), "scope-unsupported",
                              f"scope.{verdict.field} '{getattr(entry.scope, verdict.field)}': "
                              f"{verdict.reason}")


def scope_verdicts(edition: Edition, entry: GlossaryEntry) -> list[Verdict]:
    """The verdict on each scope fact the entry writes."""
    evidence = gather_evidence(edition, entry)
    cites_general = any(source.text is None for source in entry.sources)
    return [judge(field, value, evidence, cites_general) for field in FIELDS
            if (value := getattr(entry.scope, field))]


def judge(field: str, value: str, evidence: Evidence, cites_general: bool) -> Verdict:
    """Decide one fact: its head against the evidence, unless unknown or marked general."""
    head, notes = NOTE.sub("", value).strip(), NOTE.findall(value)
    if head == "unknown":
        return Verdict(field, "unknown")
    general = any(GENERAL_MARK in clause for clause in clauses(notes))
    if general and not cites_general:
        return Verdict(field, "unsupported", "marked as general knowledge, but the entry does not cite "
                       "'- general'; add it to sources, or cite the paragraph that says so")
    missing = MISSING[field]("" if general else head, notes, evidence)
    if general and not missing:
        return Verdict(field, "general")
    if not missing:
        return Verdict(field, "verified")
    return Verdict(field, "unsupported", f"{'、'.join(missing)} is in no cited paragraph"
                   f"{' nor in the cited texts’ metadata' if field != 'body' else ''}; write 'unknown', "
                   "cite the paragraph that says it, or mark general knowledge “（据通行解释）” "
                   "with a '- general' source")


def missing_places(head: str, notes: list[str], evidence: Evidence) -> list[str]:
    seen_in = [clause.removeprefix(SEEN) for clause in clauses(notes) if clause.startswith(SEEN)]
    places = [p for text in (head.removeprefix("本文所见："), *seen_in)
              for p in PLACE_SEPARATORS.split(text) if p]
    return [name for place in places for name in place_names(place)
            if name not in evidence.blocks and name not in evidence.cores]


def clauses(notes: list[str]) -> list[str]:
    """The clauses of a fact's notes: （据通行解释；本文所见：毕节市） -> two clauses."""
    return [clause.strip() for note in notes for clause in re.split("[；;]", note)]


def place_names(place: str) -> list[str]:
    """A place's components as names without suffix: 贵州省毕节市 -> ['贵州', '毕节']."""
    components = COMPONENT.findall(place)
    if not components or "".join(name + suffix for name, suffix in components) != place:
        return [place]
    return [ETHNIC.sub("", name) or name for name, _ in components]


def short_form(text: str) -> str:
    """Place names as texts shorten them: 贵州省黔东南苗族侗族自治州委 -> 黔东南州委."""
    text = PROVINCE_BEFORE_PLACE.sub("", PARTY.sub("", text))
    return re.sub(r"自治(?=[州县区])", "", ETHNIC.sub("", text))


def missing_body(head: str, notes: list[str], evidence: Evidence) -> list[str]:
    """Bodies named neither in a cited block nor as a cited text's author.

    A text names bodies as a local reader would: 中共 left out, the province left out, and
    its own place left out (毕节's text says 市委 for 中共毕节市委).
    """
    bodies = [b for b in BODY_SEPARATORS.split(head) if b]
    return [b for b in bodies if not any(form in evidence.blocks or form in evidence.authors
                                         for form in body_forms(b, evidence.cores))]


def body_forms(body: str, cores: tuple[str, ...]) -> list[str]:
    forms = [body, short_form(body)]
    return forms + [form.replace(core, "", 1) for form in forms for core in cores if form.startswith(core)]


def missing_years(head: str, notes: list[str], evidence: Evidence) -> list[str]:
    years = YEAR.findall(head) or ([head] if head else [])
    return [y for y in years if y not in evidence.years and y not in evidence.blocks]


MISSING = {"place": missing_places, "body": missing_body, "period": missing_years}


def gather_evidence(edition: Edition, entry: GlossaryEntry) -> Evidence:
    """The blocks an entry cites (sources and inline citations) and their texts' metadata."""
    cited = [(s.text, s.paragraph) for s in entry.sources if s.text and s.paragraph]
    cited += [(text_id, anchor) for text_id, anchor, _ in cited_passages(entry.definition)]
    blocks, metas = [], {}
    for text_id, anchor in cited:
        text = edition.text(text_id)
        if text is None:
            continue
        metas[text_id] = text.meta
        block = text.article.paragraph(anchor)
        blocks.append(block.text if block else "")
    cores = tuple(dict.fromkeys(core for m in metas.values() for name in (m.place.province, m.place.prefecture,
                                                                          m.place.county) if name
                                for core in place_names(name)))
    authors = "\n".join(short_form(m.author) + "\n" + m.author for m in metas.values() if m.author)
    years = frozenset(m.date[:4] for m in metas.values() if m.date) | frozenset(
        year for m in metas.values() for year in YEAR.findall(m.source_line or ""))
    return Evidence("\n".join(blocks), cores, authors, years)
