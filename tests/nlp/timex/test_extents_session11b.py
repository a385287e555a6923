"""Session 11, round 2: recognition and extent classes left by round 1 and found reading whole
TE3-silver stories (Random(7777) sample), judged by the TimeML 1.2.1 (TE3) rules; every class
has counter-examples.

DCT for every case: Monday 2005-12-12 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2005, 12, 12)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# Era years. The era marker of our era in capitals is part of the year ("1200 AD", "AD 1350");
# a figure before B.C./BCE is no year of ours (it was "2000" = the year 2000). "BC" is also
# British Columbia: "BC Hydro", "the 2017 B.C. election", "BC's premier" keep their year, and
# "1998 ad campaign" (lower case) or "1998 AD Pharma" (a name) are no era.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It includes Kilwa Great Mosque, dated about 1200 AD, and Kilwa Kisiwani.",
            {"1200 AD": "1200"},
        ),
        ("The wall was rebuilt in AD 1350 by the governor.", {"AD 1350": "1350"}),
        ("He said the world would end in 2000 AD.", {"2000 AD": "2000"}),
        ("The site was inhabited from 3000 B.C. to 2000 B.C. by farmers.", {}),
        ("From 3000 B.C. to 2000 B.C. Egyptians farmed here.", {}),
        ("The city was founded in 1200 BC and abandoned later.", {}),
        ("The texts date to 1750 BCE, experts said.", {}),
        ("The tablets date to 1800 BC.", {}),
        # counter-examples: British Columbia, a lower-case "ad", a company name
        ("In 1996 BC Hydro raised rates.", {"1996": "1996"}),
        ("He lost the 2017 B.C. election.", {"2017": "2017"}),
        ("In 2005 BC's premier resigned.", {"2005": "2005"}),
        ("They ran a 1998 ad campaign.", {"1998": "1998"}),
        ("It was founded in 1998 AD Pharma's home town.", {"1998": "1998"}),
    ],
)
def test_era_year_extent(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
