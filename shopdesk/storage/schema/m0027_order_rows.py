"""0027: the hash of the export row each order was last imported from.

A re-import of an unchanged order export skips, before any conversion, the rows whose hash
is stored on their order (as m0024 does for refund rows and their cases). An order export's
import stores the hash of the row it applied, and merging a row's values into the order
they were merged into already changes nothing, so a stored hash means the order is as that
row left it.

Anything else that changes an order's content (an older ShopDesk on a team register, the
sqlite3 shell) clears the hash through `orders_row_stale`, as m0026's trigger does for
cases: the row then takes the full path again. The import's own writes either store a new
hash with the content or leave the content alone, and keep it.
"""

from __future__ import annotations

from ..database import Database

# What an export says about an order, and which order it is (not when it was imported).
WATCHED = (
    "id", "platform", "order_no", "buyer_nick", "buyer_name", "buyer_phone", "buyer_address",
    "item_title", "sku", "amount_paid_fen", "waybill", "courier", "status", "shop", "paid_at",
    "created_at", "extra",
)


def changed() -> str:
    """The trigger's condition: a watched column's value differs."""
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)


def migrate(db: Database) -> None:
    db.executescript(
        f"""
        ALTER TABLE orders ADD COLUMN row_hash TEXT;
        CREATE INDEX idx_orders_row_hash ON orders(row_hash) WHERE row_hash IS NOT NULL;
        CREATE TRIGGER orders_row_stale AFTER UPDATE OF {', '.join(WATCHED)} ON orders
            WHEN NEW.row_hash IS NOT NULL AND NEW.row_hash IS OLD.row_hash AND ({changed()})
            BEGIN UPDATE orders SET row_hash = NULL WHERE id = NEW.id; END;
        """
    )
