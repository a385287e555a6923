# ruff: noqa: E501  (TimeML samples stay on one line, as in the data files)
"""TimeML reading and writing: plain text out, tags in, the text never changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storyline.cli import main
from storyline.errors import InputError
from storyline.eval.timeml import (
    annotate_folder,
    output_name,
    parse_timeml,
    read_timeml,
    write_timeml,
)
from storyline.model import Timex

SKELETON = """<?xml version="1.0" ?>
<TimeML>
<DOCID>AP_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" temporalFunction="false" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TITLE>Title on Friday</TITLE>
<TEXT>
AT&amp;T said <EVENT eid="e1" class="REPORTING">Friday</EVENT> the flu season started last week &lt;early&gt;.
</TEXT>
</TimeML>
"""


def test_parse_timeml_plain_text_and_dct() -> None:
    doc = parse_timeml(SKELETON)
    assert doc.dct == dt.date(2013, 3, 22)
    assert doc.text.startswith("\nAT&T said Friday the flu")
    assert "<early>" in doc.text
    assert doc.timexes == []


def test_parse_timeml_reads_timex_offsets() -> None:
    raw = SKELETON.replace(
        "last week", '<TIMEX3 tid="t1" type="DATE" value="2013-W11">last week</TIMEX3>'
    )
    doc = parse_timeml(raw)
    (t,) = doc.timexes
    assert doc.text[t.start : t.end] == "last week"
    assert (t.type, t.value) == ("DATE", "2013-W11")


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [("last week", True), ("AT&T", True), ("said Friday", False)],  # the last cuts an EVENT tag
)
def test_write_timeml_inserts_tags_text_untouched(phrase: str, kept: bool) -> None:
    doc = parse_timeml(SKELETON)
    start = doc.text.index(phrase)
    t = Timex(start, start + len(phrase), phrase, "DATE", "2013-W11")
    out = write_timeml(doc, [t])
    again = parse_timeml(out)
    assert again.text == doc.text
    assert [x.text for x in again.timexes] == ([phrase] if kept else [])
    assert out.count("<TIMEX3") == 1 + int(kept)  # the DCT's tag is kept


def test_parse_timeml_without_text_is_input_error() -> None:
    with pytest.raises(InputError, match="no <TEXT>"):
        parse_timeml("<TimeML></TimeML>", name="x.tml")


@pytest.mark.parametrize(
    ("name", "out"), [("a.tml.TE3input", "a.tml"), ("a.tml", "a.tml"), ("CNN_1.tml", "CNN_1.tml")]
)
def test_output_name(name: str, out: str) -> None:
    assert output_name(Path(name)) == out


def test_annotate_folder_tags_with_the_files_dct(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "AP_1.tml.TE3input").write_text(SKELETON)
    (written,) = annotate_folder(tmp_path / "in", tmp_path / "out").written
    assert written.name == "AP_1.tml"
    doc = parse_timeml(written.read_text())
    values = {t.text: t.value for t in doc.timexes}
    assert values["last week"] == "2013-W11"
    assert doc.text == parse_timeml(SKELETON).text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeml", "/nonexistent/in", "/tmp/out"], "not a folder of TimeML files"),
    ],
)
def test_cli_timeml_bad_input_one_line(args, message, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err and "Traceback" not in err


def test_cli_timeml_empty_folder(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["timeml", str(tmp_path), str(tmp_path / "out")])
    assert exc.value.code == 2
    assert "no *.tml" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("header", "dct"),
    [
        (
            '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22T09:15:00">x</TIMEX3></DCT>',
            "2013-03-22",
        ),
        ('<DCT><TIMEX3 tid="t0" type="DATE" value="20130322">x</TIMEX3></DCT>', "2013-03-22"),
        ("<DOCID>AP_20130322</DOCID>", "2013-03-22"),  # no DCT: the date in the DOCID
        ('<DCT><TIMEX3 tid="t0" type="DATE" value="XXXX">x</TIMEX3></DCT>', None),
        ("<DOCID>no-date-here</DOCID>", None),
    ],
)
def test_parse_timeml_dct_forms(header: str, dct: str | None) -> None:
    doc = parse_timeml(f"<TimeML>{header}<TEXT>On Friday.</TEXT></TimeML>")
    assert (doc.dct.isoformat() if doc.dct else None) == dct


def test_cli_timeml_bad_file_is_reported_and_others_written(tmp_path: Path, capsys) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.tml").write_text(SKELETON)
    (tmp_path / "in" / "bad.tml").write_bytes(b"\xff\xfe<TimeML>not utf-8 \x81</TimeML>")
    with pytest.raises(SystemExit) as exc:
        main(["timeml", str(tmp_path / "in"), str(tmp_path / "out")])
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.count("Error: ") == 1 and "bad.tml" in err and "Traceback" not in err
    assert (tmp_path / "out" / "good.tml").is_file()


def test_read_timeml_drops_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.tml"
    path.write_bytes(b"\xef\xbb\xbf" + SKELETON.encode("utf-8"))
    assert parse_timeml(SKELETON).text == read_timeml(path).text
