"""0022 on PostgreSQL: mirrors storage/schema/m0022_warning_windows.py (see that module)."""

SQL = """
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
