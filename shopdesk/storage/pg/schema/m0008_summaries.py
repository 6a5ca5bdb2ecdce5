"""0008 on PostgreSQL: mirrors storage/schema/m0008_summaries.py (see that module)."""

SQL = """
        -- One row per case whose facts statement (事实陈述) was edited for printing. A case
        -- without a row prints the statement composed from its data. Purging the case
        -- removes its statement.
        CREATE TABLE case_summaries (
            case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            facts TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        );
        """
