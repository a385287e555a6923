"""Session 5, news audit: general errors found by judging every tag of 30 random ReCOVery
articles (2020 news, DCT = publication date) by the TimeML rules. Each class has parametrised
cases and a counter-example showing where the rule must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

MAY_12 = dt.date(2020, 5, 12)  # a Tuesday


def found(text: str, dct: dt.date = MAY_12) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "noon" took the publication day while the date right after it was the deadline's
        (
            "The IRS had a noon May 13 deadline to use Get My Payment.",
            ("noon May 13", "TIME", "2020-05-13T12:00"),
        ),
        (
            "Ballots must be received by noon on June 2.",
            ("noon on June 2", "TIME", "2020-06-02T12:00"),
        ),
        ("The vote closes at midnight, May 20.", ("midnight, May 20", "TIME", "2020-05-20T24:00")),
    ],
)
def test_noon_takes_the_date_named_after_it(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a weekday after it still works, and "noon" alone keeps the DCT
        ("The talks resume at noon Friday.", ("noon Friday", "TIME", "2020-05-15T12:00")),
        ("He spoke at noon.", ("noon", "TIME", "2020-05-12T12:00")),
    ],
)
def test_noon_without_a_date_after_it_is_unchanged(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # was "the past" PAST_REF: the day just gone, like "the past 24 hours"
        ("There were five new cases in the past day.", "the past day"),
        ("KCDC reported no additional fatalities in the past day.", "the past day"),
        ("With an increase of 106,000 cases worldwide in the last day, ...", "the last day"),
        ("The economists have spent the past day dragging him.", "the past day"),
    ],
)
def test_past_day_is_a_one_day_length(text: str, phrase: str) -> None:
    assert (phrase, "DURATION", "P1D") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: "the last day" of something, or not after in/over/during/within,
        # is the final day, no length
        "It was the last day of school.",
        "They were deprived of the last day of high school.",
        "On the last day, they sang.",
    ],
)
def test_last_day_of_something_is_no_length(text: str) -> None:
    assert not any(v == "P1D" for _, _, v in found(text))


@pytest.mark.parametrize(
    "text",
    [
        # the hours someone works or a place is open: no length of time (TimeML tags lengths)
        "My employer is considered essential, but they have reduced hours for others.",
        "I will have to step away or lose hours due to our child being out of school.",
        "He also ordered existing employees' hours to be reduced by half!",
        "One of which I had my hours cut way back.",
        "Part-time workers are entitled to assistance if their hours are cut.",
        "Visiting hours on May 25: 10 a.m.-1 p.m.",
        "Standard 9-to-5 office hours could become a thing of the past.",
        "Consumption is less than 1,000 kilowatt-hours per year.",
    ],
)
def test_work_hours_are_no_duration(text: str) -> None:
    assert not any(t == "hours" for t, _, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a bare "hours" that measures time stays a vague length
        "People waited for hours in the rain.",
        "The decision came within hours of the vote.",
        "He lost hours of sleep over it.",
        "Their hours of darkness are long.",
    ],
)
def test_hours_that_measure_time_stay_durations(text: str) -> None:
    assert ("hours", "DURATION", "PTXH") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a figure hyphened to a mixed-case name is that name ("COVID-19" the other way round)
        "At the latest count the 2019-nCoV virus had spread.",
        "Patients infected with novel coronavirus (2019-nCoV) pneumonia were treated.",
    ],
)
def test_year_before_a_mixed_case_name_is_no_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a second year, "present" or a lower-case word keep the year
        ("The show ran in 1993-94 at the Chicago Theatre.", ("1993", "DATE", "1993")),
        ("2009-present: the foundation funds research.", ("2009", "DATE", "2009")),
    ],
)
def test_year_before_a_plain_hyphened_word_stays_a_date(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


def test_light_years_are_a_distance() -> None:
    assert found("We're light years from that ideal.") == []
    assert not any("years" in t for t, _, _ in found("The end was light-years from normal."))
    # counter-example: "for years" is the vague length
    assert ("years", "DURATION", "PXY") in found("It has been on the market for years.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a live blog's stamp puts its entry on the publication day: a clock time below it no
        # longer takes the day the entry before it named ("starting Monday")
        (
            "12:20 pm: India cases top 90,000\n\nIndia is expected to ease some measures "
            "starting Monday.\n\n11:45 am: Thailand reopens malls\n\nThe nighttime curfew "
            "will now run from 11 p.m. until 4 a.m.",
            ("11 p.m.", "TIME", "2020-05-12T23:00"),
        ),
    ],
)
def test_live_blog_stamp_starts_its_entry_on_the_publication_day(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


def test_clock_time_in_a_story_still_takes_the_day_named_before_it() -> None:
    # counter-example: with no stamp between, "at 10 p.m." is on the day the story is at
    text = "Police arrived on May 9. The suspect was arrested at 10 p.m."
    assert ("10 p.m.", "TIME", "2020-05-09T22:00") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "back" after a length is "ago": a date, not the length
        (
            "The deal was hatched during a trip to Austria a few months back.",
            ("a few months back", "DATE", "PAST_REF"),
        ),
        (
            "She lost her job a couple of weeks back when it moved to drive-through only.",
            ("a couple of weeks back", "DATE", "2020-W18"),
        ),
        ("This has been some weeks back.", ("some weeks back", "DATE", "PAST_REF")),
    ],
)
def test_length_back_is_a_past_date(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: "back" that goes on to a place or state is the adverb
        "It was one day back at work for the crew.",
        "Hairdressers had a tough first week back in business.",
    ],
)
def test_back_to_somewhere_is_no_ago(text: str) -> None:
    assert not any(t.endswith("back") for t, _, _ in found(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # AP captions: "this" is the photo's determiner, the date a modifier
        ("In this Friday, July 8, 2011 file photo, crowds gather.", "Friday, July 8, 2011"),
        ("In this Tuesday, March 17, 2020, photo, a man walks.", "Tuesday, March 17, 2020"),
    ],
)
def test_caption_this_stays_outside_the_date(text: str, phrase: str) -> None:
    assert phrase in [t for t, _, _ in found(text)]


def test_this_before_a_dated_weekday_without_a_caption_stays() -> None:
    # counter-example: "this Friday, July 10, 2020" that is no caption keeps its "this"
    # (the clock time after the full date joins it since the third news audit: one TIME)
    texts = [t for t, _, _ in found("We meet this Friday, July 10, 2020, at noon.")]
    assert any(t.startswith("this Friday, July 10, 2020") for t in texts)
