"""0025 on PostgreSQL: mirrors storage/schema/m0025_warnings_sort.py (see that module)."""

SQL = """
        CREATE INDEX idx_live_warnings_sort ON cases(warning_count, status)
            WHERE deleted_at IS NULL;
        DROP INDEX idx_cases_refund;
        """
