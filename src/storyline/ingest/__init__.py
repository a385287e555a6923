"""Ingestion: from raw documents (files, folders, JSONL, feeds, WARCs) to clean ``Article``\\ s.

* ``load_article(raw, *, published, url, outlet, title, content_type) -> Article`` — one
  document, pure (see ``ingest/article.py`` for the steps);
* ``iter_documents(paths)`` — every raw ``Document`` found in files, folders, JSONL, feeds and
  WARC/ARC archives, or a ``Skipped`` saying why one could not be read;
* ``load_document(doc) -> Article`` — ``load_article`` with the document's hints.
"""

from __future__ import annotations

from storyline.ingest.article import load_article
from storyline.ingest.sources import Document, Skipped, iter_documents, load_document

__all__ = ["Document", "Skipped", "iter_documents", "load_article", "load_document"]
