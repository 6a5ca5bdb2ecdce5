"""0031: the indexes that find a call's person: the cases of one phone line or nickname.

The call policy holds for the person (services/calls.py Person): every case, trashed ones
too, with the same platform and nickname or the same phone line. Neither was indexed, so
every call decision (the call form's checklist, the call light, the may-call list) read
the whole cases table: 0.4 s a decision at a million cases.

The nickname is compared as the lookup writes it, `trim(buyer_nick)` (a nickname typed
with spaces around it is the same buyer; SQLite and PostgreSQL trim the same spaces), so
the index is on that expression and nothing stored is rewritten. The phone is compared by
its stored spellings (domain/masking.py phone_spellings: every write path stores a number
in its normalise_phone form), so a plain index on `buyer_phone` answers it; a column of
`phone_identity` would have needed a backfill of every case and that function written
again in PostgreSQL's SQL.
"""

from __future__ import annotations

from ..bulk_load import remeasure
from ..database import Database

INDEXES = {
    "idx_cases_buyer_nick": "cases(platform, (trim(buyer_nick)))",
    "idx_cases_buyer_phone": "cases(buyer_phone)",
}
SQL = "".join(f"CREATE INDEX {name} ON {on};\n" for name, on in INDEXES.items())


def migrate(db: Database) -> None:
    db.executescript(SQL)
    remeasure(db, INDEXES)
