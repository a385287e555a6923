"""Every timex rule file loads, starts with a comment saying what it is for, and is used."""

from __future__ import annotations

import pytest

from storyline.nlp.timex.lexicon import lexicon
from storyline.nlp.timex.patterns import rules
from storyline.rules import data_path

FILES = [
    "timex_months.tsv",
    "timex_weekdays.tsv",
    "timex_numbers.tsv",
    "timex_ordinals.tsv",
    "timex_units.tsv",
    "timex_day_parts.tsv",
    "timex_holidays.tsv",
    "timex_modifiers.tsv",
    "timex_positions.tsv",
    "timex_refs.tsv",
    "timex_tense_cues.tsv",
    "timex_patterns.tsv",
    "timex_deadline_cues.tsv",
    "timex_direction_cues.tsv",
    "timex_explicit_direction.tsv",
    "timex_last_verb_adverbs.txt",
    "timex_unit_compounds.txt",
    "timex_overnight_nouns.txt",
    "timex_postponement_verbs.txt",
    "timex_abbreviations.txt",
    "timex_anchor_stopwords.txt",
    "timex_extensions.tsv",
    "timex_street_words.txt",
    "timex_measure_units.txt",
    "timex_publication_verbs.txt",
    "timex_holiday_kinds.txt",
    "timex_year_names.tsv",
    "timex_idioms.txt",
    "timex_name_heads.txt",
    "timex_person_cues.txt",
    "timex_event_days.tsv",
    "timex_quarter_fractions.tsv",
    "timex_reporting_verbs.txt",
    "timex_speech_verbs.txt",
    "timex_narrative_day.tsv",
    "timex_work_hours.txt",
    "timex_caption_nouns.txt",
    "timex_generic_days.txt",
    "timex_cricket_words.txt",
    "timex_fall_accidents.txt",
    "timex_faith_words.txt",
    "timex_daypart_genres.txt",
    "timex_caps_name_heads.txt",
    "timex_award_roles.txt",
    "timex_game_periods.tsv",
    "timex_season_kinds.txt",
    "timex_overnight_idioms.tsv",
    "timex_press_kinds.txt",
    "timex_that_predicates.txt",
    "timex_monthly_days.tsv",
    "timex_press_cues.tsv",
    "timex_match_words.txt",
    "timex_fall_verbs.txt",
    "timex_score_words.txt",
    "timex_weekly_practices.tsv",
    "timex_holiday_rites.txt",
]


@pytest.mark.parametrize("name", FILES)
def test_timex_data_file_has_header_comment(name: str) -> None:
    assert data_path(name).read_text(encoding="utf-8").startswith("# ")


def test_timex_rules_compile_and_have_normalisers() -> None:
    from storyline.nlp.timex.normalise import NORMALISERS

    compiled = rules()
    assert len(compiled) > 20
    assert {r.family for r in compiled} <= set(NORMALISERS)


def test_lexicon_loads() -> None:
    lex = lexicon()
    assert lex.months["nov"] == 11 and lex.weekdays["friday"] == 5
    assert "may" in lex.ambiguous_months
