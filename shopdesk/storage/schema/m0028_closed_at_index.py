"""0028: the closed-case indexes of the early warnings by when a case was resolved.

The recurring-fault rule counts a product's cases of one cause resolved or closed before a
case was opened. It took their last update for that time, so a follow-up note, an edit or a
platform update on an old case moved it later, and a recurrence judged again after that
was missed. The time is now `resolved_at` (the last update for a finished case that has
none, as m0009 filled it), never before the case's `created_at` (see storage/warnings.py
_CLOSED_AT). m0022's indexes are made again on that expression, exactly as
storage/warnings.py writes it in its queries (a planner matches it as written).

The open cases were judged by the old meaning: forgetting by which rules they were judged
has the next `refresh_open` judge every open case again, once.
"""

from __future__ import annotations

from ..bulk_load import remeasure
from ..database import Database

CLOSED_AT = ("CASE WHEN coalesce(resolved_at, updated_at) > created_at "
             "THEN coalesce(resolved_at, updated_at) ELSE created_at END")

SQL = f"""
        DROP INDEX idx_closed_sku;
        DROP INDEX idx_closed_item;
        CREATE INDEX idx_closed_sku ON cases(sku, cause, ({CLOSED_AT}))
            WHERE deleted_at IS NULL AND status IN ('resolved', 'closed');
        CREATE INDEX idx_closed_item ON cases(item_title, cause, ({CLOSED_AT}))
            WHERE deleted_at IS NULL AND sku = '' AND status IN ('resolved', 'closed');
        DELETE FROM settings WHERE key = 'warnings_judged';
        """


def migrate(db: Database) -> None:
    db.executescript(SQL)
    remeasure(db, ["idx_closed_sku", "idx_closed_item"])
