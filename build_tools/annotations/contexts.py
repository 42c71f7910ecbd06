"""Exclusions by context: a term is not itself when certain words stand right before or after it.

A fixed string (``二十五个一级``) names one longer phrase; a context names a kind of
surrounding: ``{before: "等"}`` excludes 土特产 in “蜂蜜等土特产” and in every list of goods a
new text will bring. Patterns are regex-lite, so contributors need no regular expressions:

- ``等|的`` — alternatives;
- ``、…等`` — ``…`` stands for any words within the same clause (never across ，。；：！？);
- every other character stands for itself.

``before`` must end where the match starts, ``after`` must start where it ends; with both,
both must hold.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, SequenceNode

from build_tools.annotations.schema import Field, mapping_items, one_line, type_error
from build_tools.annotations.yamlfile import is_null, position
from build_tools.problems import Problem, problem

CLAUSE_ENDS = "，。；：！？,;:!?\n"
ANY_IN_CLAUSE = f"[^{re.escape(CLAUSE_ENDS)}]*?"
WINDOW = 40  # characters looked at on each side: a clause, not a paragraph


@dataclass(frozen=True)
class Context:
    """An exclusion by the words around a match, each side a regex-lite pattern or None."""

    before: str | None = None
    after: str | None = None


def pattern_problem(pattern: str) -> str | None:
    """Why a regex-lite pattern cannot be used, or None when it can."""
    for alternative in pattern.split("|"):
        if not alternative.replace("…", ""):
            return (f"'{pattern}' has an alternative that matches anything; "
                    "write the words that must stand next to the term")
    return None


@functools.cache
def compiled(pattern: str, side: str) -> re.Pattern[str]:
    """The regular expression of a regex-lite pattern, anchored at the match on its side."""
    alternatives = "|".join(ANY_IN_CLAUSE.join(re.escape(part) for part in alternative.split("…"))
                            for alternative in pattern.split("|"))
    return re.compile(f"(?:{alternatives})\\Z" if side == "before" else f"(?:{alternatives})")


def in_context(context: Context, text: str, begins: int, ends: int, start: int, end: int) -> bool:
    """Tell whether text[begins:ends] stands in this context within text[start:end]."""
    if context.before is not None and not compiled(context.before, "before").search(
            text, max(start, begins - WINDOW), begins):
        return False
    if context.after is not None and not compiled(context.after, "after").match(
            text, ends, min(end, ends + WINDOW)):
        return False
    return context.before is not None or context.after is not None


CONTEXT_FIELDS = (
    Field("before", one_line, False, "words that end right where the term starts (regex-lite: "
          "'等|的' alternatives, '…' any words within the clause)"),
    Field("after", one_line, False, "words that start right where the term ends (same patterns)"),
)


def read_exclusions(node: Node, path: str) -> tuple[tuple[str | Context, ...], list[Problem]]:
    """Exclusions: fixed strings, or ``{before, after}`` contexts checked as they are read."""
    if is_null(node):
        return (), []
    if not isinstance(node, SequenceNode):
        return (), type_error(node, path, "a list of strings or '{before: …, after: …}'")
    items: list[str | Context] = []
    found: list[Problem] = []
    for item in node.value:
        if not isinstance(item, MappingNode):
            value, item_problems = one_line(item, path)
            found.extend(item_problems)
            items.extend([value] if value else [])
            continue
        values, item_problems = mapping_items(item, path, CONTEXT_FIELDS)
        item_problems += [problem(path, values[side + "@"][0], values[side + "@"][1], "bad-context", why)
                          for side in ("before", "after")
                          if values.get(side) and (why := pattern_problem(values[side]))]
        if not (values.get("before") or values.get("after")) and not item_problems:
            item_problems.append(problem(path, *position(item), "bad-context",
                                         "an exclusion by context needs 'before', 'after' or both"))
        found.extend(item_problems)
        if not item_problems:
            items.append(Context(values.get("before"), values.get("after")))
    return tuple(items), found
