"""Money: amounts with a currency symbol, code or word, normalised (money.py, currencies.tsv,
money_multipliers.tsv)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp import money
from storyline.rules import load_table


@pytest.mark.parametrize(
    ("text", "found", "amount", "currency"),
    [
        ("to US$50 million (S$65 million)", "US$50 million", 50_000_000, "USD"),
        ("to US$50 million (S$65 million)", "S$65 million", 65_000_000, "SGD"),
        ("has US$25 million rewards out", "US$25 million", 25_000_000, "USD"),
        ("a A$3 bn deal", "A$3 bn", 3_000_000_000, "AUD"),
        ("HK$1.2 billion", "HK$1.2 billion", 1_200_000_000, "HKD"),
        ("C$400,000 in fees", "C$400,000", 400_000, "CAD"),
        ("a £3bn takeover", "£3bn", 3_000_000_000, "GBP"),
        ("€12.5m in grants", "€12.5m", 12_500_000, "EUR"),
        ("¥500 billion stimulus", "¥500 billion", 500_000_000_000, "JPY"),
        ("a bill of $1,250.50", "$1,250.50", 1250.5, "USD"),
        ("it cost 50 million dollars", "50 million dollars", 50_000_000, "USD"),
        ("raised 3 billion yuan", "3 billion yuan", 3_000_000_000, "CNY"),
        ("a fine of Rs 2 crore", "Rs 2 crore", 20_000_000, "INR"),
        ("USD 10 a share", "USD 10", 10, "USD"),
        ("grants of 40 euros", "40 euros", 40, "EUR"),
    ],
)
def test_extract_normalises_amount_and_currency(text, found, amount, currency):
    hits = [m for m in money.extract(text) if m.text == found]
    assert hits, [m.text for m in money.extract(text)]
    assert hits[0].amount == amount
    assert hits[0].currency == currency
    assert text[hits[0].start : hits[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "In 2013 he had 5 mangoes",  # numbers without a currency
        "the team won 3 games",  # "won" is not the Korean currency here
        "it weighed 200 pounds",  # pounds of weight
        "us$5 in lower case",  # codes are written in capitals
        "page 5m away",  # a multiplier without a currency
    ],
)
def test_extract_ignores_non_money(text):
    assert money.extract(text) == []


def test_extract_bare_dollar_follows_the_outlet_default():
    assert money.extract("$65 million")[0].currency == "USD"
    assert money.extract("$65 million", default_dollar="SGD")[0].currency == "SGD"


def test_extract_seed_amounts(seed_text):
    found = {(m.amount, m.currency) for m in money.extract(seed_text)}
    assert {(50_000_000, "USD"), (65_000_000, "SGD"), (25_000_000, "USD")} <= found


@pytest.mark.parametrize("row", load_table("currencies.tsv"), ids=lambda r: r["symbol"])
def test_currencies_table_rows_are_well_formed(row):
    assert len(row["code"]) == 3 and row["code"].isupper()
    assert row["position"] in ("before", "after", "both")


@pytest.mark.parametrize("row", load_table("money_multipliers.tsv"), ids=lambda r: r["word"])
def test_multipliers_apply(row):
    hits = money.extract(f"US$2 {row['word']}")
    assert hits and hits[0].amount == 2 * int(row["factor"])


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("$€£¥US0123456789.,kmb million dollars\u00a0")), max_size=60
    )
)
def test_extract_never_crashes_and_spans_are_valid(text):
    for m in money.extract(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.amount >= 0
