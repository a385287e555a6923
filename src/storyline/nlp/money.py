"""Money: "US$50 million (S$65 million)" -> 50,000,000 USD and 65,000,000 SGD.

``extract(text) -> list[Money]`` finds amounts written with a currency symbol or code before
the number ("US$50 million", "£3bn", "EUR 12.5m", "Rs 2 crore") or a currency word after it
("50 million dollars", "3 billion yuan"). Symbols, codes and words live in currencies.tsv and
the multipliers (million, bn, crore ...) in money_multipliers.tsv. One regular expression pass
over the text: linear, and no spaCy parse needed.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from storyline.model import Money
from storyline.rules import load_table

VERSION = "money.rules.v1"

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, Decimal]]:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for row in load_table("currencies.tsv"):
        sym, code, pos = row["symbol"], row["code"], row["position"]
        if pos in ("before", "both"):
            before[sym] = code
        if pos in ("after", "both"):
            after[sym.lower()] = code
    mult = {r["word"].lower(): Decimal(r["factor"]) for r in load_table("money_multipliers.tsv")}
    return before, after, mult


def _alternation(words: list[str]) -> str:
    # Longest first, so "US$" wins over "$" and "US dollars" over "dollars".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _multiplier(suffix: str) -> str:
    """An optional multiplier after the number, in named groups ``mult``/``abbr`` + suffix.

    A word ("million") may follow a space; an abbreviation sticks to the number ("£3bn",
    "$5m") or follows one space ("US$ 5 bn"); neither may run on into a word ("5 mangoes").
    """
    mult = _tables()[2]
    long_mult = [w for w in mult if len(w) > 2]
    short_mult = [w for w in mult if len(w) <= 2]
    return (
        rf"(?:[ \u00a0]?(?P<mult{suffix}>{_alternation(long_mult)})"
        rf"|[ \u00a0]?(?P<abbr{suffix}>{_alternation(short_mult)}))(?![A-Za-z])"
    )


@functools.cache
def _pattern() -> re.Pattern[str]:
    before, after, _mult = _tables()
    pre = rf"(?<![A-Za-z0-9$])(?P<pre>{_alternation(list(before))})[ \u00a0]?"
    post = rf"[ \u00a0](?P<post>{_alternation(list(after))})(?![A-Za-z])"
    return re.compile(
        rf"{pre}(?P<num>{_NUMBER})(?:{_multiplier('')})?"
        rf"|(?<![\w.,])(?P<num2>{_NUMBER})(?:{_multiplier('2')})?{post}",
        re.IGNORECASE,
    )


def _amount(number: str, factor_word: str | None) -> float | None:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if factor_word:
        value *= _tables()[2][factor_word.lower()]
    return float(value)


def extract(text: str, *, default_dollar: str = "USD") -> list[Money]:
    """Every amount of money in ``text``, with offsets into it.

    ``default_dollar`` is what a bare "$" means (USD unless the outlet's home currency is
    another dollar, e.g. "SGD" for a Singapore paper that writes "$65 million").
    """
    before, after, _mult = _tables()
    upper_before = {k.upper(): v for k, v in before.items()}
    out: list[Money] = []
    for m in _pattern().finditer(text):
        if m.group("pre") is not None:
            sym = m.group("pre")
            code = before.get(sym) or upper_before.get(sym.upper())
            # Codes are written in capitals ("USD 5", "Rs 2 crore"); in lower case ("rs 5") they
            # are not a currency.
            if code is None or (sym[:1].isalpha() and not sym[0].isupper()):
                continue
            if sym == "$":
                code = default_dollar
            number = m.group("num")
            factor = m.group("mult") or m.group("abbr")
        else:
            word = m.group("post")
            code = after.get(word.lower())
            if code is None:
                continue
            number = m.group("num2")
            factor = m.group("mult2") or m.group("abbr2")
        amount = _amount(number, factor)
        if amount is None:
            continue
        start, end = m.start(), m.end()
        out.append(Money(start, end, text[start:end], amount, code))
    return out
