"""0012 on PostgreSQL: mirrors storage/schema/m0012_search_bigrams.py (see that module)."""

# Nothing on PostgreSQL: the bigram FTS5 table serves SQLite's short-term search; pg_trgm
# (0001) answers every term length. Kept so both sets have the same names.
SQL = ""
