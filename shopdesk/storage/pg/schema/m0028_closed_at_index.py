"""0028 on PostgreSQL: mirrors storage/schema/m0028_closed_at_index.py (see that module)."""

from ...schema.m0028_closed_at_index import SQL as SQL
