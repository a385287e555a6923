"""``storyline ingest`` (JSONL with publication dates) then ``storyline timeline --all
--max-dates N --per-date K --format json``: the way a TLS benchmark calls storyline."""

from __future__ import annotations

import json

import pytest

from storyline.cli import main

pytestmark = [pytest.mark.issue(5), pytest.mark.slow]

# A small made-up story told by four outlets over a week (one a wire copy of another).
ROWS = [
    {
        "id": "a1",
        "outlet": "Harbour Herald",
        "published": "2024-03-04",
        "title": "Ferry strike begins",
        "text": "Ferry workers in Portvale walked off the job on Monday, halting all crossings "
        "to the islands. The union said the strike would last until the company raised pay. "
        "Company director Ana Ruiz said on Sunday that the offer was final.",
    },
    {
        "id": "a2",
        "outlet": "Island Times",
        "published": "2024-03-06",
        "title": "Talks fail as ferry strike continues",
        "text": "Talks between the ferry union and the company collapsed on Tuesday, union "
        "leader Tom Bell said. Islanders queued for emergency boats run by the navy. "
        "The strike began on March 4.",
    },
    {
        "id": "a3",
        "outlet": "Coast Wire",
        "published": "2024-03-08",
        "title": "Ferry strike ends with pay deal",
        "text": "The ferry strike in Portvale ended on Thursday after workers accepted a "
        "six percent pay rise, the union said. Crossings resume on Saturday.",
    },
    {
        "id": "a4",
        "outlet": "Daily Post",
        "published": "2024-03-08",
        "title": "Ferry strike ends with pay deal",
        "text": "The ferry strike in Portvale ended on Thursday after workers accepted a "
        "six percent pay rise, the union said. Crossings resume on Saturday.",
    },
]


def run(argv: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, _ = capsys.readouterr()
    return int(exc.value.code or 0), out


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    folder = tmp_path_factory.mktemp("summary_cli")
    path = folder / "story.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    database = str(folder / "ws.db")
    with pytest.raises(SystemExit) as exc:
        main(["--db", database, "ingest", str(path)])
    assert exc.value.code == 0
    return database


@pytest.mark.parametrize(("n", "k"), [(1, 1), (2, 1), (3, 2)])
def test_timeline_all_summary_keeps_n_dates_and_k_entries(db, capsys, n, k):
    argv = ["--db", db, "timeline", "--all", "--max-dates", str(n), "--per-date", str(k)]
    code, out = run([*argv, "--format", "json"], capsys)
    assert code == 0
    entries = json.loads(out)["entries"]
    dates = [e["date"] for e in entries]
    assert entries and len(set(dates)) <= n
    assert all(dates.count(d) <= k for d in dates)
    assert all(e["dated_by"] in ("text", "published") for e in entries)
    # Days only: a TLS reader wants what happened when.
    assert all(len(e["date"]) >= 10 and e["precision"] in ("day", "time") for e in entries)


def test_timeline_all_summary_top_day_is_the_most_reported(db, capsys):
    # The strike's start (Monday Mar 4) is told by two outlets; the end (Thursday Mar 7) by the
    # wire story and its copy, which count once.
    code, out = run(
        [
            "--db",
            db,
            "timeline",
            "--all",
            "--max-dates",
            "1",
            "--per-date",
            "1",
            "--format",
            "json",
        ],
        capsys,
    )
    assert code == 0
    assert [e["date"] for e in json.loads(out)["entries"]] == ["2024-03-04"]
