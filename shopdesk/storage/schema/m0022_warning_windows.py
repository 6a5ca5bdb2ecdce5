"""0022: indexes for the early warnings' windows (issue 14, per write and per import).

The warnings read a product's cases of one cause within a few days of a written case (by
SKU, or by item title when there is no SKU) and count its resolved or closed cases of
that cause up to a time. (sku) alone made both read every case of a busy SKU; these make
each a range of an index (and (sku, ...) still serves a lookup by SKU alone). The
closed-case indexes are partial on the literal status list that
storage/warnings.py writes in its queries (a planner matches it as written).
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        DROP INDEX idx_live_sku;
        CREATE INDEX idx_live_sku_time ON cases(sku, cause, created_at)
            WHERE deleted_at IS NULL;
        CREATE INDEX idx_live_item_time ON cases(item_title, cause, created_at)
            WHERE deleted_at IS NULL AND sku = '';
        CREATE INDEX idx_closed_sku ON cases(sku, cause, updated_at)
            WHERE deleted_at IS NULL AND status IN ('resolved', 'closed');
        CREATE INDEX idx_closed_item ON cases(item_title, cause, updated_at)
            WHERE deleted_at IS NULL AND sku = '' AND status IN ('resolved', 'closed');
        """
    )
