"""From raw bytes to text, refusing what is not an article: empty, binary, too large, undecodable.

Order of decoding, and why:

1. a byte-order mark (UTF-8/16/32) is the strongest evidence there is;
2. strict UTF-8: a byte string with non-ASCII bytes that decodes as UTF-8 almost never is
   anything else, and pages that *declare* Latin-1 but hold UTF-8 are common;
3. the charset the document declares (``content_type``, ``<meta charset>``, ``<?xml encoding>``);
4. charset-normalizer's best guess, accepted only when it reads as text (little "chaos").

Latin-1 is never a silent fallback: it decodes every byte string, junk included.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from storyline.errors import InputError

# An article page is rarely above 2-3 MB of HTML; 16 MiB leaves room for inlined scripts and
# images while refusing dumps (and a 20 MB wall of text) before any parsing work.
MAX_RAW_BYTES = 16 * 1024 * 1024
# spaCy refuses texts over 1,000,000 characters by default; no news article comes near it.
MAX_TEXT_CHARS = 1_000_000
# Share of control characters (other than tab/newline/CR/FF) above which decoded text is junk.
MAX_CONTROL_RATIO = 0.01
# Below this share of whitespace and punctuation, a long decoded text is not language.
MIN_SEPARATOR_RATIO = 0.02
# How much of the input the charset guess and the binary checks look at.
SAMPLE_BYTES = 256 * 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures worth naming in the error, so the user knows what they gave us.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x1f\x8b", "a gzip-compressed file (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2-compressed file (decompress it first)"),
    (b"\xfd7zXZ", "an xz-compressed file (decompress it first)"),
    (b"(\xb5/\xfd", "a zstd-compressed file (decompress it first)"),
)

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

# WHATWG: browsers read these labels as windows-1252, and so do we (0x80-0x9F are letters there).
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def has_content(text: str) -> bool:
    """Something besides whitespace and invisible format characters (BOM, zero-width space)."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def check_size(raw: str | bytes) -> None:
    """Refuse inputs too large to be one article, before any parsing."""
    size = len(raw)  # for text, characters stand in for bytes
    if size > MAX_RAW_BYTES:
        raise InputError(
            f"the input is too large for one article ({_mb(size)}, limit {_mb(MAX_RAW_BYTES)}); "
            "give one article per file (use `storyline ingest` for many)"
        )


# UTF-8 read as Latin-1/windows-1252 ("â\x80\x99" or "â€™" for "’"): a lead byte then one to
# three continuation bytes, as the characters those bytes become in Latin-1 or windows-1252.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")


def _as_byte(ch: str) -> bytes:
    try:
        return ch.encode("cp1252")
    except UnicodeEncodeError:
        return ch.encode("latin-1")  # C1 controls, undefined in windows-1252


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Latin-1 or windows-1252 somewhere upstream.

    Each suspicious run is repaired on its own, and only when its bytes are valid UTF-8, so a
    text mixing correct and broken characters comes out right and real "Â" or "é" stay.
    """

    def fix(m: re.Match[str]) -> str:
        try:
            return b"".join(_as_byte(ch) for ch in m.group()).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group()

    return _MOJIBAKE.sub(fix, text) if _MOJIBAKE.search(text) else text


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in BOM-less UTF-16 of
    mostly Latin text (Windows tools write it); None otherwise."""
    if len(sample) < 16 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _what_binary(sample: bytes) -> str | None:
    """A description of the binary format, or None if the bytes may be text."""
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            return what
    if b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    return None


def declared_charset(raw: bytes, content_type: str | None = None) -> str | None:
    """The charset the document names: Content-Type first, then the XML declaration or meta tag."""
    if content_type:
        m = _CHARSET_RE.search(content_type.encode("ascii", "ignore"))
        if m:
            return m.group(1).decode("ascii").lower()
    head = raw[:4096]
    m = _XML_ENCODING_RE.search(head) or _CHARSET_RE.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(label: str) -> str | None:
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# Whitespace and punctuation in the scripts news is written in (ASCII, Latin-1, general
# punctuation, CJK and full-width forms); a regex count is ~20x faster than a category lookup.
_SEPARATORS = re.compile(
    "[\\s!-/:-@\\[-`{-~\u00a1-\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]"
)
# Controls (but tab, newline, CR, FF), the replacement character, lone surrogates, private use.
_JUNK_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff\ue000-\uf8ff]")


def separator_ratio(text: str) -> float:
    """Share of whitespace and punctuation: every language's running text has some, junk
    decoded through a wrong charset (e.g. random bytes behind a UTF-16 BOM) has almost none."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return 1.0
    return len(_SEPARATORS.findall(sample)) / len(sample)


def control_ratio(text: str) -> float:
    """Share of control, replacement, surrogate and private-use characters in a sample."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return 0.0
    return len(_JUNK_CHARS.findall(sample)) / len(sample)


def _guess(raw: bytes) -> str | None:
    """charset-normalizer's guess, when the result reads as text.

    On short Western texts it cannot tell windows-1252 from its cousins (cp1250, mac_roman...)
    and may pick a cousin that turns "à" into "ŕ"; windows-1252 is by far the most common legacy
    charset of news pages, so it wins whenever it reads about as cleanly as the best guess.
    """
    from charset_normalizer import from_bytes

    sample = raw[:SAMPLE_BYTES]
    best = from_bytes(sample).best()
    if best is None or best.chaos > 0.2:
        return None
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos + 0.05:
        return "cp1252"
    return best.encoding


def to_text(raw: str | bytes, *, content_type: str | None = None) -> str:
    """Decode and vet one document: the text, or an ``InputError`` with one clear line."""
    check_size(raw)
    if isinstance(raw, str):
        text = raw
    else:
        if not raw.strip():
            raise InputError("the input is empty: give a file with an article's text or HTML")
        text = _decode(raw, content_type)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = repair_mojibake(text)
    if not has_content(text):
        raise InputError("the input is empty: give a file with an article's text or HTML")
    if control_ratio(text) > MAX_CONTROL_RATIO:
        raise InputError(
            "the input looks like binary data, not text or HTML "
            "(too many control characters); give an article's text or HTML"
        )
    if len(text) >= 200 and separator_ratio(text) < MIN_SEPARATOR_RATIO:
        raise InputError(
            "the input does not read as text in any encoding (no spaces or punctuation); "
            "give an article's text or HTML, converted to UTF-8"
        )
    return text


def _decode(raw: bytes, content_type: str | None) -> str:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"cannot decode the input: it starts with a {codec} byte-order mark but is "
                    f"not valid {codec} (byte {exc.start}); convert it to UTF-8"
                ) from exc
    utf16 = _utf16_without_bom(raw[:SAMPLE_BYTES])
    if utf16:
        try:
            return raw.decode(utf16)
        except UnicodeDecodeError:
            pass  # an odd length or a broken pair: binary after all
    what = _what_binary(raw[:SAMPLE_BYTES])
    if what:
        raise InputError(f"the input is {what}, not an article's text or HTML")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    label = declared_charset(raw, content_type)
    declared = _codec(label) if label else None
    if declared and declared != "utf-8":
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass
    guessed = _guess(raw)
    if guessed:
        try:
            return raw.decode(guessed)
        except (UnicodeDecodeError, LookupError):
            pass
    note = f" (it declares {label!r}, which does not fit either)" if label else ""
    raise InputError(
        f"cannot decode the input as text: it is not UTF-8 and no other encoding fits{note}; "
        "convert it to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)"
    )
