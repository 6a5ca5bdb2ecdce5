"""The reviews and review_contacts tables (bad reviews, 中差评)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.reviews import ContactChannel, Review, ReviewContact, ReviewOutcome
from .database import Database

_COLUMNS = ("case_id, stars, link, text, reviewed_at, appended_at, append_text, reply_text, "
            "replied_at, append_reply_text, append_replied_at, outcome, outcome_at, "
            "updated_at, updated_by")
_TIMES = ("reviewed_at", "appended_at", "replied_at", "append_replied_at", "outcome_at",
          "updated_at")


def _review(r: Sequence[Any]) -> Review:
    return Review(case_id=r[0], stars=r[1], link=r[2], text=r[3], reviewed_at=from_iso(r[4]),
                  appended_at=from_iso(r[5]), append_text=r[6], reply_text=r[7],
                  replied_at=from_iso(r[8]), append_reply_text=r[9],
                  append_replied_at=from_iso(r[10]),
                  outcome=ReviewOutcome(r[11]) if r[11] else None,
                  outcome_at=from_iso(r[12]), updated_at=from_iso(r[13]), updated_by=r[14])


def review_row(review: Review) -> dict[str, Any]:
    """The review as column values (times as UTC ISO text)."""
    row: dict[str, Any] = {name.strip(): getattr(review, name.strip())
                           for name in _COLUMNS.split(",")}
    for name in _TIMES:
        row[name] = to_utc_iso(row[name]) if row[name] is not None else None
    row["outcome"] = review.outcome.value if review.outcome else None
    return row


class ReviewStore:
    """Row-level access; callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, case_id: int) -> Review | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM reviews WHERE case_id = ?",
                              [case_id]).fetchone()
        return _review(row) if row else None

    def save(self, review: Review) -> Review:
        row = review_row(review)
        names = list(row)
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "case_id")
        self.db.execute(
            f"INSERT INTO reviews({', '.join(names)}) VALUES ({', '.join('?' for _ in names)}) "
            f"ON CONFLICT(case_id) DO UPDATE SET {updates}", list(row.values()))
        saved = self.get(review.case_id)
        assert saved is not None
        return saved

    def reviewed_case_ids(self) -> list[int]:
        """Cases whose review has a date (the ones with a reply window)."""
        return [r[0] for r in self.db.execute(
            "SELECT case_id FROM reviews WHERE reviewed_at IS NOT NULL ORDER BY case_id")]

    def add_contact(self, case_id: int, at: datetime, channel: ContactChannel, note: str,
                    actor: str) -> ReviewContact:
        cursor = self.db.execute(
            "INSERT INTO review_contacts(case_id, at, channel, note, actor) "
            "VALUES (?, ?, ?, ?, ?)", [case_id, to_utc_iso(at), channel.value, note, actor])
        return ReviewContact(int(cursor.lastrowid or 0), case_id, at, channel, note, actor)

    def contacts(self, case_id: int) -> list[ReviewContact]:
        rows = self.db.execute(
            "SELECT id, case_id, at, channel, note, actor FROM review_contacts "
            "WHERE case_id = ? ORDER BY at, id", [case_id]).fetchall()
        return [ReviewContact(r[0], r[1], from_iso(r[2]), ContactChannel(r[3]),  # type: ignore[arg-type]
                              r[4], r[5]) for r in rows]
