"""0028 on PostgreSQL: mirrors storage/schema/m0028_closed_at_index.py (see that module)."""

SQL = """
        DROP INDEX idx_closed_sku;
        DROP INDEX idx_closed_item;
        CREATE INDEX idx_closed_sku ON cases(sku, cause, coalesce(resolved_at, updated_at))
            WHERE deleted_at IS NULL AND status IN ('resolved', 'closed');
        CREATE INDEX idx_closed_item
            ON cases(item_title, cause, coalesce(resolved_at, updated_at))
            WHERE deleted_at IS NULL AND sku = '' AND status IN ('resolved', 'closed');
        """
