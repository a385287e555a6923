"""Session 8: recognition and extent classes judged by the TimeML 1.2.1 extent rules (year
spans, sports seasons, holiday names) and found in a recognition audit of modern news; every
class has counter-examples.

DCT for every case: Wednesday 2020-04-15 (a ReCOVery story's date) unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 4, 15)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "the recession of 1990-91", "the 2019/20 season": a span of years with the second cut to two
# digits is a range, two dates as "1948-1951" is; the two digits are the second year.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The recession of 1990-91 hurt the region's economy.",
            {"1990": "1990", "91": "1991"},
        ),
        (
            "He scored 20 goals in the 2019/20 season before the league stopped.",
            {"2019": "2019", "20": "2020"},
        ),
        (
            "Enrolment fell in 2003/04 after the fee rise.",
            {"2003": "2003", "04": "2004"},
        ),
        ("The 1999-00 winter was mild.", {"1999": "1999", "00": "2000"}),
        ("Sales rose in 2002/2003.", {"2002": "2002", "2003": "2003"}),
    ],
)
def test_year_span_second_year_is_a_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fiscal year written as a span is one fiscal year
        ("Revenue for fiscal 2004-05 rose 10 percent.", {"fiscal 2004-05": "2005"}),
        # a full date, and a year before a smaller number, are no span of years
        ("The meeting of 2002-03-15 was short.", {"2002-03-15": "2002-03-15"}),
        ("The report of 2002-01 was late.", {"2002": "2002"}),
        # a smaller or far later number after the dash is a count, not a year
        ("The index was at 2019-15 points lower.", {"2019": "2019"}),
    ],
)
def test_year_span_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# Sports seasons are left out: TimeML's calendar has no sports season (one runs across two
# calendar years, differently in each sport), TBAQ's text has no "season" to follow, and
# "this season" / "flu season" would need a value no normaliser can give. Only the years of
# a season's span are dates.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The team lost last season and hopes to win next season.", {}),
        ("This season has been hard for the club.", {}),
        ("Doctors fear a bad flu season.", {}),
        ("The 2019-20 season was cut short.", {"2019": "2019", "20": "2020"}),
    ],
)
def test_sports_seasons_are_no_dates(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# Lunar-calendar holidays ("during Ramadan", "Eid al-Fitr", "Lunar New Year") are dates as
# Christmas is; with no lunar calendar in storyline their value is the DCT's year.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Infections rose during the holy month of Ramadan.", "the holy month of Ramadan"),
        ("Muslims fast during the month of Ramadan.", "the month of Ramadan"),
        ("During Ramadan, shops close early.", "Ramadan"),
        (
            "With the Muslim Eid al-Fitr holidays coming up, the curfew was extended.",
            "Eid al-Fitr",
        ),
        ("Restaurants will be closed for Eid, and restrictions will stay.", "Eid"),
        ("China extended the Lunar New Year holiday by a week.", "Lunar New Year"),
        ("We did not see them over Passover.", "Passover"),
    ],
)
def test_lunar_holiday_is_a_date_of_the_dct_year(text: str, phrase: str) -> None:
    assert found(text).get(phrase) == "2020"


@pytest.mark.parametrize(
    "text",
    [
        # surnames: after a capitalised word inside a sentence, or beside a speech verb
        "Among the defendants is Taha Yassin Ramadan, a former vice president.",
        "The Bahrain head coach Salman Ramadan praised the team.",
        "Tariq Ramadan said the charges were false.",
        # a kind of thing, not the day
        "See the Ramadan Calendar for prayer times.",
    ],
)
def test_lunar_holiday_counter_examples(text: str) -> None:
    assert "Ramadan" not in " ".join(found(text))


def test_lunar_holiday_without_dct_is_unknown_year() -> None:
    assert [(t.text, t.value) for t in tag("Shops close during Ramadan.", None)] == [
        ("Ramadan", "XXXX")
    ]


# "2020/03/15": a year-first date with slashes is one date, as "2020-03-15" is (it was the
# year alone); a web address's path is none.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The notice dated 2020/03/15 was posted.", {"2020/03/15": "2020-03-15"}),
        (
            "The notice of 2002/03/15 and 2002-03-16.",
            {"2002/03/15": "2002-03-15", "2002-03-16": "2002-03-16"},
        ),
        ("See https://example.com/2020/03/15/story.html for more.", {}),
        ("It ran 2020/13/15 copies.", {"2020": "2020"}),
    ],
)
def test_year_first_slash_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A sentence that ends inside a quotation ('... right there." Now, ...') opens a new one: the
# capital of "Now"/"Today" after it is no title's (was untagged as "This Week" would be).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "“Every time you saw my daughter, my mom was right there.” Now, Angelica is"
            " struggling to help her son.",
            "Now",
            "PRESENT_REF",
        ),
        ("‘We’re trying to do work!’ Now there is realization.", "Now", "PRESENT_REF"),
        ("He said “we are done.” Today the company is closed.", "Today", "2020-04-15"),
    ],
)
def test_word_after_a_quoted_sentence_end_opens_a_sentence(
    text: str, phrase: str, value: str
) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "He watched “This Week” with friends.",  # no sentence end inside the quotation
        "She writes for USA Today every week.",
    ],
)
def test_title_words_inside_a_sentence_stay_titles(text: str) -> None:
    assert "Week" not in found(text) and "Today" not in found(text)


# "for another week": one more of the unit is a length, as "another 30 days" already was
# (was missed); idioms of some later day are none.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Officials put off the reopening of schools for another week.", "another week", "P1W"),
        ("If we keep kids out of school for another year, the poor suffer.", "another year", "P1Y"),
        (
            "It will be at least another month until the judge decides.",
            "at least another month",
            "P1M",
        ),
        ("I extended my retirement for another month or two.", "another month or two", "PXM"),
        ("The company extended the deal for another 30 days.", "another 30 days", "P30D"),
    ],
)
def test_another_unit_is_a_length(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "He will live to fight another day.",
        "We'll leave that for another day.",
        "That is a story for another day.",
        "This is just another day in their life.",
        "They help one another every week.",
    ],
)
def test_another_day_idioms_are_no_length(text: str) -> None:
    assert not any(k.lower().startswith("another") for k in found(text))


# "every single day" is "every day" (was missed); "every single one" has no unit.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have been doing so every single day,” Pritzker said.", {"every single day": "P1D"}),
        ("Every single week the numbers rose.", {"Every single week": "P1W"}),
        ("Every single one of them was sick.", {}),
    ],
)
def test_every_single_unit_is_a_set(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A modifier of quantity ("at least", "up to") belongs to lengths, not to a day or a clock
# time: "until at least [May 30]" as "until at least [June]" and "as early as [Tuesday]" (TBAQ);
# was "at least May 30" EQUAL_OR_MORE (a duration's mod on a date). APPROX stays inside.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stores would remain closed until at least May 30.", {"May 30": ("2020-05-30", None)}),
        ("Theaters will remain shut until at least June 7th.", {"June 7th": ("2020-06-07", None)}),
        ("The ban will last until at least June.", {"June": ("2020-06", None)}),
        ("They met on about May 3.", {"about May 3": ("2020-05-03", "APPROX")}),
        ("He arrived at around 5 p.m.", {"around 5 p.m.": ("2020-04-15T17:00", "APPROX")}),
        # counter-example: a length keeps its quantity modifier
        ("It will take at least two weeks.", {"at least two weeks": ("P2W", "EQUAL_OR_MORE")}),
    ],
)
def test_quantity_modifier_stays_out_of_points(
    text: str, expected: dict[str, tuple[str, str | None]]
) -> None:
    assert {t.text: (t.value, t.mod) for t in tag(text, DCT)} == expected


# "late-night hosts", "a late-night talk show": a part of the day hyphened to its position word
# before a noun of a kind of thing (timex_daypart_genres.txt) is no time of the DCT's night
# (was TIME 2020-04-15TNI END), as "a night raid" is none. Alone, or before any other noun
# ("mid-afternoon trading", wire news), it stays a time.
@pytest.mark.parametrize(
    "text",
    [
        "Late-night hosts mocked the speech.",
        "He gave an interview with late-night host Jimmy Kimmel.",
        "Watch a late-night talk show held inside a video game.",
        "The bar has catered to Manhattan's lively late-night crowds for 20 years.",
    ],
)
def test_hyphened_part_before_a_noun_is_no_time(text: str) -> None:
    assert not [t for t in tag(text, DCT) if t.type == "TIME"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The talks went on until late-night.", "late-night"),
        ("The talks ran until late-night on Friday.", "late-night"),
        ("They met in the late evening.", "the late evening"),
        # a noun of no genre: the time of an event, as wire news has it
        ("The dollar moved in a narrow range in mid-afternoon trading.", "mid-afternoon"),
        ("Until the attack, a shaky late-night ceasefire appeared to hold.", "late-night"),
    ],
)
def test_hyphened_part_alone_stays_a_time(text: str, phrase: str) -> None:
    assert phrase in found(text)


# Two lengths are one only inside one sentence: a capital after the first ("a day Fifteen
# minutes into ...", a full stop lost between paragraphs) opens a new one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The epidemic kills 91 Americans a day Fifteen minutes into the film we meet him.",
            {"Fifteen minutes": "PT15M"},
        ),
        ("He served two years, three months in prison.", {"two years, three months": "P2Y3M"}),
    ],
)
def test_lengths_join_only_inside_a_sentence(text: str, expected: dict[str, str]) -> None:
    got = found(text)
    assert all(got.get(k) == v for k, v in expected.items())
    assert not any(k.startswith("a day F") for k in got)


# Once a text uses a lunar holiday's word as a surname, the word alone elsewhere is the person
# too ("Aside from Saddam and Ramadan"), unless a time word comes before it ("after Ramadan").
def test_lunar_holiday_word_of_a_surname_in_the_text_is_the_person() -> None:
    text = (
        "The defendants include Taha Yassin Ramadan, a former vice president. Aside from"
        " Saddam and Ramadan, the defendants include Barzan. The trial resumed after Ramadan."
    )
    tags = [(t.text, text[t.start - 6 : t.start]) for t in tag(text, DCT)]
    assert tags == [("Ramadan", "after ")]


def test_lunar_holiday_alone_in_a_text_without_the_surname_is_the_holiday() -> None:
    text = "Shops were busy. Ramadan is a time of fasting. They prayed during Ramadan."
    assert [t.value for t in tag(text, DCT)] == ["2020", "2020"]


# "the fiscal year of 2004-05", "the fiscal year of 2004": one fiscal year, as "fiscal year
# 2004-05" is (was "the fiscal year" of the DCT plus the years apart).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reserves stood at 104 million dollars in the fiscal year of 2004-05.",
            {"the fiscal year of 2004-05": "2005"},
        ),
        ("Sales rose in the fiscal year of 2004.", {"the fiscal year of 2004": "2004"}),
        (
            "The fiscal year of the company ends in June.",
            {"The fiscal year": "2020", "June": "2020-06"},
        ),
    ],
)
def test_fiscal_year_of_a_year(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A year right after a lunar holiday ("in 2002", "2020") is its year, as for "Christmas in 2016";
# a bare year right after it is part of it, as in "Christmas 1950".
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The bars commemorate the lunar new year in 2002, the Year of the Sheep.",
            "lunar new year",
            "2002",
        ),
        ("Mosques stayed shut in Ramadan 2019 across the region.", "Ramadan 2019", "2019"),
        ("During Ramadan, 2,000 people prayed.", "Ramadan", "2020"),
    ],
)
def test_lunar_holiday_takes_the_year_after_it(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


# "by end of year" (no article) is "by year-end" (was missed); "since end of year" is last
# year's, as "since year-end" is.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Will we have a vaccine candidate by end of year? It looks likely.",
            {"end of year": "2020"},
        ),
        ("Sales have doubled since end of year.", {"end of year": "2019"}),
        ("The deal should close by the end of the year.", {"the end of the year": "2020"}),
        ("The end-of-year exams were cancelled.", {}),
    ],
)
def test_end_of_year_without_article(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the Memorial Day holiday weekend" is the holiday's weekend, as "the Memorial Day weekend"
# (was "Memorial Day" alone, the Monday); "the Memorial Day holiday" stays the day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stores reopened ahead of the Memorial Day holiday weekend.",
            {"the Memorial Day holiday weekend": "2020-W21-WE"},
        ),
        ("The Memorial Day holiday was quiet.", {"Memorial Day": "2020-05-25"}),
    ],
)
def test_holiday_weekend(text: str, expected: dict[str, str]) -> None:
    assert found(text, dt.date(2020, 5, 20)) == expected


# "in 1958, the year I was born": "the year" / "the month" set off by a comma after a year or
# month restates it (was the DCT's year or month); a unit that does not fit keeps its value.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mom and Dad started this in 1958, the year I was born.",
            {"1958": "1958", "the year": "1958"},
        ),
        (
            "The posts go back to November of 2019, which is the month in which it began.",
            {"November of 2019": "2019-11", "the month": "2019-11"},
        ),
        # counter-examples: a month before "the year", no comma
        ("Sales rose in May, the year's best month.", {"May": "2020-05", "the year": "2020"}),
        ("He was born in 1958 and the year was hard.", {"1958": "1958", "the year": "2020"}),
    ],
)
def test_apposed_year_or_month(text: str, expected: dict[str, str]) -> None:
    assert found(text, dt.date(2020, 5, 20)) == expected


# "A day in the life of my quarantine" (a diary series title) is no length; "stayed a day in
# the city" is one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A day in the life of my quarantine: Read Jimmy Fallon's diary.", {}),
        ("They stayed a day in the city.", {"a day": "P1D"}),
    ],
)
def test_a_day_in_the_life(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A month name after an honorific ("Dr. April S. Stempien", "Mr May") or before a middle
# initial and a surname ("April S. Stempien said") is a person's name. Counter-examples: a
# month with a day, a cued month before a capitalised word, two initials ("U.S.").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. April S. Stempien, who led the study, said the results were clear.", {}),
        ("Study author April S. Stempien said the results were clear.", {}),
        ("June Smith said the plan failed.", {}),
        ("Mrs. June Almeida identified the first human coronavirus.", {}),
        ("In a statement, Dr. May said the trial would go on.", {}),
        # counter-examples
        ("The study began on April 5.", {"April 5": "2020-04-05"}),
        ("In May Smith said he would run again.", {"May": "2020-05"}),
        ("Sales fell in April U.S. data showed.", {"April": "2020-04"}),
        ("Dr. Fauci said in April that the virus was spreading.", {"April": "2020-04"}),
    ],
)
def test_month_as_a_given_name(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "from 11 a.m. to 1:30": the bare h:mm closing a range from a clock time with its meridiem is
# a clock time, the first reading after the start (13:30), past midnight the next day. Alone,
# or after a clock time with no "to"/dash between, "2:30" stays untagged (a score, a ratio).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The food bank was open from 11 a.m. to 1:30, volunteers said.",
            {"11 a.m.": "2020-04-15T11:00", "1:30": "2020-04-15T13:30"},
        ),
        (
            "The curfew runs from 10 p.m. to 5:30 across the city.",
            {"10 p.m.": "2020-04-15T22:00", "5:30": "2020-04-16T05:30"},
        ),
        (
            "Testing sites are open 8 a.m.-4:30 at the fairgrounds.",
            {"8 a.m.": "2020-04-15T08:00", "4:30": "2020-04-15T16:30"},
        ),
        # counter-examples
        ("At 11 a.m. the score went to 2:30 in the second half.", {"11 a.m.": "2020-04-15T11:00"}),
        ("She ran the mile in 4:30 to 4:45 all season.", {}),
        (
            "The briefing ran from 11 a.m. to 1:30 p.m.",
            {"11 a.m.": "2020-04-15T11:00", "1:30 p.m.": "2020-04-15T13:30"},
        ),
    ],
)
def test_bare_clock_time_closing_a_range(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the whole month of July" is one expression, as "the month of July" is: "whole"/"entire"
# sits inside the noun phrase. Counter-example: "the whole of July" keeps the month alone.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It will rain for the whole month of July.", {"the whole month of July": "2020-07"}),
        (
            "He was away the entire month of June, 2019.",
            {"the entire month of June, 2019": "2019-06"},
        ),
        ("The month of July will be hot.", {"The month of July": "2020-07"}),
        # counter-example
        ("We will be away for the whole of July.", {"July": "2020-07"}),
    ],
)
def test_whole_month_of(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "between six and 12 months" is a length whose amount is a range, as "six to 12 months" is:
# one DURATION with X for the amount; "between" stays outside, a signal as in "between 1990 and
# 1995". Counter-examples: ages ("between 5 and 9 years old", "of age") and counts of other
# things stay untagged; "between one and two years ago" keeps its date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hutchison said the process will take between six and 12 months.",
            {"six and 12 months": "PXM"},
        ),
        (
            "Experts see the outbreak lasting between 18 and 24 months, coming back in waves.",
            {"18 and 24 months": "PXM"},
        ),
        ("Symptoms appear between two and 14 days after exposure.", {"two and 14 days": "PXD"}),
        ("It lasted from two to three weeks.", {"two to three weeks": "PXW"}),
        # counter-examples
        ("Most children who have it are between 5 and 9 years old.", {}),
        ("It was given to children between 6 and 15 years of age.", {}),
        ("Rates rose between 1 and 2 percent.", {}),
        ("Prices fell between March and April.", {"March": "2020-03", "April": "2020-04"}),
    ],
)
def test_between_range_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "following" with no "the" before a weekday is the preposition ("held following Friday
# prayers", "rose following Tuesday's vote"): the weekday alone is the date, as TE3-silver tags
# "following [Tuesday]'s bold daylight raid". "the following Friday" stays one relative date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The event was held following Friday prayers.", {"Friday": "2020-04-10"}),
        ("Shares rose following Tuesday's vote.", {"Tuesday": "2020-04-14"}),
        ("Following Friday's vote, the party split.", {"Friday": "2020-04-10"}),
        # counter-examples
        (
            "They met on Monday and again the following Friday.",
            {"Monday": "2020-04-13", "the following Friday": "2020-04-17"},
        ),
        ("The previous Friday was calm.", {"The previous Friday": "2020-04-10"}),
    ],
)
def test_following_as_a_preposition_before_a_weekday(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the last Friday of the holy month of Ramadan": an ordinal day of a lunar holiday is one
# date, but the holiday's value is only the year it falls in (no lunar calendar here), so the
# whole gets that coarse year, not the last Friday of the whole year (2020-12-25 before).
# Counter-examples: a real year or month keeps its counted day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Palestinians marked Quds Day on the last Friday of the holy month of Ramadan.",
            {"last Friday of the holy month of Ramadan": "2020"},
        ),
        ("They fast from the first day of Ramadan.", {"the first day of Ramadan": "2020"}),
        # counter-examples
        ("The party is on the last Friday of 2020.", {"the last Friday of 2020": "2020-12-25"}),
        ("We meet the first Saturday in May.", {"the first Saturday in May": "2020-05-02"}),
    ],
)
def test_ordinal_day_of_a_lunar_holiday(text: str, expected: dict[str, str]) -> None:
    assert found(text, dt.date(2020, 5, 22)) == expected


# "bi-weekly", "biweekly", "fortnightly" are frequencies of two weeks as a whole word; before,
# the "weekly" inside "bi-weekly" was tagged alone as P1W. Counter-examples: "weekly" stays
# P1W, "bimonthly" (as often twice a month as every two months) stays untagged.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mandel pitches his favorite products in bi-weekly episodes.", {"bi-weekly": "P2W"}),
        ("The only hope is a biweekly testing requirement.", {"biweekly": "P2W"}),
        ("The fortnightly meeting was cancelled.", {"fortnightly": "P2W"}),
        # counter-examples
        ("The weekly meeting was cancelled.", {"weekly": "P1W"}),
        ("Regional CPI statistics are reported on a bimonthly basis.", {}),
    ],
)
def test_two_weekly_frequency_words(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
