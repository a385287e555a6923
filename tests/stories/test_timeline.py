import datetime as dt

import pytest

from storyline.stories.timeline import TimelineArticle, build_timeline, summarise

CALL = "The two leaders spoke by phone on Nov 21, officials said."
EXPIRED = "The safe passage expired on Nov 28, two of the sources said."


def art(make, key, text, *, outlet, published, group=None, changed=(), copy_of=None, **kw):
    return TimelineArticle(
        copy_of=copy_of,
        key=key,
        analysis=make(text, published=published, outlet=outlet, **kw),
        outlet=outlet,
        published=published,
        group=group,
        changed=list(changed),
    )


def call_article(make, key, outlet, published, *, group=None, source=None, polarity="assert"):
    text = CALL if source is None else CALL.replace("officials", source)
    who = source or "officials"
    return art(
        make,
        key,
        text,
        outlet=outlet,
        published=published,
        group=group,
        dates={"Nov 21": "2025-11-21"},
        events=[
            {
                "at": "spoke",
                "summary": "The two leaders spoke by phone",
                "date": "Nov 21",
                "source": (who, "anonymous_group", polarity),
            }
        ],
    )


def test_build_timeline_merges_one_event_from_many_outlets(make):
    arts = [
        call_article(make, "a", "Outlet A", "2025-12-01"),
        call_article(make, "b", "Outlet B", "2025-12-02"),
        call_article(make, "c", "Outlet C", "2025-12-03"),
    ]
    tl = build_timeline(arts, today=dt.date(2025, 12, 5))
    (entry,) = tl.entries
    assert entry.date == "2025-11-21" and entry.precision == "day"
    assert [m["article"] for m in entry.mentions] == ["a", "b", "c"]
    assert entry.independent_sources == 3
    assert entry.first_reported == {"article": "a", "outlet": "Outlet A", "published": "2025-12-01"}


def test_build_timeline_counts_syndicated_copies_once(make):
    arts = [
        call_article(make, "orig", "Wire", "2025-12-01"),
        call_article(make, "copy1", "Site 1", "2025-12-02", group="orig"),
        call_article(make, "copy2", "Site 2", "2025-12-02", group="orig"),
    ]
    (entry,) = build_timeline(arts).entries
    assert entry.independent_sources == 1
    assert len(entry.mentions) == 3
    # The source is listed once, credited to the original's outlet.
    assert [(s["text"], s["outlet"], s["outlets"]) for s in entry.sources] == [
        ("officials", "Wire", 1)
    ]


@pytest.mark.parametrize(
    ("source", "stype", "polarity", "status"),
    [
        ("officials", "anonymous_group", "assert", "reported"),
        ("The White House", "named_organization", "assert", "confirmed"),
        ("The White House", "named_organization", "deny", "denied"),
    ],
)
def test_build_timeline_status_follows_who_says_so(make, source, stype, polarity, status):
    a = art(
        make,
        "a",
        CALL.replace("officials", source),
        outlet="A",
        published="2025-12-01",
        dates={"Nov 21": "2025-11-21"},
        events=[
            {
                "at": "spoke",
                "summary": "The two leaders spoke by phone",
                "date": "Nov 21",
                "source": (source, stype, polarity),
            }
        ],
    )
    (entry,) = build_timeline([a]).entries
    assert entry.status == status


def test_build_timeline_assert_and_denial_is_contested(make):
    yes = call_article(make, "a", "A", "2025-12-01")
    no = call_article(make, "b", "B", "2025-12-02", source="a spokesman", polarity="deny")
    (entry,) = build_timeline([yes, no]).entries
    assert entry.status == "contested"


def test_build_timeline_rewrite_with_another_date_is_contested(make):
    def expired(key, outlet, day, group=None, changed=(), copy_of=None):
        text = EXPIRED.replace("Nov 28", f"Nov {day}")
        return art(
            make,
            key,
            text,
            outlet=outlet,
            published="2025-12-02",
            group=group,
            changed=changed,
            copy_of=copy_of,
            dates={f"Nov {day}": f"2025-11-{day}"},
            events=[
                {
                    "at": "expired",
                    "summary": "Safe passage expired",
                    "date": f"Nov {day}",
                    "source": ("two of the sources", "anonymous_group", "assert"),
                }
            ],
        )

    arts = [
        expired("seed", "ST", 28),
        expired("copy", "Other", 28, group="seed"),
        expired("rewrite", "Rewrite", 27, changed=[("date", "nov 27")], copy_of="seed"),
    ]
    (entry,) = build_timeline(arts).entries
    assert entry.status == "contested"
    # The date most independent sources give wins; the other account is kept as a conflict.
    assert entry.date == "2025-11-28"
    assert {c["date"] for c in entry.conflicts} == {"2025-11-27", "2025-11-28"}


def test_build_timeline_different_events_in_one_sentence_stay_apart(make):
    text = "The passage expired on Nov 28, prompting a closure of the airspace on Nov 29."
    events = [
        {"at": "expired", "summary": "The passage expired", "date": "Nov 28"},
        {"at": "expired", "summary": "Airspace closed", "date": "Nov 29"},
    ]
    dates = {"Nov 28": "2025-11-28", "Nov 29": "2025-11-29"}
    a = art(make, "a", text, outlet="A", published="2025-12-01", dates=dates, events=events)
    b = art(make, "b", text, outlet="B", published="2025-12-02", dates=dates, events=events)
    b.group = "a"  # a copy: its sentences are checked against the original's
    entries = build_timeline([a, b]).entries
    assert [(e.date, e.status) for e in entries] == [
        ("2025-11-28", "reported"),
        ("2025-11-29", "reported"),
    ]


@pytest.mark.parametrize(
    ("today", "state"), [(dt.date(2025, 11, 25), "upcoming"), (dt.date(2025, 12, 2), "expired")]
)
def test_build_timeline_deadline_is_upcoming_or_expired(make, today, state):
    text = "He was given a week to leave, until Nov 28."
    a = art(
        make,
        "a",
        text,
        outlet="A",
        published="2025-11-21",
        dates={"Nov 28": "2025-11-28"},
        events=[{"at": "given", "summary": "A week to leave", "date": "Nov 28", "deadline": True}],
    )
    (entry,) = build_timeline([a], today=today).entries
    assert entry.deadline is True
    assert entry.deadline_status == state


def test_build_timeline_novelty_says_what_each_article_added(make):
    first = call_article(make, "a", "A", "2025-12-01")
    second = art(
        make,
        "b",
        CALL + " " + EXPIRED,
        outlet="B",
        published="2025-12-02",
        dates={"Nov 21": "2025-11-21", "Nov 28": "2025-11-28"},
        events=[
            {"at": "spoke", "summary": "The two leaders spoke by phone", "date": "Nov 21"},
            {"at": "expired", "summary": "Safe passage expired", "date": "Nov 28"},
        ],
    )
    tl = build_timeline([second, first])
    assert [(n["article"], [x["summary"] for x in n["new"]]) for n in tl.novelty] == [
        ("a", ["The two leaders spoke by phone"]),
        ("b", ["Safe passage expired"]),
    ]


def test_build_timeline_independent_accounts_a_day_apart_are_contested(make):
    def expired(key, text, day):
        return art(
            make,
            key,
            text,
            outlet=key,
            published="2025-12-02",
            dates={f"Nov {day}": f"2025-11-{day}"},
            events=[{"at": "expired", "summary": "Safe passage expired", "date": f"Nov {day}"}],
        )

    a = expired("a", "The safe passage expired on Nov 28, two of the sources said.", 28)
    b = expired("b", "Maduro's safe passage finally expired on Nov 27, a diplomat told us.", 27)
    entries = build_timeline([a, b]).entries
    assert [(e.date, e.status) for e in entries] == [
        ("2025-11-27", "contested"),
        ("2025-11-28", "contested"),
    ]


def test_build_timeline_an_event_reported_on_two_days_by_one_article_recurs(make):
    text = "Protesters marched on Nov 20. Protesters marched on Nov 21 again."
    a = art(
        make,
        "a",
        text,
        outlet="A",
        published="2025-11-22",
        dates={"Nov 20": "2025-11-20", "Nov 21": "2025-11-21"},
        events=[
            {"at": "Nov 20", "summary": "Protesters marched", "date": "Nov 20"},
            {"at": "Nov 21", "summary": "Protesters marched", "date": "Nov 21"},
        ],
    )
    assert [e.status for e in build_timeline([a]).entries] == ["reported", "reported"]


def test_build_timeline_formulaic_sentences_of_unrelated_articles_stay_apart(make):
    def toll(key, day, n):
        text = f"The death toll rose to {n} on Nov {day}, officials said."
        return art(
            make,
            key,
            text,
            outlet=key,
            published=f"2025-11-{day}",
            dates={f"Nov {day}": f"2025-11-{day}"},
            events=[{"at": "toll", "summary": "The death toll rose", "date": f"Nov {day}"}],
        )

    entries = build_timeline([toll("a", "21", 10), toll("b", "22", 12)]).entries
    assert [(e.date, e.status) for e in entries] == [
        ("2025-11-21", "reported"),
        ("2025-11-22", "reported"),
    ]


def test_summarise_keeps_the_best_dates_and_entries(make):
    arts = []
    for day, n in (("21", 3), ("22", 1), ("23", 2)):
        for i in range(n):
            text = f"Event {day} happened on Nov {day}, number {i} said."
            arts.append(
                art(
                    make,
                    f"{day}-{i}",
                    text,
                    outlet=f"O{i}",
                    published="2025-12-01",
                    dates={f"Nov {day}": f"2025-11-{day}"},
                    events=[
                        {"at": "happened", "summary": f"Event {day} happened", "date": f"Nov {day}"}
                    ],
                )
            )
    full = build_timeline(arts).entries
    assert [e.date for e in summarise(full, 2, 1)] == ["2025-11-21", "2025-11-23"]
    assert summarise(full, None, None) == full


def test_build_timeline_without_events_uses_dated_sentences(make):
    a = make(
        "Markets fell on Nov 3. Nothing else happened.",
        published="2025-11-04",
        dates={"Nov 3": "2025-11-03"},
    )
    from storyline.model import Span

    a.sentences = [Span(0, 22, "Markets fell on Nov 3."), Span(23, 45, "Nothing else happened.")]
    tl = build_timeline([TimelineArticle(key="a", analysis=a, outlet="X", published="2025-11-04")])
    assert [(e.date, e.summary) for e in tl.entries] == [("2025-11-03", "Markets fell on Nov 3.")]


@pytest.mark.parametrize("seed", range(5))
def test_related_index_finds_exactly_the_related_accounts(seed):
    # The index replaces comparing every pair of accounts; it must find the same pairs.
    import random

    from storyline.stories.timeline import _Account, _accounts_related, _RelatedIndex

    rng = random.Random(seed)
    names = [f"a{i}" for i in range(12)]
    accounts = []
    for _ in range(60):
        acc = _Account(frozenset(), frozenset(), None, frozenset())
        acc.ends = set(rng.sample(names, rng.randint(1, 2)))
        acc.copies_of = set(rng.sample(names, rng.randint(0, 1)))
        accounts.append(acc)
    index = _RelatedIndex()
    for x, a in enumerate(accounts):
        expected = {y for y in range(x) if _accounts_related(a, accounts[y])}
        assert index.related(a) == expected
        index.add(x, a)


@pytest.mark.parametrize("seed", range(3))
def test_join_alike_groups_as_comparing_every_pair(seed):
    # Enough alike sets that most are checked in numpy; the grouping must be the brute force's.
    import random

    from storyline.stories.timeline import SAME_EVENT, _Groups, _jaccard, _join_alike

    rng = random.Random(seed)
    words = [f"w{i}" for i in range(25)]
    sets = [frozenset(rng.sample(words, rng.randint(1, 6))) for _ in range(300)]
    fast, slow = _Groups(len(sets)), _Groups(len(sets))
    _join_alike(sets, list(range(len(sets))), fast)
    for x in range(len(sets)):
        for y in range(x):
            if _jaccard(sets[x], sets[y]) >= SAME_EVENT:
                slow.union(x, y)
    assert [fast.find(i) for i in range(len(sets))] == [slow.find(i) for i in range(len(sets))]
