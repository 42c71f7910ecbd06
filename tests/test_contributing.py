"""CONTRIBUTING.md cannot drift from the code: schema tables, commands, codes, example entry."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest
import yaml

from build_tools.annotations import glossary, textmeta
from build_tools.annotations.fmt import format_annotation
from build_tools.annotations.glossary import read_glossary_entry
from build_tools.annotations.schema import Field
from build_tools.annotations.schema_doc import (
    BLOCK,
    END,
    FILES,
    NESTED,
    START,
    embed_schema,
    render_schema_markdown,
)
from build_tools.annotations.yamlfile import load_yaml
from build_tools.cli import command_names
from build_tools.commands.schema import cmd_schema
from build_tools.edition import Edition
from build_tools.problem_codes import CODES

PROJECT = Path(__file__).resolve().parent.parent
GUIDE = PROJECT / "CONTRIBUTING.md"
REGENERATE = "python -m build_tools schema --update CONTRIBUTING.md"
# Commands the guide documents that are still being written; drop each once cli registers it.
PENDING_COMMANDS: frozenset[str] = frozenset()
COMMAND = re.compile(r"python -m build_tools ([a-z][a-z-]*)")


def embedded_schema(document: str) -> str | None:
    """The text between the schema markers of a document, or None when absent."""
    match = BLOCK.search(document)
    return match.group(0)[len(START) + 1: -len(END)] if match else None


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def unknown_commands(text: str) -> set[str]:
    """Commands named in text as 'python -m build_tools COMMAND' that cli does not have."""
    return set(COMMAND.findall(text)) - set(command_names()) - PENDING_COMMANDS


def test_schema_tables_are_generated_from_the_code() -> None:
    embedded = embedded_schema(guide())
    assert embedded is not None, f"CONTRIBUTING.md has no {START} … {END} block"
    assert embedded == render_schema_markdown(), (
        f"CONTRIBUTING.md's schema tables differ from the schema in build_tools; run: {REGENERATE}")


def test_every_declared_field_table_is_documented() -> None:
    declared = {name for module in (glossary, textmeta) for name, value in vars(module).items()
                if name.endswith("_FIELDS") and isinstance(value, tuple)
                and all(isinstance(f, Field) for f in value)}
    documented = {name for module in (glossary, textmeta) for name, value in vars(module).items()
                  if any(value is fields for _, _, fields in FILES)
                  or any(value is fields for _, fields in NESTED.values())}
    assert declared == documented, "add the new field table to NESTED in build_tools/annotations/schema_doc.py"


def test_every_nested_field_belongs_to_a_documented_table() -> None:
    top_level = {f.name for _, _, fields in FILES for f in fields}
    assert set(NESTED) <= top_level


@pytest.mark.parametrize("doc, expected", [
    ("a | b", "a \\| b"),
    ("<script>", "&lt;script>"),
    ("two\nlines", "two lines"),
])
def test_docs_stay_inside_one_table_cell(monkeypatch: pytest.MonkeyPatch, doc: str, expected: str) -> None:
    field = Field("x", lambda node, path: (None, []), True, doc, "a`b")
    monkeypatch.setattr("build_tools.annotations.schema_doc.FILES", (("x.yml", "X", (field,)),))
    assert f"| `x` | 是 · yes | {expected} | ``a`b`` |" in render_schema_markdown()


def test_embedding_replaces_only_the_marked_block() -> None:
    document = f"before\n{START}\nold\n{END}\nafter\n"
    assert embed_schema(document, "new\n") == f"before\n{START}\nnew\n{END}\nafter\n"
    assert embedded_schema(embed_schema(document, "new\n")) == "new\n"


def test_embedding_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="schema:start"):
        embed_schema("no markers here\n", "new\n")
    assert embedded_schema("no markers here\n") is None


def test_schema_command_prints_and_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cmd_schema(argparse.Namespace(update=None)) == 0
    assert capsys.readouterr().out == render_schema_markdown()
    target = tmp_path / "guide.md"
    target.write_text(f"# Guide\n{START}\nstale\n{END}\n", encoding="utf-8")
    assert cmd_schema(argparse.Namespace(update=target)) == 0
    assert embedded_schema(target.read_text(encoding="utf-8")) == render_schema_markdown()


def test_every_command_the_guide_names_exists() -> None:
    assert unknown_commands(guide()) == set()


def test_every_problem_code_the_guide_names_exists() -> None:
    text = guide()
    in_samples = re.findall(r"\(([a-z]+(?:-[a-z0-9]+)+)\)$", text, re.MULTILINE)
    codes_table = text.partition("Common codes")[2].partition("\n## ")[0]
    in_table = re.findall(r"^\| `([a-z-]+)`(?:, `([a-z-]+)`)? \|", codes_table, re.MULTILINE)
    named = {*in_samples, *(code for row in in_table for code in row if code)}
    assert len(named) >= 8
    assert named - set(CODES) == set()


def test_sample_problems_look_like_the_reporter_s_output() -> None:
    samples = [line for line in guide().splitlines() if line.startswith("annotations/")]
    assert samples
    for line in samples:
        assert re.fullmatch(r"annotations/\S+\.yml:\d+:\d+: (error|warning): .+ \([a-z-]+\)", line), line


def example_entries() -> list[tuple[str, str]]:
    """Each YAML example in the guide that starts with '# annotations/glossary/<id>.yml'."""
    found = re.findall(r"```yaml\n# (annotations/glossary/[a-z0-9-]+\.yml)\n(.*?)```", guide(), re.DOTALL)
    assert found, "the guide has no complete example entry"
    return found


@pytest.mark.parametrize("path, text", example_entries())
def test_example_entry_is_valid_and_canonical(path: str, text: str) -> None:
    entry_id = Path(path).stem
    document, problems = load_yaml(text, path)
    assert problems == [] and document is not None
    entry, problems = read_glossary_entry(document.root, path, entry_id)
    assert [p.format_text() for p in problems] == [] and entry is not None
    formatted, problems = format_annotation(text, path, entry_id)
    assert problems == [] and formatted is not None and not formatted.changed, (
        f"the example {path} in CONTRIBUTING.md is not in canonical form; paste fmt's output")


@pytest.mark.parametrize("path, text", example_entries())
def test_example_entry_cites_real_paragraphs_with_the_term(
        loaded: tuple[object, Edition, list[object]], path: str, text: str) -> None:
    edition = loaded[1]
    entry = yaml.safe_load(text)
    for source in entry["sources"]:
        corpus_text = edition.text(source["text"])
        assert corpus_text is not None, source
        block = corpus_text.article.paragraph(source["paragraph"])
        assert block is not None and entry["term"] in block.text, source
