"""Reading and writing TimeML (TempEval-3 style).

A TimeML file keeps its text between ``<TEXT>`` and ``</TEXT>``, XML-escaped and possibly with
tags (EVENT, TIMEX3, SIGNAL) around some words; the document creation time (DCT) is the value of
the TIMEX3 inside ``<DCT>``. We read the TEXT as *plain text* (tags removed, entities decoded) plus
the TIMEX3 annotations as character offsets into that plain text, and keep a map from plain
offsets back to the raw file so tags can be inserted without changing a single character of the
text (the TE3 scorer requires the tag-stripped text of an output to equal the gold text).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from storyline.dates import parse_date
from storyline.errors import InputError, InvalidDate
from storyline.model import Timex

_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.S)
_ATTR = re.compile(r"""([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# One piece of the raw TEXT: a tag, an entity reference, or one ordinary character.
_PIECE = re.compile(r"<[^>]*>|&#?\w+;|[^<&]|[<&]", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([\w:]+)")

INPUT_SUFFIXES = (".tml.TE3input", ".tml")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A TIMEX3 found in a TimeML file, with offsets into the plain text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class TimeMLDoc:
    """One TimeML file: its raw content, the plain TEXT, the DCT and the TIMEX3 in the TEXT."""

    raw: str
    text_start: int  # raw offset of the first character inside <TEXT>
    text_end: int  # raw offset of </TEXT>
    text: str  # plain text (tags removed, entities decoded)
    dct: dt.date | None
    dct_value: str | None
    timexes: list[GoldTimex]
    # raw offset (absolute in ``raw``) of each plain character, plus one past the end.
    offsets: list[int]
    name: str = ""


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) or m.group(3) or "") for m in _ATTR.finditer(tag)}


_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def _date_value(value: str, name: str) -> dt.date | None:
    """An ISO ("2013-03-22", "2013-03-22T09:00") or compact ("20130322") date, else None."""
    compact = _COMPACT.match(value.strip())
    if compact:
        value = "-".join(compact.groups())
    try:
        return parse_date(value.strip()[:10], what=f"DCT in {name}")
    except InvalidDate:
        # A DCT like "1998-W05" or "XXXX" cannot anchor anything; treat it as absent.
        return None


def _dct(raw: str, name: str) -> tuple[dt.date | None, str | None]:
    """The document creation time: the value of the TIMEX3 in <DCT>; failing that, a date in
    the DOCID ("AP_20130322"), as TE3 and news archives name their files."""
    m = _DCT.search(raw)
    timex = re.search(r"<TIMEX3\b[^>]*>", m.group(1)) if m else None
    value = _attrs(timex.group(0)).get("value") if timex else None
    if value:
        return _date_value(value, name), value
    docid = re.search(r"<DOCID>\s*([^<]*?)\s*</DOCID>", raw)
    found = _COMPACT.search(docid.group(1)) if docid else None
    if found:
        return _date_value("-".join(found.groups()), name), None
    return None, None


def parse_timeml(raw: str, *, name: str = "<string>") -> TimeMLDoc:
    """Parse TimeML text. Raises ``InputError`` when there is no ``<TEXT>`` element."""
    open_m = _TEXT_OPEN.search(raw)
    close_m = _TEXT_CLOSE.search(raw, open_m.end()) if open_m else None
    if not open_m or not close_m:
        raise InputError(f"{name}: not a TimeML file (no <TEXT> ... </TEXT> element)")
    start, end = open_m.end(), close_m.start()
    plain: list[str] = []
    offsets: list[int] = []
    open_timexes: list[tuple[int, dict[str, str]]] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    for piece in _PIECE.finditer(raw, start, end):
        token = piece.group(0)
        pos = piece.start()
        if token.startswith("<") and len(token) > 1:
            tm = _TAG_NAME.match(token)
            if tm and tm.group(2) == "TIMEX3":
                if tm.group(1):
                    if open_timexes:
                        t_start, attrs = open_timexes.pop()
                        found.append((t_start, len(plain), attrs))
                elif not token.rstrip(">").rstrip().endswith("/"):
                    open_timexes.append((len(plain), _attrs(token)))
            continue
        decoded = html.unescape(token) if token.startswith("&") and len(token) > 1 else token
        for ch in decoded:
            plain.append(ch)
            offsets.append(pos)
    offsets.append(end)
    text = "".join(plain)
    dct, dct_value = _dct(raw, name)
    timexes = [
        GoldTimex(
            start=s,
            end=e,
            text=text[s:e],
            type=a.get("type", ""),
            value=a.get("value", ""),
            mod=a.get("mod") or None,
            attrs=a,
        )
        for s, e, a in sorted(found, key=lambda x: (x[0], x[1]))
    ]
    return TimeMLDoc(raw, start, end, text, dct, dct_value, timexes, offsets, name)


def read_timeml(path: Path) -> TimeMLDoc:
    """Read a TimeML file; a clear ``InputError`` if it cannot be read or has no TEXT."""
    try:
        raw = path.read_text(encoding="utf-8-sig")  # a byte-order mark is not text
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    return parse_timeml(raw, name=path.name)


def _timex_tag(tid: str, t: Timex) -> str:
    attrs = [("tid", tid), ("type", t.type), ("value", t.value)]
    if t.mod:
        attrs.append(("mod", t.mod))
    if t.quant:
        attrs.append(("quant", t.quant))
    if t.freq:
        attrs.append(("freq", t.freq))
    return "<TIMEX3 " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + ">"


def _balanced(segment: str) -> bool:
    """True when the raw segment a new TIMEX3 would wrap opens and closes its own tags."""
    stack: list[str] = []
    for m in re.finditer(r"<[^>]*>", segment):
        tm = _TAG_NAME.match(m.group(0))
        if not tm or m.group(0).rstrip(">").rstrip().endswith("/"):
            continue
        if tm.group(1):
            if not stack or stack.pop() != tm.group(2):
                return False
        else:
            stack.append(tm.group(2))
    return not stack


def strip_timex_tags(raw: str) -> str:
    """The raw file with every TIMEX3 inside <TEXT> removed (the DCT's is kept)."""
    open_m = _TEXT_OPEN.search(raw)
    close_m = _TEXT_CLOSE.search(raw, open_m.end()) if open_m else None
    if not open_m or not close_m:
        return raw
    inner = re.sub(r"</?TIMEX3\b[^>]*>", "", raw[open_m.end() : close_m.start()])
    return raw[: open_m.end()] + inner + raw[close_m.start() :]


def write_timeml(doc: TimeMLDoc, timexes: list[Timex]) -> str:
    """The raw file with ``timexes`` inserted as TIMEX3 tags into TEXT; the text is untouched.

    Existing TIMEX3 tags in TEXT are dropped first (we re-tag). A timex whose span would cut
    through another tag (an EVENT half inside it) is left out rather than producing bad XML.
    """
    base = parse_timeml(strip_timex_tags(doc.raw), name=doc.name)
    raw = base.raw
    inserts: list[tuple[int, int, str]] = []  # (raw position, order, tag)
    last_end = -1
    number = 1
    for t in sorted(timexes, key=lambda x: (x.start, -x.end)):
        if t.start < last_end or not (0 <= t.start < t.end <= len(base.text)):
            continue
        r_start = base.offsets[t.start]
        r_end = base.offsets[t.end - 1] + len(_raw_char(raw, base.offsets[t.end - 1]))
        if not _balanced(raw[r_start:r_end]):
            continue
        inserts.append((r_start, 1, _timex_tag(f"t{number}", t)))
        inserts.append((r_end, 0, "</TIMEX3>"))
        number += 1
        last_end = t.end
    out = []
    prev = 0
    for pos, _order, tag in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(raw[prev:pos])
        out.append(tag)
        prev = pos
    out.append(raw[prev:])
    return "".join(out)


def _raw_char(raw: str, pos: int) -> str:
    """The raw piece (a character or an entity reference) that starts at ``pos``."""
    m = _PIECE.match(raw, pos)
    return m.group(0) if m else raw[pos]


def output_name(path: Path) -> str:
    """``X.tml.TE3input`` -> ``X.tml``; ``X.tml`` stays."""
    name = path.name
    for suffix in INPUT_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)] + ".tml"
    return name


def input_files(folder: Path) -> list[Path]:
    """TE3 inputs in ``folder`` (``*.tml.TE3input`` or ``*.tml``), sorted by name."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of TimeML files")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(INPUT_SUFFIXES))
    if not files:
        raise InputError(f"{folder}: no *.tml or *.tml.TE3input files in it")
    return files


@dataclass(slots=True)
class FolderResult:
    """What ``annotate_folder`` did: the files written and, per bad input, why it was skipped."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    # Inputs tagged without a DCT, with the DCT value they gave (None: none at all): their
    # relative dates stay unresolved, which the user must hear of.
    undated: list[tuple[Path, str | None]] = field(default_factory=list)


def annotate_folder(in_dir: Path, out_dir: Path, *, parse: bool = False) -> FolderResult:
    """Tag every TE3 input in ``in_dir`` and write TimeML files to ``out_dir``.

    Each input's DCT anchors its relative dates; a file without one is tagged without a DCT
    (relative values keep unknown digits). With ``parse``, tense comes from a spaCy parse. A file
    that cannot be read is reported in ``failed`` and the others are still written.
    """
    from storyline.nlp.timex import tag

    files = input_files(in_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from exc
    if out_dir.resolve() == in_dir.resolve():
        raise InputError(
            "OUT_DIR must differ from IN_DIR (inputs named *.tml would be overwritten)"
        )
    nlp = None
    if parse:
        from storyline.nlp.pipeline import get_nlp

        nlp = get_nlp()
    result = FolderResult()
    for path in files:
        try:
            doc = read_timeml(path)
        except InputError as exc:
            result.failed.append((path, str(exc)))
            continue
        if doc.dct is None:
            result.undated.append((path, doc.dct_value))
        parsed = nlp(doc.text) if nlp is not None else None
        timexes = tag(doc.text, doc.dct, doc=parsed)
        target = out_dir / output_name(path)
        target.write_text(write_timeml(doc, timexes), encoding="utf-8")
        result.written.append(target)
    return result
