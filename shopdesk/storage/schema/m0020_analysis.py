"""0020: the complaint analysis reads a province column and one covering index (issue 14).

The buyer's province used to be parsed from the address on every analysis query; it is
now worked out when a case is written (storage/rows.py) and stored, and filled in here for
the cases already in the register. The analysis groups live cases of a created-at range
by one column and sums money and resolve times: one partial index holding every column it
reads lets SQLite answer from the index alone, without the wide case rows.
"""

from __future__ import annotations

from ...domain.analysis import province_of
from ..database import Database

BATCH = 5000


def migrate(db: Database) -> None:
    db.execute("ALTER TABLE cases ADD COLUMN province TEXT NOT NULL DEFAULT ''")
    last = 0
    while True:
        rows = db.execute("SELECT id, buyer_address FROM cases WHERE id > ? "
                          "AND buyer_address != '' ORDER BY id LIMIT ?", [last, BATCH]).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        found = [(p, case_id) for case_id, address in rows if (p := province_of(address))]
        db.conn.executemany("UPDATE cases SET province = ? WHERE id = ?", found)
    db.execute(ANALYSIS_INDEX)


ANALYSIS_INDEX = (
    "CREATE INDEX idx_live_analysis ON cases(created_at, cause, kind, platform, province, "
    "assignee, outcome, sku, status, amount_settled_fen, resolved_at) "
    "WHERE deleted_at IS NULL")
