"""Session 8, values and tense on real news (the items session 7 left, then a fresh audit of
ReCOVery articles read by hand): rules for general errors of direction. Each rule has
parametrised cases in the shape of the real sentences and a counter-example; cases run with and
without a spaCy parse (the path analyze() uses and the path of the benchmark)."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plain past event verb right before "on" and the day: the past one, 269 days back
        (
            "The 11 were detained soon after mass riots in Jakarta on July 27.",
            "1997-04-22",
            ("July 27", "1996-07-27"),
        ),
        ("Shares changed hands on September 11.", "2020-05-10", ("September 11", "2019-09-11")),
        (
            "Police arrested the two men on Aug. 20 after a raid.",
            "2021-05-01",
            ("Aug. 20", "2020-08-20"),
        ),
    ],
)
def test_plain_past_on_a_day_reaches_past_the_window(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present passive is a timetable: the nearer, coming day
        (
            "The assembly grows to 450 members when elections for the next term are held on "
            "July 20.",
            "1997-04-02",
            ("July 20", "1997-07-20"),
        ),
        (
            "He will call an election within 30 days after the final report is delivered on "
            "Feb. 1.",
            "2005-11-07",
            ("Feb. 1", "2006-02-01"),
        ),
        # a scheduled event between the verb and the day may still be ahead
        (
            "The government announced a referendum on September 11.",
            "2020-05-10",
            ("September 11", "2020-09-11"),
        ),
    ],
)
def test_plain_past_on_a_day_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the present of a phrase of a scheduled start is a timetable: the day ahead, even with
        # an attribution after it (was the Wednesday gone)
        (
            "Tickets costing 45 pounds go on sale from 0900 GMT Wednesday via the website, the "
            "organisers said.",
            "2006-12-12",
            ("0900 GMT Wednesday", "2006-12-13T09:00"),
        ),
        (
            "Iraq goes to the polls on Thursday to elect a parliament.",
            "2005-12-13",
            ("Thursday", "2005-12-15"),
        ),
        (
            "The Civil Partnership Act comes into force on Monday in Northern Ireland.",
            "2005-12-16",
            ("Monday", "2005-12-19"),
        ),
        # a month-day: the one ahead, not the nearest (was 2020-01-01)
        ("The new law takes effect on Jan 1.", "2020-05-08", ("Jan 1", "2021-01-01")),
        ("The RAV4 Prime goes on sale in the summer.", "2019-11-20", ("the summer", "2020-SU")),
    ],
)
def test_present_timetable_phrase_points_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # after an auxiliary or "to" the phrase has no tense of its own: the other cues decide
        ("The law did not take effect on Jan 1 as planned.", "2020-05-08", ("Jan 1", "2020-01-01")),
        ("The album failed to go on sale Wednesday.", "2020-05-08", ("Wednesday", "2020-05-06")),
        # a past form is no timetable
        ("The law took effect on Jan 1.", "2020-05-08", ("Jan 1", "2020-01-01")),
    ],
)
def test_present_timetable_phrase_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "was/were expected" right before a weekday in a report: the day ahead of the saying
        # (was the Monday gone)
        (
            "Final results for the local, regional and upper house polls were expected Monday "
            "or Tuesday.",
            "1997-04-13",
            ("Monday", "1997-04-14"),
        ),
        (
            "Official results were expected on Friday, election officials said.",
            "2005-11-23",
            ("Friday", "2005-11-25"),
        ),
        (
            "The commission said official results were expected Monday.",
            "2005-11-23",
            ("Monday", "2005-11-28"),
        ),
    ],
)
def test_was_expected_before_a_weekday_points_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a verb after the date tells that the day has come and gone
        (
            "The ruling, which was expected Monday, was delayed.",
            "2005-11-23",
            ("Monday", "2005-11-21"),
        ),
        (
            "The vote was expected on Thursday but was postponed.",
            "2005-11-23",
            ("Thursday", "2005-11-17"),
        ),
        # a past perfect expectation is of the past
        ("A verdict had been expected Friday.", "2005-11-23", ("Friday", "2005-11-18")),
    ],
)
def test_was_expected_before_a_weekday_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the weekday of an event moved to a new date is still to come, whatever the tense
        # before it (the AP Kentucky Derby story of 2020-09-01 was the Saturday gone)
        (
            "Tiz the Law is the favorite and will attempt to become the first winner from the "
            "No. 17 post position drawn for Saturday's rescheduled marquee race for 3-year-olds.",
            "2020-09-01",
            ("Saturday", "2020-09-05"),
        ),
        (
            "Drivers said they were ready for Saturday's rescheduled race.",
            "2006-12-13",
            ("Saturday", "2006-12-16"),
        ),
        (
            "Drivers said they were ready for the rescheduled race on Saturday.",
            "2006-12-13",
            ("Saturday", "2006-12-16"),
        ),
    ],
)
def test_new_date_of_a_moved_event_points_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the event's own past verb after it: the race has been run
        (
            "Saturday's rescheduled race was won by Alonso.",
            "2006-12-13",
            ("Saturday", "2006-12-09"),
        ),
        (
            "The rescheduled race on Saturday was won by Alonso.",
            "2006-12-13",
            ("Saturday", "2006-12-09"),
        ),
        # "postponed" is left out: mostly the game that was to be played that day
        (
            "Saturday's postponed game was moved to the afternoon.",
            "2006-12-13",
            ("Saturday", "2006-12-09"),
        ),
    ],
)
def test_new_date_of_a_moved_event_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a figure compared with an earlier one: the reference day is gone, whatever the
        # present of the clause (was the coming Friday)
        (
            "In total, there are 1,239 COVID-19 ICU patients in Illinois hospitals, up slightly "
            "from Friday, when 1,192 coronavirus patients were hospitalized in the ICU.",
            "2020-04-20",
            ("Friday", "2020-04-17"),
        ),
        ("The index is now down from Friday's close.", "2020-04-20", ("Friday", "2020-04-17")),
        (
            "Cases are rising again compared with Tuesday, officials say.",
            "2020-04-20",
            ("Tuesday", "2020-04-14"),
        ),
    ],
)
def test_comparison_reference_day_points_back(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-example: "from" alone is no comparison ("tickets go on sale from Wednesday")
        (
            "Stores will reopen from Wednesday, the governor said.",
            "2020-04-20",
            ("Wednesday", "2020-04-22"),
        ),
    ],
)
def test_comparison_reference_day_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present cue in "-s" right before the date with a past verb right after it is the
        # subject's plural noun: the past verb decides (was the coming Tuesday)
        (
            "Comics, including Stephen Colbert, reacted to the speech. Late-night hosts on "
            "Tuesday addressed Donald Trump's first State of the Union address.",
            "2018-01-31",
            ("Tuesday", "2018-01-30"),
        ),
        ("His French hosts Tuesday welcomed the plan.", "2018-01-31", ("Tuesday", "2018-01-30")),
    ],
)
def test_plural_noun_before_a_past_verb_is_no_timetable(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: a schedule verb with no past verb after the date keeps its timetable
        ("The museum opens on Tuesday.", "2018-01-31", ("Tuesday", "2018-02-06")),
        ("The summit opens Monday, officials said.", "2018-01-31", ("Monday", "2018-02-05")),
    ],
)
def test_plural_noun_before_a_past_verb_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a requirement or condition in the present, a modal or the future with a deadline
        # "by"/"before" a day more than a month gone: the deadline to come (was 2019-12-31)
        (
            "Under federal law, the Census Bureau is required to deliver the latest population "
            "counts of each state to the president by Dec. 31.",
            "2020-03-11",
            ("Dec. 31", "2020-12-31"),
        ),
        (
            "Flights can be changed an unlimited amount of times as long as travel is completed "
            "before December 31.",
            "2020-05-16",
            ("December 31", "2020-12-31"),
        ),
        ("Companies must repay the loans by Jan. 15.", "2020-05-16", ("Jan. 15", "2021-01-15")),
    ],
)
def test_present_deadline_points_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a past requirement or outcome keeps the past
        (
            "The company was required to repay the loans by Jan. 15.",
            "2020-05-16",
            ("Jan. 15", "2020-01-15"),
        ),
        ("Cases had doubled by March 1.", "2020-05-16", ("March 1", "2020-03-01")),
        # a day just gone may be the reference of present figures
        ("The figures are complete by May 10.", "2020-05-16", ("May 10", "2020-05-10")),
    ],
)
def test_present_deadline_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "that Thursday" is the Thursday the text has named, however far back (was the
        # Thursday before the DCT); "the next day" then counts from it
        (
            "I woke up on Thursday, March 26, in Chicago. We had been under the stay-at-home "
            "order for nearly a week. But that Thursday was different.",
            "2020-04-20",
            ("Thursday", "2020-03-26"),
        ),
        (
            "I woke up on Thursday, March 26, in Chicago. But that Thursday was different. "
            "The next day, I learned that my grandma had tested positive.",
            "2020-04-20",
            ("The next day", "2020-03-27"),
        ),
        (
            "On March 14th, Roslyn Crouch left her house in New Orleans. After scrolling through "
            "the news on her phone that Saturday morning, she got dressed.",
            "2020-05-25",
            ("Saturday morning", "2020-03-14TMO"),
        ),
    ],
)
def test_that_weekday_is_the_one_named_before(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # no such weekday named: the tense decides as before
        ("But that Thursday was different.", "2020-04-20", ("Thursday", "2020-04-16")),
        # "that" after a saying is a conjunction, not a determiner
        (
            "On Thursday, March 26, he met her. Officials said that Thursday was a good day.",
            "2020-04-20",
            ("Thursday", "2020-04-16"),
        ),
    ],
)
def test_that_weekday_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a season listed after "next/last <season> and/or" runs on from that season (was the
        # winter gone, 2019-WI)
        (
            "As bad as the current outbreak may be, another one is likely next fall or early "
            "winter, as Dr. Robert Redfield said.",
            "2020-04-04",
            ("early winter", "2020-WI"),
        ),
        (
            "Sales fell last fall and early winter, the company said.",
            "2020-05-04",
            ("early winter", "2019-WI"),
        ),
    ],
)
def test_listed_season_runs_on_from_the_first(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-example: with no listed season before it, the tense decides as before
        (
            "Sales fell in early winter, the company said.",
            "2020-05-04",
            ("early winter", "2019-WI"),
        ),
    ],
)
def test_listed_season_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # members of a list of days may each carry a place: the second day follows the first
        # (was the Tuesday gone)
        (
            "The Civil Partnership Act comes into force on Monday in Northern Ireland and "
            "Tuesday in Scotland but no projected figures were given.",
            "2005-12-16",
            ("Tuesday", "2005-12-20"),
        ),
    ],
)
def test_listed_days_with_places_follow_the_first(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a lower-case phrase is no place: no list ("on Monday in the morning and Tuesday")
        (
            "Talks resumed on Monday, officials said, and ended Tuesday in Geneva.",
            "2005-12-16",
            ("Tuesday", "2005-12-13"),
        ),
    ],
)
def test_listed_days_with_places_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a page's update stamp is never before its publication date (was 2019-05-18, the
        # plain past "updated on" reaching back)
        (
            "This article was last updated on May 18 at 5:50 p.m. The map has been changed.",
            "2020-03-04",
            ("May 18", "2020-05-18"),
        ),
        (
            "Updated at on Friday at 1:30 p.m. ET President Trump on Friday signed the package.",
            "2020-04-23",
            ("1:30 p.m. ET", "2020-04-24T13:30"),
        ),
        (
            "Updated March 11 at 6:47 p.m. ET Already saddled with risks, the census is "
            "in trouble.",
            "2020-03-11",
            ("March 11", "2020-03-11"),
        ),
    ],
)
def test_update_stamp_is_not_before_publication(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # another thing updated is no stamp of the page
        ("The company updated its forecast on May 2.", "2020-05-16", ("May 2", "2020-05-02")),
    ],
)
def test_update_stamp_counter_examples(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "limited" before its noun is an adjective, no past: "will" decides (was the Monday
        # gone)
        (
            "Residents of some Spanish regions will be able to enjoy limited seating at bars, "
            "restaurants and other public places Monday, but Madrid and Barcelona will remain "
            "under tighter restrictions.",
            "2020-05-10",
            ("Monday", "2020-05-11"),
        ),
        # counter-example: the verb "limited" leaves a weekday in the past as any clause
        # without a tense cue does
        (
            "The governor limited gatherings to 10 people on Friday.",
            "2020-05-10",
            ("Friday", "2020-05-08"),
        ),
    ],
)
def test_limited_is_no_past_cue(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plan word after a count or a quantifier and before its noun is an adjective, as
        # after a determiner: the clause's past decides (was 2021-03)
        (
            "He'd bought with friends a monthly plan that gave them standing-room tickets to "
            "all 11 scheduled Hawks home games in March.",
            "2020-05-16",
            ("March", "2020-03"),
        ),
        # counter-example: followed by "to" it is the verb, and looks ahead
        ("All planned to attend the rally in March.", "2020-11-16", ("March", "2021-03")),
    ],
)
def test_counted_plan_word_is_an_adjective(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


def typed(text: str, dct: str, parse: bool = False) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "every other" skips one unit: the period is two
        ("Patients take the pill every other day.", ("every other day", "SET", "P2D")),
        ("The council meets every other week.", ("every other week", "SET", "P2W")),
        ("The magazine comes out every other month.", ("every other month", "SET", "P2M")),
        ("Elections are held every other year.", ("every other year", "SET", "P2Y")),
        # counter-example: "every single day" is each day
        ("He called every single day.", ("every single day", "SET", "P1D")),
    ],
)
def test_every_other_doubles_the_period(
    text: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in typed(text, "2020-05-10", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She walks the dog every afternoon.", ("every afternoon", "SET", "XXXX-XX-XXTAF")),
        ("The market opens every morning.", ("every morning", "SET", "XXXX-XX-XXTMO")),
    ],
)
def test_every_part_of_day_is_a_set(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in typed(text, "2020-05-10", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised people counted before "a day" is a rate, as "3,000 children a day"
        (
            "the epidemic that kills 91 Americans a day",
            ("a day", "SET", "P1D"),
        ),
        # a rate running on into a month
        (
            "the state will see a range of 50 to 150 deaths a day into June or July.",
            ("a day", "SET", "P1D"),
        ),
        # a length spent in each day
        ("I always did it for half an hour a day.", ("a day", "SET", "P1D")),
        ("Children should exercise an hour a day.", ("a day", "SET", "P1D")),
        # counter-examples: a length counted on, a stay
        ("Workers were a day into the strike.", ("a day", "DURATION", "P1D")),
        ("He stayed a day in Rome.", ("a day", "DURATION", "P1D")),
    ],
)
def test_rate_per_day(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in typed(text, "2020-05-10", parse)


@pytest.mark.parametrize("parse", [False, True])
def test_sometimes_is_no_times_before_a_length(parse: bool) -> None:
    got = typed("Recovery usually takes years, sometimes more than a decade.", "2020-05-10", parse)
    assert ("more than a decade", "DURATION", "P10Y") in got
    # counter-example: "three times a year" stays a set
    assert ("three times a year", "SET", "P1Y") in typed(
        "He goes three times a year.", "2020-05-10", parse
    )


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a holiday comes once a year: the future names its next one however far
        ("Shops will reopen before Christmas.", "2020-03-10", ("Christmas", "2020-12-25")),
        ("Stores will cut prices before Christmas.", "2021-02-20", ("Christmas", "2021-12-25")),
        # counter-examples: the one gone within a month, a past saying, no tense
        ("Shops will stay shut after Christmas.", "2021-01-10", ("Christmas", "2020-12-25")),
        (
            "Trump said he wants the country opened up by Easter.",
            "2020-03-25",
            ("Easter", "2020-04-12"),
        ),
        ("Sales fell ahead of Christmas.", "2020-12-20", ("Christmas", "2020-12-25")),
        ("The store closed for Easter.", "2020-05-01", ("Easter", "2020-04-12")),
    ],
)
def test_holiday_future_reaches_a_year(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Oil prices rose from its March low.", "2020-05-20", ("March", "2020-03")),
        ("He repeated the promise of his May address.", "2020-06-20", ("May", "2020-05")),
        ("The government's March data showed a fall.", "2020-05-20", ("March", "2020-03")),
    ],
)
def test_possessive_month_before_a_noun(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
def test_possessive_person_may_is_no_month(parse: bool) -> None:
    assert found("Theresa May's government fell.", "2020-05-10", parse) == []


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The outbreak is similar to the SARS epidemic in 2003, though no link has been "
            "proved. In March that year, a 72-year-old man infected with SARS flew home.",
            ("March", "2003-03"),
        ),
        ("SARS emerged in 2003. In June of that year, it was contained.", ("June", "2003-06")),
        ("The war began in 1939. By June that same year, Poland had fallen.", ("June", "1939-06")),
        # counter-examples: no "that year" (the month of the report's year), no year named
        ("Sales rose in 2019. In March, they fell.", ("March", "2020-03")),
        ("In March that year, prices fell.", ("March", "2020-03")),
    ],
)
def test_month_that_year_takes_the_year_named(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-04-01", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an expectation looks ahead
        (
            "Stores expect sales to jump before Christmas.",
            "2020-03-10",
            ("Christmas", "2020-12-25"),
        ),
        (
            "Analysts expect the central bank to cut rates on Wednesday.",
            "2020-03-12",
            ("Wednesday", "2020-03-18"),
        ),
        # counter-example: a past report of the same
        ("He said sales jumped before Christmas.", "2020-03-10", ("Christmas", "2019-12-25")),
    ],
)
def test_expect_looks_ahead(text: str, dct: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "coming up" points ahead, and a list across the weekend follows its first member
        (
            "With the Muslim Eid al-Fitr holidays coming up on Sunday or Monday subject to "
            "sighting of moon, the transport resumed.",
            "2020-05-19",
            [("Sunday", "2020-05-24"), ("Monday", "2020-05-25")],
        ),
        (
            "The talks will resume Friday and Monday.",
            "2020-05-20",
            [("Friday", "2020-05-22"), ("Monday", "2020-05-25")],
        ),
        # counter-examples: a past clause, a past "was coming up"
        (
            "Markets fell Friday and Monday.",
            "2020-05-20",
            [("Friday", "2020-05-15"), ("Monday", "2020-05-18")],
        ),
        ("The issue was coming up on Sunday.", "2020-05-19", [("Sunday", "2020-05-17")]),
    ],
)
def test_coming_up_and_lists_over_a_weekend(
    text: str, dct: str, expected: list[tuple[str, str]], parse: bool
) -> None:
    got = found(text, dct, parse)
    assert all(e in got for e in expected), got


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a bare h:mm closing a range from a clock time with its half of the day: the first
        # reading after the start, past midnight the next day
        (
            "The fireworks show runs from 9:15 p.m. until 11:45.",
            "2020-07-04",
            [("9:15 p.m.", "2020-07-04T21:15"), ("11:45", "2020-07-04T23:45")],
        ),
        (
            "The bar is open from 10 p.m. until 1:30.",
            "2020-07-04",
            [("1:30", "2020-07-05T01:30")],
        ),
        # counter-example: the bare end is already after the start
        (
            "The office is open from 9 a.m. until 11:45.",
            "2020-07-04",
            [("11:45", "2020-07-04T11:45")],
        ),
    ],
)
def test_bare_clock_closing_a_range_follows_its_start(
    text: str, dct: str, expected: list[tuple[str, str]], parse: bool
) -> None:
    got = found(text, dct, parse)
    assert all(e in got for e in expected), got


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the day named at a range's end is the day of its start too
        (
            "Drive-through testing ran from 11 a.m. to 1:30 yesterday.",
            "2020-04-15",
            [("11 a.m.", "2020-04-14T11:00"), ("1:30 yesterday", "2020-04-14T13:30")],
        ),
        # the end a clock time of its own
        (
            "Drive-through testing ran from 11 a.m. to 1:30 p.m. yesterday.",
            "2020-04-15",
            [("11 a.m.", "2020-04-14T11:00"), ("1:30 p.m. yesterday", "2020-04-14T13:30")],
        ),
        # counter-examples: no day named at the end, the start keeps the story's day; no range
        (
            "He left at 11 a.m. and came back at 1:30 p.m. yesterday.",
            "2020-04-15",
            [("11 a.m.", "2020-04-15T11:00")],
        ),
        (
            "Drive-through testing runs from 11 a.m. to 1:30.",
            "2020-04-15",
            [("11 a.m.", "2020-04-15T11:00")],
        ),
    ],
)
def test_clock_range_start_takes_the_day_of_its_end(
    text: str, dct: str, expected: list[tuple[str, str]], parse: bool
) -> None:
    got = found(text, dct, parse)
    assert all(e in got for e in expected), got


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present passive states how things stand now: the coming July
        ("We are booked for the whole of July.", "2020-05-10", ("July", "2020-07")),
        ("The rooms are reserved for July, the owner said.", "2020-05-10", ("July", "2020-07")),
        # counter-example: the past passive
        ("We were booked for the whole of July.", "2020-05-10", ("July", "2019-07")),
    ],
)
def test_present_passive_is_no_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present passive of accusation or report (timex_status_passives.txt) still tells of
        # the deed gone; without a parse only (the parse path reads "is accused" as present)
        ("He is accused of stealing cars in July.", "2020-05-10", ("July", "2019-07")),
        (
            "Two are reported dead after the storm on Sunday.",
            "2020-05-15",
            ("Sunday", "2020-05-10"),
        ),
    ],
)
def test_present_passive_of_a_report_stays_past(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "the whole/entire month" is the month cue an ambiguous "May"/"March" needs
        ("The whole month of May was lost.", "2020-06-10", [("The whole month of May", "2020-05")]),
        (
            "Schools stayed shut for the entire month of March.",
            "2020-06-10",
            [("the entire month of March", "2020-03")],
        ),
        # counter-example: "may" with no month cue is the verb
        ("The whole team may be lost.", "2020-06-10", []),
    ],
)
def test_whole_month_cues_an_ambiguous_month(
    text: str, dct: str, expected: list[tuple[str, str]], parse: bool
) -> None:
    assert found(text, dct, parse) == expected


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a bare h:mm after a clock time with its half of the day, in the same sentence: the
        # first reading after it
        (
            "School now starts at 9 am and we end at 2:30, she said.",
            "2020-05-10",
            [("9 am", "2020-05-10T09:00"), ("2:30", "2020-05-10T14:30")],
        ),
        (
            "Tipoff was at 7:30 p.m. and the first basket came at 8:04.",
            "2020-03-01",
            [("8:04", "2020-03-01T20:04")],
        ),
        # counter-examples: another sentence; neither reading after the start outside a range;
        # a 24-hour clock
        (
            "School starts at 9 am. The bus leaves at 7:45.",
            "2020-05-10",
            [("7:45", "2020-05-10T07:45")],
        ),
        (
            "He arrived at 9 p.m., having left at 4:30.",
            "2020-05-10",
            [("4:30", "2020-05-10T04:30")],
        ),
        (
            "Doors open at 9 am and the bus leaves at 06:30.",
            "2020-05-10",
            [("06:30", "2020-05-10T06:30")],
        ),
    ],
)
def test_bare_clock_after_a_clock_time_follows_it(
    text: str, dct: str, expected: list[tuple[str, str]], parse: bool
) -> None:
    got = found(text, dct, parse)
    assert all(e in got for e in expected), got
