"""Every ingest rule file loads, says what it is for, and every pattern in it compiles."""

from __future__ import annotations

import re

import pytest

from storyline.rules import data_path, load_list, load_table

LISTS = [
    "furniture_lines.txt",
    "furniture_credits.txt",
    "furniture_exceptions.txt",
    "furniture_bylines.txt",
    "dateline_not_places.txt",
    "dateline_published_lines.txt",
    "wire_credit_prefixes.txt",
    "furniture_tag_openers.txt",
]
TABLES = {
    "wire_agencies.tsv": ("spelling", "wire", "case"),
    "wire_credit_lines.tsv": ("pattern", "wire"),
    "outlet_hosts.tsv": ("host", "outlet"),
    "dateline_months.tsv": ("name", "month"),
}


@pytest.mark.parametrize("name", LISTS + sorted(TABLES))
def test_rule_file_opens_with_a_comment_saying_what_it_is_for(name):
    assert data_path(name).read_text(encoding="utf-8").startswith("# ")


NOT_PATTERNS = ("dateline_not_places.txt", "wire_credit_prefixes.txt")


@pytest.mark.parametrize("name", [n for n in LISTS if n not in NOT_PATTERNS])
def test_rule_file_patterns_compile(name):
    rules = load_list(name)
    assert rules
    for rule in rules:
        re.compile(rule)


@pytest.mark.parametrize(("name", "columns"), sorted(TABLES.items()))
def test_rule_table_columns(name, columns):
    rows = load_table(name)
    assert rows
    for row in rows:
        assert tuple(row) == columns
        assert all(row[c] for c in columns if c != "wire" or name != "wire_credit_lines.tsv")
    if name == "wire_credit_lines.tsv":
        for row in rows:
            re.compile(row["pattern"])
