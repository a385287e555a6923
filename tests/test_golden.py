"""Golden files for storyline's stable interfaces (style.md, "Golden files"): the full
``analyze --format json`` output for about a dozen real articles, the CLI's commands and
options, and the analysis component registry.

A golden file is rewritten only with ``pytest tests/test_golden.py --update-golden``; otherwise
any difference fails with a diff, so a review sees every change to what evaluators call.
Comparisons parse both sides as JSON (key order never matters; list order does).

Articles come from three places. The seed and the hand-written wire page live in
tests/fixtures; four texts come from the bundled CC BY demo sample (demo/); six short excerpts
are generated at test time from ../shared/data (ECB+, TempEval-3 TBAQ, the article-extraction
benchmark). For those only the OUTPUT is stored here: the excerpt is rebuilt from the shared
file each run, and the test skips with a reason when the shared data is absent.
"""

from __future__ import annotations

import difflib
import html
import importlib.util
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from storyline.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = ROOT / "demo" / "ecbplus-topic12.jsonl"
# Excerpts of shared texts stop at the first paragraph boundary past this many characters, so
# the golden files hold short excerpts, not whole articles (../shared/data is never copied).
EXCERPT_CHARS = 900
DIFF_LINES = 120


# --- comparing and rewriting golden files -------------------------------------------------


def canonical(data: Any) -> str:
    """The form golden files are written in: sorted keys, so dict order never shows in a diff."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _differences(old: Any, new: Any, path: str = "$") -> Iterator[str]:
    """JSON paths where two documents differ (first the structure, then the leaves)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(old.keys() | new.keys()):
            if key not in new:
                yield f"{path}.{key}: removed"
            elif key not in old:
                yield f"{path}.{key}: added"
            else:
                yield from _differences(old[key], new[key], f"{path}.{key}")
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            yield f"{path}: {len(old)} items -> {len(new)} items"
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            yield from _differences(a, b, f"{path}[{i}]")
    elif old != new:
        yield f"{path}: {_short(old)} -> {_short(new)}"


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_golden(name: str, data: Any, update: bool) -> None:
    """Compare ``data`` with tests/golden/<name>.json, or rewrite it under --update-golden."""
    path = GOLDEN / f"{name}.json"
    current = canonical(data)
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != current:
            path.write_text(current, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(
            f"golden file {path.relative_to(ROOT)} is missing: "
            "run `pytest tests/test_golden.py --update-golden` and review the new file"
        )
    expected = json.loads(path.read_text(encoding="utf-8"))
    if expected == json.loads(current):
        return
    paths = list(_differences(expected, json.loads(current)))
    diff = list(
        difflib.unified_diff(
            canonical(expected).splitlines(),
            current.splitlines(),
            fromfile=f"golden/{name}.json",
            tofile="current output",
            lineterm="",
            n=2,
        )
    )
    shown = diff[:DIFF_LINES]
    if len(diff) > DIFF_LINES:
        shown.append(f"... {len(diff) - DIFF_LINES} more diff lines")
    pytest.fail(
        f"{name}: output differs from tests/golden/{name}.json "
        f"({len(paths)} changed paths). If the change is intended, run "
        "`pytest tests/test_golden.py --update-golden` and review the diff in git.\n"
        "Changed:\n  " + "\n  ".join(paths[:25]) + "\n\n" + "\n".join(shown),
        pytrace=False,
    )


# --- the articles --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Input:
    """One article as the CLI gets it: a file's bytes and the options to pass."""

    filename: str
    content: bytes
    options: tuple[str, ...] = ()


def _excerpt(paragraphs: list[str], limit: int = EXCERPT_CHARS) -> str:
    """Leading paragraphs up to about ``limit`` characters (always at least one)."""
    out: list[str] = []
    size = 0
    for para in (p.strip() for p in paragraphs):
        if not para:
            continue
        out.append(para)
        size += len(para)
        if size >= limit:
            break
    return "\n\n".join(out)


def _opts(**values: str | None) -> tuple[str, ...]:
    out: list[str] = []
    for key, value in values.items():
        if value:
            out += [f"--{key}", value]
    return tuple(out)


def seed_input(_shared: Path | None) -> Input:
    path = FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
    return Input(path.name, path.read_bytes(), ("--published", "2025-12-02"))


def wire_page_input(_shared: Path | None) -> Input:
    path = FIXTURES / "ingest" / "handmade-wire-page.html"
    return Input(path.name, path.read_bytes())


def demo_input(external_id: str) -> Callable[[Path | None], Input]:
    def build(_shared: Path | None) -> Input:
        for line in DEMO.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["id"] == external_id:
                opts = _opts(
                    published=record.get("published"),
                    url=record.get("url"),
                    outlet=record.get("outlet"),
                )
                return Input(f"{external_id}.txt", record["text"].encode("utf-8"), opts)
        raise AssertionError(f"{external_id} is not in {DEMO}")

    return build


def _shared_file(shared: Path | None, relative: str) -> Path:
    assert shared is not None
    path = shared / relative
    if not path.is_file():
        pytest.skip(f"{relative} not found in the shared data at {shared}")
    return path


def _demo_builder() -> Any:
    """scripts/build_demo_sample.py: the same ECB+ token-to-text conversion the demo uses."""
    spec = importlib.util.spec_from_file_location(
        "storyline_build_demo_sample", ROOT / "scripts" / "build_demo_sample.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ecbplus_input(topic: str, doc: str) -> Callable[[Path | None], Input]:
    """An excerpt of an ECB+ text from the development topics (1-35)."""

    def build(shared: Path | None) -> Input:
        path = _shared_file(shared, f"ecbplus/ECB+/{topic}/{doc}.xml")
        record = _demo_builder().read_document(path)
        text = _excerpt(str(record["text"]).split("\n\n"))
        return Input(f"{doc}.txt", text.encode("utf-8"), _opts(url=record.get("url")))

    return build


def tbaq_input(relative: str) -> Callable[[Path | None], Input]:
    """An excerpt of a TempEval-3 TBAQ (development) document, with its DCT as --published."""

    def build(shared: Path | None) -> Input:
        from storyline.eval.timeml import read_timeml

        doc = read_timeml(_shared_file(shared, f"tempeval3/{relative}"))
        paragraphs = [p for p in doc.text.replace("\r", "").split("\n\n")]
        if len(paragraphs) < 3:  # TBAQ files often break lines, not paragraphs
            paragraphs = doc.text.split("\n")
        text = _excerpt([" ".join(p.split()) for p in paragraphs])
        assert doc.dct is not None
        return Input(
            f"{Path(relative).stem}.txt",
            text.encode("utf-8"),
            ("--published", doc.dct.isoformat()),
        )

    return build


def extraction_page_input(page_id: str) -> Callable[[Path | None], Input]:
    """A small HTML page built from an article-extraction-benchmark page: its own head (title,
    dates, site name), a navigation bar and cookie banner as furniture, and the first paragraphs
    of the gold article body. It exercises the HTML path (trafilatura, htmldate, metadata)."""

    def build(shared: Path | None) -> Input:
        import gzip

        from lxml import html as lxml_html

        gold = json.loads(
            _shared_file(shared, "article-extraction-benchmark/ground-truth.json").read_text(
                encoding="utf-8"
            )
        )
        assert shared is not None
        found = sorted((shared / "article-extraction-benchmark" / "html").glob(f"{page_id}*"))
        if len(found) != 1:
            pytest.skip(f"article-extraction-benchmark page {page_id}… not found in {shared}")
        page = found[0]
        page_key = page.name.split(".")[0]
        tree = lxml_html.fromstring(gzip.decompress(page.read_bytes()))
        head = tree.find("head")
        metas = []
        if head is not None:
            for el in head.iter("title", "meta"):
                if el.tag == "title" or el.get("property", el.get("name", "")).startswith(
                    ("og:", "article:", "date", "pubdate", "author", "twitter:title")
                ):
                    metas.append(lxml_html.tostring(el, encoding="unicode").strip())
        body = _excerpt(gold[page_key]["articleBody"].split("\n"))
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
        doc = (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            + "\n".join(metas)
            + "\n</head>\n<body>\n<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>\n"
            + "<div class='cookies'>We use cookies. <button>Accept</button></div>\n"
            + f"<article>\n{paragraphs}\n</article>\n<footer>All rights reserved.</footer>\n"
            + "</body>\n</html>\n"
        )
        return Input(f"{page_id[:16]}.html", doc.encode("utf-8"))

    return build


shared = pytest.mark.shared_data
ARTICLES = [
    pytest.param("seed-reuters-trump-maduro", seed_input, id="seed"),
    pytest.param("fixture-handmade-wire-page", wire_page_input, id="wire-page"),
    pytest.param("demo-12_10ecb", demo_input("12_10ecb"), id="demo-12_10ecb"),
    pytest.param("demo-12_10ecbplus", demo_input("12_10ecbplus"), id="demo-12_10ecbplus"),
    pytest.param("demo-12_11ecb", demo_input("12_11ecb"), id="demo-12_11ecb"),
    pytest.param("demo-12_11ecbplus", demo_input("12_11ecbplus"), id="demo-12_11ecbplus"),
    pytest.param(
        "shared-ecbplus-1_10ecbplus", ecbplus_input("1", "1_10ecbplus"), marks=shared, id="ecb1"
    ),
    pytest.param(
        "shared-ecbplus-30_1ecb", ecbplus_input("30", "30_1ecb"), marks=shared, id="ecb30"
    ),
    pytest.param(
        "shared-tbaq-APW19980807.0261",
        tbaq_input("aquaint/APW19980807.0261.tml"),
        marks=shared,
        id="tbaq-apw",
    ),
    pytest.param(
        "shared-tbaq-wsj_0006",
        tbaq_input("timebank/wsj_0006.tml"),
        marks=shared,
        id="tbaq-wsj",
    ),
    pytest.param(
        "shared-aeb-7916ecca969ffdd8",
        extraction_page_input("7916ecca969ffdd8"),
        marks=shared,
        id="aeb-aljazeera",
    ),
    pytest.param(
        "shared-aeb-82b6d780c792df78",
        extraction_page_input("82b6d780c792df78"),
        marks=shared,
        id="aeb-ap",
    ),
]


def _run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.fixture
def shared_or_none(request: pytest.FixtureRequest) -> Path | None:
    """The shared data folder for tests marked shared_data (skipping when absent), else None."""
    if request.node.get_closest_marker("shared_data"):
        return request.getfixturevalue("shared_data")
    return None


@pytest.mark.parametrize(("name", "build"), ARTICLES)
def test_golden_analyze_json(name, build, shared_or_none, tmp_path, capsys, update_golden):
    item = build(shared_or_none)
    path = tmp_path / item.filename
    path.write_bytes(item.content)
    code, out, err = _run_cli(["analyze", str(path), *item.options, "--format", "json"], capsys)
    assert code == 0, err
    check_golden(f"analyze/{name}", json.loads(out), update_golden)


# --- the CLI and the component registry ------------------------------------------------------


def _type_name(annotation: Any) -> str:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "choice"
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")


def _plain(value: Any) -> Any:
    """A default as JSON: enums by value, lists item by item, anything odd by its repr."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return "<computed>" if callable(value) else repr(value)


def _param_record(param: Any) -> dict[str, Any]:
    """What a user can type: a parameter's flags, type, choices, default and env variable.

    Typer ships its own copy of click, so the record is read by attribute, not by class."""
    annotation = param.type_descriptor.annotation
    record: dict[str, Any] = {
        "name": param.name,
        "kind": param.param_type_name,
        "type": _type_name(annotation),
        "required": bool(param.required),
        "multiple": bool(param.multiple) or param.nargs == -1,
        "default": _plain(param.default),
    }
    if param.param_type_name == "option":
        record["flags"] = sorted([*param.opts, *param.secondary_opts])
        record["is_flag"] = bool(param.is_flag)
    if param.envvar:
        record["envvar"] = param.envvar
    if record["type"] == "choice":
        record["choices"] = [str(member.value) for member in annotation]
    return record


def cli_commands() -> dict[str, Any]:
    """Every command path of the Typer app ("follow add") with its parameters."""
    import typer

    from storyline.cli import app

    root = typer.main.get_command(app)
    out: dict[str, Any] = {}

    def walk(cmd: Any, path: str) -> None:
        params = [_param_record(p) for p in cmd.params if p.name != "help"]
        entry: dict[str, Any] = {"params": params}
        subcommands = getattr(cmd, "commands", None)
        if subcommands is not None:
            entry["subcommands"] = sorted(subcommands)
        out[path or "storyline"] = entry
        if subcommands is not None:
            for sub_name in sorted(subcommands):
                walk(cmd.commands[sub_name], f"{path} {sub_name}".strip())

    walk(root, "")
    return out


def test_golden_cli_commands_and_options(update_golden):
    check_golden("cli_commands", cli_commands(), update_golden)


def test_golden_component_registry(update_golden):
    from storyline.analysis import COMPONENTS

    registry = [
        {"name": c.name, "version": c.version, "reads": list(c.reads), "writes": list(c.writes)}
        for c in COMPONENTS
    ]
    check_golden("components", registry, update_golden)


# --- the golden machinery itself -----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        ({"a": 1, "b": [1, 2]}, {"b": [1, 2], "a": 1}, []),
        ({"a": 1}, {"a": 2}, ["$.a: 1 -> 2"]),
        ({"t": "x" * 70}, {"t": None}, [f'$.t: "{"x" * 58}… -> null']),
        ({"a": [1]}, {"a": [1, 2]}, ["$.a: 1 items -> 2 items"]),
        ({"a": 1}, {"b": 1}, ["$.a: removed", "$.b: added"]),
    ],
)
def test_differences_ignore_key_order_and_name_paths(old, new, expect):
    assert list(_differences(old, new)) == expect


def test_check_golden_fails_with_a_readable_diff(tmp_path, monkeypatch):
    monkeypatch.setitem(globals(), "GOLDEN", tmp_path)
    check_golden("x", {"b": 1, "a": [1, 2]}, update=True)
    check_golden("x", {"a": [1, 2], "b": 1}, update=False)  # key order does not matter
    with pytest.raises(pytest.fail.Exception) as failed:
        check_golden("x", {"a": [1, 3], "b": 1}, update=False)
    message = str(failed.value)
    assert "$.a[1]: 2 -> 3" in message
    assert "--update-golden" in message
    assert "-    2" in message and "+    3" in message
