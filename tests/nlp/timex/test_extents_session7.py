"""Session 7: recognition and extent classes found by reading TE3-silver wire stories (AFP and
Xinhua, 1997/2005/2006) where the machine annotation disagreed with ours, each judged by the
TimeML 1.2.1 extent rules; every class has counter-examples.

DCT for every case: Thursday 2005-11-17 (a silver story's date) unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2005, 11, 17)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "the third quarter of this year": the year said relative to the DCT is part of the quarter,
# as "the fourth quarter of 2004" is; split, "the first quarter" of next year took this year.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The French economy came to a halt in the third quarter of the year.",
            "the third quarter of the year",
            "2005-Q3",
        ),
        (
            "Exports rose 12 percent in the third quarter of this year.",
            "the third quarter of this year",
            "2005-Q3",
        ),
        (
            "The plant is due to open in the first quarter of next year.",
            "the first quarter of next year",
            "2006-Q1",
        ),
        (
            "Sales fell in the fourth quarter of last year.",
            "the fourth quarter of last year",
            "2004-Q4",
        ),
        ("Sales fell in the fourth quarter of 2004.", "the fourth quarter of 2004", "2004-Q4"),
    ],
)
def test_quarter_of_a_relative_year_is_one_date(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_quarter_of_the_year_before_keeps_the_year_out() -> None:
    # "of the year before" is the year before some other one: the quarter stays alone.
    tags = found("Profit doubled from the third quarter of the year before.")
    assert "the third quarter" in tags
    assert not any("year" in t for t in tags)


# A quarter before "final(s)" or "finalist" is a round of a cup, in every quarter rule.
@pytest.mark.parametrize(
    "text",
    [
        "There is still a chance for them to make it through to the quarter-finals.",
        "They meet Spain in the quarter final on Sunday.",
        "Hamburg lost the second quarter-final.",
        "This quarter-final tie was played in Lyon.",
    ],
)
def test_quarter_finals_are_no_quarters(text: str) -> None:
    assert not any("quarter" in t.lower() for t in found(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Net rose in the quarter, final figures show.", "the quarter"),
        ("The quarter finally ended with gains.", "The quarter"),
        ("It posted a third-quarter loss.", "third-quarter"),
    ],
)
def test_quarters_before_other_words_stay(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "successive" is "straight"/"consecutive" in wire English (Xinhua): "for the second successive
# day" is a day of a run, "three successive days" a length (it was a bare "days", PXD).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The exchange finished in negative territory for the second successive day.",
            "the second successive day",
            "2005-11-17",
        ),
        ("Shares fell for the third consecutive day.", "the third consecutive day", "2005-11-17"),
        ("They met for three successive days.", "three successive days", "P3D"),
        ("It rained for five successive years.", "five successive years", "P5Y"),
    ],
)
def test_successive_is_a_run(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_successive_without_a_unit_is_no_time() -> None:
    assert found("Successive governments have tried.") == {}


# Any count of times before "a"/"per" and a unit is a frequency ("at least five times a
# week" was missed: only "three times" and digits were counts).
@pytest.mark.parametrize(
    ("text", "phrase", "freq"),
    [
        (
            "The number doing exercise at least five times a week increased.",
            "five times a week",
            "5X",
        ),
        ("They pray ten times a day.", "ten times a day", "10X"),
        ("He called twenty times a week.", "twenty times a week", "20X"),
        ("They meet three times a week.", "three times a week", "3X"),
    ],
)
def test_counted_times_are_frequencies(text: str, phrase: str, freq: str) -> None:
    tags = {t.text: t for t in tag(text, DCT)}
    assert tags[phrase].type == "SET"
    assert tags[phrase].freq == freq


def test_times_a_year_ago_is_a_multiple_and_a_date() -> None:
    assert found("The price is four times what it was a year ago.").get("a year ago") == "2004"
    assert found("The price rose four times a year ago.") == {"a year ago": "2004"}


# "a night landing", "a night raid": "night" as the first word of a compound says when, not
# how long (it was "a night" P1D); a night spent somewhere keeps its length.
@pytest.mark.parametrize(
    "text",
    [
        "He was hit by a fighter plane attempting a night landing on the ship.",
        "Troops carried out a night raid on the village.",
        "She works a night shift at the hospital.",
        "It was a night flight to Paris.",
    ],
)
def test_night_compounds_are_no_lengths(text: str) -> None:
    assert found(text) == {}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("He spent a night in jail.", "a night"),
        ("They stayed a night, and raids followed.", "a night"),
        ("They took a day trip to the coast.", "a day"),
    ],
)
def test_nights_and_days_spent_keep_their_length(text: str, phrase: str) -> None:
    assert found(text).get(phrase) == "P1D"


# "security on the election day" in a story of a Chechen vote, "as election day approaches" in a
# British one: a holiday name that is also a common noun, in lower case, is the story's own
# day, not the US Election Day (2005-11-08), whose date a later "1:00 p.m." took.
@pytest.mark.parametrize(
    "text",
    [
        "The ministry deployed 24,000 police to provide security on the election day, "
        "Itar-Tass said. No incidents had occurred by 1:00 p.m. (1000 GMT).",
        "Kenyans marked the country's independence day with parades.",
        "The gap between the two main parties will narrow as election day approaches.",
    ],
)
def test_common_noun_days_are_no_holidays(text: str) -> None:
    tags = found(text, dt.date(2005, 11, 27))
    assert not any("day" in t for t in tags)
    assert all(not v.startswith(("2005-11-08", "2005-07-04")) for v in tags.values())


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Americans vote on Election Day.", "Election Day", "2005-11-08"),
        ("Americans vote on Election Day, Nov. 8.", "Election Day", "2005-11-08"),
        ("The parade is on Independence Day.", "Independence Day", "2005-07-04"),
    ],
)
def test_holiday_names_stay_holidays(text: str, phrase: str, value: str) -> None:
    assert found(text, dt.date(2005, 11, 27)).get(phrase) == value


# "the Nov. 6-17 conference", "the Beijing Summit scheduled for Nov. 4-5": the end of a range
# of days is a date of its own, as the second day of "April 24 and 25" and each year of
# "1948-1951" are (it was missed); a year after it is its own ("Nov. 4-5, 2006").
@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        ("The Nov. 6-17 conference opened in Nairobi.", "17", "2005-11-17"),
        ("The summit is scheduled for Nov. 4-5.", "5", "2005-11-05"),
        ("The Games are slated for Dec. 1-15 in Doha.", "15", "2005-12-15"),
        ("The tournament will be held from December 4 to 14.", "14", "2005-12-14"),
        ("They met on Nov. 4-5, 2004, in Rome.", "5, 2004", "2004-11-05"),
        ("The championships will take place July 15-24 in 2022.", "24", "2022-07-24"),
    ],
)
def test_end_of_a_range_of_days_is_a_date(text: str, day: str, value: str) -> None:
    assert found(text).get(day) == value


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose on May 3 to 15 percent.",  # an amount after "to"
        "Shares fell on Oct. 3 - 2 percent lower.",
        "The score stood on Nov. 16-4 after the break.",  # no range: the end comes first
        "The vote on June 5-6:30 p.m. was delayed.",
    ],
)
def test_numbers_after_a_day_that_end_no_range(text: str) -> None:
    tags = found(text)
    assert len([t for t in tags if t.strip().isdigit()]) == 0


# "for 20 years, five days a week": a count before "a week" is how often, not the second part
# of one length (it was "20 years, five days" P20Y5D); "1 hour, 20 minutes" still joins.
def test_a_rate_after_a_length_is_not_joined() -> None:
    tags = found("He has been watching football for 20 years, five days a week, and knows it.")
    assert tags.get("20 years") == "P20Y"
    assert not any("," in t for t in tags)


def test_two_units_of_one_length_still_join() -> None:
    assert found("The meeting lasted 1 hour, 20 minutes.").get("1 hour, 20 minutes") == "PT1H20M"


# "kept under arrest for a third day": the article is part of the ordinal day, as "the" is.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The campaign leader has been kept under arrest for a third day.", "a third day"),
        ("Shares fell for a second straight day.", "a second straight day"),
        ("Shares fell for the second straight day.", "the second straight day"),
    ],
)
def test_article_of_an_ordinal_day_is_inside(text: str, phrase: str) -> None:
    assert found(text).get(phrase) == "2005-11-17"


def test_a_day_alone_stays_a_length() -> None:
    assert found("The talks lasted a day.").get("a day") == "P1D"


# "the curfew began at 8:00 p.m. (1700 GMT) Thursday": four digits before GMT are a clock
# time, never the year 1700; in brackets after a clock time they restate it and stay untagged
# (TimeBank: "10:35 a.m. (0735 GMT)"), alone they are the time.
@pytest.mark.parametrize(
    "text",
    [
        "The curfew began at 8:00 p.m. (1700 GMT) Thursday.",
        "A motorcade arrived at around 12:30 pm (2030 GMT) Friday.",
    ],
)
def test_bracketed_gmt_time_is_no_year(text: str) -> None:
    tags = found(text)
    assert "1700" not in tags and "2030" not in tags
    assert not any(v in ("1700", "2030") for v in tags.values())


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The attack happened at 2030 GMT.", "2030 GMT", "2005-11-17T20:30"),
        ("The deadline expires at 1700 GMT Friday.", "1700 GMT Friday", "2005-11-18T17:00"),
        ("The city was founded in 1700 by traders.", "1700", "1700"),  # a year stays a year
    ],
)
def test_gmt_clock_times_are_times(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# "The 6,000-year figure": a count with a comma or a point before a hyphened unit is a
# modifier too, tagged without the noun phrase's determiner (as "the 30-day period" is).
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The 6,000-year figure was first calculated by a bishop.", "6,000-year"),
        ("They held a 2.5-hour meeting.", "2.5-hour"),
        ("The 10-year plan was dropped.", "10-year"),
    ],
)
def test_determiner_of_a_counted_modifier_stays_out(text: str, phrase: str) -> None:
    assert phrase in found(text)


def test_determiner_of_a_counted_noun_stays_in() -> None:
    assert "the 1,000 years" in found("Over the 1,000 years since, the town grew.")


# "during the winter months": after a determiner, the season's months are one date (it was
# "the winter" and a vague length "months"); without one the phrase is left as it was.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Migratory birds fly into the city during the winter months.",
            "the winter months",
            "2005-WI",
        ),
        ("Sales peaked in the summer months of 2004.", "the summer months of 2004", "2004-SU"),
    ],
)
def test_the_season_months_are_the_season(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_counted_season_months_are_no_season_date() -> None:
    assert "six summer months" not in found("They spent six summer months abroad.")
    assert not any(
        v.endswith("-SU") for v in found("They spent six summer months abroad.").values()
    )


# "an additional 30 minutes", "a further 300 days", "another two years": the article of an
# added length is inside it, as "the" is in "the next three days".
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The saves took the tie into an additional 30 minutes.",
            "an additional 30 minutes",
            "PT30M",
        ),
        ("The period can be extended a further 300 days.", "a further 300 days", "P300D"),
        ("He will stay as head coach for another two years.", "another two years", "P2Y"),
    ],
)
def test_article_of_an_added_length_is_inside(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_a_further_without_a_length_tags_nothing() -> None:
    assert found("They asked for a further review and another 500 tests.") == {}


# "came to Albania in the past summer": the article before "past"/"coming" is inside the
# season (it was "past summer").
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("A record number of visitors came to Albania in the past summer.", "the past summer"),
        ("Prices may rise in the coming winter.", "the coming winter"),
        ("Prices rose this past summer.", "this past summer"),
    ],
)
def test_article_before_past_or_coming_season_is_inside(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "visit Kabul from 7th to 9th December", "7-9 December": in day-month order the first day of
# a range or pair is a date of its own, in the month of the second (it was missed).
@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        ("Kasuri is going to visit Kabul from 7th to 9th December.", "7th", "2005-12-07"),
        ("The fair runs 7-9 December in Lahore.", "7", "2005-12-07"),
        ("The talks on 7 and 8 December failed.", "7", "2005-12-07"),
        ("It will be held on 12-14 March 2007.", "12", "2007-03-12"),
    ],
)
def test_first_day_before_a_day_month_date_is_a_date(text: str, day: str, value: str) -> None:
    assert found(text).get(day) == value


@pytest.mark.parametrize(
    "text",
    [
        "He won 2 and 8 December was the final.",  # no time preposition before "and"
        "The draw on 9-7 December stood.",  # the first number is the larger
    ],
)
def test_numbers_before_a_day_month_date_that_are_no_days(text: str) -> None:
    assert not any(t.strip().isdigit() for t in found(text))


# "raising his half-century off 69 balls": in a cricket report a century is a batsman's hundred
# (fifty) runs, no length (all ten in TE3-silver were tagged P100Y, P50Y or a century).
@pytest.mark.parametrize(
    "text",
    [
        "Pietersen wasted little time raising his half-century off 69 balls.",
        "After unbeaten centuries in his previous two innings, Sangakkara lasted only 14 balls.",
        "Hayden scored his fifth century in eight Tests at the MCG.",
        "Pollock shared half-century stands as the batsmen recovered.",
    ],
)
def test_cricket_centuries_are_no_time(text: str) -> None:
    assert not any("centur" in t for t in found(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It was Iraq's first free vote in half a century.", "half a century"),
        ("The shroud was shown every Friday until the 12th century.", "the 12th century"),
        ("Blood tests over the past century improved.", "the past century"),  # "tests"
    ],
)
def test_centuries_outside_cricket_stay(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "By Tuesday noon": a weekday right before noon or midnight is the clock time's day, one TIME
# as "noon Tuesday" is (it was the weekday and "noon" apart).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("By Tuesday noon, the flames had been put out.", "Tuesday noon", "2005-11-15T12:00"),
        ("The strike will end Friday midnight.", "Friday midnight", "2005-11-18T24:00"),
        ("The flames were out by noon Tuesday.", "noon Tuesday", "2005-11-15T12:00"),
    ],
)
def test_weekday_before_noon_is_one_time(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# "from third quarter 2005": a year right after a quarter is its year, with no "of" (it was
# this year's third quarter and a separate "2005").
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Jobs rose 2.0 percent from third quarter 2005.", "third quarter 2005", "2005-Q3"),
        ("Sales fell in the fourth quarter 2004.", "the fourth quarter 2004", "2004-Q4"),
    ],
)
def test_quarter_and_year_without_of_are_one_date(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_quarter_then_comma_and_year_stay_apart() -> None:
    tags = found("In the third quarter, 2005 models sold well.")
    assert "the third quarter" in tags


# "all in their 20's, showed signs of torture": a two-digit decade after "in" and a possessive
# is an age, no date (it was the 1920s).
@pytest.mark.parametrize(
    "text",
    [
        "The other four, all in their 20's, showed signs of torture.",
        "They are mostly in their 40's and 50's and lack technical skills.",
        "A man in his late 30's was arrested.",
    ],
)
def test_decades_of_age_are_no_dates(text: str) -> None:
    assert found(text, dt.date(2006, 11, 28)) == {}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The band replayed their 60's hits.", "60's"),
        ("It was popular in the '60s.", "the '60s"),
        ("Prices peaked in the 1940s.", "the 1940s"),
    ],
)
def test_decades_that_are_dates_stay(text: str, phrase: str) -> None:
    assert phrase in found(text, dt.date(2006, 11, 28))


# "in the small hours of Monday morning": like "the early hours", the small (wee) hours are
# the early morning, no vague length of hours (it was "hours" PTXH).
@pytest.mark.parametrize(
    "text",
    [
        "Five people escaped from the police cells in the small hours of Monday morning.",
        "The water was cut off at wee hours Wednesday.",
    ],
)
def test_small_hours_are_no_length(text: str) -> None:
    assert "hours" not in found(text)


def test_bare_hours_stay_a_length() -> None:
    assert found("The rescue took hours.").get("hours") == "PTXH"


# "for some three-and-a-half years": a hyphened "and a half" count is one length (it was
# the vague "years" PXY; "a two-and-a-half-year contract" was "half-year" P6M).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The government wants control of security within some three-and-a-half years.",
            "some three-and-a-half years",
            "P3Y6M",
        ),
        ("He signed a two-and-a-half-year contract.", "two-and-a-half-year", "P2Y6M"),
        ("The talks lasted two-and-a-half hours.", "two-and-a-half hours", "PT2H30M"),
        ("It lasted four and a half years.", "four and a half years", "P4Y6M"),
    ],
)
def test_hyphened_half_counts_are_one_length(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_a_half_year_alone_stays_six_months() -> None:
    assert found("Profits rose in the half-year.").get("half-year") == "P6M"


# "The annual rotation started at 00:00 Nov. 25": a month and day right after a 24-hour clock
# time is its day, one TIME (alone, "00:00" took July 1, 1997 from the sentence before).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The garrison took over on July 1, 1997. The annual rotation started at 00:00 "
            "Nov. 25 when troops crossed.",
            "00:00 Nov. 25",
            "2006-11-25T00:00",
        ),
        ("The polls opened at 14:00 Nov. 3, 2005.", "14:00 Nov. 3, 2005", "2005-11-03T14:00"),
    ],
)
def test_month_day_after_a_24_hour_time_is_its_day(text: str, phrase: str, value: str) -> None:
    assert found(text, dt.date(2006, 11, 25)).get(phrase) == value


def test_month_day_after_a_comma_stays_apart() -> None:
    tags = found("The polls opened at 14:00, Nov. 3, 2006, in Lima.", dt.date(2006, 11, 25))
    assert "Nov. 3, 2006" in tags


# "arrested at around 11.30pm last night", "at 3 p.m. yesterday": a clock time right before a
# day with no clock of its own is one TIME on that day (apart, the clock took the DCT's day).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "He was arrested at around 11.30pm last night.",
            "around 11.30pm last night",
            "2005-11-16T23:30",
        ),
        ("It happened at 3 p.m. yesterday.", "3 p.m. yesterday", "2005-11-16T15:00"),
        ("The talks resume at 9 a.m. tomorrow.", "9 a.m. tomorrow", "2005-11-18T09:00"),
        ("The vote was at 10:00 this morning.", "10:00 this morning", "2005-11-17T10:00"),
    ],
)
def test_clock_time_and_its_day_are_one_time(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_clock_time_and_a_day_after_a_comma_stay_apart() -> None:
    tags = found("Shares closed at 5 p.m., above yesterday's close.")
    assert "5 p.m." in tags and "yesterday" in tags


def test_clock_time_before_a_new_sentence_stays_apart() -> None:
    # a diary's time stamp: "Today" opens the next sentence
    tags = found("A weekly catch-up with my boss. 5:25 p.m. Today got busy.")
    assert "5:25 p.m." in tags and "Today" in tags


# "commissioned by the end of the first quarter of 2007": the position word is inside the
# quarter, with its mod (it was "the first quarter of 2007" alone, no END); "the end of the
# decade" is found as "the end of the year" is.
@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod"),
    [
        (
            "The pipeline would be commissioned by the end of the first quarter of 2007.",
            "the end of the first quarter of 2007",
            "2007-Q1",
            "END",
        ),
        ("Growth will slow by the end of the decade.", "the end of the decade", "200", "END"),
    ],
)
def test_position_before_a_quarter_or_decade_is_inside(
    text: str, phrase: str, value: str, mod: str
) -> None:
    tags = {t.text: (t.value, t.mod) for t in tag(text, DCT)}
    assert tags.get(phrase) == (value, mod)


def test_quarter_of_a_game_keeps_its_position_out() -> None:
    # "late in the fourth quarter": "late in" is no position word of the quarter's
    assert "late in the fourth quarter" not in found("He scored late in the fourth quarter.")


# Round 2. "Resolution 1636 adopted by the UN Security Council on Monday": a figure after a
# noun that numbers a document, a vehicle or a place (timex_year_names.tsv, kind "head") is
# the item's number, not the year 1636, also when a lower-case word follows it.
@pytest.mark.parametrize(
    "text",
    [
        "Lahoud said that Resolution 1636 adopted by the UN Security Council should aim higher.",
        "UN resolution 1718 imposed sanctions on Pyongyang.",
        "Article 1812 of the code was repealed.",
        "Passengers of Flight 1549 were rescued.",
    ],
)
def test_number_after_a_label_noun_is_no_year(text: str) -> None:
    assert not any(t.text.isdigit() for t in tag(text, DCT)), found(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The Security Council passed a resolution in 1998.", "1998"),
        ("The 1998 resolution called for talks.", "1998"),
        ("The flight was cancelled in 1999.", "1999"),
    ],
)
def test_year_near_a_label_noun_stays_a_date(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "is expected to return by spring next year": a season with no year of its own and a year
# said relative to the DCT right after it are one date, as "April next year" is (it was
# "spring", the nearest one, and "next year" apart).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("He is expected to return by spring next year.", "spring next year", "2006-SP"),
        ("Troops pulled out in the summer of last year.", "the summer of last year", "2004-SU"),
        ("The vote is due in autumn this year.", "autumn this year", "2005-FA"),
    ],
)
def test_season_and_relative_year_are_one_date(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_season_and_year_after_a_comma_stay_apart() -> None:
    tags = found("In spring, last year's harvest was sold.")
    assert "last year" in tags and "spring" in tags


# "before the onset of winter": "the onset of" places the date at its start, as "the start of"
# does (timex_positions.tsv); a bare "winter" was missed. An onset of no time stays untagged.
def test_onset_of_a_season_is_its_start() -> None:
    tags = {
        t.text: (t.value, t.mod) for t in tag("Aid must arrive before the onset of winter.", DCT)
    }
    assert tags.get("the onset of winter") == ("2005-WI", "START")


def test_onset_of_no_time_is_no_date() -> None:
    assert not any("onset" in t.text for t in tag("The onset of symptoms came fast.", DCT))


# "2.1 percent in the July-September quarter": the first and last month of a calendar quarter
# before "quarter" name it, one date (it was "July" and "September" apart); "the September
# quarter" (Australian usage) is the quarter that ends in September.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Output rose 2.1 percent in the July-September quarter, the bureau said.",
            "the July-September quarter",
            "2005-Q3",
        ),
        (
            "Sales hit 5 billion dollars in the July-to-September quarter.",
            "the July-to-September quarter",
            "2005-Q3",
        ),
        (
            "Prices in Sydney, Melbourne and Brisbane rose in the September quarter.",
            "the September quarter",
            "2005-Q3",
        ),
        (
            "Sales rose in the October to December quarter.",
            "the October to December quarter",
            "2005-Q4",
        ),
    ],
)
def test_quarter_named_by_its_months(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Profit fell in the July-August quarter.", "August"),  # no calendar quarter
        ("The Fed cut rates by a quarter point in September.", "September"),
        ("Sales rose in August, a quarter more than in July.", "August"),
    ],
)
def test_months_that_name_no_quarter_stay_months(text: str, phrase: str) -> None:
    tags = found(text)
    assert phrase in tags and not any("quarter" in t for t in tags)


# "sales rose in the past fortnight": "the past" before a unit word is the unit's adjective,
# not the vague past (it was "the past" PAST_REF); "now days away" keeps "now".
def test_the_past_before_a_unit_is_no_past_ref() -> None:
    assert "the past" not in found("Sales rose sharply in the past fortnight.")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("In the past, prices rose.", "the past"),
        ("Prices rose in the past, weeks before the vote.", "the past"),
        ("A deal is now days away.", "now"),
    ],
)
def test_vague_reference_before_no_unit_stays(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "won here at the year-ending event": a unit hyphened to a word is part of an adjective,
# no "the year" (it was the DCT's year); "for the year" and "year-end" keep their tags.
@pytest.mark.parametrize(
    "text",
    ["The twins won here at the year-ending event.", "He won the week-opening race."],
)
def test_unit_hyphened_to_a_word_is_no_the_year(text: str) -> None:
    assert not any(t.text.startswith("the ") for t in tag(text, DCT)), found(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("Sales hit a record for the year.", "the year"), ("The year-end party was fun.", "year-end")],
)
def test_the_year_without_a_hyphen_stays(text: str, phrase: str) -> None:
    assert phrase in found(text)


# "the year of 2006 will be the 15th anniversary": "the year of" before a year is that year,
# one date, as "the year 2006" is (it was "the year", the DCT's, and "2006").
def test_the_year_of_a_year_is_that_year() -> None:
    tags = found("Wen said the year of 2006 will be the 15th anniversary of ties.")
    assert tags.get("the year of 2006") == "2006" and "the year" not in tags


def test_the_year_of_no_year_is_unchanged() -> None:
    assert "the year of" not in " ".join(found("Sales hit a record for the year of the dog."))


# "they expect to start in the first quarter of the next year": an ordinal quarter and "of" a
# year tag are one date, that year's quarter (it was this year's Q1 and "the next year" apart),
# as "the first week of May" is; "the last quarter of the following year" is its Q4.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "They expect to start the process in the first quarter of the next year.",
            "the first quarter of the next year",
            "2006-Q1",
        ),
        (
            "Sales fell in the last quarter of the following year.",
            "the last quarter of the following year",
            "2006-Q4",
        ),
    ],
)
def test_ordinal_quarter_of_a_year_tag(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_quarter_of_a_game_is_no_year_quarter() -> None:
    assert not any("game" in t for t in found("He scored in the third quarter of the game."))


# "According to the daily, the countries ...": "the daily" before a stop or comma is the
# newspaper, no SET; a list of frequency words and an adverb at the end keep theirs.
@pytest.mark.parametrize(
    "text",
    [
        "The Observer reported on Wednesday. According to the daily, 23 countries agreed.",
        "Sharif said at a summit organized by the daily, disclosed that he had decided.",
    ],
)
def test_the_daily_before_a_stop_is_the_newspaper(text: str) -> None:
    assert not any(t.type == "SET" for t in tag(text, DCT)), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The agency posts the daily, weekly and monthly figures.",
        "The pill is taken daily.",
        "Rights groups made daily calls to the embassy.",
    ],
)
def test_daily_as_a_frequency_stays_a_set(text: str) -> None:
    assert "daily" in found(text)


# "singing a decades-old song": a plural unit hyphened to "old" is one vague length, like
# "decades-long" (TimeBank tags "a years-old slump" whole); it was "decades" alone. An age
# ("a 30-year-old man") and a singular "year-old" stay untagged.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Two singers sang a decades-old song in memory of the leader.", "decades-old"),
        ("Kenya hoped for an end to a years-old slump in tourism.", "years-old"),
    ],
)
def test_plural_unit_old_is_a_vague_length(text: str, phrase: str) -> None:
    assert found(text).get(phrase) == "PXY"


@pytest.mark.parametrize(
    "text",
    [
        "A 30-year-old man was held.",
        "They kept the year-old truce.",
        "Another 45-years-old man from the town tested positive.",
    ],
)
def test_age_old_stays_untagged(text: str) -> None:
    assert not tag(text, DCT)
