"""Attribution regressions found on real articles."""

from __future__ import annotations

import pytest

from storyline.nlp import attribution


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        # The parse's root sits inside the quotation marks, so climbing from a verb outside
        # them to the root must stop at the root (spaCy makes a new Token object on every
        # `.head`, so an identity test never saw the root and the climb never ended).
        "That video, entitled, “Mas de 100 Casos de Covid-19 recuperados con CDS por medicos "
        "de Aememi,” is found at this link on Lbry.tv.",
    ],
)
def test_attribution_climb_through_quotes_terminates(nlp, text):
    atts, _quotes = attribution.extract(nlp(text), [])
    for att in atts:
        assert text[att.cue.start : att.cue.end] == att.cue.text
