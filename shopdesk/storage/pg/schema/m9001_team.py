"""9001, team registers only: evidence bytes in the database, which PC wrote an audit row.

Numbered apart from the shared set: SQLite keeps evidence in the evidence folder and has
one PC. Every PC of a team must see every file, so the bytes live here, content addressed
(one row per distinct file, whatever the number of cases it is attached to).
"""

SQL = """
        CREATE TABLE team_blobs (
            sha256 TEXT PRIMARY KEY,
            size BIGINT NOT NULL CHECK (size >= 0),
            data BYTEA NOT NULL,
            added_at TEXT NOT NULL
        );
        -- The PC that wrote each audit row (the person is `actor`): each connection
        -- says its PC's name (storage/pg/connection.py), so no insert has to.
        ALTER TABLE audit_log ADD COLUMN pc TEXT NOT NULL
            DEFAULT coalesce(current_setting('shopdesk.pc', true), '');
        """
