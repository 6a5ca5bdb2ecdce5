"""Script library rows: overrides of shipped scripts, shop scripts, usage, favourites, steps.

Script tables are kept as the JSON text they were saved with; the service validates them
(a damaged row must be skipped and reported, never crash the app), so reads return raw text.
Callers own the transaction (db.atomic()).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from .database import Database


@dataclass(frozen=True)
class StoredScript:
    """One stored script table: `data` is the JSON text as saved (not yet validated)."""

    script_id: str
    data: str
    at: datetime | None
    by: str


@dataclass(frozen=True)
class StepDone:
    step: str
    done_at: datetime
    done_by: str


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


class ScriptStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- edits of shipped scripts ------------------------------------------
    def overrides(self) -> list[StoredScript]:
        rows = self.db.execute("SELECT script_id, data, updated_at, updated_by "
                               "FROM script_overrides ORDER BY script_id").fetchall()
        return [StoredScript(r[0], r[1], from_iso(r[2]), r[3]) for r in rows]

    def override(self, script_id: str) -> StoredScript | None:
        return next((o for o in self.overrides() if o.script_id == script_id), None)

    def set_override(self, script_id: str, data: dict[str, Any], at: datetime,
                     by: str) -> None:
        self.db.execute(
            "INSERT INTO script_overrides(script_id, data, updated_at, updated_by) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(script_id) DO UPDATE SET data = excluded.data, "
            "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            [script_id, dump(data), to_utc_iso(at), by])

    def delete_override(self, script_id: str) -> bool:
        cur = self.db.execute("DELETE FROM script_overrides WHERE script_id = ?", [script_id])
        return cur.rowcount > 0

    # --- the shop's own scripts --------------------------------------------
    def shop_scripts(self) -> list[StoredScript]:
        """Live (not deleted) shop scripts, oldest first."""
        rows = self.db.execute(
            "SELECT script_id, data, created_at, created_by FROM shop_scripts "
            "WHERE deleted_at IS NULL ORDER BY created_at, script_id").fetchall()
        return [StoredScript(r[0], r[1], from_iso(r[2]), r[3]) for r in rows]

    def shop_script_state(self, script_id: str) -> str | None:
        """'live', 'deleted' or None when the id was never used for a shop script."""
        row = self.db.execute("SELECT deleted_at FROM shop_scripts WHERE script_id = ?",
                              [script_id]).fetchone()
        if row is None:
            return None
        return "live" if row[0] is None else "deleted"

    def put_shop_script(self, script_id: str, data: dict[str, Any], at: datetime,
                        by: str) -> None:
        """Insert, or replace (and undelete) the shop script with this id."""
        self.db.execute(
            "INSERT INTO shop_scripts(script_id, data, created_at, created_by, deleted_at) "
            "VALUES (?, ?, ?, ?, NULL) ON CONFLICT(script_id) DO UPDATE SET "
            "data = excluded.data, deleted_at = NULL",
            [script_id, dump(data), to_utc_iso(at), by])

    def update_shop_script(self, script_id: str, data: dict[str, Any]) -> None:
        self.db.execute("UPDATE shop_scripts SET data = ? WHERE script_id = ?",
                        [dump(data), script_id])

    def delete_shop_script(self, script_id: str, at: datetime) -> bool:
        cur = self.db.execute("UPDATE shop_scripts SET deleted_at = ? "
                              "WHERE script_id = ? AND deleted_at IS NULL",
                              [to_utc_iso(at), script_id])
        return cur.rowcount > 0

    # --- usage and favourites ----------------------------------------------
    def usage(self) -> dict[str, int]:
        rows = self.db.execute("SELECT script_id, count FROM script_usage").fetchall()
        return {r[0]: int(r[1]) for r in rows}

    def bump_usage(self, script_id: str, at: datetime) -> None:
        self.db.execute(
            "INSERT INTO script_usage(script_id, count, last_used_at) VALUES (?, 1, ?) "
            "ON CONFLICT(script_id) DO UPDATE SET count = script_usage.count + 1, "
            "last_used_at = excluded.last_used_at", [script_id, to_utc_iso(at)])

    def favourites(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT script_id FROM script_favourites")}

    def set_favourite(self, script_id: str, on: bool, at: datetime) -> None:
        if on:
            self.db.execute("INSERT OR IGNORE INTO script_favourites(script_id, created_at) "
                            "VALUES (?, ?)", [script_id, to_utc_iso(at)])
        else:
            self.db.execute("DELETE FROM script_favourites WHERE script_id = ?", [script_id])

    # --- the handling-step checklist ---------------------------------------
    def steps_done(self, case_id: int) -> dict[str, StepDone]:
        rows = self.db.execute("SELECT step, done_at, done_by FROM case_steps "
                               "WHERE case_id = ?", [case_id]).fetchall()
        return {r[0]: StepDone(r[0], from_iso(r[1]), r[2]) for r in rows}  # type: ignore[arg-type]

    def tick(self, case_id: int, step: str, at: datetime, by: str) -> bool:
        """Mark a step done; False when it already was."""
        cur = self.db.execute("INSERT OR IGNORE INTO case_steps(case_id, step, done_at, done_by) "
                              "VALUES (?, ?, ?, ?)", [case_id, step, to_utc_iso(at), by])
        return cur.rowcount > 0

    def untick(self, case_id: int, step: str) -> bool:
        cur = self.db.execute("DELETE FROM case_steps WHERE case_id = ? AND step = ?",
                              [case_id, step])
        return cur.rowcount > 0
