"""0027 on PostgreSQL: mirrors storage/schema/m0027_order_rows.py (see that module).

The trigger runs before the update and clears the hash in the row being written; its
condition compares the watched columns as one row (IS DISTINCT FROM: NULL equals NULL).
"""

from ...schema.m0027_order_rows import WATCHED

_OLD = ", ".join(f"OLD.{c}" for c in WATCHED)
_NEW = ", ".join(f"NEW.{c}" for c in WATCHED)

SQL = f"""
        ALTER TABLE orders ADD COLUMN row_hash TEXT;
        CREATE INDEX idx_orders_row_hash ON orders(row_hash) WHERE row_hash IS NOT NULL;
        CREATE FUNCTION orders_row_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.row_hash := NULL;
            RETURN NEW;
        END $$;
        CREATE TRIGGER orders_row_stale BEFORE UPDATE ON orders
            FOR EACH ROW WHEN (NEW.row_hash IS NOT NULL
                               AND NEW.row_hash IS NOT DISTINCT FROM OLD.row_hash
                               AND ({_OLD}) IS DISTINCT FROM ({_NEW}))
            EXECUTE FUNCTION orders_row_stale();
        """
