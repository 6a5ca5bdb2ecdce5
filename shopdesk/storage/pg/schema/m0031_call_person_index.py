"""0031 on PostgreSQL: mirrors storage/schema/m0031_call_person_index.py (see that module)."""

from ...schema.m0031_call_person_index import SQL as SQL
