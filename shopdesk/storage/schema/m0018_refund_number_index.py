"""0018: refund numbers indexed on their own, so a search for one uses an index.

The older index is (platform, refund_no), which the search box cannot use: it does not
know the platform.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.execute("CREATE INDEX idx_cases_refund_no ON cases(refund_no)")
