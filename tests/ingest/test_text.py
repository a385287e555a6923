"""Cleaning copied text (storyline.ingest.text, data: furniture_lines.txt, furniture_credits.txt,
furniture_exceptions.txt, furniture_bylines.txt)."""

from __future__ import annotations

import pytest

from storyline.ingest.text import byline_of, clean, is_credit, is_furniture, split_paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Sign up now: Get ST's newsletters delivered to your inbox",
        "Follow topic:",
        "Follow us on Twitter",
        "See more on",
        "Share this article",
        "Share on Facebook",
        "WhatsApp",
        "Copy link",
        "Read more",
        "Read more: Maduro says US wants regime change",
        "READ MORE: Venezuela closes airspace",
        "Also read: Trump confirms call",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Subscribe",
        "Subscribe to our newsletter for the latest news",
        "Already a subscriber? Log in",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        # A consent wall (ReCOVery scraped some of these instead of the article).
        "To improve the performance of our website, show the most relevant news products and"
        " targeted advertising, we collect technical impersonal information about you, including"
        " through the tools of our partners. You can find a detailed description of how we use"
        " your data in our Privacy Policy. For a detailed description of the technologies,"
        " please see the Cookie and Automatic Logging Policy.",
        'By clicking on the "Accept & Close" button, you provide your explicit consent to the'
        " processing of your data to achieve the above goal.",
        "You can withdraw your consent using the method specified in the Privacy Policy.",
        "Skip to main content",
        "Related Stories",
        "Topics: Venezuela, United States",
        "5 min read",
        "Listen to this article",
        "Download the ST app for the latest news",
        "© 2025 SPH Media. All rights reserved.",
        "Copyright 2025 The Associated Press. All rights reserved.",
        "Click here to subscribe",
        "Comments",
        "Join ST's Telegram channel and get the latest breaking news delivered to you.",
        "Continue reading the main story",
        "Supported by",
        "Image 3 of 12",
        "Next article",
        "Most Read",
        "Back to top",
    ],
)
def test_is_furniture_page_widgets(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        # Counter-examples: real sentences using the same words.
        "Protesters vowed to follow the president to every rally he holds.",
        "Follow-up talks are scheduled for next week, the ministry said.",
        "Investors will see more volatility, analysts said.",
        "The company said it would share the data with regulators.",
        "Readers can read more about the plan in the ministry's report, she said.",
        "He declined to subscribe to the theory.",
        "\u201cSubscribe,\u201d he joked, pointing at the camera.",
        "The advertisement ran on national television for three weeks before it was pulled.",
        "WASHINGTON (Reuters) - Follow the money, investigators said.",
        "Cookies and cakes were handed out at the rally, witnesses said.",
        # Reporting on privacy policies is article text: third person, no "our/the ... policy".
        "To improve its image, the company said it would collect less data, according to its"
        " new privacy policy.",
        "By clicking the button, users gave the app consent to read their contacts, the"
        " regulator found.",
        "You can withdraw from the scheme at any time, the minister said.",
        "To improve security, the company rewrote the privacy policy in March.",
        "Next, the ministry will publish the results.",
        "Supported by two of the sources, the account was confirmed on Monday.",
        "He joined the company's Telegram channel in 2019, according to court papers.",
    ],
)
def test_is_furniture_keeps_sentences(line):
    assert not is_furniture(line)


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("PHOTO: REUTERS", True),
        ("Photo: AFP/Getty Images", True),
        ("FILE PHOTO: REUTERS/Leonardo Fernandez Viloria", True),
        ("Image credit: Jane Doe", True),
        ("REUTERS/Carlos Barria", True),
        # Counter-examples: a closing wire credit and a sentence about a photograph.
        ("REUTERS", False),
        ("The photo was taken on Nov 21 in Caracas, witnesses said.", False),
    ],
)
def test_is_credit_media_credits(line, credit):
    assert is_credit(line) is credit


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jamelle Bouie", "Jamelle Bouie"),
        ("By Matt Spetalnick and Jason Szep", "Matt Spetalnick and Jason Szep"),
        ("BY JANE DOE, Reuters", "JANE DOE"),
        # Counter-examples: sentences that open with "By".
        ("By the way he left, nobody expected a return.", None),
        ("By Monday, the deadline had expired.", None),
    ],
)
def test_byline_of(line, byline):
    assert byline_of(line) == byline


def test_split_paragraphs_blank_lines_or_single_lines():
    assert split_paragraphs("A one.\r\n\r\nB two.\n  \nC\nthree.") == [
        "A one.",
        "B two.",
        "C\nthree.",
    ]
    assert split_paragraphs("Line one.\nLine two.\n") == ["Line one.", "Line two."]


def test_clean_caption_repeated_twice_before_credit_is_removed():
    caption = "Venezuela's President Nicolas Maduro says the US is seeking regime change."
    text = "\n\n".join(
        [
            "A headline about Venezuela",
            caption,
            caption,
            "PHOTO: REUTERS",
            "Follow topic:",
            "WASHINGTON - Mr Maduro is running out of options.",
            "More article text.",
        ]
    )
    cleaned = clean(text)
    assert cleaned.title == "A headline about Venezuela"
    assert cleaned.paragraphs == [
        "WASHINGTON - Mr Maduro is running out of options.",
        "More article text.",
    ]


def test_clean_repeated_paragraph_without_credit_keeps_one_copy():
    text = "WASHINGTON - First.\n\nThe same paragraph.\n\nThe same paragraph.\n\nLast."
    assert clean(text, detect_title=False).paragraphs == [
        "WASHINGTON - First.",
        "The same paragraph.",
        "Last.",
    ]


def test_clean_keeps_nbsp_and_characters_inside_paragraphs():
    text = "Headline here\n\nBody\u00a0with a no-break space and \u201cquotes\u201d.\n\nMore."
    cleaned = clean(text)
    assert cleaned.paragraphs[0] == "Body\u00a0with a no-break space and \u201cquotes\u201d."


@pytest.mark.parametrize(
    "first",
    [
        # Counter-examples for the headline: a sentence, a dateline, furniture.
        "The call lasted less than 15 minutes, two sources said.",
        "WASHINGTON - Mr Trump spoke with Mr Maduro",
        "Sign up now: Get ST's newsletters delivered to your inbox",
    ],
)
def test_clean_first_line_that_is_no_headline_stays_untitled(first):
    cleaned = clean(f"{first}\n\nSecond paragraph.\n\nThird paragraph.")
    assert cleaned.title is None


@pytest.mark.parametrize(
    "first",
    [
        # Photo captions and quotes that open scraped bodies are not headlines.
        "An Asda employee makes a delivery in Keele, Britain, April 1, 2020. REUTERS/Carl Recine",
        "North Carolina Sen. Richard Burr leaves the Capitol on Thursday. "
        "Saul Loeb/AFP via Getty Images",
        "It\u2019s \u201cone of the most difficult things,\u201d said Russell Viner. "
        '\u201cIt\u2019s an impossible task."',
        "Camp Funston. U.S. Army/Wikipedia/Public Domain",
    ],
)
def test_looks_like_headline_rejects_captions_and_quotes(first):
    from storyline.ingest.text import looks_like_headline

    assert not looks_like_headline(first)


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        (
            "An Asda employee makes a delivery in Keele, Britain, April 1, 2020. "
            "REUTERS/Carl Recine",
            True,
        ),
        (
            "FILE PHOTO: A man walks past a closed shop in Rome, Italy. "
            "REUTERS/Remo Casilli/File Photo",
            True,
        ),
        ("Sen. Richard Burr leaves the Capitol on Thursday. Saul Loeb/AFP via Getty Images", True),
        # Counter-example: a sentence citing a poll by an agency.
        ("Most Americans back the measure, according to a Reuters/Ipsos poll.", False),
        ("The poll was conducted by Ipsos/Reuters.", False),
    ],
)
def test_is_furniture_caption_ending_in_credit(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("Published Dec 02, 2025, 05:00 AM", ("published", "2025-12-02")),
        ("UPDATED: 3 December 2025, 7:04 pm SGT", ("updated", "2025-12-03")),
        ("Posted on 2025-12-02", ("published", "2025-12-02")),
        # Bare time stamps under a headline, as pages print them.
        ("Sat Nov 12 2011, 01:19 hrs", ("published", "2011-11-12")),
        ("TNN Nov 12, 2011, 05. 51AM IST MUMBAI:", ("published", "2011-11-12")),
        ("Friday, November 11, 2011", ("published", "2011-11-11")),
        ("November 12, 2011", ("published", "2011-11-12")),
        ("12 December 2025 14:05 GMT", ("published", "2025-12-12")),
        # Counter-examples: a sentence, and a published line without a full date.
        ("Published reports on March 3, 2020 suggested the virus had spread widely.", None),
        ("Published 3 hours ago", None),
        # ... and sentences that open with a date: they are article text.
        ("On Nov 12, 2011 the navy said it had captured 23 pirates.", None),
        ("Nov 12, 2011: the navy captures 23 pirates", None),
        ("November 2011", None),
        ("Friday, November 11, 2011, was the day the talks collapsed.", None),
    ],
)
def test_stated_date_lines(line, stated):
    from storyline.ingest.text import stated_date

    found = stated_date(line)
    assert ((found[0], found[1].isoformat()) if found else None) == stated


def test_clean_topic_tags_after_follow_topic_are_removed():
    text = "\n\n".join(
        [
            "Follow topic:",
            "Venezuela",
            "Donald Trump",
            "WASHINGTON - Mr Maduro spoke.",
            "More text.",
            "See more on",
            "United States",
            "Nicolas Maduro",
        ]
    )
    assert clean(text, detect_title=False).paragraphs == [
        "WASHINGTON - Mr Maduro spoke.",
        "More text.",
    ]


def test_clean_short_paragraph_without_tag_opener_stays():
    # Counter-example: a short line is only a tag right after a tag opener.
    text = "WASHINGTON - Mr Maduro spoke.\n\nVenezuela\n\nMore text."
    assert clean(text, detect_title=False).paragraphs == [
        "WASHINGTON - Mr Maduro spoke.",
        "Venezuela",
        "More text.",
    ]


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("# Port workers end strike", "Port workers end strike"),
        ("**Port workers end strike**", "Port workers end strike"),
        ("Port workers end strike", "Port workers end strike"),
    ],
)
def test_clean_markdown_headline(first, title):
    assert clean(f"{first}\n\nBody one.\n\nBody two.").title == title
