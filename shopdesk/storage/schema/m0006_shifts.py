"""0006: shifts and their hand-off sheets, shift events, and staff PINs."""

from __future__ import annotations

from ..database import Database


def migrate(db: Database) -> None:
    db.executescript(
        """
        -- One row per shift. A shift ended without being started (the solo seller who
        -- never pressed "start") has explicit_start = 0 and covers the time since the
        -- previous hand-off. `sheet` is the hand-off sheet as it was when the shift
        -- ended (JSON): a past hand-off shows what was handed over then, not today's data.
        CREATE TABLE shifts (
            id INTEGER PRIMARY KEY,
            staff TEXT NOT NULL,
            started_at TEXT NOT NULL,
            started_by TEXT NOT NULL,
            explicit_start INTEGER NOT NULL DEFAULT 1 CHECK (explicit_start IN (0, 1)),
            ended_at TEXT,
            ended_by TEXT,
            note TEXT NOT NULL DEFAULT '',
            next_shift_hours REAL,
            sheet TEXT,
            counts TEXT NOT NULL DEFAULT '{}',  -- the sheet's headline numbers, for lists
            ack_by TEXT,
            ack_at TEXT,
            CHECK ((ended_at IS NULL) = (sheet IS NULL)),
            CHECK ((ack_by IS NULL) = (ack_at IS NULL)),
            CHECK (ack_at IS NULL OR ended_at IS NOT NULL)
        );
        -- At most one shift is open at a time (all open rows share the key '').
        CREATE UNIQUE INDEX idx_shifts_one_open ON shifts(coalesce(ended_at, ''))
            WHERE ended_at IS NULL;
        CREATE INDEX idx_shifts_ended ON shifts(ended_at) WHERE ended_at IS NOT NULL;

        -- Shift timeline (shift_started, shift_ended, handoff_acknowledged): kept out of
        -- the case timelines on purpose.
        CREATE TABLE shift_events (
            id INTEGER PRIMARY KEY,
            shift_id INTEGER NOT NULL REFERENCES shifts(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX idx_shift_events_shift ON shift_events(shift_id, at);

        -- Optional 4-digit PIN per staff member, salted PBKDF2 (never the digits).
        CREATE TABLE staff_pins (
            staff_id INTEGER PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
            pin_hash TEXT NOT NULL,
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL
        );
        """
    )
