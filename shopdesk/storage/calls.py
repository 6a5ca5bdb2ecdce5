"""Call attempts and buyers: the rows the call policy counts across a buyer's cases."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..domain.call_policy import CallAttempt, CallOutcome, ReasonCode
from ..domain.clock import from_iso, to_utc_iso
from .batches import in_batches
from .database import Database


@dataclass(frozen=True)
class CallRecord:
    """One logged call as stored."""

    id: int
    case_id: int | None  # None once the case was purged from the trash
    buyer_key: str
    at: datetime
    outcome: CallOutcome
    duration_seconds: int | None
    summary: str
    agreed: str
    actor: str
    overridden: bool
    override_reason: str | None
    override_codes: tuple[ReasonCode, ...]
    created_at: datetime

    def attempt(self) -> CallAttempt:
        """The domain view the policy engine counts."""
        return CallAttempt(at=self.at, case_id=self.case_id or 0, outcome=self.outcome,
                           overridden=self.overridden)


@dataclass(frozen=True)
class Buyer:
    """What the register knows about a buyer for calling."""

    key: str
    tz: str | None = None
    do_not_call: bool = False
    do_not_call_at: datetime | None = None
    note: str = ""


_CASE_BUYER = "SELECT id, platform, buyer_nick, buyer_phone FROM cases"
_COLUMNS = ("id, case_id, buyer_key, at, outcome, duration_seconds, summary, agreed, actor, "
            "overridden, override_reason, override_codes, created_at")


def _record(r: Sequence[Any]) -> CallRecord:
    return CallRecord(
        id=r[0], case_id=r[1], buyer_key=r[2], at=from_iso(r[3]),  # type: ignore[arg-type]
        outcome=CallOutcome(r[4]), duration_seconds=r[5], summary=r[6], agreed=r[7],
        actor=r[8], overridden=bool(r[9]), override_reason=r[10],
        override_codes=tuple(ReasonCode(c) for c in json.loads(r[11] or "[]")),
        created_at=from_iso(r[12]),  # type: ignore[arg-type]
    )


class CallStore:
    """Row-level access to calls and buyers. Callers own the transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- calls -------------------------------------------------------------
    def add(self, *, case_id: int, buyer_key: str, at: datetime, outcome: CallOutcome,
            actor: str, created_at: datetime, duration_seconds: int | None = None,
            summary: str = "", agreed: str = "", override_reason: str | None = None,
            override_codes: Sequence[ReasonCode] = ()) -> CallRecord:
        cursor = self.db.execute(
            f"INSERT INTO call_attempts({_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case_id, buyer_key, to_utc_iso(at), outcome.value, duration_seconds, summary,
             agreed, actor, 1 if override_reason else 0, override_reason,
             json.dumps([c.value for c in override_codes]), to_utc_iso(created_at)])
        return self.get(int(cursor.lastrowid or 0))

    def get(self, call_id: int) -> CallRecord:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM call_attempts WHERE id = ?",
                              [call_id]).fetchone()
        if row is None:
            raise LookupError(f"call {call_id}")
        return _record(row)

    def for_buyer(self, buyer_key: str) -> list[CallRecord]:
        """Every call to the buyer across all their cases, oldest first."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM call_attempts WHERE buyer_key = ? ORDER BY at, id",
            [buyer_key]).fetchall()
        return [_record(r) for r in rows]

    def for_case(self, case_id: int) -> list[CallRecord]:
        """The calls logged on one case, oldest first (whatever buyer key they were
        logged under: the key follows the nickname, which an edit or import may change)."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM call_attempts WHERE case_id = ? ORDER BY at, id",
            [case_id]).fetchall()
        return [_record(r) for r in rows]

    def for_buyers(self, keys: Sequence[str]) -> dict[str, list[CallRecord]]:
        out: dict[str, list[CallRecord]] = {k: [] for k in keys}
        unique = sorted(set(keys))
        for chunk, marks in in_batches(unique):
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM call_attempts WHERE buyer_key IN ({marks}) "
                "ORDER BY at, id", chunk).fetchall()
            for r in rows:
                out[r[2]].append(_record(r))
        return out

    def matching(self, keys: Sequence[str], case_ids: Sequence[int]) -> list[CallRecord]:
        """Every call stored under one of `keys` or logged on one of `case_ids`, oldest
        first: one person's calls, whatever nickname they were keyed by at the time."""
        found: dict[int, CallRecord] = {}
        for column, values in (("buyer_key", sorted(set(keys))),
                               ("case_id", sorted(set(case_ids)))):
            for chunk, marks in in_batches(values):
                for r in self.db.execute(
                        f"SELECT {_COLUMNS} FROM call_attempts WHERE {column} IN ({marks})",
                        chunk).fetchall():
                    found.setdefault(r[0], _record(r))
        return sorted(found.values(), key=lambda c: (c.at, c.id))

    def case_buyers(self, case_id: int | None, platform: str, nick: str,
                    phones: Sequence[str]) -> list[tuple[int, str, str, str]]:
        """(id, platform, buyer_nick, buyer_phone) of the case `case_id` and of every case
        (trashed ones too) with the same platform and nickname or one of `phones`."""
        rows = self.buyers_of({(platform, nick)} if nick else set(), phones)
        if case_id is not None and all(r[0] != case_id for r in rows):
            rows += [tuple(r) for r in self.db.execute(  # type: ignore[misc]
                f"{_CASE_BUYER} WHERE id = ?", [case_id]).fetchall()]
        return rows

    def buyers_of(self, nicks: Iterable[tuple[str, str]], phones: Iterable[str]
                  ) -> list[tuple[int, str, str, str]]:
        """(id, platform, buyer_nick, buyer_phone) of every case (trashed ones too) with
        one of these (platform, trimmed nickname) pairs or stored phone spellings, by id.

        Index lookups only (m0031: idx_cases_buyer_nick on the trimmed nickname as written
        here, idx_cases_buyer_phone): one query per kind and batch, no OR across columns,
        which a planner may answer by reading every case."""
        found: dict[int, tuple[int, str, str, str]] = {}
        by_platform: dict[str, set[str]] = {}
        for platform, nick in nicks:
            if nick:
                by_platform.setdefault(platform, set()).add(nick)
        queries = [(f"{_CASE_BUYER} WHERE platform = ? AND trim(buyer_nick) IN", [platform],
                    sorted(names)) for platform, names in sorted(by_platform.items())]
        queries.append((f"{_CASE_BUYER} WHERE buyer_phone IN", [],
                        sorted({p for p in phones if p})))
        for sql, head, values in queries:
            for chunk, marks in in_batches(values):
                for r in self.db.execute(f"{sql} ({marks})", [*head, *chunk]).fetchall():
                    found[r[0]] = tuple(r)  # type: ignore[assignment]
        return [found[i] for i in sorted(found)]

    def keys_used(self, case_ids: Sequence[int]) -> dict[int, set[str]]:
        """Per case, the buyer keys its calls were stored under and its buyer settings
        (time zone, do-not-call) were written to: a nickname edited since leaves them
        under the old key."""
        out: dict[int, set[str]] = {}
        queries = [("SELECT DISTINCT case_id, buyer_key FROM call_attempts "
                    "WHERE case_id IS NOT NULL", "case_id"),
                   ("SELECT DISTINCT entity_id, field FROM audit_log WHERE entity = 'case' "
                    "AND action IN ('do_not_call', 'buyer_tz') AND field IS NOT NULL",
                    "entity_id")]
        for sql, column in queries:
            for chunk, marks in in_batches(sorted(set(case_ids))):
                for case_id, key in self.db.execute(f"{sql} AND {column} IN ({marks})",
                                                    chunk).fetchall():
                    out.setdefault(int(case_id), set()).add(key)
        return out

    def since(self, start: datetime, end: datetime | None = None) -> list[CallRecord]:
        """Calls at or after `start` (and before `end`), oldest first."""
        sql = f"SELECT {_COLUMNS} FROM call_attempts WHERE at >= ?"
        params = [to_utc_iso(start)]
        if end is not None:
            sql += " AND at < ?"
            params.append(to_utc_iso(end))
        return [_record(r) for r in self.db.execute(sql + " ORDER BY at, id", params)]

    def recorded_between(self, start: datetime, end: datetime) -> list[CallRecord]:
        """Calls logged (created_at) with start <= created_at <= end, whenever they were
        made: a call logged after the fact, oldest first."""
        return [_record(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} FROM call_attempts WHERE created_at >= ? AND created_at <= ? "
            "ORDER BY at, id", [to_utc_iso(start), to_utc_iso(end)])]

    # --- buyers ------------------------------------------------------------
    def buyer(self, key: str) -> Buyer:
        """The buyer's row, or a default one (nothing stored yet)."""
        row = self.db.execute(
            "SELECT buyer_key, tz, do_not_call, do_not_call_at, note FROM buyers "
            "WHERE buyer_key = ?", [key]).fetchone()
        if row is None:
            return Buyer(key)
        return Buyer(row[0], row[1], bool(row[2]), from_iso(row[3]), row[4])

    def buyers(self, keys: Sequence[str]) -> dict[str, Buyer]:
        """Each key's row, or a default one (nothing stored yet)."""
        out = {k: Buyer(k) for k in set(keys)}
        for chunk, marks in in_batches(sorted(out)):
            for row in self.db.execute(
                    "SELECT buyer_key, tz, do_not_call, do_not_call_at, note FROM buyers "
                    f"WHERE buyer_key IN ({marks})", chunk).fetchall():
                out[row[0]] = Buyer(row[0], row[1], bool(row[2]), from_iso(row[3]), row[4])
        return out

    def _ensure(self, key: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO buyers(buyer_key) VALUES (?)", [key])

    def set_tz(self, key: str, tz: str | None) -> None:
        self._ensure(key)
        self.db.execute("UPDATE buyers SET tz = ? WHERE buyer_key = ?", [tz, key])

    def set_do_not_call(self, key: str, on: bool, at: datetime | None) -> None:
        self._ensure(key)
        self.db.execute(
            "UPDATE buyers SET do_not_call = ?, do_not_call_at = ? WHERE buyer_key = ?",
            [1 if on else 0, to_utc_iso(at) if on and at else None, key])

    # --- cases worth calling -------------------------------------------------
    def open_case_ids_with_phone(self, open_statuses: Sequence[str]) -> list[int]:
        """Live open cases that have a phone number, most urgent due time first."""
        marks = ", ".join("?" for _ in open_statuses)
        rows = self.db.execute(
            "SELECT id FROM cases WHERE deleted_at IS NULL AND buyer_phone != '' "
            f"AND status IN ({marks}) ORDER BY coalesce(due_at, '9999'), id",
            list(open_statuses)).fetchall()
        return [r[0] for r in rows]
