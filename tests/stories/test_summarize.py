import pytest

from storyline.stories.summarize import SummaryParams, _informative, summarise
from storyline.stories.timeline import Entry


def entry(date, summary, sources=1, *, published="2020-05-20", article="a", dated_by=None):
    return Entry(
        date=date,
        precision=None if date is None else ("day" if len(date) == 10 else "month"),
        summary=summary,
        # One mention per independent source, as the timeline gives them.
        mentions=[{"article": f"{article}{i}", "sentence": summary + "."} for i in range(sources)],
        sources=[],
        independent_sources=sources,
        first_reported={"article": article, "outlet": "X", "published": published},
        status="reported",
        deadline=False,
        dated_by=dated_by,
    )


STORY = [
    entry("2020-05-18", "President Trump said he is taking hydroxychloroquine", 5, article="a1"),
    entry("2020-05-18", "President Trump said he was taking hydroxychloroquine", 3, article="a2"),
    entry("2020-05-18", "Pelosi criticised Trump for taking hydroxychloroquine", 2, article="a3"),
    entry("2020-05-22", "A Lancet study linked hydroxychloroquine to more deaths", 4, article="a4"),
    entry("2020-04-24", "The FDA warned against hydroxychloroquine outside hospitals", 1),
    entry("2020-04", "Trump promoted hydroxychloroquine in April", 6),
    entry(None, "Doctors debated hydroxychloroquine trials", 2, published="2020-05-19"),
]


@pytest.mark.parametrize(("n", "k"), [(1, 1), (2, 1), (2, 2), (3, 2), (10, 1)])
def test_summarise_keeps_at_most_n_days_and_k_entries(n, k):
    out = summarise(STORY, n, k)
    days = [e.date for e in out]
    assert len(set(days)) <= n
    assert all(days.count(d) <= k for d in days)
    assert days == sorted(days)


@pytest.mark.parametrize(
    ("n", "expected"), [(1, ["2020-05-18"]), (2, ["2020-05-18", "2020-05-22"])]
)
def test_summarise_days_ranked_by_independent_sources(n, expected):
    assert sorted({e.date for e in summarise(STORY, n, 1)}) == expected


def test_summarise_month_dates_only_fill_when_days_run_out():
    out = summarise(STORY, 10, 1)
    assert [e.date for e in out if len(e.date) < 10] == ["2020-04"]
    assert "2020-04" not in [e.date for e in summarise(STORY, 4, 1)]


def test_summarise_dates_undated_entries_by_publication_and_says_so():
    out = summarise(STORY, 10, 1)
    published = [e for e in out if e.dated_by == "published"]
    assert [(e.date, e.precision) for e in published] == [("2020-05-19", "day")]
    assert published[0].to_dict()["dated_by"] == "published"
    assert {e.dated_by for e in out} == {"text", "published"}
    # The full timeline keeps the entry undated.
    assert STORY[-1].date is None and "dated_by" not in STORY[-1].to_dict()


def test_summarise_second_entry_of_a_day_is_not_a_retelling():
    # The two Trump entries say the same thing: with K=2 only one of them is kept.
    out = summarise(STORY, 1, 2)
    summaries = {e.summary for e in out}
    assert STORY[2].summary in summaries
    assert len(summaries & {STORY[0].summary, STORY[1].summary}) == 1


def test_summarise_publication_votes_count_each_article_once():
    # One long article of undated sentences must not outvote two independent dated reports.
    long_article = [
        entry(None, f"Hospitals debated hydroxychloroquine trials ({w})", published="2020-05-10")
        for w in "abcdefghij"
    ]
    dated = [
        entry("2020-05-12", "Hospitals stopped hydroxychloroquine trials", 2, article="b"),
    ]
    out = summarise(long_article + dated, 1, 1, SummaryParams(published_vote=0.5))
    assert [e.date for e in out] == ["2020-05-12"]


@pytest.mark.parametrize("limits", [(None, None)])
def test_summarise_without_limits_returns_entries_unchanged(limits):
    assert summarise(STORY, *limits) is STORY


@pytest.mark.parametrize(
    ("summary", "weak"),
    [
        ("They're giving enough", True),
        ("That's hydroxychloroquine and azithromycin", True),
        ("As a result ICMR released an advisory", True),
        ("I am testifying", True),
        ("Is it the case the right the right the right the right", True),
        # Counter-examples: a named subject and a whole statement stand alone.
        ("The FDA cautioned against using hydroxychloroquine outside hospitals", False),
        ("Senate Majority Leader Mitch McConnell attacked the relief bill", False),
    ],
)
def test_informative_penalises_summaries_that_lean_on_context(summary, weak):
    score = _informative(entry("2020-05-18", summary), SummaryParams())
    assert (score < 1.0) is weak


def test_informative_penalises_questions():
    e = entry("2020-05-18", "Can hydroxychloroquine prevent COVID-19 in healthy people")
    e.mentions = [{"article": "a", "sentence": "Can hydroxychloroquine prevent COVID-19?"}]
    assert _informative(e, SummaryParams()) < 0.5


def test_summarise_one_live_blog_does_not_outvote_several_articles():
    # Thirty items of one live blog dated "today" against three articles citing the vote day.
    blog = [
        entry("2020-05-16", f"Lawmakers reacted to the relief bill vote ({i})", article="blog")
        for i in range(30)
    ]
    cited = entry("2020-05-15", "The House passed the relief bill on Friday", 3, article="x")
    out = summarise([*blog, cited], 1, 1)
    assert [e.date for e in out] == ["2020-05-15"]


@pytest.mark.parametrize("depth", [1, 50])
def test_summarise_without_per_date_lists_whole_days(depth):
    # Beyond the MMR picks, a day listed whole follows by relevance; nothing is dropped.
    out = summarise(STORY, 1, None, SummaryParams(mmr_depth=depth))
    assert sorted(e.summary for e in out) == sorted(e.summary for e in STORY[:3])
