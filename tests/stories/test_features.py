"""The clusterer's view of an article (storyline.stories.features)."""

import pytest

from storyline.model import Analysis, Article, Entity, Span
from storyline.stories.features import (
    analysis_people,
    article_features,
    headline_names,
    headline_person_key,
    person_key,
    text_names,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("W. Mark Felt Sr.", "felt"),
        ("Mark Felt", "felt"),
        ("Fred LaRue", "larue"),
        ("Anthony LaCalamita III", "lacalamita"),
        ("Felt's", "felt"),
        # Counter-example: a suffix alone is all there is, so it stays the key.
        ("Jr.", "jr"),
    ],
)
def test_person_key_is_the_surname(name, key):
    assert person_key(name) == key


def _analysis(text: str, entities: list[tuple[str, str, int]]) -> Analysis:
    ents = [
        Entity(id=f"e{i}", name=name, type=etype, mentions=[Span(0, 1, "x")] * n)
        for i, (name, etype, n) in enumerate(entities)
    ]
    return Analysis(article=Article(text=text), entities=ents)


@pytest.mark.parametrize(
    ("entities", "people"),
    [
        ([("W. Mark Felt", "PERSON", 2), ("Mark Felt Sr.", "PERSON", 1)], {"felt": 3}),
        # Counter-example: organisations and places are not people.
        ([("FBI", "ORG", 4), ("Santa Rosa", "GPE", 1)], {}),
    ],
)
def test_analysis_people_counts_persons_by_surname(entities, people):
    assert dict(analysis_people(_analysis("Text.", entities))) == people


@pytest.mark.parametrize("entities", [[], [("Deep Throat", "PERSON", 1)]])
def test_article_features_names_are_capitalised_runs(entities):
    """Names come from the text's capitalised runs whether or not the analysis has entities
    (they cluster better on ECB+ dev than NER names); NER adds the people channel."""
    text = "Mark Felt, the FBI official known as Deep Throat, died in Santa Rosa."
    feats = article_features("a", _analysis(text, entities))
    assert feats.names == text_names(text)
    assert set(feats.people) == {person_key(n) for n, t, _ in entities if t == "PERSON"}


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("The Indian navy has captured 23 Somalian pirates.", True),
        ("Earthquake kills five in Aceh, Indonesia", True),
        (None, False),
        # Counter-example: a title-case headline's capitals are no names.
        ("Navy Foils Somali Pirate Attack Off Gulf Of Aden", False),
    ],
)
def test_headline_names_only_from_sentence_case(title, names):
    assert headline_names(title) is names


def test_article_features_names_include_the_headline():
    """The ingest keeps the headline apart from the body: its names still count."""
    art = Article(
        title="The Indian navy has captured 23 Somalian pirates.",
        text="The pirates were about to board a vessel in the Gulf of Aden.",
    )
    got = article_features("a", Analysis(article=art)).names
    assert {"indian", "somalian", "gulf of aden"} <= set(got)


@pytest.mark.parametrize(
    ("name", "text", "key"),
    [
        # A headline run into the name: the word the text writes on its own is the key.
        (
            "Lindsay Lohan Checks Out",
            "Lindsay Lohan Checks Out\nLohan left the clinic. Lohan's lawyer said so.",
            "lohan",
        ),
        ("W. Mark Felt Sr.", "Felt died. Mark Felt was 95.", "felt"),
        # Counter-examples: two-word names keep the surname; a given name written more often
        # than the surname does not become the key.
        ("Jamal Williams", "Jamal was arrested. Jamal said.", "williams"),
        ("Mary Jo White", "Mary Jo White said. Mary said. Mary left.", "white"),
    ],
)
def test_headline_person_key_prefers_the_word_used_alone(name, text, key):
    assert headline_person_key(name, text) == key
