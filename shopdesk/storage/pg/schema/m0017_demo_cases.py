"""0017 on PostgreSQL: mirrors storage/schema/m0017_demo_cases.py (see that module)."""

SQL = """
        CREATE TABLE demo_cases (
            case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE
        );
        """
