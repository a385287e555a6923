"""What the ``storyline`` command imports before it does anything: a regression guard.

Every CLI call pays for the modules it imports. spaCy, FastAPI, Ray, pyarrow, scikit-learn,
trafilatura and the like cost up to a second or more of CPU together, so ``storyline --help``,
``storyline stories`` and reading a timeline must not import them; only the commands that analyse,
serve or run a batch do. Each case runs the real entry point in a fresh interpreter (a
subprocess) and asserts on ``sys.modules`` afterwards, so the check does not depend on the
machine's speed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from storyline_test_cli import three_articles_jsonl

from storyline.cli import main

pytestmark = [pytest.mark.issue(5)]


# Heavy stacks no reading command needs (top-level package names).
HEAVY = (
    "spacy",
    "thinc",
    "torch",
    "fastapi",
    "starlette",
    "uvicorn",
    "ray",
    "pyarrow",
    "playwright",
    "sklearn",
    "trafilatura",
    "datasketch",
)
# Not heavy, but not needed to print help or to read a stored timeline either.
NOT_FOR_HELP = ("sqlalchemy", "alembic", "rich", "numpy", "scipy")
# An up-to-date workspace is recognised in plain SQL: Alembic loads only when a migration is due.
NOT_FOR_CACHED_READ = ("numpy", "scipy", "alembic")

# Runs ``storyline ARGV...`` in-process, then reports the exit code and the top-level packages
# loaded, as the last line of stderr.
_PROBE = """
import json, sys
code = 0
try:
    from storyline.cli import main
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
loaded = sorted({name.split(".")[0] for name in sys.modules})
print("\\nPROBE " + json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def _probe(args: list[str]) -> tuple[int, set[str]]:
    """``storyline ARGS...`` in a fresh interpreter: (exit code, top-level packages loaded)."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    assert last.startswith("PROBE "), done.stderr[-2000:]
    report = json.loads(last.removeprefix("PROBE "))
    return int(report["code"]), set(report["loaded"])


def _import_only(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return {name.split(".")[0] for name in json.loads(done.stdout.strip().splitlines()[-1])}


@pytest.mark.parametrize(
    "code",
    ["import storyline", "import storyline.cli", "from storyline.cli import app, main"],
)
def test_import_loads_no_heavy_package(code):
    loaded = _import_only(code)
    assert loaded.isdisjoint(HEAVY + NOT_FOR_HELP), sorted(loaded & set(HEAVY + NOT_FOR_HELP))


@pytest.mark.parametrize(
    "args", [["--help"], ["timeline", "--help"], ["ingest", "--help"], ["serve", "--help"]]
)
def test_help_loads_no_heavy_package(args):
    code, loaded = _probe(args)
    assert code == 0
    assert loaded.isdisjoint(HEAVY + NOT_FOR_HELP), sorted(loaded & set(HEAVY + NOT_FOR_HELP))


def test_package_exports_load_on_first_use():
    # The lazy names of ``storyline`` are the real objects, and only asking for them loads them.
    code = (
        "import sys, storyline\n"
        "assert 'spacy' not in sys.modules and 'sqlalchemy' not in sys.modules\n"
        "from storyline import analyze, AnalysisOptions, analyze_article, Workspace\n"
        "import storyline.analysis as a, storyline.workspace as w\n"
        "assert analyze is a.analyze and AnalysisOptions is a.AnalysisOptions\n"
        "assert analyze_article is a.analyze_article and Workspace is w.Workspace\n"
        "assert set(storyline.__all__) <= set(dir(storyline))\n"
    )
    assert "spacy" in _import_only(code)


def test_unknown_package_attribute_is_an_attribute_error():
    import storyline

    with pytest.raises(AttributeError, match="no_such_name"):
        storyline.no_such_name  # noqa: B018


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory, nlp) -> dict[str, str]:
    """A real workspace (three articles, two stories) with the biggest story's timeline read
    once (cached), and a copy taken before any timeline was built."""
    folder = tmp_path_factory.mktemp("startup")
    path = three_articles_jsonl(folder)
    warm = str(folder / "warm.db")
    with pytest.raises(SystemExit) as exc:
        main(["--db", warm, "ingest", str(path), "--format", "json"])
    assert exc.value.code == 0
    cold = str(folder / "cold.db")
    shutil.copyfile(warm, cold)
    with pytest.raises(SystemExit) as exc:
        main(["--db", warm, "timeline", "1", "--format", "json"])  # builds and caches it
    assert exc.value.code == 0
    return {"warm": warm, "cold": cold}


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["stories"],
        ["stories", "--format", "json"],
        ["timeline", "1", "--format", "json"],
        ["timeline", "1"],
        ["timeline", "1", "--format", "md"],
        ["articles", "list", "--format", "json"],
    ],
)
def test_reading_commands_load_no_heavy_package(workspaces, args):
    code, loaded = _probe(["--db", workspaces["warm"], *args])
    assert code == 0
    unwanted = HEAVY + NOT_FOR_CACHED_READ
    assert loaded.isdisjoint(unwanted), sorted(loaded & set(unwanted))


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "1", "--format", "json"],
        ["timeline", "--all", "--max-dates", "3", "--per-date", "1", "--format", "json"],
    ],
)
def test_building_a_timeline_loads_no_heavy_package(workspaces, args):
    # No cached timeline in this copy: the command builds it from the stored analyses, which
    # needs numpy but neither spaCy nor anything else of HEAVY.
    code, loaded = _probe(["--db", workspaces["cold"], *args])
    assert code == 0
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.slow
def test_analyze_still_loads_spacy(tmp_path):
    # The counter-example: a command that analyses does load spaCy (on demand, in the command).
    article = tmp_path / "a.txt"
    article.write_text("The mayor said on Monday that the bridge would close.", encoding="utf-8")
    code, loaded = _probe(
        ["analyze", str(article), "--published", "2025-02-25", "--format", "json"]
    )
    assert code == 0
    assert "spacy" in loaded


@pytest.mark.slow
def test_cached_json_timeline_is_read_without_sqlalchemy(workspaces):
    # A cached timeline printed as JSON is read with sqlite3 alone (``store.quick``): the
    # command then costs about half as much.
    code, loaded = _probe(["--db", workspaces["warm"], "timeline", "1", "--format", "json"])
    assert code == 0
    assert "sqlalchemy" not in loaded


@pytest.mark.slow
@pytest.mark.parametrize("which", ["warm", "cold"])
def test_json_timeline_is_the_same_read_quick_or_not(workspaces, which, capsys, tmp_path):
    # The counter-example to the above: without a cached row (cold) the ordinary path builds
    # it; either way the command prints what the library's timeline_json gives. (On a copy:
    # the build caches the timeline, and other tests need the cold workspace cold.)
    import storyline.stories as st
    from storyline.workspace import Workspace

    db = str(tmp_path / "copy.db")
    shutil.copyfile(workspaces[which], db)
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "timeline", "1", "--format", "json"])
    assert exc.value.code == 0
    printed = capsys.readouterr().out
    with Workspace(db) as ws:
        again = st.timeline_json(ws, story_id=1)
    assert json.loads(printed) == json.loads(again)
    if which == "warm":  # both read the stored text: byte for byte
        assert printed == again + "\n"
