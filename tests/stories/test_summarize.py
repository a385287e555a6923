import datetime as dt

import pytest

from storyline.stories.summarize import SummaryParams, _informative, clean_sentence, summarise
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


# -- the sentence-level method (real analyses: the spaCy model reads the articles) -------------

# A small story told by four outlets (the recall on Monday 4 May, the plant closed on Wednesday,
# its reopening announced on Thursday) and two off-topic articles (a marathon, a budget).
RECALL = [
    (
        "a1",
        "2020-05-06",
        "Daily Post",
        "Acme Foods recalls peanut butter",
        "Acme Foods recalled its peanut butter on Monday after 12 people fell ill with "
        "salmonella. The recall covers jars sold in 30 states, the company said. Federal "
        "regulators opened an inquiry into the peanut butter plant on Tuesday.",
    ),
    (
        "a2",
        "2020-05-07",
        "City Herald",
        "Acme closes plant after recall",
        "The peanut butter recall by Acme Foods began on Monday, when 12 people were reported "
        "ill with salmonella. On Wednesday Acme Foods closed its Georgia peanut butter plant "
        "for cleaning. Shares of the company fell.",
    ),
    (
        "a3",
        "2020-05-08",
        "Wire Service",
        "Acme to reopen peanut butter plant",
        "Acme Foods said on Thursday it would reopen its Georgia plant after the salmonella "
        "recall. The peanut butter recall on May 4 was the company's first in a decade.",
    ),
    (
        "a4",
        "2020-05-08",
        "Farm Weekly",
        "Peanut growers worry about Acme recall",
        "Peanut growers said the Acme Foods recall of May 4 could cut prices. The salmonella "
        "outbreak has sickened 12 people, health officials said.",
    ),
    (
        "n1",
        "2020-05-09",
        "Sports Daily",
        "Marathon postponed",
        "The city marathon was postponed on Friday because of heavy rain. Runners were told to "
        "come back next month.",
    ),
    (
        "n2",
        "2020-05-09",
        "Metro News",
        "School budget approved",
        "The school board approved a new budget on Friday after a long debate. Teachers will "
        "get a raise in June.",
    ),
]


@pytest.fixture(scope="module")
def recall(nlp):
    from storyline import analyze
    from storyline.stories.timeline import TimelineArticle

    return [
        TimelineArticle(
            key=key,
            analysis=analyze(text, published=day, outlet=outlet, title=title),
            outlet=outlet,
            published=day,
        )
        for key, day, outlet, title, text in RECALL
    ]


def summary_of(articles, n, k):
    from storyline.stories.timeline import build_timeline

    return build_timeline(articles, max_dates=n, per_date=k, today=dt.date(2026, 1, 1)).entries


def test_sentence_summary_first_day_is_the_one_most_articles_refer_to(recall):
    # Three outlets date the recall to Monday 4 May ("on Monday", "on May 4"); none was
    # published that day.
    out = summary_of(recall, 1, 1)
    assert [e.date for e in out] == ["2020-05-04"]
    assert out[0].independent_sources >= 3
    assert "recall" in out[0].summary


@pytest.mark.parametrize(("n", "k"), [(1, 1), (3, 1), (3, 2), (6, 3)])
def test_sentence_summary_summaries_are_whole_sentences_of_the_articles(recall, n, k):
    texts = [" ".join(text.split()) for *_, text in RECALL]
    out = summary_of(recall, n, k)
    days = [e.date for e in out]
    assert len(set(days)) <= n and all(days.count(d) <= k for d in days)
    assert days == sorted(days)
    for e in out:
        assert e.summary[0].isupper() and e.summary.endswith(".")
        assert any(e.summary in t for t in texts)


@pytest.mark.parametrize(("n", "k"), [(3, 1), (3, 2), (4, 2)])
def test_sentence_summary_off_topic_articles_take_no_entry(recall, n, k):
    off_topic = ("marathon", "budget", "Runners", "Teachers")
    assert not [e for e in summary_of(recall, n, k) if any(w in e.summary for w in off_topic)]


def test_sentence_summary_entries_follow_the_timeline_json_contract(recall):
    # design.md: {"date", "precision", "summary", "mentions": [{"article", "sentence"}],
    # "sources": [{"outlet", "type", "count", "text"}], "independent_sources",
    # "first_reported": {"article", "outlet", "published"}, "status", "deadline"}
    for e in summary_of(recall, 3, 2):
        d = e.to_dict()
        assert {
            "date",
            "precision",
            "summary",
            "mentions",
            "sources",
            "independent_sources",
            "first_reported",
            "status",
            "deadline",
        } <= set(d)
        assert d["precision"] == "day" and d["dated_by"] in ("text", "published")
        assert d["mentions"] and all(set(m) == {"article", "sentence"} for m in d["mentions"])
        assert all({"outlet", "type", "count", "text"} <= set(s) for s in d["sources"])
        assert set(d["first_reported"]) == {"article", "outlet", "published"}
        assert d["status"] in ("reported", "confirmed", "denied", "contested")
        assert isinstance(d["deadline"], bool)


def test_sentence_summary_a_picked_entry_is_not_retold_on_its_day(recall):
    out = summary_of(recall, 1, 3)
    mentions = [tuple(sorted(m["article"] for m in e.mentions)) for e in out]
    assert len(mentions) == len(set(mentions)) or len(out) == 1


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("WASHINGTON (Reuters) - The House passed the bill.", "The House passed the bill."),
        ("LONDON — The prime minister spoke on Sunday.", "The prime minister spoke on Sunday."),
        ("(Natural News) Officials confirmed the loss.", "Officials confirmed the loss."),
        ("9:50 am ET — Trump said on Saturday he would.", "Trump said on Saturday he would."),
        ("Follow our live national updates and global coverage on the outbreak.", None),
        ("Enlarge this image toggle caption Andrew Parsons/AP", None),
        ("FILE PHOTO: People wait in line to file for benefits.", None),
        ("Read more: the stimulus bill explained, at https://example.com/x", None),
        ("Get the latest news about the outbreak in Chicago in our live blog.", None),
        ("Keep track of where the virus is spreading with a live map of confirmed cases.", None),
        ("Listen to the full episode using the player below.", None),
        ("Watch the latest episode in the video player above.", None),
        ("WATCH: How prison has shaped one artist's view on distancing", None),
        # Counter-examples: news, including capitals that are not a dateline, stays as it is.
        (
            "The FDA issued an emergency approval on Friday.",
            "The FDA issued an emergency approval on Friday.",
        ),
        ("NIH researchers said the drug works.", "NIH researchers said the drug works."),
        (
            "Officials struggle to keep track of the latest rules, she said.",
            "Officials struggle to keep track of the latest rules, she said.",
        ),
    ],
)
def test_clean_sentence_drops_datelines_and_page_furniture(text, clean):
    assert clean_sentence(text) == clean


def test_sentence_summary_of_one_article(recall):
    # A single article is its own story: the days its events are dated to.
    out = summary_of(recall[:1], 2, 1)
    assert [e.date for e in out] == ["2020-05-04", "2020-05-05"]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2020-05-04", "2020-05-04"),
        ("2020-05-04T10:30", "2020-05-04"),
        ("2020-05-04TMO", "2020-05-04"),
        # Counter-examples: months, weeks and impossible days are not days.
        ("2020-05", None),
        ("2020-W19", None),
        ("2020-02-30", None),
        (None, None),
    ],
)
def test_day_of_keeps_real_calendar_days(value, day):
    from storyline.stories.summarize import _day_of

    assert _day_of(value) == day


@pytest.mark.parametrize(
    ("text", "weak"),
    [
        ("on Wednesday, Gilead announced partial results from its own study of the drug.", True),
        ("Can hydroxychloroquine prevent COVID-19 in people who are healthy?", True),
        ("Trump threatens to halt WHO funding, review U.S. membership", True),
        ("They said the company would reopen the plant within a few weeks.", True),
        # Counter-example: a whole statement with a named subject.
        ("The FDA issued an emergency approval for remdesivir on Friday.", False),
    ],
)
def test_sentence_informative_prefers_whole_standalone_sentences(text, weak):
    from storyline.stories.summarize import SENTENCE_DEFAULT, _sentence_informative

    assert (_sentence_informative(text, SENTENCE_DEFAULT) < 1.0) is weak
