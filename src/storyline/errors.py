"""Errors a user can fix. Each has a stable ``code`` and a one-line message that names the value
and says what to do; the CLI prints it as ``Error: ...`` and exits 2, the web answers 4xx.
Anything that is not a ``StorylineError`` is a bug and keeps its traceback."""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error the user can act on."""

    code = "storyline_error"
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(StorylineError):
    """The input cannot be read as an article (empty, binary, undecodable, too large, no text)."""

    code = "bad_input"


class NotAnArticle(InputError):
    """The input reads fine but holds no article: only page furniture (a consent wall, menus).

    ``storyline analyze`` reports it like any bad input; an ingest lists such a page as skipped,
    like an image in a folder, rather than as a failure (crawls and data sets hold many)."""

    code = "not_an_article"


class InvalidDate(InputError):
    """A date given by the user (or found in a document) is not a real date."""

    code = "invalid_date"


class ModelMissing(StorylineError):
    """The spaCy English model is not installed."""

    code = "model_missing"
    http_status = 503


class NotFound(StorylineError):
    """A story, article, entity or follow that does not exist."""

    code = "not_found"
    http_status = 404


class StoreUnavailable(StorylineError):
    """The workspace database cannot be opened or written."""

    code = "store_unavailable"
    http_status = 503


class RuleFileError(StorylineError):
    """A rule data file is malformed; the message names ``file:line``."""

    code = "rule_file"
    http_status = 500


class DeliveryError(StorylineError):
    """A digest could not be delivered (SMTP refused or unreachable)."""

    code = "delivery_failed"
    http_status = 502
