"""storyline.web: the JSON API and the web pages over a workspace (``storyline serve``)."""

from storyline.web.app import create_app
from storyline.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
