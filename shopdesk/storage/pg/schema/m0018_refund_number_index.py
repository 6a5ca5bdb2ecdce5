"""0018 on PostgreSQL: mirrors storage/schema/m0018_refund_number_index.py (see that module)."""

SQL = """
        CREATE INDEX idx_cases_refund_no ON cases(refund_no);
        """
