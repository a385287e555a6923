"""Docs move with the code (style.md item 14). These fail when:

* docs/cli.md is stale (it is generated from the real ``--help`` by scripts/gen_cli_docs.py);
* a command has no help, or a command's docstring has no ``Example:`` line;
* a JSON field of the ``analyze`` output, or a source type, is not in docs/schema.md;
* a rule data file in src/storyline/data/ has no ``#`` header comment, or is not in
  docs/rules.md (and docs/rules.md names no file that does not exist).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import types
import typing
from pathlib import Path
from typing import Any

import pytest

from storyline import model
from storyline.rules import data_path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = data_path("")


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "storyline_gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def _commands() -> list[tuple[str, Any]]:
    import typer

    from storyline.cli import app

    root = typer.main.get_command(app)
    return [(" ".join(("storyline", *path)), cmd) for path, cmd in GEN.command_paths(root)]


COMMANDS = _commands()
LEAVES = [(name, cmd) for name, cmd in COMMANDS if not getattr(cmd, "commands", None)]


# --- CLI reference ---------------------------------------------------------------------------


def test_cli_md_is_generated_from_current_help():
    current = (DOCS / "cli.md").read_text(encoding="utf-8")
    if current != GEN.render():
        pytest.fail(
            "docs/cli.md is stale: run `.venv/bin/python scripts/gen_cli_docs.py` and commit it",
            pytrace=False,
        )


def test_cli_md_generation_is_deterministic(monkeypatch):
    first = GEN.render()
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert GEN.render() == first
    assert "\x1b[" not in first, "no colour codes in docs/cli.md"


@pytest.mark.parametrize(("name", "cmd"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_cli_command_has_help(name, cmd):
    assert (cmd.help or "").strip(), f"{name} has no help text (give the command a docstring)"


# Commands whose docstring breaks the rule today, each with the fix its owner should make. A
# strict xfail: the test starts failing as soon as the docstring is fixed, so the entry goes.
EXAMPLE_GAPS: dict[str, str] = {}
LEAF_PARAMS = [
    pytest.param(
        name,
        cmd,
        id=name,
        marks=[pytest.mark.xfail(strict=True, reason=EXAMPLE_GAPS[name])]
        if name in EXAMPLE_GAPS
        else [],
    )
    for name, cmd in LEAVES
]


@pytest.mark.parametrize(("name", "cmd"), LEAF_PARAMS)
def test_cli_command_docstring_has_example(name, cmd):
    lines = [line.strip() for line in (cmd.help or "").splitlines()]
    examples = [line for line in lines if line.startswith("Example:")]
    assert examples, f"{name}: its docstring needs an 'Example: storyline ...' line"
    assert all(e.removeprefix("Example:").strip().startswith("storyline ") for e in examples), (
        examples
    )


# --- JSON schema ---------------------------------------------------------------------------------


def _sample(hint: Any) -> Any:
    """A non-empty, non-default value of a type, so optional keys show up in ``to_dict``."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        return _maximal(hint)
    if origin is typing.Literal:
        return args[0]
    if origin in (typing.Union, types.UnionType):
        return _sample(next(a for a in args if a is not type(None)))
    if origin is list:
        return [_sample(args[0])]
    if origin is dict:
        return {_sample(args[0]): _sample(args[1])}
    if origin is frozenset:
        return frozenset()
    return {str: "x", int: 1, float: 1.5, bool: True}[hint]


def _maximal(cls: Any) -> Any:
    """An instance of a model dataclass with every field set (optional ones too)."""
    hints = typing.get_type_hints(cls, vars(model))
    return cls(**{f.name: _sample(hints[f.name]) for f in dataclasses.fields(cls)})


def _keys(data: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            out.add(key)
            if key != "versions":  # component name -> version: values, not fields
                out |= _keys(value)
    elif isinstance(data, list):
        for value in data:
            out |= _keys(value)
    return out


def _schema_section(title_start: str) -> str:
    text = (DOCS / "schema.md").read_text(encoding="utf-8")
    start = text.index(f"## {title_start}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


ANALYZE_FIELDS = sorted(_keys(_maximal(model.Analysis).to_dict()))


@pytest.mark.parametrize("field", ANALYZE_FIELDS)
def test_schema_md_documents_analyze_field(field):
    section = _schema_section("`storyline analyze --format json`")
    assert f'"{field}"' in section or f"`{field}`" in section, (
        f'analyze JSON field "{field}" is not documented in docs/schema.md'
    )


def test_schema_fields_cover_the_seed_output(seed_analysis):
    """The generated field list is not missing anything a real analysis prints."""
    assert _keys(seed_analysis.to_dict()) <= set(ANALYZE_FIELDS)


@pytest.mark.parametrize("source_type", model.SOURCE_TYPES)
def test_schema_md_documents_source_type(source_type):
    assert f"`{source_type}`" in (DOCS / "schema.md").read_text(encoding="utf-8")


# Each way a publication date is found, through the real ingest step: schema.md lists the
# `published_source` value it gives (evaluators filter on it).
PUBLISHED_SOURCES = [
    ({"published": "2025-12-02"}, "The council met on Monday.", "given"),
    ({}, "Published: 2 December 2025\n\nThe council met on Monday.", "text"),
    ({"url": "https://example.test/2025/12/02/council"}, "The council met on Monday.", "url"),
    ({}, "The council met on Monday.", None),
]


@pytest.mark.parametrize(("hints", "raw", "expected"), PUBLISHED_SOURCES)
def test_schema_md_lists_the_published_source_found(hints, raw, expected):
    from storyline.ingest import load_article

    found = load_article(raw, **hints).published_source
    assert found == expected
    line = next(
        x for x in _schema_section("`storyline analyze").splitlines() if '"published_source"' in x
    )
    assert (found or "null") in line.split("//")[1].replace("|", " ").split()


# --- rule data files -----------------------------------------------------------------------------

DATA_FILES = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".tsv"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_rule_file_opens_with_a_comment_header(name):
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]
    assert lines and lines[0].startswith("#"), (
        f"src/storyline/data/{name} must open with a '#' comment saying what it is for"
    )


@pytest.mark.parametrize("name", DATA_FILES)
def test_rules_md_mentions_rule_file(name):
    assert re.search(rf"`{re.escape(name)}`", (DOCS / "rules.md").read_text(encoding="utf-8")), (
        f"src/storyline/data/{name} is not described in docs/rules.md"
    )


def test_rules_md_names_only_existing_files():
    named = set(re.findall(r"`(\w+\.(?:txt|tsv))`", (DOCS / "rules.md").read_text("utf-8")))
    assert named - set(DATA_FILES) == set()
