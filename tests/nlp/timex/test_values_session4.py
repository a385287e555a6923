"""Values, session 4: reference times and tense (issue 3).

* "that same day", "later that day" after a date known only to the month is a day of that
  month with unknown digits (``1998-10-XX``), not the publication day; "the same day" without
  "that" is as often "one and the same day" and is left as it was;
* a sentence-opening "One day" takes the tense of its clause past a reporting aside ("One
  day, she said, it will end" is FUTURE_REF: the aside's "said" is not its tense).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag


def value(text: str, phrase: str, dct: dt.date) -> str:
    found = {t.text: t.value for t in tag(text, dct)}
    assert phrase in found, (phrase, found)
    return found[phrase]


FEB_1999 = dt.date(1999, 2, 6)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Doctors were killed, most recently last October when Dr. Slepian was shot. "
            "His name on the site was crossed out that same day.",
            "that same day",
            "1998-10-XX",
        ),
        (
            "He was arrested in March 1997. Later that day he was released.",
            "Later that day",
            "1997-03-XX",
        ),
        # counter-example: a day-precise date gives the day itself
        (
            "He was arrested on Jan. 3. Later that day he was released.",
            "Later that day",
            "1999-01-03",
        ),
        # counter-example: a year says nothing about the month; the day stays as it was
        (
            "He was arrested in 1997. Later that day he was released.",
            "Later that day",
            "1999-02-06",
        ),
        # counter-example: "the same day" without "that" is not read as an anaphor
        (
            "Strikes began in January. Workers in 20 cities walked out on the same day.",
            "the same day",
            "1999-02-06",
        ),
    ],
)
def test_that_day_after_a_month_is_a_day_of_that_month(
    text: str, phrase: str, expected: str
) -> None:
    assert value(text, phrase, FEB_1999) == expected


MAY_2020 = dt.date(2020, 5, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One day, she said, it will end.", "FUTURE_REF"),
        ("One day, according to her lawyer, she will be free.", "FUTURE_REF"),
        ("One day, he recalled, we all went to the beach.", "PAST_REF"),
        # counter-example: without an aside the clause's own tense decides as before
        ("One day, it will end, she said.", "FUTURE_REF"),
        ("One day she said it was over.", "PAST_REF"),
    ],
)
def test_one_day_reads_the_tense_past_a_reporting_aside(text: str, expected: str) -> None:
    assert value(text, "One day", MAY_2020) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm announced the vaccine could be ready as early as September.", "2020-09"),
        ("The firm announced the vaccine should be ready as early as September.", "2020-09"),
        ("The firm announced the vaccine might be ready as early as September.", "2020-09"),
        # counter-examples: a past verb before the cue, with no modal between, points back
        ("The firm announced the shots were given as early as September.", "2019-09"),
        ("The firm equivocated on the vaccine until September.", "2019-09"),
    ],
)
def test_modal_keeps_a_direction_cue_ahead(text: str, expected: str) -> None:
    """``timex_modals.txt``: a modal between a past verb and "as early as" keeps it ahead."""
    assert value(text, "September", MAY_2020) == expected


OCT_1989 = dt.date(1989, 10, 27)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the sentence comes from the tagger's own splitter (tense.Sentences): an expression
        # that opens its sentence carries on the stretch the sentence before it named
        (
            "Profit rose in the third quarter. In the first nine months, net was $306 million. "
            "The year-ago results included a charge.",
            "year-ago",
            "1988",
        ),
        (
            "Profit rose in the third quarter. For the nine months, Norton had net of $81 "
            "million. In the year-earlier period, it had net of $77 million.",
            "the year-earlier period",
            "1988",
        ),
        # counter-examples: deeper in its sentence, or two sentences on, it is the quarter
        (
            "Profit rose in the third quarter. In the first nine months, net was $306 million. "
            "Sales were up, and the year-ago results included a charge.",
            "year-ago",
            "1988-Q3",
        ),
        (
            "Profit rose in the third quarter. In the first nine months, net was $306 million. "
            "Sales rose. The year-ago results included a charge.",
            "year-ago",
            "1988-Q3",
        ),
    ],
)
def test_year_back_after_a_nine_month_sentence(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, OCT_1989) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Tune into ABC News Live at 4 p.m. ET every weekday.", "4 p.m. ET", "XXXX-XX-XXT16:00"),
        ("Every night at 9 p.m. sharp, we play Parcheesi.", "9 p.m.", "XXXX-XX-XXT21:00"),
        ("The clinics are open daily from 8 a.m. to 8 p.m. now.", "8 p.m.", "XXXX-XX-XXT20:00"),
        ("They shut the subway from 1AM to 5AM every evening.", "1AM", "XXXX-XX-XXT01:00"),
        ("The coastline closes at noon each day.", "noon", "XXXX-XX-XXT12:00"),
        # counter-examples: a quantified word that is no time word, a frequency further on,
        # and a time with its own day
        ("He arrived at 4 p.m., every witness said.", "4 p.m.", "2020-05-10T16:00"),
        ("He left at 5 p.m. and then every day after he rested.", "5 p.m.", "2020-05-10T17:00"),
        ("The briefing is at 4 p.m. on Friday.", "4 p.m. on Friday", "2020-05-15T16:00"),
    ],
)
def test_clock_time_of_a_schedule_has_no_day(text: str, phrase: str, expected: str) -> None:
    """``timex_schedule_words.tsv``: a clock time beside a frequency is on no one day."""
    assert value(text, phrase, MAY_2020) == expected


TUESDAY = dt.date(2020, 5, 19)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("He could have been infected on Friday.", "Friday", "2020-05-15"),
        ("He may as well have been speaking on Monday.", "Monday", "2020-05-18"),
        (
            "There may have been a hazardous event between Oct. 6 and Oct. 11.",
            "Oct. 6",
            "2019-10-06",
        ),
        ("She might have left in March.", "March", "2020-03"),
        # counter-examples: "have" as the verb after a modal, and a modal with a bare verb
        (
            "The mayor said she may have a reopening date Thursday, when she will update "
            "residents.",
            "Thursday",
            "2020-05-21",
        ),
        ("The talks could resume on Friday.", "Friday", "2020-05-22"),
    ],
)
def test_modal_perfect_is_a_past_guess(text: str, phrase: str, expected: str) -> None:
    """ "could have been", "may as well have been": a modal perfect tells of the past."""
    assert value(text, phrase, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "dct", "expected"),
    [
        (
            "It would be the last major bill before November's elections.",
            "November",
            dt.date(2020, 5, 16),
            "2020-11",
        ),
        (
            "The hospital might last only until May before running out of money.",
            "May",
            dt.date(2020, 3, 21),
            "2020-05",
        ),
        (
            "That boosted payment will last through the end of July.",
            "the end of July",
            dt.date(2020, 5, 15),
            "2020-07",
        ),
        # counter-example: "last" before a time word still tells of the past
        (
            "They met last week and agreed on the July plan.",
            "last week",
            dt.date(2020, 5, 15),
            "2020-W19",
        ),
        ("The rally last spring drew crowds in March.", "March", dt.date(2020, 5, 15), "2020-03"),
    ],
)
def test_last_after_a_determiner_or_modal_is_no_past_cue(
    text: str, phrase: str, dct: dt.date, expected: str
) -> None:
    assert value(text, phrase, dct) == expected


WEDNESDAY = dt.date(2020, 3, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Asked by NPR on Thursday whether the bureau is considering it, the director said no.",
            "2020-03-05",
        ),
        ("Pressed on Thursday about the delay, he is silent.", "2020-03-05"),
        # counter-examples: a capitalised name in -ed, and a future clause
        ("United States officials will meet on Thursday.", "2020-03-12"),
        ("Ahmed Ali will speak on Thursday.", "2020-03-12"),
    ],
)
def test_clause_opening_participle_is_past(text: str, expected: str) -> None:
    assert value(text, "Thursday", WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The March accession was planned.", [("March", "1999-03")]),
        ("Candidates met before the March primary.", [("March", "1999-03")]),
        ("See the May issue of the journal.", [("May", "1999-05")]),
        # counter-examples: a preposition after it (a name or a march), no "the", a modal
        ("He joined the March for Our Lives.", []),
        ("Voters May decide otherwise.", []),
        ("The results may change.", []),
    ],
)
def test_the_ambiguous_month_before_a_noun_is_a_month(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in tag(text, dt.date(1999, 2, 10))] == found


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The salon would see 250 people on a Friday.", "Friday", "XXXX-WXX-5"),
        ("She was diagnosed with the virus on a Wednesday.", "Wednesday", "XXXX-WXX-3"),
        ("They went out painting again on a Saturday night.", "Saturday night", "XXXX-WXX-6TNI"),
        # counter-examples: a weekday before a noun names that week's event, and "on Friday"
        ("Trump said so on a Thursday interview with Fox.", "Thursday", "2020-05-14"),
        ("They met on Friday.", "Friday", "2020-05-15"),
    ],
)
def test_on_a_weekday_is_of_no_known_week(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, dt.date(2020, 5, 18)) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Tomorrow we'll remember John Prine, who died Tuesday of COVID-19.",
            "Tuesday",
            "2020-04-07",
        ),
        ("In August, Wilson's wife Siobhan died.", "August", "2019-08"),
        # counter-example: a short "-ed" noun is no verb ("the need on Tuesday")
        ("We will meet the need on Tuesday.", "Tuesday", "2020-04-14"),
    ],
)
def test_four_letter_ied_past(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, dt.date(2020, 4, 9)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit is expected to decline 27% in the quarter to the end of June.", "2020-Q2"),
        ("The economy may shrink 45% in the quarter through the end of September.", "2020-Q3"),
        ("Profit fell 5% in the quarter to the end of March.", "2020-Q1"),
        # counter-example: a quarter named with no end is the last one closed
        ("Profit fell 5% in the quarter.", "2020-Q1"),
    ],
)
def test_quarter_to_the_end_of_a_month(text: str, expected: str) -> None:
    assert value(text, "the quarter", dt.date(2020, 5, 18)) == expected
