"""Session 7, a value audit on wire stories (TE3-silver sample, read by hand; silver's own values
were only candidates): rules for general errors of direction found there. Each rule has
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
        # "earlier" before "than" is a comparison, not a past: "are expected" looks ahead
        (
            "Preliminary results are expected no earlier than Monday, officials said.",
            "2005-11-27",
            ("Monday", "2005-11-28"),
        ),
        # "expected" after "than" is no plan ahead: "have dampened" dates October
        (
            "Recent data -- including a smaller-than-expected rise in machinery orders in "
            "October -- have dampened expectations of a rate rise.",
            "2006-12-14",
            ("October", "2006-10"),
        ),
    ],
)
def test_comparison_with_than_carries_no_tense(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
def test_comparison_leaves_the_clause_verb_deciding(parse: bool) -> None:
    # counter-example: the past verb of the clause still dates the weekday
    assert ("Monday", "2005-11-21") in found(
        "The results came earlier than expected on Monday.", "2005-11-27", parse
    )


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month and day naming an unscheduled event: gone, whatever the clause's tense
        (
            "Resolution 1636 should aim to put to light all behind the Feb. 14 assassination "
            "of Hariri.",
            "2005-11-01",
            ("Feb. 14", "2005-02-14"),
        ),
        (
            "Aid will reach the victims of the December 26 tsunami.",
            "2005-11-08",
            ("December 26", "2004-12-26"),
        ),
        # a month, possessive or with one word between
        (
            "The US urged Syria to cooperate in the probe of February's killing of Rafiq Hariri.",
            "2005-12-12",
            ("February", "2005-02"),
        ),
        (
            "An interim report implicated Syrian officials in Hariri's killing in a February "
            "bomb blast.",
            "2005-12-10",
            ("February", "2005-02"),
        ),
    ],
)
def test_date_naming_an_unscheduled_event_points_back(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a scheduled event stays the nearest (timex_event_nouns.txt)
        (
            "Officials will prepare the November 20 election.",
            "2005-11-08",
            ("November 20", "2005-11-20"),
        ),
        # without a determiner or a possessive the noun may be a threat still to come
        (
            "Officials fear November 20 attacks on the embassy.",
            "2005-11-08",
            ("November 20", "2005-11-20"),
        ),
        # a date after a preposition of time is when, not the event's name
        (
            "An attack on November 20 would be a disaster.",
            "2005-11-08",
            ("November 20", "2005-11-20"),
        ),
    ],
)
def test_scheduled_or_timed_event_keeps_the_tense_window(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a vow dated by its own weekday: the plan's weekday after it is ahead
        (
            "A centre-left Indian coalition, toppled a week ago, vowed Friday to return to "
            "power by Monday after making up with an estranged ally.",
            "1997-04-18",
            ("Monday", "1997-04-21"),
        ),
        (
            "The union agreed on Tuesday to end the strike on Thursday.",
            "2005-11-16",
            ("Thursday", "2005-11-17"),
        ),
    ],
)
def test_weekday_planned_after_a_dated_vow_is_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: a vow's "that" clause keeps its own past; an undated intent with a
        # weekday stays as before ("decided to weigh in ... on Monday" is the day it was done)
        (
            "The coalition vowed Friday that it had formed a government on Monday.",
            "1997-04-18",
            ("Monday", "1997-04-14"),
        ),
        (
            "Richardson decided to weigh in on the fight on Monday, saying he should go.",
            "2019-11-20",
            ("Monday", "2019-11-18"),
        ),
    ],
)
def test_weekday_after_undated_intent_keeps_the_past(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "starting"/"beginning" before a date: the start of something still to come
        (
            "Total investment is estimated at 1.4 billion yen, including the construction of a "
            "plant near Bangkok, with production starting in December, the spokesman said.",
            "1997-04-25",
            ("December", "1997-12"),
        ),
        (
            "The minister was earlier Friday ordered by an Australian court to attend a "
            "three-day committal hearing beginning August 19.",
            "1997-04-11",
            ("August 19", "1997-08-19"),
        ),
        (
            "Outdoor movie venues can show films starting on Friday, according to the governor.",
            "2020-05-12",
            ("Friday", "2020-05-15"),
        ),
        # counter-example: a past verb right before (a hyphenated compound counts as one word)
        (
            "Saudi Arabia kicked off a five-day, round-the-clock curfew beginning on Saturday "
            "after infections more than quadrupled.",
            "2020-05-24",
            ("Saturday", "2020-05-23"),
        ),
    ],
)
def test_starting_or_beginning_date_is_ahead_unless_a_past_verb_is_near(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a relative clause after the date tells of the noun: the verb after it decides
        (
            "The nine-hour operation on Wednesday, which is said to be the first step in a "
            "one-year face rebuilding project, was more successful than expected.",
            "2006-11-17",
            ("Wednesday", "2006-11-15"),
        ),
        # counter-example: with no verb after it, the relative clause may tell of the date
        (
            "The ceremony on Friday, which will be a public holiday.",
            "2006-11-15",
            ("Friday", "2006-11-17"),
        ),
    ],
)
def test_relative_clause_after_date_gives_way_to_the_main_verb(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month named after the report's quarter: "a year earlier" compares months
        (
            "Recent data -- including a sharp downgrade to third-quarter growth -- have dampened "
            "expectations. Inflation remains subdued, with core consumer prices up just 0.1 "
            "percent in October from a year earlier.",
            "2006-12-14",
            ("a year earlier", "2005-10"),
        ),
        # counter-example: with no month after it, the quarter is still what is compared
        (
            "Third-quarter net income rose 5% from a year earlier, the company said.",
            "1989-10-20",
            ("a year earlier", "1988-Q3"),
        ),
    ],
)
def test_year_earlier_counts_from_a_month_named_after_the_quarter(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an attribution after the date dates the saying, a cue further back the date
        (
            '"We will go back to Baidoa to present and discuss our laws to the parliament on '
            'Sunday," he added.',
            "2006-12-29",
            ("Sunday", "2006-12-31"),
        ),
        (
            "APEC will hold a ministerial meeting on bird flu pandemic in Vietnam early next "
            "year and a symposium on containing the new contagious disease in China in April, "
            "said South Korea's APEC ambassador.",
            "2005-11-13",
            ("April", "2006-04"),
        ),
        # counter-example: with no cue further back, the attribution's past decides
        ('"The talks on Sunday went well," he added.', "2006-12-29", ("Sunday", "2006-12-24")),
    ],
)
def test_attribution_after_the_date_gives_way_to_a_cue_further_back(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a parenthesis of figures is no clause break: the verb before it decides
        (
            "Gazprom has warned that gas supplies to Belarus will be turned off at 10:00 am in "
            "Moscow (0700 GMT) on Monday if Belarus does not agree to higher prices.",
            "2006-12-28",
            ("Monday", "2007-01-01"),
        ),
        (
            "The government is expected to announce a commitment of 4 billion Canadian dollars "
            "(about 3.2 billion US dollars) at the conclusion of the summit on Friday.",
            "2005-11-24",
            ("Friday", "2005-11-25"),
        ),
        # counter-example: a parenthesis of words still breaks the clause ("liquefied" before
        # it is no past verb of the months)
        (
            "Buyers of US-extracted liquefied natural gas (LNG) may cancel up to 60 percent of "
            "July orders, as the industry is reeling from a glut.",
            "2020-05-22",
            ("July", "2020-07"),
        ),
    ],
)
def test_parenthesis_of_figures_is_no_clause_break(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an outcome of a scheduled event has taken place: the past clause dates it
        (
            "Palestinians faced formidable difficulties following Hamas won the legislative "
            "elections in January and thus was given the mandate to form the government.",
            "2006-11-10",
            ("January", "2006-01"),
        ),
        (
            "Voting was strong in Sunni Arab districts, in stark contrast to their overwhelming "
            "boycott of an election in January.",
            "2005-12-15",
            ("January", "2005-01"),
        ),
        # beyond the month reach of a past clause: an outcome has happened, however far
        (
            "Haniya, whose Islamist group formed the government after winning parliamentary "
            "elections in January, spoke on Saturday.",
            "2006-12-02",
            ("January", "2006-01"),
        ),
        # counter-examples: a future outcome is ahead; a past clause says nothing about a
        # scheduled event without an outcome
        ("They will boycott the election in January.", "2005-12-15", ("January", "2006-01")),
        (
            "Biden was poised to challenge Trump in the Nov. 3 election.",
            "2020-05-20",
            ("Nov. 3", "2020-11-03"),
        ),
    ],
)
def test_outcome_of_a_scheduled_event_keeps_the_past(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the "-ed" part of a hyphenated adjective is no past verb of the clause
        (
            "The theme of the discussions, which include three closed-door sessions over the two "
            "days and continue until about midday on Sunday, is 'African youth'.",
            "2005-12-03",
            ("about midday on Sunday", "2005-12-04T12:00"),
        ),
        # counter-example: after a verb prefix the hyphenated word is a verb
        ("He was re-elected on Sunday.", "2005-12-03", ("Sunday", "2005-11-27")),
        ("The party re-elected him on Sunday.", "2005-12-03", ("Sunday", "2005-11-27")),
    ],
)
def test_hyphenated_adjective_is_no_past_verb(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "the previous week" after a day of the story is the week before the story's
        (
            "The index shed 113.16 points during a week of sharp swings, to close on Friday at "
            "3,550.37 points. Average daily volumes were up to 190 million dollars from 171 "
            "million dollars the previous week.",
            "1997-04-05",
            ("the previous week", "1997-W13"),
        ),
        (
            "World oil prices dropped on Monday after striking two-month highs the previous week.",
            "2006-12-04",
            ("the previous week", "2006-W48"),
        ),
        # counter-example: "a week earlier" counted from a day stays a day
        (
            "The index closed on Friday at 3,550 points. A week earlier it had closed at 3,600.",
            "1997-04-05",
            ("A week earlier", "1997-03-28"),
        ),
    ],
)
def test_previous_week_of_a_story_day_is_a_week(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a cue that points ahead before a possessive weekday: the event to come
        (
            "Victory saw the Londoners climb further away from danger, the Eagles now nine "
            "points clear of the relegation zone ahead of Saturday's matches.",
            "2006-12-22",
            ("Saturday", "2006-12-23"),
        ),
        (
            "Mali's political parties are hitting the dusty roads in the run-up to Sunday's "
            "legislative elections, wooing voters.",
            "1997-04-07",
            ("Sunday", "1997-04-13"),
        ),
        # counter-examples: a past verb right before the cue; no cue (a possessive is gone)
        ("Violence flared ahead of Sunday's vote.", "1997-04-07", ("Sunday", "1997-04-06")),
        (
            "The club sacked its manager after Saturday's defeat.",
            "2006-12-11",
            ("Saturday", "2006-12-09"),
        ),
    ],
)
def test_possessive_weekday_after_a_cue_ahead_is_to_come(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a past perfect plan says nothing about the direction: the nearest October
        (
            "The figure was a big surprise to analysts, who had expected the US shortfall in "
            "goods and services to come to 63 billion dollars in October.",
            "2006-12-12",
            ("October", "2006-10"),
        ),
        # counter-example: "was expected" further back still looks ahead (a day the text set)
        (
            "Italian Prime Minister Romano Prodi was expected to be at Rome's Ciampino airport, "
            "along with other top government officials, on Saturday for a ceremony.",
            "2006-11-30",
            ("Saturday", "2006-12-02"),
        ),
    ],
)
def test_past_perfect_plan_gives_no_direction(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # after a word of intent ("hope to"), a past after the date says nothing about it
        (
            '"They agreed that the defense guidelines are a serious issue for both sides that we '
            "hope to complete to them in September by time of the two-plus-two meeting in "
            'Washington," Bacon said.',
            "1997-04-08",
            ("September", "1997-09"),
        ),
        # counter-example: without an intent the past after the date dates it
        (
            "The guidelines completed in September by the two sides were published, Bacon said.",
            "1997-04-08",
            ("September", "1996-09"),
        ),
    ],
)
def test_intent_before_date_outweighs_a_past_after_it(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


# Round 2 (a second look at round 1's candidates).


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a run of days ends no later than the report, "successive" as "straight" (was
        # Thanksgiving, three days ahead)
        (
            "That includes on Thanksgiving, when gatherings will be limited. Cases reached a "
            "record high for the second successive day in Oregon.",
            "2020-11-23",
            ("the second successive day", "2020-11-23"),
        ),
        # counter-example: a past day named before it is the streak's day
        (
            "Stocks fell on Friday for the second successive day.",
            "2020-11-23",
            ("the second successive day", "2020-11-20"),
        ),
    ],
)
def test_successive_day_is_a_streak(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "the first three quarters" of a year is a stretch of time, not a fraction
        (
            "Sales in the first three quarters of this year rose 4 percent.",
            "2005-11-17",
            ("the first three quarters", "P3Q"),
        ),
    ],
)
def test_first_quarters_of_a_year_are_a_length(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    "text",
    # counter-examples: a fraction of a count stays untagged
    ["Three quarters of them voted for the plan.", "About three quarters of the votes counted."],
)
def test_three_quarters_of_a_count_stay_a_fraction(text: str) -> None:
    assert not [t for t in found(text, "2005-11-17") if t[1] == "P3Q"]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "the year to February 1997" is the twelve months up to it, as "the year ended"
        (
            "Consumer prices rose 2.1 percent in the year to February 1997, the bureau said.",
            "1997-04-01",
            ("the year", "P1Y"),
        ),
        (
            "Profits rose in the year up to the end of March, the company said.",
            "1997-04-20",
            ("the year", "P1Y"),
        ),
        # counter-examples: "the year" with no month after it is this year; a lower-case
        # "may" is no month
        (
            "Profits rose in the year, the company said.",
            "1997-04-20",
            ("the year", "1997"),
        ),
        (
            "The gains made in the year to may not last.",
            "1997-04-20",
            ("the year", "1997"),
        ),
    ],
)
def test_year_to_a_month_is_a_length(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # some months of a year compared with the same months a year back: the year, not the
        # reported quarter a year back
        (
            "Vietnam imported nearly 80,000 tons of sugar in the first five months of this year, "
            "increasing 15 times over the same period last year, said the association.",
            "2006-11-27",
            ("the same period last year", "2005"),
        ),
        (
            "Sales in the first three quarters of this year rose 4 percent over the same period "
            "last year.",
            "2006-11-27",
            ("the same period last year", "2005"),
        ),
        (
            "Exports rose 10 percent in the January-September period from the same period last "
            "year.",
            "2006-11-27",
            ("the same period last year", "2005"),
        ),
        # counter-example: after a quarter the same period is that quarter a year back
        (
            "For the third quarter this year, the IPI rose by 5 percent to 137.2 compared with "
            "the same period last year.",
            "2006-11-13",
            ("the same period last year", "2005-Q3"),
        ),
    ],
)
def test_same_period_after_months_so_far_is_a_year(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a clause that opens its sentence with no cue before the season: the past after it
        # is the season's own, the one gone (was the spring ahead)
        (
            "The ordination of three Chinese bishops without Vatican approval in the spring led "
            'the pope to denounce a "serious violation of religious freedom".',
            "2006-12-02",
            ("the spring", "2006-SP"),
        ),
        # counter-examples: a past before the season is the saying (the fall ahead); a clause
        # opened further in keeps the season ahead
        (
            "The board said colleges had to decide whether to reopen in the fall.",
            "2020-05-10",
            ("the fall", "2020-FA"),
        ),
        (
            'The "infinite greed" of some mine owners, driven by the growing demand of the '
            "winter coal market, was the ultimate cause of the disasters, said the official.",
            "2006-11-14",
            ("the winter", "2006-WI"),
        ),
    ],
)
def test_season_dated_by_the_verb_after_it_is_the_one_gone(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "would" in the day's own clause before "on" reaches beyond the 240 days (262 ahead)
        (
            "William and Harry also said a memorial service would take place in London on "
            "August 31 -- exactly 10 years on from the princess's death.",
            "2006-12-12",
            ("August 31", "2007-08-31"),
        ),
        # counter-examples: a plain past reaches as far (tense.plain_past_on, session 8) but no
        # further than 300 days; a plan keeps the usual reach
        (
            "Shares changed hands on July 1.",
            "2020-05-10",
            ("July 1", "2020-07-01"),
        ),
        (
            "The dialogue, launched in early March, was last scheduled for July 25.",
            "2006-11-06",
            ("July 25", "2006-07-25"),
        ),
    ],
)
def test_would_before_on_a_day_reaches_further(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a weekday after an event noun and "for" is the day the event is set for, ahead
        # whatever the clause's tense (was the Thursday gone)
        (
            "A countrywide dawn-to-dusk hartal for Thursday was called in Bangladesh to "
            "protest against Tuesday's court bombings.",
            "2005-11-29",
            ("Thursday", "2005-12-01"),
        ),
        (
            "The opposition called a vote for Sunday.",
            "2005-11-29",
            ("Sunday", "2005-12-04"),
        ),
        # counter-examples: "for" after no event noun, and a possessive, keep the past
        (
            "Sales for Thursday were low.",
            "2005-11-29",
            ("Thursday", "2005-11-24"),
        ),
        (
            "He arrived for Thursday's meeting.",
            "2005-11-29",
            ("Thursday", "2005-11-24"),
        ),
    ],
)
def test_weekday_an_event_is_set_for_is_ahead(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present verb after "unless"/"if"/"once" tells of the future: the weekday ahead
        # (was the Tuesday gone)
        (
            "Williams faces the death penalty for murdering four people unless the governor "
            "intervenes before Tuesday.",
            "2005-12-11",
            ("Tuesday", "2005-12-13"),
        ),
        (
            "Once the deal closes on Friday, shares will rise.",
            "2005-12-11",
            ("Friday", "2005-12-16"),
        ),
        # counter-example: no present verb after "if", the past decides
        (
            "He was asked if the strike on Friday was legal.",
            "2005-12-11",
            ("Friday", "2005-12-09"),
        ),
    ],
)
def test_weekday_in_a_conditional_present_is_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


def test_month_in_a_conditional_present_is_left_to_other_cues() -> None:
    # counter-example: "the March primary" named in a conditional stays the nearest one
    text = (
        "If a ballot vacancy happens after the March primary, the nomination is filled by a "
        "vote of the executive committee."
    )
    assert ("March", "2020-03") in found(text, "2020-06-15")


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a possessive weekday after a word of taking part with no tense of its own is the
        # event to come (was the one gone)
        (
            "The eight teams will all be at Friday's draw in Leipzig.",
            "2006-12-05",
            ("Friday", "2006-12-08"),
        ),
        (
            "Up to 27,000 runners are expected to take part in Sunday's race around London.",
            "1997-04-12",
            ("Sunday", "1997-04-13"),
        ),
        # counter-examples: a past form, "after attending", another verb keep the past
        (
            "Fans who attended Saturday's game were angry.",
            "2006-12-05",
            ("Saturday", "2006-12-02"),
        ),
        (
            "After attending Sunday's game, he left.",
            "2006-12-05",
            ("Sunday", "2006-12-03"),
        ),
        (
            "Coaches will review Saturday's game.",
            "2006-12-05",
            ("Saturday", "2006-12-02"),
        ),
    ],
)
def test_possessive_weekday_after_taking_part_is_ahead(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


# Round 3: a count of people in an irregular plural, or a unit closing a bracket, before
# "a day" / "an hour" makes it a rate (each day: a set, or untagged as in TBAQ), not a length.
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("About 3,000 children a day were infected with the virus, the agency said.", "a day"),
        ("The report said two women a week are killed by a partner.", "a week"),
        ("The storm packed winds of 450 kilometers (280 miles) an hour, they said.", "an hour"),
    ],
)
def test_rate_after_irregular_plural_or_bracket_is_no_length(text: str, unit: str) -> None:
    types = {t.text: t.type for t in tag(text, "2006-11-15")}
    assert types.get(unit, "SET") == "SET"


def test_length_after_a_bracketed_year_is_kept() -> None:
    # a digit closing a bracket is no rate unit: "a year" stays a length
    types = {
        t.text: t.type for t in tag("He left (in 2005) a year later, they said.", "2006-11-15")
    }
    assert types.get("a year") == "DURATION"


# Round 3: "fortnight" is two weeks; after "the past/next/last" it is a stretch valued like
# "the past two weeks" (P2W), not missed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sales of homes rose sharply in the past fortnight, the agency said.",
            "the past fortnight",
        ),
        (
            "Talks are set to continue over the next fortnight, diplomats said.",
            "the next fortnight",
        ),
        ("Fighting has killed 40 people in the last fortnight, police said.", "the last fortnight"),
    ],
)
def test_relative_fortnight_is_two_weeks(text: str, expected: str) -> None:
    assert (expected, "P2W") in found(text, "2006-11-15")


def test_past_week_is_still_a_dated_week() -> None:
    # counter-example: a unit with no factor stays the calendar week it names
    assert found("Sales of homes rose sharply in the past week.", "2006-11-15") == [
        ("the past week", "2006-W45")
    ]


# Round 3: "prior" reads as "previous" before a month, week or year.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports fell 3 percent from the prior month, the ministry said.",
            ("the prior month", "2006-10"),
        ),
        (
            "Profit rose to $3 million from $2 million in the prior year.",
            ("the prior year", "2005"),
        ),
    ],
)
def test_prior_unit_is_the_previous_one(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2006-11-15")


def test_prior_without_a_unit_is_no_time() -> None:
    assert found("He had no prior convictions, his lawyer said.", "2006-11-15") == []


# Round 3: "a year and a half ago" is 18 months back, at month precision (as "18 months ago").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The company was founded a year and a half ago in Paris.",
            ("a year and a half ago", "2005-05"),
        ),
        ("He opened the shop a month and a half ago.", ("a month and a half ago", "2006-10-01")),
    ],
)
def test_ago_with_and_a_half(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2006-11-15")


def test_a_year_and_a_half_without_ago_is_a_length() -> None:
    assert found("He served a year and a half in prison.", "2006-11-15") == [
        ("a year and a half", "P1Y6M")
    ]


# Round 3: "a" and a month before a lower-case noun is a month, as "the" already was.
@pytest.mark.parametrize("parse", [False, True])
def test_a_month_before_a_noun_is_a_month(parse: bool) -> None:
    text = "The prime minister called a March general election on Tuesday."
    assert ("March", "2007-03") in found(text, "2006-11-15", parse)


def test_a_march_as_a_noun_or_name_is_no_month() -> None:
    assert found("They held a march through the city.", "2006-11-15") == []
    assert found("He joined a March for Our Lives rally.", "2006-11-15") == []


def test_past_decade_keeps_its_calendar_decade() -> None:
    # counter-example: a decade has a factor too, but names a calendar decade (TBAQ)
    assert found("Prices have doubled over the past decade.", "2006-11-15") == [
        ("the past decade", "199")
    ]


# Round 3: any spelled count of two or more (timex_numbers.tsv), in any case, counts a rate.
@pytest.mark.parametrize(
    "text",
    [
        "Twelve people a week are arrested at the border, police said.",
        "Police say twenty people a day are arrested at the border.",
    ],
)
def test_rate_after_a_spelled_count(text: str) -> None:
    types = {t.text: t.type for t in tag(text, "2006-11-15")}
    assert types.get("a day", types.get("a week")) == "SET"


def test_one_person_a_day_is_no_counted_plural() -> None:
    # counter-example: "one" counts no plural, so the guard leaves "a day" to the other rules
    types = {t.text: t.type for t in tag("One person a day died there.", "2006-11-15")}
    assert types.get("a day") != "SET"


# Round 3: "the prior Friday" is "the previous Friday": the weekday before the story's day.
@pytest.mark.parametrize("word", ["prior", "previous"])
def test_prior_weekday_is_the_one_before_the_story_day(word: str) -> None:
    text = f"He was arrested on Tuesday, December 12. He had met her the {word} Friday."
    assert (f"the {word} Friday", "2006-12-08") in found(text, "2006-12-15")


def test_following_weekday_still_looks_ahead() -> None:
    text = "He was arrested on Tuesday, December 12. He was freed the following Friday."
    assert ("the following Friday", "2006-12-15") in found(text, "2006-12-15")
