"""Rules kept as data: the loader for ``src/storyline/data/*``.

Every rule family (cue verbs, honorifics, month names, furniture lines, ...) is a plain text
file a non-programmer can extend. Two shapes are supported:

* a *list*: one entry per line;
* a *table*: tab-separated columns, the first non-comment line naming them (``# columns:`` is
  not needed; the header is a line starting with ``@``, e.g. ``@cue\tpolarity``).

Blank lines and lines starting with ``#`` are comments. A malformed line raises
``RuleFileError`` naming ``file:line`` and what is wrong.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from storyline.errors import RuleFileError

DATA_PACKAGE = "storyline.data"


def data_path(name: str) -> Path:
    """The path of a rule file shipped in ``storyline/data``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def _lines(name: str) -> list[tuple[int, str]]:
    path = data_path(name)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuleFileError(f"{name}: rule file missing from the package") from exc
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        stripped = line.rstrip("\n\r")
        if not stripped.strip() or stripped.lstrip().startswith("#"):
            continue
        out.append((number, stripped))
    return out


@functools.cache
def load_list(name: str, *, lower: bool = False) -> tuple[str, ...]:
    """Entries of a one-per-line rule file, in file order, duplicates removed."""
    seen: dict[str, None] = {}
    for _number, line in _lines(name):
        entry = line.strip()
        if lower:
            entry = entry.lower()
        seen.setdefault(entry, None)
    return tuple(seen)


@functools.cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated rule file whose header line starts with ``@``.

    Trailing columns may be left empty; a row with more columns than the header is an error.
    """
    lines = _lines(name)
    if not lines or not lines[0][1].startswith("@"):
        raise RuleFileError(f"{name}:1: a table needs a header line starting with '@'")
    header = [c.strip() for c in lines[0][1][1:].split("\t")]
    rows = []
    for number, line in lines[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(header):
            raise RuleFileError(
                f"{name}:{number}: {len(cells)} columns, the header names {len(header)} "
                "(separate columns with one tab)"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)
