"""0025: the list sorted by its warnings column reads an index; the refund index that only
the (platform, refund number) lookup needed is dropped.

Sorting every live case by warnings (warning_count, status, id) had no index to read in
order (idx_live_warned holds the warned cases alone, for the 有预警 filter): SQLite sorted
the register, ~0.4 s at 1M cases. idx_live_warnings_sort is the sort's, like the other
sort columns' (value, status) indexes, and the list's index walk reads it
(storage/sort_walk.py).

idx_cases_refund (platform, refund_no) is older than idx_cases_refund_no (m0018). Every
query on refund numbers (an import's match by number, the search box's number prefix,
`CaseStore.find`) reads idx_cases_refund_no as well or better, and the planner also took
idx_cases_refund for a platform filter on the trash, reading every case of the platform
(~35 ms at 100k) where idx_cases_trash reads only the trash.

A register whose statistics were gathered (sqlite_stat1: ANALYZE, as the benchmark
registers are built) gets the new index's row too: with one index unmeasured SQLite
weighed the others differently, and some filtered lists (mine, sorted by case number) went
from reading their sort index in order to sorting.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        CREATE INDEX idx_live_warnings_sort ON cases(warning_count, status)
            WHERE deleted_at IS NULL;
        DROP INDEX idx_cases_refund;
        """
    )
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        db.execute("ANALYZE idx_live_warnings_sort")
