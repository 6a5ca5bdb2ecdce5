"""0009: a bigram index beside the trigram one, so 1-2 character searches need no scan."""

from __future__ import annotations

from ..database import Database
from ..search import rebuild_bigrams


def migrate(db: Database) -> None:
    # Tokens are hex strings (see storage/search.py): the ascii tokenizer splits them on
    # spaces only. detail=none: a term is one token, so positions are never needed.
    db.execute("CREATE VIRTUAL TABLE cases_bigram USING fts5(grams, tokenize = 'ascii', "
               "detail = none)")
    rebuild_bigrams(db)
