"""0013 on PostgreSQL: mirrors storage/schema/m0013_search_vocab.py (see that module)."""

# Nothing on PostgreSQL: the FTS5 vocabulary tables serve SQLite's short-term search; pg_trgm
# (0001) answers every term length. Kept so both sets have the same names.
SQL = ""
