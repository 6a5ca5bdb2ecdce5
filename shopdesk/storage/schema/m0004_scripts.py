"""0004: the shop's edits to the script library, its own scripts, usage, favourites, steps."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- An edited shipped script: the whole edited script table as JSON. Deleting the row
        -- resets the script to the shipped text (shipped scripts live in resources/, not here).
        CREATE TABLE script_overrides (
            script_id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL DEFAULT ''
        );

        -- The shop's own scripts; soft-deleted like cases.
        CREATE TABLE shop_scripts (
            script_id TEXT PRIMARY KEY,
            data TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            deleted_at TEXT
        );

        -- How often each script was copied; feeds the suggestion order.
        CREATE TABLE script_usage (
            script_id TEXT PRIMARY KEY,
            count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
            last_used_at TEXT
        );

        CREATE TABLE script_favourites (
            script_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        );

        -- The handling-procedure checklist of a case: one row per ticked step.
        CREATE TABLE case_steps (
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            done_at TEXT NOT NULL,
            done_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (case_id, step)
        );
        """
    )
