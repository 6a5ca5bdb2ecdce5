"""The team register on PostgreSQL: connection, dialect, migrations, search, transfer."""
