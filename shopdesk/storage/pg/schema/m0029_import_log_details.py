"""0029 on PostgreSQL: mirrors storage/schema/m0029_import_log_details.py (see that module)."""

from ...schema.m0029_import_log_details import sql

SQL = sql("BIGINT")
