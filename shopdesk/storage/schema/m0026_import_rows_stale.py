"""0026: a write to what an import reads removes the case's import_rows row (a trigger),
instead of a digest of those columns checked at every re-import.

m0024 stored, beside each row hash, a digest of the 28 case columns an import reads; a
re-import had SQLite build those columns into one text per case and hashed it again, most
of the cost of re-importing an unchanged export. Now `import_rows_stale` deletes the row
when an UPDATE changes one of those columns (WATCHED; the same value written again is not
a change), whoever writes it, and `import_rows_gone` deletes it with its case (as m0024's
ON DELETE CASCADE does, but also on a connection without foreign keys, such as the sqlite3
shell's: a case id is given again once the largest is removed). So a row that is there
belongs to a case still as the import left it, and the fast path reads import_rows alone
(joining `cases` for the trash mark cost about a tenth of a re-import).

The import itself writes cases after it plans (the deadline and warning passes) and stores
its rows last, so its own writes do not undo them; the warning count and the stage and
deadline columns are not watched, so their refreshes keep the rows.

The rows stored before this migration were only valid with their digest, which nothing
checks now: they are dropped with it. The first re-import after the upgrade takes the full
path and stores them again.

A column the planning (matching, diff_case, diff_state) starts to read must be added to a
new migration's trigger: this list is as shipped.
"""

from __future__ import annotations

from ..database import Database

WATCHED = (
    "id", "case_no", "created_at", "deleted_at", "platform", "order_no", "refund_no", "kind",
    "shop", "buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "item_title", "sku",
    "amount_paid_fen", "amount_claimed_fen", "amount_settled_fen", "extra", "platform_status",
    "intervention_status", "platform_stage", "platform_involved", "applied_at", "due_at",
    "status", "outcome", "resolved_at",
)


def changed() -> str:
    """The trigger's condition: a watched column's value differs."""
    return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)


def migrate(db: Database) -> None:
    db.executescript(
        f"""
        DROP TABLE import_rows;
        CREATE TABLE import_rows (
            case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            row_hash TEXT NOT NULL
        );
        CREATE INDEX idx_import_rows_hash ON import_rows(row_hash);
        CREATE TRIGGER import_rows_stale AFTER UPDATE OF {', '.join(WATCHED)} ON cases
            WHEN {changed()}
            BEGIN DELETE FROM import_rows WHERE case_id = OLD.id; END;
        CREATE TRIGGER import_rows_gone AFTER DELETE ON cases
            BEGIN DELETE FROM import_rows WHERE case_id = OLD.id; END;
        """
    )
