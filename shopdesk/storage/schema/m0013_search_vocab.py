"""0010: term document counts of both search indexes (no data of their own)."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    # So a search can tell a rare term (ask the index) from one in most cases (walk the
    # list in display order): storage/search.py TermStats.
    db.execute("CREATE VIRTUAL TABLE cases_bigram_vocab USING fts5vocab(cases_bigram, row)")
    db.execute("CREATE VIRTUAL TABLE cases_fts_vocab USING fts5vocab(cases_fts, row)")
