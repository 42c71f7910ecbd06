"""Relation diagrams, drawn once at build time for both outputs (no diagram script at run time).

1. ``parts``   the order a term's parts are shown in: its numbered components' order
2. ``graphs``  which terms and relations each diagram shows: one per group, one per term
3. ``dot``     a diagram as Graphviz DOT source, every node a link (pure, escaped)
4. ``layout``  DOT -> SVG with Graphviz's ``dot``: the one edge, a subprocess
"""
