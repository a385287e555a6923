"""``storyline timeml`` through the real entry point: a file whose DCT cannot anchor relative
dates is still tagged, and the user is told which file and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from storyline_test_cli import run

SKELETON = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{docid}</DOCID>\n{dct}\n'
    "<TEXT>\nThe council met on Friday and will vote next year.\n</TEXT>\n</TimeML>\n"
)
DCT = (
    '<DCT><TIMEX3 tid="t0" type="DATE" value="{value}" functionInDocument="CREATION_TIME">'
    "x</TIMEX3></DCT>"
)


def _write(folder: Path, name: str, *, value: str | None, docid: str = "NEWS-A") -> None:
    dct = DCT.format(value=value) if value is not None else ""
    (folder / name).write_text(SKELETON.format(docid=docid, dct=dct), encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "expect"),
    [
        ("0000-00-00", "bad.tml.TE3input: DCT value '0000-00-00' is not a date"),
        ("garbage", "bad.tml.TE3input: DCT value 'garbage' is not a date"),
        (None, "bad.tml.TE3input: no DCT"),
    ],
    ids=["zero-date", "not-a-date", "missing"],
)
def test_timeml_unusable_dct_is_one_warning_line_and_still_tagged(tmp_path, capsys, value, expect):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    _write(inputs, "bad.tml.TE3input", value=value)
    _write(inputs, "good.tml.TE3input", value="1998-02-13")
    code, stdout, err = run(["timeml", str(inputs), str(out)], capsys)
    assert code == 0, err
    assert "Traceback" not in err
    warnings = [line for line in err.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1, err
    assert warnings[0].startswith(f"Warning: {expect}; relative dates are left unresolved")
    assert sorted(p.name for p in out.iterdir()) == ["bad.tml", "good.tml"]
    assert 'value="1998-02-13">Friday</TIMEX3>' in (out / "good.tml").read_text(encoding="utf-8")
    assert "wrote 2 file(s)" in stdout


def test_timeml_dct_from_docid_gives_no_warning(tmp_path, capsys):
    # A missing DCT is taken from a dated DOCID, as TE3 and news archives name their files.
    inputs = tmp_path / "in"
    inputs.mkdir()
    _write(inputs, "APW19980213.1310.tml", value=None, docid="APW19980213.1310")
    code, _stdout, err = run(["timeml", str(inputs), str(tmp_path / "out")], capsys)
    assert code == 0
    assert "Warning" not in err
