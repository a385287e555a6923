import pytest

from storyline.model import Analysis, Article, Entity
from storyline.stories.resolve import entity_key, resolve


def analysis(*entities):
    return Analysis(
        article=Article(text="x"),
        entities=[Entity(f"e{i}", n, t) for i, (n, t) in enumerate(entities)],
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nicolas Maduro", "nicolás maduro"),
        ("Mr Maduro", "Maduro"),
        ("The White House", "the White House"),
    ],
)
def test_entity_key_ignores_case_accents_and_honorifics(a, b):
    assert entity_key(a, "PERSON") == entity_key(b, "PERSON")


def test_resolve_joins_a_surname_to_the_full_name_across_articles():
    found = resolve(
        {
            "a": analysis(("Nicolas Maduro", "PERSON"), ("Venezuela", "GPE")),
            "b": analysis(("Maduro", "PERSON"), ("Venezuela", "GPE")),
        }
    )
    maduro = found[entity_key("Nicolas Maduro", "PERSON")]
    assert {a for a, _ in maduro.mentions} == {"a", "b"}
    assert "Maduro" in maduro.aliases
    assert len([k for k in found if k.startswith("PERSON:")]) == 1


def test_resolve_keeps_an_ambiguous_surname_apart():
    # Two different Smiths are known: a bare "Smith" is not guessed to be either.
    found = resolve(
        {
            "a": analysis(("John Smith", "PERSON"), ("Jane Smith", "PERSON")),
            "b": analysis(
                ("Smith", "PERSON"),
            ),
        }
    )
    assert entity_key("Smith", "PERSON") in found
    assert {a for a, _ in found[entity_key("John Smith", "PERSON")].mentions} == {"a"}


@pytest.mark.parametrize(
    ("a", "b", "etype"),
    [
        # A description opening with its place: possessive, demonym or alias, one key.
        ("Venezuela's information ministry", "Venezuelan information ministry", "ORG"),
        ("the Venezuelan government", "Venezuela's government", "ORG"),
        ("US government", "American government", "ORG"),
        ("Maduro's administration", "Maduro administration", "ORG"),
        # A place written two ways across articles.
        ("the US", "United States", "GPE"),
        ("U.S.", "America", "GPE"),
    ],
)
def test_entity_key_reads_a_leading_place_one_way(a, b, etype):
    assert entity_key(a, etype) == entity_key(b, etype)


@pytest.mark.parametrize(
    ("a", "b", "etype"),
    [
        # Counter-examples: a proper name that starts with a demonym is not a description.
        ("American Airlines", "US Airlines", "ORG"),
        ("Venezuelan", "Venezuela", "NORP"),
        # People are keyed on their names alone.
        ("Mr Trump", "American Trump", "PERSON"),
    ],
)
def test_entity_key_keeps_proper_names_as_written(a, b, etype):
    assert entity_key(a, etype) != entity_key(b, etype)


def test_resolve_joins_one_ministry_written_two_ways():
    found = resolve(
        {
            "a": analysis(("Venezuela's information ministry", "ORG")),
            "b": analysis(("Venezuelan information ministry", "ORG")),
        }
    )
    (ministry,) = [e for k, e in found.items() if k.startswith("ORG:")]
    assert {a for a, _ in ministry.mentions} == {"a", "b"}
    assert ministry.aliases >= {
        "Venezuela's information ministry",
        "Venezuelan information ministry",
    }
