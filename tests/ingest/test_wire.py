"""Wire agencies and credit lines (storyline.ingest.wire, data: wire_agencies.tsv,
wire_credit_lines.tsv)."""

from __future__ import annotations

import pytest

from storyline.ingest.wire import credit_line_wire, find_wire, wire_for

BODY = "WASHINGTON - Mr Trump spoke with Mr Maduro on the phone, two sources said."


@pytest.mark.parametrize(
    ("spelling", "wire"),
    [
        ("Reuters", "Reuters"),
        ("REUTERS", "Reuters"),
        ("AP", "AP"),
        ("Associated Press", "AP"),
        ("AFP", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("BLOOMBERG", "Bloomberg"),
        ("NYTIMES", "The New York Times"),
        ("Xinhua", "Xinhua"),
        # Counter-examples: "ap" is a word fragment, not the agency; unknown names are no wire.
        ("ap", None),
        ("Ap", None),
        ("Foreign Ministry", None),
    ],
)
def test_wire_for_maps_spellings_to_agencies(spelling, wire):
    assert wire_for(spelling) == wire


@pytest.mark.parametrize(
    ("last", "wire", "kept"),
    [
        # The Straits Times glues the credit to the last sentence.
        (
            "Another call was requested, according to the three sources. REUTERS",
            "Reuters",
            "Another call was requested, according to the three sources.",
        ),
        (
            "The talks ended without a deal, officials said. AFP, REUTERS",
            "AFP",
            "The talks ended without a deal, officials said.",
        ),
        ("The talks ended without a deal. – AFP", "AFP", "The talks ended without a deal."),
        ("The talks ended without a deal. (AP)", "AP", "The talks ended without a deal."),
        (
            "\u201cWe will see,\u201d he said. NYTIMES",
            "The New York Times",
            "\u201cWe will see,\u201d he said.",
        ),
        # Counter-examples: an agency named inside a sentence is news, not a credit.
        (
            "The report was first published by Reuters",
            None,
            "The report was first published by Reuters",
        ),
        ("He told Reuters.", None, "He told Reuters."),
        ("The AP reported it first.", None, "The AP reported it first."),
    ],
)
def test_find_wire_closing_credit_on_last_paragraph(last, wire, kept):
    result = find_wire([BODY, last])
    assert result.wire == wire
    assert result.paragraphs == [BODY, kept]


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("REUTERS", "Reuters"),
        ("— AFP", "AFP"),
        ("(AP)", "AP"),
        ("Reuters", "Reuters"),
        ("AFP, Reuters", "AFP"),
        ("Source: Reuters", "Reuters"),
        ("Sources: AFP, Reuters", "AFP"),
        ("With Reuters", "Reuters"),
        ("Additional reporting by Reuters", "Reuters"),
    ],
)
def test_find_wire_credit_paragraph_is_removed(credit, wire):
    result = find_wire([BODY, "More text here.", credit])
    assert result.wire == wire
    assert result.paragraphs == [BODY, "More text here."]


@pytest.mark.parametrize(
    ("line", "is_credit", "wire"),
    [
        ("Reporting by Matt Spetalnick and Jason Szep; Editing by Mary Milliken", True, "Reuters"),
        ("(Reporting by Jane Doe in London; Editing by John Roe)", True, "Reuters"),
        ("Additional reporting by Steve Holland", True, ""),
        ("Editing by Alistair Bell", True, "Reuters"),
        ("Associated Press writer Jane Doe in Caracas contributed to this report.", True, "AP"),
        ("Jane Doe contributed reporting from Caracas.", True, ""),
        ("The Associated Press contributed to this report.", True, "AP"),
        ("Reuters contributed to this report.", True, "Reuters"),
        # Counter-example: a sentence about reporting is not a credit line.
        (
            "Reporting by the Miami Herald revealed details of the call, officials said later.",
            False,
            "",
        ),
    ],
)
def test_credit_line_wire_recognises_house_styles(line, is_credit, wire):
    assert credit_line_wire(line) == (is_credit, wire)


def test_find_wire_dateline_wins_and_credit_lines_leave_the_text():
    paras = [
        "LONDON, Dec 1 (Reuters) - Prices rose.",
        "More text.",
        "Reporting by Jane Doe; Editing by John Roe",
    ]
    result = find_wire(paras, dateline_wire="Reuters")
    assert result.wire == "Reuters"
    assert result.paragraphs == paras[:2]


def test_find_wire_credit_style_sets_wire_without_other_evidence():
    result = find_wire([BODY, "Reporting by Jane Doe; Editing by John Roe"])
    assert (result.wire, result.paragraphs) == ("Reuters", [BODY])


def test_find_wire_never_removes_the_only_paragraph():
    assert find_wire(["REUTERS"]).paragraphs == ["REUTERS"]


@pytest.mark.parametrize(
    ("byline", "wire"),
    [
        ("The Associated Press", "AP"),
        ("Reuters", "Reuters"),
        ("Jane Doe; Reuters", "Reuters"),
        ("Jane Doe and AFP", "AFP"),
        # Counter-examples: reporters' names, and agencies only mentioned in a role.
        ("Jane Doe", None),
        ("STEVE PEOPLES; AP National Political Writer", None),
        (None, None),
    ],
)
def test_wire_from_byline(byline, wire):
    from storyline.ingest.wire import wire_from_byline

    assert wire_from_byline(byline) == wire
