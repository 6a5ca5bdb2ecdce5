"""PostgreSQL migrations, one module per SQLite migration (same names), each with `SQL`."""
