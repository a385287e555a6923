"""Why the source rule families exist: attribution_person_nouns.txt, attribution_role_titles.txt,
attribution_org_nouns.txt, attribution_source_nouns.tsv, attribution_press_names.txt,
attribution_anonymity.txt and attribution_numbers.tsv, each with cases and a counter-example."""

from __future__ import annotations

import pytest

from storyline.nlp.attribution import extract


def _source(nlp, text):
    atts, _ = extract(nlp(text), [])
    srcs = [a.source for a in atts if a.source is not None]
    assert srcs, text
    return srcs[0]


# attribution_person_nouns.txt: unnamed people are anonymous.
@pytest.mark.parametrize(
    ("subject", "type_"),
    [
        ("A diplomat", "anonymous_person"),
        ("One aide", "anonymous_person"),
        ("His lawyer", "anonymous_person"),
        ("Analysts", "anonymous_group"),
        ("Several officials", "anonymous_group"),
    ],
)
def test_attribution_person_nouns_are_anonymous(nlp, subject, type_):
    src = _source(nlp, f"{subject} said the ceasefire would hold.")
    assert src.type == type_ and src.anonymous


def test_attribution_person_nouns_counter_example(nlp):
    src = _source(nlp, "Angela Merkel said the ceasefire would hold.")
    assert src.type == "named_person" and not src.anonymous


# attribution_role_titles.txt: "the president" is one known person, "a minister" is not.
@pytest.mark.parametrize("role", ["president", "governor", "mayor"])
def test_attribution_role_titles_are_named(nlp, role):
    assert _source(nlp, f"The {role} said the ceasefire would hold.").type == "named_person"


def test_attribution_role_titles_counter_example(nlp):
    assert (
        _source(nlp, "A senior minister said the ceasefire would hold.").type == "anonymous_person"
    )


# attribution_org_nouns.txt: an organisation named by a common noun.
@pytest.mark.parametrize("subject", ["The ministry", "Her government", "The governor's office"])
def test_attribution_org_nouns(nlp, subject):
    assert _source(nlp, f"{subject} said the ceasefire would hold.").type == "named_organization"


def test_attribution_org_nouns_counter_example(nlp):
    assert _source(nlp, "The spokesman said the ceasefire would hold.").type == "anonymous_person"


# attribution_source_nouns.tsv: texts as sources.
@pytest.mark.parametrize(
    ("subject", "type_"),
    [
        ("The statement", "statement"),
        ("Media reports", "press_report"),
        ("The letter", "document"),
        ("Internal emails", "document"),
        ("A post on the platform", "social_media"),
    ],
)
def test_attribution_source_nouns(nlp, subject, type_):
    assert _source(nlp, f"{subject} said the plant would close.").type == type_


def test_attribution_source_nouns_counter_example(nlp):
    assert _source(nlp, "Workers said the plant would close.").type == "anonymous_group"


# attribution_press_names.txt: outlets are press reports.
@pytest.mark.parametrize("outlet", ["The New York Times", "The Miami Herald", "Reuters"])
def test_attribution_press_names(nlp, outlet):
    assert _source(nlp, f"{outlet} reported that the plant would close.").type == "press_report"


def test_attribution_press_names_counter_example(nlp):
    assert (
        _source(nlp, "The Ford Motor Company said that the plant would close.").type
        == "named_organization"
    )


# attribution_anonymity.txt: why a source is anonymous is kept.
@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Two people familiar with the matter said the deal was off.", "familiar with the matter"),
        ("A source briefed on the talks said the deal was off.", "briefed on the talks"),
        (
            "An official, speaking on condition of anonymity, said the deal was off.",
            "speaking on condition of anonymity",
        ),
    ],
)
def test_attribution_anonymity_descriptions(nlp, text, description):
    assert _source(nlp, text).description == description


def test_attribution_anonymity_counter_example(nlp):
    assert _source(nlp, "Angela Merkel said the deal was off.").description is None


# attribution_numbers.tsv: counts.
@pytest.mark.parametrize(
    ("subject", "count"),
    [
        ("Four sources", 4),
        ("Two of the sources", 2),
        ("A source", 1),
        ("12 officials", 12),
        ("Both officials", 2),
    ],
)
def test_attribution_numbers(nlp, subject, count):
    assert _source(nlp, f"{subject} said the deal was off.").count == count


def test_attribution_numbers_counter_example(nlp):
    assert _source(nlp, "Sources said the deal was off.").count is None


# attribution_partitives.txt: the people are in the "of" phrase.
@pytest.mark.parametrize(
    ("subject", "source_text"),
    [
        ("Half of Americans", "Half of Americans"),
        ("About 70% of voters", "About 70% of voters"),
        ("Most of the officials", "Most of the officials"),
    ],
)
def test_attribution_partitives_are_groups(nlp, subject, source_text):
    src = _source(nlp, f"{subject} said the tax was unfair.")
    assert src.text == source_text
    assert src.type == "anonymous_group" and src.count is None


def test_attribution_partitives_counter_example(nlp):
    # A number of a definite pool is a count, not a partitive word: "two of the officials" = 2.
    src = _source(nlp, "Two of the officials said the tax was unfair.")
    assert src.count == 2


# attribution_honorifics.txt: "President Trump" earlier makes a later bare "Trump" a person.
@pytest.mark.parametrize("title", ["President", "Mr", "Sen."])
def test_attribution_honorifics_name_a_person(nlp, title):
    text = f"{title} Trump spoke first. Trump thought voters would reject the plan."
    atts, _ = extract(nlp(text), [])
    src = next(a.source for a in atts if a.source is not None and a.source.text == "Trump")
    assert src.type == "named_person"


def test_attribution_honorifics_counter_example(nlp):
    # No honorific, no person name anywhere: the tagger's organisation stands.
    src = _source(nlp, "The Federal Reserve said rates would stay low.")
    assert src.type == "named_organization"
