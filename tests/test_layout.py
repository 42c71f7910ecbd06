"""The package layout shows the pipeline: imports flow one way, read from the code with ast.

stages and annotations -> terms -> edition and checks -> site and pdf -> build -> commands
-> cli. A module may import its own layer or a lower one, never a higher one; site and pdf
never import each other; nothing outside commands/ imports commands/ but cli; no
build_tools import hides inside a function; and the module graph has no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "build_tools"
# Layer of each module or package, lowest first. A module not named here is an error, so
# a new module must be placed deliberately.
LAYERS: dict[str, int] = {
    "model": 0, "problems": 0, "problem_codes": 0, "memo": 0, "sources": 0, "write": 0,
    "stages": 1,
    "annotations": 2,
    "terms": 3,
    "articles": 4, "recurring": 4,
    "edition": 5,
    "checks": 7, "quotations": 6, "scopes": 6, "basis": 6, "readings": 6, "reattach": 7, "candidates": 6, "presentation": 6, "diagrams": 6,
    "traditional_forms": 6, "search_sections": 6, "downloads": 6,
    "site": 7, "pdf": 7,
    "build": 8,
    "commands": 9,
    "cli": 10, "__main__": 10, "__init__": 10,
}
APART = {("site", "pdf"), ("pdf", "site")}  # the two outputs read the model, not each other


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def modules() -> dict[str, ast.Module]:
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def layer(name: str) -> int:
    head = name.split(".")[0]
    if head not in LAYERS:
        raise AssertionError(f"build_tools.{name} has no layer in tests/test_layout.py; place it")
    return LAYERS[head]


def imports(tree: ast.Module) -> list[tuple[str, int, bool]]:
    """(imported build_tools module, line, at module level) for each import of the package."""
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("build_tools"):
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("build_tools")]
        for name in names:
            found.append((name.removeprefix("build_tools").lstrip("."), node.lineno, id(node) in top))
    return found


def arrows(trees: dict[str, ast.Module]) -> list[tuple[str, str, int, bool]]:
    return [(source, target, line, top) for source, tree in trees.items()
            for target, line, top in imports(tree) if target]


def layout_problems(trees: dict[str, ast.Module]) -> list[str]:
    """Every import against the agreed direction, and every cycle."""
    problems = []
    for source, target, line, top in arrows(trees):
        where = f"build_tools/{source.replace('.', '/')}.py:{line}"
        if not top:
            problems.append(f"{where}: imports {target} inside a function; import it at the top")
        if layer(target) > layer(source):
            problems.append(f"{where}: {source} (layer {layer(source)}) imports {target} (layer {layer(target)})")
        if (source.split(".")[0], target.split(".")[0]) in APART:
            problems.append(f"{where}: {source} imports {target}; share it through presentation or the model")
        if target.startswith("commands") and not source.startswith(("commands", "cli")):
            problems.append(f"{where}: only cli imports commands/, not {source}")
    return problems + [f"import cycle: {' -> '.join(c)}" for c in cycles(trees)]


def cycles(trees: dict[str, ast.Module]) -> list[list[str]]:
    graph: dict[str, set[str]] = {name: set() for name in trees}
    for source, target, _, _ in arrows(trees):
        resolved = target if target in graph else f"{target}.__init__"
        if resolved in graph:
            graph[source].add(resolved)
    found, state = [], dict.fromkeys(graph, 0)  # 0 unseen, 1 on the path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for successor in sorted(graph[node]):
            if state[successor] == 1:
                found.append([*path[path.index(successor):], successor])
            elif state[successor] == 0:
                visit(successor, [*path, successor])
        state[node] = 2

    for name in sorted(graph):
        if state[name] == 0:
            visit(name, [name])
    return found


def test_the_package_imports_flow_one_way() -> None:
    assert layout_problems(modules()) == []


@pytest.mark.parametrize("module, source, expected", [
    ("edition", "from build_tools.checks import check_edition\n", "edition (layer 5) imports checks"),
    ("stages.clean", "from build_tools.site.markup import escape_html\n", "imports site.markup"),
    ("pdf.book", "from build_tools.site.render_text import render_meta\n", "share it through presentation"),
    ("build", "from build_tools.commands.fmt import cmd_fmt\n", "only cli imports commands/"),
    ("stages.decode", "def f():\n    from build_tools.problems import problem\n", "inside a function"),
])
def test_an_import_against_the_direction_is_reported(module: str, source: str, expected: str) -> None:
    trees = modules()
    trees[module].body.extend(ast.parse(source).body)
    assert any(expected in p for p in layout_problems(trees)), layout_problems(trees)


def test_a_cycle_is_reported() -> None:
    trees = modules()
    trees["stages.structure"].body.extend(ast.parse("from build_tools.stages.clean import clean_lines\n").body)
    trees["stages.clean"].body.extend(ast.parse("from build_tools.stages.structure import Line\n").body)
    assert any(p.startswith("import cycle:") and "stages.clean" in p for p in layout_problems(trees))


def test_no_module_is_much_over_300_lines() -> None:
    lengths = {module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 320} == {}
