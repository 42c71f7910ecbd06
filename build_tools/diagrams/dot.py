"""A diagram as Graphviz DOT source: a pure function of the model, every node a link.

Labels come from contributed YAML, so each is escaped for DOT (a quote cannot end the
string) and for Graphviz's label language (a backslash cannot start an escape, an ``&``
cannot start an entity); Graphviz escapes the rest for the SVG it writes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from build_tools.diagrams.graphs import Diagram

FONT = "Noto Sans CJK SC"
# Points; an SVG drawn at its own size shows 1 pt as 4/3 px: labels at 16 px, relations at 14.7 px.
LABEL_PT = 12
RELATION_PT = 11
EDGE = {  # canonical relation -> how it is drawn (a part points at its parent)
    "part_of": "dir=back",  # the arrow says it; a label on every part only widens the drawing
    "variant_of": 'dir=none style=dashed label="变体"',
    "same_mechanism_as": 'dir=both label="同一机制"',
    "see_also": 'dir=none style=dotted label="参见"',
}
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
WRAP_ABOVE = 10  # characters: a longer label is set in two lines, at a break nearest its middle
BREAK_AFTER = "、，,·+）)：:"


def dot_string(text: str) -> str:
    """``text`` as a quoted DOT string that Graphviz shows exactly as written."""
    return f'"{_escaped(text)}"'


def dot_label(text: str) -> str:
    """A node label: as ``dot_string``, in two lines when long and a break mark allows."""
    breaks = [i + 1 for i, ch in enumerate(text[:-1]) if ch in BREAK_AFTER]
    if len(text) <= WRAP_ABOVE or not breaks:
        return dot_string(text)
    at = min(breaks, key=lambda i: abs(2 * i - len(text)))
    return f'"{_escaped(text[:at])}\\n{_escaped(text[at:])}"'


def _escaped(text: str) -> str:
    return CONTROL.sub(" ", text).replace("\\", "\\\\").replace("&", "&amp;").replace('"', '\\"')


def render_dot(diagram: Diagram, href: Callable[[str], str], font: str = FONT) -> str:
    """DOT source of ``diagram``; ``href`` gives the address of a term's page."""
    name = dot_string(diagram.name)
    lines = [
        f"digraph {name} {{",
        f'  graph [id={name} rankdir=LR ordering=out nodesep=0.15 ranksep=0.35 pad=0.05 bgcolor="transparent"]',
        (f'  node [shape=box style="rounded,filled" fillcolor="#eef1fb" color="#3f51b5" fontcolor="#1a237e" '
         f'fontname="{font}" fontsize={LABEL_PT} margin="0.12,0.05" height=0.3]'),
        f'  edge [color="#5c6bc0" fontcolor="#37474f" fontname="{font}" fontsize={RELATION_PT} arrowsize=0.7]',
    ]
    for entry in diagram.nodes:
        focus = ' fillcolor="#3f51b5" fontcolor="white"' if entry.id == diagram.focus else ""
        lines.append(f"  {dot_string(entry.id)} [label={dot_label(entry.term)} tooltip={dot_string(entry.term)} "
                     f"href={dot_string(href(entry.id))} target=\"_top\"{focus}]")
    for edge in diagram.edges:
        if edge.kind == "part_of":  # drawn from the parent, so parents stand left of their parts
            lines.append(f"  {dot_string(edge.target)} -> {dot_string(edge.source)} [{EDGE[edge.kind]}]")
        elif edge.kind in EDGE:
            lines.append(f"  {dot_string(edge.source)} -> {dot_string(edge.target)} [{EDGE[edge.kind]}]")
    lines.append("}")
    return "\n".join(lines) + "\n"
