"""0026 on PostgreSQL: mirrors storage/schema/m0026_import_rows_stale.py (see that module).

The trigger's body is a PL/pgSQL function; its condition compares the watched columns as
one row (IS DISTINCT FROM: NULL equals NULL, as SQLite's IS NOT). No delete trigger:
PostgreSQL always keeps the ON DELETE CASCADE.
"""

from ...schema.m0026_import_rows_stale import WATCHED

_OLD = ", ".join(f"OLD.{c}" for c in WATCHED)
_NEW = ", ".join(f"NEW.{c}" for c in WATCHED)

SQL = f"""
        DROP TABLE import_rows;
        CREATE TABLE import_rows (
            case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            row_hash TEXT NOT NULL
        );
        CREATE INDEX idx_import_rows_hash ON import_rows(row_hash);
        CREATE FUNCTION import_rows_stale() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM import_rows WHERE case_id = OLD.id;
            RETURN NULL;
        END $$;
        CREATE TRIGGER import_rows_stale AFTER UPDATE OF {', '.join(WATCHED)} ON cases
            FOR EACH ROW WHEN (({_OLD}) IS DISTINCT FROM ({_NEW}))
            EXECUTE FUNCTION import_rows_stale();
        """
