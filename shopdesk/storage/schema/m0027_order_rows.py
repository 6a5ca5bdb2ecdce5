"""0027: the hash of the export row each order was last imported from.

A re-import of an unchanged order export skips, before any conversion, the rows whose hash
is stored on their order (as m0024 does for refund rows and their cases). Orders are
written only by an order export's import, which stores the hash of the row it applied
(merging a row's values in again changes nothing), so a stored hash means the order is
as that row left it. A writer of orders that is not that import must clear it.
"""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        ALTER TABLE orders ADD COLUMN row_hash TEXT;
        CREATE INDEX idx_orders_row_hash ON orders(row_hash) WHERE row_hash IS NOT NULL;
        """
    )
