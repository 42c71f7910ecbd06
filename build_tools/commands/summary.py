"""Describe what a change does to the rendered pages, for a pull request's step summary.

Two editions are compared, the base commit's and the change's: texts and glossary terms
added, removed or changed (field by field, positions ignored), and term occurrences
that become links on the text pages or stop being links. ``summarise_change`` is pure
and returns Markdown; ``cmd_summary`` loads the two checkouts and prints it.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from build_tools.annotations.glossary import GLOSSARY_FIELDS
from build_tools.annotations.schema import Field
from build_tools.annotations.textmeta import TEXT_FIELDS
from build_tools.build import load_all
from build_tools.edition import Edition
from build_tools.problems import Problem, Severity
from build_tools.site.markup import escape_markdown

TITLE = "## 本次修改对页面的影响 · What this change does to the pages\n"
NO_CHANGE = "\n文本、术语和链接都没有变化。 · No text, term or link changes.\n"
MAX_ROWS = 40  # rows per table: past this a reviewer reads the diff, not the summary
MAX_SHOWN = 60  # longest one-line value shown as "before → after" (a SHA-256 is longer)
POSITION_FIELDS = frozenset({"line", "column", "positions", "path"})  # where, not what

Link = tuple[str, str, str, str]  # (text id, block anchor, term id, written form)
Records = dict[str, tuple[str, Any]]  # id -> (name shown to readers, record)


def register(sub: argparse._SubParsersAction) -> None:
    """Declare the ``summary`` command."""
    summary = sub.add_parser("summary", help="describe in Markdown what this checkout changes on the pages")
    summary.add_argument("--base-root", type=Path, required=True, metavar="PATH",
                         help="a checkout of the base commit (git worktree add)")
    summary.set_defaults(run=cmd_summary)


def summarise_change(base: Edition, head: Edition) -> str:
    """Markdown for reviewers: what head changes on the pages relative to base."""
    base_links, head_links = links(base), links(head)
    sections = [
        *_record_sections(("文本", "Texts"), _texts(base), _texts(head), TEXT_FIELDS),
        *_record_sections(("术语", "Terms"), _terms(base), _terms(head), GLOSSARY_FIELDS),
        _links_section("新增链接 · Occurrences newly linked", head_links - base_links, head),
        _links_section("不再链接 · Occurrences no longer linked", base_links - head_links, base),
    ]
    body = "".join(section for section in sections if section)
    return TITLE + (body or NO_CHANGE)


def render_problems_note(problems: list[Problem]) -> str:
    """A warning that files with errors are missing from the summary, or nothing."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    if not errors:
        return ""
    return (f"\n> **注意 · Note:** 本次修改有 {errors} 个错误，出错的文件未计入以上各表，详见 check 步骤。"
            f" This change has {errors} error(s); files with errors are left out of the "
            "tables above: see the check step.\n")


def links(edition: Edition) -> Counter[Link]:
    """Count every linked occurrence by text, paragraph, term and form (not by offset)."""
    return Counter((f.text_id, f.block.anchor, f.occurrence.term_id, f.occurrence.form)
                   for f in edition.found)


def changed_fields(before: Any, after: Any, fields: tuple[Field, ...]) -> list[str]:
    """Name the declared fields whose values differ, ignoring where they were written."""
    return [f.name for f in fields
            if _plain(getattr(before, f.name)) != _plain(getattr(after, f.name))]


def _plain(value: Any) -> Any:
    """A value without source positions, comparable across two commits."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, _plain(getattr(value, f.name)))
                     for f in dataclasses.fields(value) if f.name not in POSITION_FIELDS)
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


def _texts(edition: Edition) -> Records:
    return {text.meta.id: (text.meta.title, text.meta) for text in edition.texts}


def _terms(edition: Edition) -> Records:
    return {entry.id: (entry.term, entry) for entry in edition.glossary}


def _record_sections(noun: tuple[str, str], before: Records, after: Records,
                     fields: tuple[Field, ...]) -> list[str]:
    zh, en = noun
    added = [_named(i, after) for i in sorted(after.keys() - before.keys())]
    removed = [_named(i, before) for i in sorted(before.keys() - after.keys())]
    changed = []
    for record_id in sorted(before.keys() & after.keys()):
        old, new = before[record_id][1], after[record_id][1]
        if names := changed_fields(old, new, fields):
            details = "; ".join(_change(name, getattr(old, name), getattr(new, name)) for name in names)
            changed.append(f"{_named(record_id, after)} | {details}")
    return [
        _table(f"新增{zh} · {en} added", "名称 · name | id", added),
        _table(f"删除{zh} · {en} removed", "名称 · name | id", removed),
        _table(f"修改{zh} · {en} changed", "名称 · name | id | 修改的字段 · changed fields", changed),
    ]


def _named(record_id: str, records: Records) -> str:
    return f"{escape_markdown(records[record_id][0])} | `{record_id}`"


def _change(name: str, old: Any, new: Any) -> str:
    """``name``, with before → after when both values are short single lines."""
    if all(v is None or isinstance(v, str) and "\n" not in v and len(v) <= MAX_SHOWN for v in (old, new)):
        return f"`{name}`: {_shown(old)} → {_shown(new)}"
    return f"`{name}`"


def _shown(value: str | None) -> str:
    return "（空 · none）" if value is None else escape_markdown(value)


def _links_section(title: str, delta: Counter[Link], edition: Edition) -> str:
    places: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (text_id, anchor, term_id, _form), count in delta.items():
        places[term_id][text_id].append(anchor + (f" ×{count}" if count > 1 else ""))
    rows = []
    for term_id in sorted(places):
        entry = edition.entry(term_id)
        where = "; ".join(f"{text_id} {', '.join(anchors)}" for text_id, anchors in places[term_id].items())
        rows.append(f"{escape_markdown(entry.term if entry else term_id)} | `{term_id}` | {where}")
    return _table(title, "术语 · term | id | 位置 · where", rows, count=sum(delta.values()))


def _table(title: str, header: str, rows: list[str], count: int | None = None) -> str:
    """A Markdown table of at most MAX_ROWS rows titled with a count, or nothing if no rows."""
    if not rows:
        return ""
    columns = header.count("|") + 1
    lines = [f"\n### {title} ({len(rows) if count is None else count})\n",
             f"| {header} |", "|" + " --- |" * columns, *(f"| {row} |" for row in rows[:MAX_ROWS])]
    if len(rows) > MAX_ROWS:
        lines.append(f"\n……另有 {len(rows) - MAX_ROWS} 行 · and {len(rows) - MAX_ROWS} more rows")
    return "\n".join(lines) + "\n"


def cmd_summary(args: argparse.Namespace) -> int:
    """Print the summary of the project at --root against the checkout at --base-root."""
    if not args.base_root.is_dir():
        print(f"no folder {args.base_root}; check out the base commit there first, e.g. with "
              "'git worktree add --detach PATH BASE-COMMIT'", file=sys.stderr)
        return 2
    _, base, _ = load_all(args.base_root)
    _, head, problems = load_all(args.root)
    print(summarise_change(base, head) + render_problems_note(problems), end="")
    return 0
