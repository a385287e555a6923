"""Follows and digests: follow a story, an entity or a search, and get what is new by e-mail
(Markdown, HTML + plain text) and Atom, delivered exactly once (see ``outbox``).

The functions the CLI and the web call:

* ``add_follow(ws, story=|entity=|query=, emails=[...])``, ``list_follows(ws)``,
  ``get_follow(ws, id)``, ``remove_follow(ws, id)``;
* ``run_digests(ws, follow_id=None, since=None, dry_run=False, settings=SmtpSettings(...))``;
* ``atom_feed(ws, follow_id, base_url=...) -> bytes`` for GET /feeds/{follow_id}.atom;
* ``feed_path(follow_id)`` and ``page_path(follow)``: where the web shows a follow.
"""

from storyline.follow.atom import atom_feed, feed_path, page_path
from storyline.follow.digest import ArticleRef, DigestItem, SeenEntry, diff_timeline
from storyline.follow.follows import Follow, add_follow, get_follow, list_follows, remove_follow
from storyline.follow.mail import Mailer, SmtpSettings
from storyline.follow.outbox import DigestRun, collect, deliver, preview, run_digests

__all__ = [
    "ArticleRef",
    "DigestItem",
    "DigestRun",
    "Follow",
    "Mailer",
    "SeenEntry",
    "SmtpSettings",
    "add_follow",
    "atom_feed",
    "collect",
    "deliver",
    "diff_timeline",
    "feed_path",
    "get_follow",
    "list_follows",
    "page_path",
    "preview",
    "remove_follow",
    "run_digests",
]
