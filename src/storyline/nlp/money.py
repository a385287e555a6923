"""Money: "US$50 million (S$65 million)" -> 50,000,000 USD and 65,000,000 SGD.

STUB: interface ``extract(text) -> list[Money]``.
"""

from __future__ import annotations

from storyline.model import Money

VERSION = "money.stub.v0"


def extract(text: str) -> list[Money]:
    return []
