"""0027 on PostgreSQL: mirrors storage/schema/m0027_order_rows.py (see that module)."""

SQL = """
        ALTER TABLE orders ADD COLUMN row_hash TEXT;
        CREATE INDEX idx_orders_row_hash ON orders(row_hash) WHERE row_hash IS NOT NULL;
        """
