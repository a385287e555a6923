"""Session 9: recognition and extent classes found in an audit of ECB+ dev-topic news (topics
1-35) and a fresh ReCOVery sample, judged by the TimeML 1.2.1 (TE3) extent rules; every class
has counter-examples.

DCT for every case: Wednesday 2020-04-15 (a ReCOVery story's date) unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 4, 15)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "at 1100 hours", "about 1100 hrs IST" (Indian Navy reports in ECB+ topic 12): four digits
# before hours/hrs are a 24-hour clock time, not a length of 1,100 hours (was PT1100H).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ship put out a message at 1100 hours that it was under attack.",
            {"1100 hours": "2020-04-15T11:00"},
        ),
        (
            "Pirates attacked the merchant ship about 1100 hrs IST, 150 miles west of Aden.",
            {"about 1100 hrs IST": "2020-04-15T11:00"},
        ),
        (
            "Commandos boarded the dhow at 1230 hours and arrested the pirates.",
            {"1230 hours": "2020-04-15T12:30"},
        ),
        (
            "Troops must be in place by 0630 hrs on Monday.",
            {"0630 hrs on Monday": "2020-04-20T06:30"},
        ),
    ],
)
def test_military_hours_are_clock_times(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of hours with no time preposition or zone stays a length
        ("He completed 1200 hours of community service.", {"1200 hours": "PT1200H"}),
        ("She logged about 1100 hours of flight time.", {"about 1100 hours": "PT1100H"}),
        # a zero-led clock time is never a length, even where it is not tagged as a time
        ("The curfew ran between 2100 and 0600 hours.", {}),
        # wire style with GMT as before
        ("The blast came at 1700 GMT on Thursday.", {"1700 GMT on Thursday": "2020-04-09T17:00"}),
    ],
)
def test_military_hours_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Monday, March 11, 2013 23:51", "9 September 2013, 14:08", "17 September 2013 - 21:29" (page
# time stamps in ECB+): a 24-hour clock right after a full date with its year is that day's
# clock time, one TIME with the date, as "Apr 26, 2020 21:43 IST" already was.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police intervened. Monday, March 11, 2013 23:51 Police intervened again.",
            {"Monday, March 11, 2013 23:51": "2013-03-11T23:51"},
        ),
        (
            "9 September 2013, 14:08 Paris: Jewellery stolen in shop raid",
            {"9 September 2013, 14:08": "2013-09-09T14:08"},
        ),
        (
            "Microsoft rushes out a patch 17 September 2013 - 21:29 Normally, it waits.",
            {"17 September 2013 - 21:29": "2013-09-17T21:29"},
        ),
        (
            "Experts to be consulted Tuesday 28 April 2009 22.34 BST The administration said",
            {"Tuesday 28 April 2009 22.34 BST": "2009-04-28T22:34"},
        ),
        (
            "GAMES SEQUEL Wednesday, 04 April 2012 10:30 After opening weekend",
            {"Wednesday, 04 April 2012 10:30": "2012-04-04T10:30"},
        ),
        ("It was April 24, 2013 - 4:45pm", {"April 24, 2013 - 4:45pm": "2013-04-24T16:45"}),
    ],
)
def test_date_stamp_with_24_hour_clock(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount, a score, or a clock after a day without its year stays apart or untagged
        ("On March 3, 2020 3.50 percent of the loans failed.", {"March 3, 2020": "2020-03-03"}),
        ("On March 3, 2020 the score was 2:1.", {"March 3, 2020": "2020-03-03"}),
        ("On March 3 10:30 people came.", {"March 3": "2020-03-03"}),
        # "22.34" with no zone may be an amount
        ("Sales on March 3, 2020 22.50 higher", {"March 3, 2020": "2020-03-03"}),
    ],
)
def test_date_stamp_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Published: 2012.08.08 09:01 AM" (ECB+), "2018.04.05 ~ OPEN RUN" (a Korean theatre listing):
# a year-first date written with stops is the same date as "2012-08-08" and "2012/08/08".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Published: 2012.08.08 09:01 AM A fire destroyed",
            {"2012.08.08 09:01 AM": "2012-08-08T09:01"},
        ),
        ("The show opened 2018.04.05 in Seoul.", {"2018.04.05": "2018-04-05"}),
    ],
)
def test_year_first_dotted_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Install version v2020.03.15 of the tool.",  # a version
        "The address 2020.03.15.1 was blocked.",  # a longer dotted number
    ],
)
def test_year_first_dotted_date_counter_examples(text: str) -> None:
    assert found(text) == {}


# "British Climber Killed In Fall", "Mountaineer Dies in Fall in New Zealand" (ECB+ topic 23
# headlines): after a word of an accident and "in", a bare "fall" is the tumble (was 2020-FA).
@pytest.mark.parametrize(
    "text",
    [
        "British Climber Killed In Fall",
        "Climber Killed In Fall 8:05am UK",
        "Australian Mountaineer Dies in Fall in New Zealand",
        "Man injured in fall from ladder at building site",
        "Two workers died in a fall at the site.",
    ],
)
def test_fall_after_an_accident_is_no_season(text: str) -> None:
    assert "fall" not in {k.lower() for k in found(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Schools may reopen in fall.", {"fall": "2020-FA"}),
        ("Prices will rise in the fall.", {"the fall": "2020-FA"}),
        # with its year it is the season whatever comes before
        ("He was killed in fall 2019 in Iraq.", {"fall 2019": "2019-FA"}),
    ],
)
def test_fall_after_an_accident_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "midnight regulations" (an outgoing US administration's last-minute rules, ECB+ topic 9),
# "burning the midnight oil" (ReCOVery), "the midnight sun": no time of day (was T24:00/TNI).
@pytest.mark.parametrize(
    "text",
    [
        'The measures became known as "midnight regulations".',
        "There was no word on another so-called midnight regulation.",
        "Politicians are burning the midnight oil dreaming up new restrictions.",
        "They toured the land of the midnight sun.",
        "Critics attacked the president's midnight pardons.",
    ],
)
def test_midnight_idioms_are_no_times(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Negotiators face a midnight deadline.", {"midnight": "2020-04-15T24:00"}),
        ("The curfew starts at midnight.", {"midnight": "2020-04-15T24:00"}),
    ],
)
def test_midnight_idioms_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "at about 9 p.m. March 17, 2015" (mediacloud), "by 11:59 p.m. on May 22, 2020" (ReCOVery): the
# year after a clock time's month and day is the date's too, one TIME (it was "2015" apart, and
# the clock on March 17 of the DCT's year).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She had gone to a store at about 9 p.m. March 17, 2015, when an argument ensued.",
            {"about 9 p.m. March 17, 2015": "2015-03-17T21:00"},
        ),
        (
            "Refund requests must be made by 11:59 p.m. on May 22, 2020.",
            {"11:59 p.m. on May 22, 2020": "2020-05-22T23:59"},
        ),
        ("Last updated at 6:12 pm, April 3, 2020", {"6:12 pm, April 3, 2020": "2020-04-03T18:12"}),
    ],
)
def test_clock_month_day_takes_its_year(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_clock_month_day_counter_example() -> None:
    # a count after the day is no year
    assert found("At 6 p.m. May 3, 40 people gathered.") == {"6 p.m. May 3": "2020-05-03T18:00"}


# "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: ..." (the Daily Mail's stamp, ECB+): a bare
# clock time, a comma and a full date with its year are one TIME on that date (the first clock
# took the DCT's day).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PUBLISHED: 22:07 GMT, 7 July 2012 | UPDATED: 23:10 GMT, 7 July 2012 Klitschko won.",
            {
                "22:07 GMT, 7 July 2012": "2012-07-07T22:07",
                "23:10 GMT, 7 July 2012": "2012-07-07T23:10",
            },
        ),
        (
            "PUBLISHED: 14:21 BST, 3 May 2020 The minister said",
            {"14:21 BST, 3 May 2020": "2020-05-03T14:21"},
        ),
    ],
)
def test_clock_comma_full_date_is_one_stamp(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_clock_comma_date_without_year_stays_apart() -> None:
    assert found("It closed at 10:30, May 5 was the last day.") == {
        "10:30": "2020-04-15T10:30",
        "May 5": "2020-05-05",
    }


# Holidays of modern news missing from timex_holidays.tsv: "Happy Cinco de Mayo 2019", "Mother's
# Day and Cinco De Mayo" (ReCOVery), "a May Day rally", US spellings of the Monday holidays.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Happy Cinco de Mayo 2019! I can't wait.", {"Cinco de Mayo 2019": "2019-05-05"}),
        (
            "Kits for birthdays, Mother's Day and Cinco De Mayo sold out.",
            {"Mother's Day": "2020-05-10", "Cinco De Mayo": "2020-05-05"},
        ),
        ("Police broke up a May Day rally.", {"May Day": "2020-05-01"}),
        (
            "Schools will close on Martin Luther King Jr. Day.",
            {"Martin Luther King Jr. Day": "2021-01-18"},
        ),
        ("Stores held Presidents Day sales.", {"Presidents Day": "2020-02-17"}),
    ],
)
def test_modern_news_holidays(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The pilot sent a mayday call.",  # one word: the distress call
        "International Women's Day focuses on Afghan women.",  # a cause's day (TimeBank: none)
    ],
)
def test_modern_news_holidays_counter_examples(text: str) -> None:
    assert found(text) == {}


# "updated 7/28/2004 3:02:00 PM ET", "6:07:15 PM GMT" (ECB+ page stamps): seconds before a.m./p.m.
# are part of the clock (it was "02:00 PM ET" from inside the number, 14:00).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "updated 7/28/2004 3:02:00 PM ET Fred LaRue",
            {"7/28/2004 3:02:00 PM ET": "2004-07-28T15:02"},
        ),
        (
            "Posted on November 15, 2011 6:07:15 PM GMT Indian Naval",
            {"November 15, 2011 6:07:15 PM GMT": "2011-11-15T18:07"},
        ),
    ],
)
def test_clock_with_seconds_before_meridiem(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "at 17:06 hours local time", "01:19 hrs" (Iranian and Indian wire style): "hours" after a
# 24-hour clock belongs to it; alone "06 hours" was a length of six hours.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The institute registered the quake at 17:06 hours local time.",
            {"17:06 hours": "2020-04-15T17:06"},
        ),
        (
            "Sat Nov 12 2011, 01:19 hrs Warship foils attack",
            {"Nov 12 2011, 01:19 hrs": "2011-11-12T01:19"},
        ),
        # a length with a decimal stays a length
        ("It rose 3.5 hours later.", {"3.5 hours": "PT3H30M"}),
    ],
)
def test_clock_hours_is_no_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Last updated 13:26 14/09/2013", "14:25 Sun Sep 15 2013" (ECB+ New Zealand pages): a 24-hour
# clock right before a full date with its year is that day's clock time, one TIME.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Climber dead Last updated 13:26 14/09/2013 A climber",
            {"13:26 14/09/2013": "2013-09-14T13:26"},
        ),
        (
            "Second man dies 14:25 Sun Sep 15 2013 A second man",
            {"14:25 Sun Sep 15 2013": "2013-09-15T14:25"},
        ),
        # a score before a date is no clock
        ("The score was 2:1 on Sep 15 2013.", {"Sep 15 2013": "2013-09-15"}),
    ],
)
def test_clock_before_full_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "At about 9:25 Thursday morning", "Shortly after 3:30 Tuesday morning" (ECB+): the clock and
# the weekday's part of the day are one TIME (the clock lost to "Thursday morning").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At about 9:25 Thursday morning, navy personnel boarded.",
            {"about 9:25 Thursday morning": "2020-04-09T09:25"},
        ),
        (
            "Shortly after 3:30 Tuesday morning someone called 911.",
            {"3:30 Tuesday morning": "2020-04-14T03:30"},
        ),
        ("He left at 4:15 on Friday afternoon.", {"4:15 on Friday afternoon": "2020-04-10T16:15"}),
    ],
)
def test_clock_weekday_part_of_day(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_clock_weekday_night_is_left_to_the_part() -> None:
    # "2:30 Saturday night" may be the small hours or the evening: the part alone, as before
    assert found("The score was 2:30 Saturday night.") == {"Saturday night": "2020-04-11TNI"}


def test_date_stamp_clock_with_bare_p() -> None:
    # "Dec 23 2012, 5:03p" (a sports site's stamp in ECB+): the "p" is the afternoon
    # (the stamp pass first read 05:03)
    assert found("Colts clinch 5th seed on Dec 23 2012, 5:03p Andrew Luck led again.") == {
        "Dec 23 2012, 5:03p": "2012-12-23T17:03"
    }
