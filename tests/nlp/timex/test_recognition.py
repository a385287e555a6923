"""Fourth timex round: recognition (false alarms and missed classes), each with counter-examples.

DCT for every case: Tuesday 2025-12-02 (the seed's publication date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag
from storyline.rules import data_path

DCT = dt.date(2025, 12, 2)


def texts(text: str) -> list[str]:
    return [t.text for t in tag(text, DCT)]


def found(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, DCT)}


@pytest.mark.parametrize(
    "name",
    [
        "timex_title_words.txt",
        "timex_generic_nouns.txt",
        "timex_last_verb_cues.txt",
        "timex_day_names.txt",
    ],
)
def test_recognition_data_file_has_header_comment(name: str) -> None:
    assert data_path(name).read_text(encoding="utf-8").startswith("# ")


# A time word with a capital inside a sentence belongs to a name or a title (TimeML tags
# times, not the titles of programmes, films or papers).
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Baker, speaking on ABC News\' "This Week," said so.', "This Week"),
        ('He said on CBS\'s "60 Minutes" that he was sorry.', "60 Minutes"),
        ("This is VOA Today.", "Today"),
        ("The poster showed Gary Cooper from the film ``High Noon.''", "Noon"),
        ("He told USA Today that he would resign.", "Today"),
        ("She was named on ABC's World News Tonight with Peter Jennings.", "Tonight"),
        ('She was "Woman of the Year" on CBS This Morning.', "Year"),
        ("The film Apocalypse Now was screened in Paris.", "Now"),
    ],
)
def test_titles_are_not_time_expressions(text: str, title: str) -> None:
    assert not any(title in t for t in texts(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('He said, "Today we start."', "Today"),  # a quotation opens with a capital
        ("Talks resumed on Monday. Now the parties must agree.", "Now"),  # sentence start
        ("Today, the court ruled.", "Today"),
        ("Obama To Visit Israel Next Week", "Next Week"),  # a title-case headline
        ("-- Now, the parties must agree.", "Now"),
        ("WASHINGTON (AP) _ Now the talks must resume.", "Now"),  # a dateline dash
        ("LONDON (Reuters) - Today the bank said so.", "Today"),
        ("The TODAY show aired at noon.", "noon"),
        ("The house dates from the 18th Century.", "the 18th Century"),  # a capital, still a date
    ],
)
def test_titles_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# "today's youth", "the leaders of tomorrow": the present age or the future in general, left
# untagged in TimeBank and AQUAINT alike.
@pytest.mark.parametrize(
    "text",
    [
        "It matters to mothers in today's world.",
        "The case is for today's youth what the blockade was.",
        "If I were choosing the people of tomorrow, I would choose them.",
        "They are yesterday's men.",
        "Today's young people read less.",
    ],
)
def test_generic_today_is_not_a_day(text: str) -> None:
    assert not texts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shareholders responded coolly to yesterday's announcement.", "2025-12-01"),
        ("Tomorrow's vote has international implications.", "2025-12-03"),
        ("The offer was advertised in today's editions.", "2025-12-02"),
        ("The law takes effect as of tomorrow.", "2025-12-03"),
        ("Today, young people read less.", "2025-12-02"),
    ],
)
def test_generic_today_counter_examples(text: str, value: str) -> None:
    assert value in found(text).values()


# One vague length said two ways is one expression (TimeBank: "weeks or months", "a year or
# two", "recent weeks and months"); "the first hours", "the weeks ahead" keep their words.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("He probably died within weeks or months of his capture.", "weeks or months", "PXW"),
        ("Funds in recent weeks and months sold junk.", "recent weeks and months", "PXW"),
        ("You may, in a year or two, save more lives.", "a year or two", "PXY"),
        ("It takes an hour or two.", "an hour or two", "PTXH"),
        ("Prisoners were taken in the first hours of the war.", "the first hours", "PTXH"),
        ("Funds will sell junk in the weeks ahead.", "the weeks ahead", "PXW"),
        ("The region will suffer in the years to come.", "the years to come", "PXY"),
        ("I look forward to the months and years ahead.", "the months and years ahead", "PXM"),
    ],
)
def test_vague_lengths_keep_their_words(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He arrived two weeks ahead of the vote.", "two weeks"),  # "ahead of" is a relation
        ("Weeks of talks and days of protests followed.", "Weeks"),  # no common length
        ("It took two or three weeks.", "two or three weeks"),
        ("The early hours of Sunday were quiet.", None),  # a part of the day, no duration
    ],
)
def test_vague_lengths_counter_examples(text: str, phrase: str | None) -> None:
    if phrase is None:
        assert "hours" not in " ".join(texts(text))
    else:
        assert phrase in texts(text)


# "later that year", "that same day": a narrative date, the one the story is at (TimeML
# tags it; the value comes from the last date mentioned).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("He fled in June 1998 and returned to Cuba later that year.", "later that year", "1998"),
        ("He was shot on Oct. 23. Earlier that day, they sent a fax.", "Earlier that day", None),
        ("The list went up on Oct. 23. It was changed that same day.", "that same day", None),
        ("The bill passed on Nov. 3 and was signed the same day.", "the same day", "2025-11-03"),
    ],
)
def test_narrative_that_day(text: str, phrase: str, value: str | None) -> None:
    got = found(text)
    assert phrase in got
    assert value is None or got[phrase] == value


@pytest.mark.parametrize(
    "text",
    [
        "At the same time, costs rose.",  # a conjunction, not a date
        # no narrative anchor word: left alone ("that year" is tagged since the sixth round,
        # test_that_year_is_the_story_year)
        "That day was a good one for the bank.",
    ],
)
def test_narrative_that_day_counter_examples(text: str) -> None:
    assert not texts(text)


# Words TimeML keeps inside: "mid-afternoon yesterday" (one time), "the previous Friday",
# "the mid-1990s" (a decade is a noun, so its determiner stays), "late-November".
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("In London at mid-afternoon yesterday, shares were up.", "mid-afternoon yesterday"),
        ("The index closed down 4.5% from the previous Friday.", "the previous Friday"),
        ("He arrived and left the following Monday.", "the following Monday"),
        ("Sales should recover by the mid-1990s.", "the mid-1990s"),
        ("He fled in late-November.", "late-November"),
        ("Prices peaked in the late-1980s.", "the late-1980s"),
        (
            "Elections are set for this coming Sunday, March eighth.",
            "this coming Sunday, March eighth",
        ),
        ("He left last Tuesday, Nov. 25.", "last Tuesday, Nov. 25"),
        ("People gathered for the two day rally.", "two day"),  # a modifier: no determiner
    ],
)
def test_edge_words_inside(text: str, phrase: str) -> None:
    assert phrase in texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It posted a third-quarter loss.", "third-quarter"),  # a modifier: no determiner
        ("The 30-day period ended.", "30-day"),
        ("Organizers said the two days of music drew crowds.", "the two days"),  # a noun
        ("He served one day in jail.", "one day"),
        ("He said yesterday's announcement came in the afternoon.", "yesterday"),
    ],
)
def test_edge_words_inside_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# Report quarters as vague lengths or futures once a time word says so ("recent quarters",
# "coming quarters", "future quarters"); "quarters" alone are rooms.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It has been a tough business in recent quarters.", "recent quarters", "PXQ"),
        ("It doesn't bode well for coming quarters.", "coming quarters", "FUTURE_REF"),
        ("That will cut tax payments in future quarters.", "future quarters", "FUTURE_REF"),
        ("Prices may rise in future years.", "future years", "FUTURE_REF"),
    ],
)
def test_report_quarters(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "Inspectors resisted attempts to inspect such quarters.",
        "The troops returned to their quarters.",
        "Its future is unclear.",  # "future" alone is not a unit
    ],
)
def test_report_quarters_counter_examples(text: str) -> None:
    assert not any("quarters" in t or "future" in t.lower() for t in texts(text))


# "the second day of an offensive", "his first day in office": a day counted in a story is a
# date (TimeBank and AQUAINT tag it); its value is the story's date.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It's the second day of an offensive by the security forces.", "the second day"),
        ("He vowed to do so on his first day in office.", "first day"),
        ("Protests continued for the sixth straight day on Wednesday.", "the sixth straight day"),
        ("Shares fell on the 3rd day of trading.", "the 3rd day"),
    ],
)
def test_counted_days(text: str, phrase: str) -> None:
    assert found(text).get(phrase, "").startswith("2025-")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("They emerged from their third day-long meeting.", "third day"),  # a length
        ("The first daylight came at six.", "first day"),
    ],
)
def test_counted_days_counter_examples(text: str, absent: str) -> None:
    assert not any(absent in t for t in texts(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police found the bodies of two women -- 68 and 48-years-old -- inside.",  # ages
        "The 6-year-old boy arrived in Miami.",
    ],
)
def test_ages_are_not_durations(text: str) -> None:
    assert not texts(text)


# "last Oct. 23": the day is the expression (month.rel would stop at "last Oct."), and the
# word before it still says which way it points.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Slepian was shot to death last Oct. 23 at his home.", "Oct. 23", "2025-10-23"),
        ("The vote was moved to next Feb. 4.", "Feb. 4", "2026-02-04"),
        ("He will visit next March.", "next March", "2026-03"),  # no day: the month
    ],
)
def test_last_month_day(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# "last" after "to", a modal or a negation is the verb: the length is the expression.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The trial is expected to last several weeks.", "several weeks"),
        ("The program will last a year.", "a year"),
        ("The war won't last months.", "months"),
        ("The strike could last two days.", "two days"),
    ],
)
def test_last_as_a_verb(text: str, phrase: str) -> None:
    assert texts(text) == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Sales fell in the last two quarters.", "the last two quarters"),
        ("He spent the last several weeks in hospital.", "the last several weeks"),
        ("It fell over the last few months.", "the last few months"),
    ],
)
def test_last_as_a_verb_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# A paper or programme named after a day is no date; named days are.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Sunday Times reported the deal.", "Sunday"),
        ("The Mail on Sunday said so.", "Sunday"),
        ("The sketch aired on Saturday Night Live.", "Saturday"),
        ("The Arab Spring began in Tunisia.", "Spring"),
        ("The Winter Olympics open in Sochi.", "Winter"),
    ],
)
def test_names_with_days_are_not_dates(text: str, absent: str) -> None:
    assert not any(absent in t for t in texts(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He told the Sunday Telegraph on Saturday that he would quit.", "Saturday"),
        ("Riots broke out in Scotland on Sunday.", "Sunday"),  # a place, then a date
        ("Ash Wednesday marks the start of Lent.", "Ash Wednesday"),
        ("The campaign runs from now to Election Day.", "Election Day"),
        ("Crowds gathered on St. Patrick's Day.", "St. Patrick's Day"),
        ("Summer 2012 was hot.", "Summer 2012"),
        ("It could hinder new series for Fall 2009.", "Fall 2009"),  # a season with a year
    ],
)
def test_names_with_days_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# "the fall in oil prices", "the fall of the Berlin Wall": a decline or a collapse.
@pytest.mark.parametrize(
    "text",
    [
        "The fall in oil prices hurt exports.",
        "Since the fall of the Berlin Wall, Europe has changed.",
        "The fall was steep.",
    ],
)
def test_fall_as_a_decline(text: str) -> None:
    assert not texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Kopp shot Slepian last fall in his home.", "last fall"),
        ("It happened in the fall of 1998.", "the fall of 1998"),
        ("Prices rose in the fall.", "the fall"),
        ("He will retire in the fall of next year.", "the fall of next year"),  # one date
    ],
)
def test_fall_as_a_decline_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# One length in two or three units is one DURATION ("2 hours 15 minutes" = PT2H15M).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The race took 2 hours 15 minutes.", "2 hours 15 minutes", "PT2H15M"),
        ("He was jailed for three years and two months.", "three years and two months", "P3Y2M"),
        (
            "It lasted 1 hour, 20 minutes and 5 seconds.",
            "1 hour, 20 minutes and 5 seconds",
            "PT1H20M5S",
        ),
        ("They waited 2 days and 6 hours.", "2 days and 6 hours", "P2DT6H"),
    ],
)
def test_lengths_in_two_units(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("He was sentenced to 10 years, 5 years suspended.", ["10 years", "5 years"]),
        ("Ten days, two weeks later, he came back.", ["Ten days", "two weeks"]),
        (
            "The mortgage is deferred for three months, 120 days, or 180 days.",
            ["three months", "120 days", "180 days"],  # choices: 120 days do not fit in a month
        ),
    ],
)
def test_lengths_in_two_units_counter_examples(text: str, phrases: list[str]) -> None:
    assert texts(text) == phrases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A survey showed three-quarters reported declining demand.", []),  # a fraction
        ("Profits fell in the last three quarters.", ["the last three quarters"]),
    ],
)
def test_hyphenated_quarters_are_fractions(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# Spelled decades ("the nineties") are decades, as "the 1990s" is; an age is not.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Hate group numbers dropped through the nineties.", "the nineties", "199"),
        ("He grew up in the early sixties.", "the early sixties", "196"),
        ("Music of the nineteen eighties was loud.", "the nineteen eighties", "198"),
    ],
)
def test_spelled_decades(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize("text", ["She is in her sixties.", "Both men are in their forties."])
def test_spelled_decades_counter_examples(text: str) -> None:
    assert not texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Not a mere day ago, the Saints placed him on injured reserve.", "a mere day ago"),
        ("The plant closed a full year ago.", "a full year ago"),
        ("He left two weeks ago.", "two weeks ago"),  # nothing in between
    ],
)
def test_ago_with_an_adjective(text: str, phrase: str) -> None:
    assert texts(text) == [phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("In the fiscal year ended Jan. 31, it sold $59 million.", "the fiscal year", "P1Y"),
        ("Sales for the fiscal year ending June 30 rose.", "the fiscal year", "P1Y"),
        ("Profit for the fiscal year rose.", "the fiscal year", "2025"),  # no end date: a date
    ],
)
def test_fiscal_year_ended(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# Clock times said in words: "4 in the morning" is 04:00, "11 at night" 23:00.
@pytest.mark.parametrize(
    ("text", "phrase", "clock"),
    [
        ("The father will leave at 4 in the morning.", "4 in the morning", "T04:00"),
        ("The vote ended at 10 in the evening.", "10 in the evening", "T22:00"),
        ("At 11 at night, police arrived.", "11 at night", "T23:00"),
        ("It happened at 3 o'clock in the afternoon.", "3 o'clock in the afternoon", "T15:00"),
        ("He called at five o'clock.", "five o'clock", "T05:00"),
    ],
)
def test_spoken_clock_times(text: str, phrase: str, clock: str) -> None:
    assert found(text).get(phrase, "").endswith(clock)


@pytest.mark.parametrize(
    "text",
    ["Shares fell 4 in the morning session.", "He scored 2 in the afternoon."],
)
def test_spoken_clock_times_counter_examples(text: str) -> None:
    assert not any(t[0].isdigit() for t in texts(text))  # a count, not a time


# Sixth round. A holiday name before a noun of timex_holiday_kinds.txt names a kind of
# thing ("Christmas ornaments"), not a day; a day's events stay dated.
@pytest.mark.parametrize(
    "text",
    [
        "The shop sold football jerseys, Christmas ornaments, and doormats.",
        "Residents looked forward to an Easter egg hunt.",
        "It is one of the best Christmas movies ever.",
        "Buy two more as Christmas gifts.",
    ],
)
def test_holiday_naming_a_kind_of_thing_is_no_date(text: str) -> None:
    assert not any(t.type == "DATE" for t in tag(text, DCT)), texts(text)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Trump's Memorial Day visit to Fort McHenry drew protests.", "Memorial Day", "2025-05-26"),
        ("The family met at Christmas.", "Christmas", "2025-12-25"),
        ("Christmas 2024 sales were weak.", "Christmas 2024", "2024-12-25"),
        ("The Christmas holidays were quiet.", "Christmas", "2025-12-25"),
    ],
)
def test_holiday_kind_counter_examples(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# "Easter week": the holiday and its week are one expression, the holiday's ISO week.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Protesters prayed as Easter week began.", "Easter week", "2025-W16"),
        ("Shops close in Christmas week.", "Christmas week", "2025-W52"),
        ("Shops close at Christmas, weeks later.", "Christmas", "2025-12-25"),  # no "week"
        # the weekend next to it: Memorial Day (Monday 2025-05-26) ends its weekend
        (
            "Roads were empty over the Memorial Day weekend.",
            "the Memorial Day weekend",
            "2025-W21-WE",
        ),
        ("The Easter weekend was quiet.", "The Easter weekend", "2025-W16-WE"),
        ("Shops close in Christmas weeks.", "Christmas", "2025-12-25"),  # a plural is no week
    ],
)
def test_holiday_week_is_the_holidays_week(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# A year inside a name is no date: after a name noun of timex_year_names.tsv, or after a
# capitalised word inside a sentence when no lower-case word follows the year.
@pytest.mark.parametrize(
    "text",
    [
        "A vaccine to prevent coronavirus disease 2019 (COVID-19) is the best hope.",
        "The CDC says Coronavirus Disease 2019, or Covid-19, spreads easily.",
        "Farkas set up a joint venture called Orion 1980, manufacturing parts.",
        "Tickets for the Tokyo 2020 Olympics were refunded.",
    ],
)
def test_year_inside_a_name_is_no_date(text: str) -> None:
    assert not any(t.text.isdigit() for t in tag(text, DCT)), texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It was the seventh Democratic 2020 presidential debate.", "2020"),  # dates the noun
        ("The plant opened in June 1994.", "June 1994"),
        ("In 1990 the plant closed.", "1990"),  # a capital that opens a sentence
        ("Results for Fiscal 1990 fell.", "Fiscal 1990"),
        ("Prices rose in 2019 and fell in 2020.", "2019"),
        ("He was born 1950 in Ohio.", "1950"),  # a lower-case word is no name unless listed
    ],
)
def test_year_in_name_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# "April 24 and 25": the second day of a pair is a date of its own, in the first one's month.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The summit will be held on April 24 and 25.", "25", "2026-04-25"),
        ("Managers were surveyed between Nov. 1 and 13.", "13", "2025-11-13"),
        ("Talks on Dec. 8 or 9, officials said.", "9", "2025-12-09"),
        ("The summit is on April 24th and 25th.", "25th", "2026-04-25"),
    ],
)
def test_second_day_of_a_pair_is_a_date(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "On April 24 and 25 people died.",  # a count: no punctuation after it
        "The vote is on Feb. 28 and 30.",  # no such day
        "Shares rose 24 and 25 cents.",  # no date before it
        "The vote was on Nov. 21, 2025 and 25.",  # a year, not a day, before "and"
    ],
)
def test_second_day_counter_examples(text: str) -> None:
    assert not any(t.text in ("25", "30") for t in tag(text, DCT)), texts(text)


# "that year" is the year the story is at (like "that same year"); "that day" and "that
# month" stay untagged: TBAQ leaves "that day" untagged 2 times in 3, and a month counted
# from a year-precise story date would be only a year.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Imports rose in 1988. Imports that year were $1.5 billion.", "that year", "1988"),
        ("Sales fell in 2019, and that year profits halved.", "that year", "2019"),
    ],
)
def test_that_year_is_the_story_year(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "He left that day.",
        "Sales fell in 2019; that month was bad.",
        # right after a date, "that year" places the date; it is no expression of its own
        "It began in 2003. In March that year, a man died.",
        "On April 16, 1963 (Good Friday that year), they marched.",
    ],
)
def test_that_year_counter_examples(text: str) -> None:
    assert not any(t.text.startswith("that") for t in tag(text, DCT)), texts(text)


# Vague lengths and references: "for a while" (PXX), "at a later date" (FUTURE_REF), "a
# while ago" (PAST_REF); idioms of timex_idioms.txt with a time word in them say no time.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("They will have to live without power for a while.", "a while", "PXX"),
        ("It will seek financing at a later date.", "a later date", "FUTURE_REF"),
        ("He called a while ago.", "a while ago", "PAST_REF"),
    ],
)
def test_vague_while_and_later_date(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "Once in a while he calls.",
        "All the while, prices rose.",
        "It was not worth their while.",
    ],
)
def test_idioms_with_a_time_word_say_no_time(text: str) -> None:
    assert tag(text, DCT) == [], texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "That is very important to the future of our peoples.",
        "She worried about the future of her business.",
        "For the people of Poland, high noon comes today.",
    ],
)
def test_future_of_and_high_noon_are_no_times(text: str) -> None:
    assert not any(t.text.lower() in ("the future", "noon") for t in tag(text, DCT)), texts(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("They will sell more abroad in the future.", "the future"),
        ("Albanians are worried about the future.", "the future"),
        ("The vote is at noon.", "noon"),
    ],
)
def test_future_of_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)


# "the then current market price": current at a past time (TBAQ: PAST_REF, "then" inside).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Holders may buy shares at 50% of the then current market price.",
            "then current",
            "PAST_REF",
        ),
        ("The then-current chairman resigned.", "then-current", "PAST_REF"),
        ("Shares trade at the current market price.", "current", "PRESENT_REF"),  # no "then"
    ],
)
def test_then_current_is_past(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value
