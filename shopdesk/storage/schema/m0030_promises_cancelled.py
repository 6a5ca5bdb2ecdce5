"""0030: a promise can be "no longer needed" (state 'cancelled'), beside kept and broken.

A case resolved because the buyer withdrew left its open promise (回电) overdue in the banner
for ever: marking it kept or broken would both be untrue. The state CHECK (m0005) allowed
only open / kept / broken; SQLite cannot alter a CHECK, so the table is rebuilt with every
row, id and index kept, and the same "open exactly when resolved_at IS NULL" rule.

The reason goes in `broken_reason`: it already means "why this promise was closed without
being kept", is required and masked the same way, and every path that copies promises
(backups, the team transfer, the demo's bulk load) carries it. A second reason column would
have to be copied everywhere for a value that is never set together with the first.
"""

from __future__ import annotations

from ..database import Database

STATES = ("open", "kept", "broken", "cancelled")
_COLUMNS = ("id, case_id, kind, text, due_at, made_by, made_at, state, resolved_at, "
            "resolved_by, broken_reason")
_STATES_SQL = ", ".join(f"'{s}'" for s in STATES)


def migrate(db: Database) -> None:
    # Inside the migration's write transaction with foreign keys on: nothing references
    # promises, so dropping the old table deletes nothing else; the new one still cascades
    # from cases. Copied aside and back rather than renamed: SQLite's ALTER TABLE RENAME
    # opens the connection's temp schema, which the register otherwise never has.
    db.executescript(
        f"""
        CREATE TABLE promises_before_0030 AS SELECT {_COLUMNS} FROM promises;
        DROP TABLE promises;
        CREATE TABLE promises (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            due_at TEXT NOT NULL,
            made_by TEXT NOT NULL,
            made_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ({_STATES_SQL})),
            resolved_at TEXT,
            resolved_by TEXT,
            broken_reason TEXT,
            CHECK ((state = 'open') = (resolved_at IS NULL))
        );
        INSERT INTO promises({_COLUMNS}) SELECT {_COLUMNS} FROM promises_before_0030;
        DROP TABLE promises_before_0030;
        -- The indexes of m0005 and m0019, as they were.
        CREATE INDEX idx_promises_case ON promises(case_id, due_at);
        CREATE INDEX idx_promises_open_due ON promises(due_at, case_id) WHERE state = 'open';
        CREATE INDEX idx_promises_resolved ON promises(resolved_at)
            WHERE resolved_at IS NOT NULL;
        CREATE INDEX idx_promises_open_refund ON promises(case_id)
            WHERE state = 'open' AND kind = 'refund';
        """
    )
    # The rebuild dropped the table's planner statistics; a register that had gathered
    # them (ANALYZE, as the benchmark's) gets them back, as m0025 does.
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        db.execute("ANALYZE promises")
