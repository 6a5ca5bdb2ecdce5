"""0024 on PostgreSQL: mirrors storage/schema/m0024_import_rows.py (see that module)."""

SQL = """
        CREATE TABLE import_rows (
            case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            row_hash TEXT NOT NULL,
            case_sig TEXT NOT NULL
        );
        CREATE INDEX idx_import_rows_hash ON import_rows(row_hash);
        """
