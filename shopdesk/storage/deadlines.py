"""The stage and deadline columns of cases (m0014): read, write, list by deadline."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from ..domain.clock import from_iso, to_utc_iso
from ..domain.deadlines import StageOrigin, StageState
from ..domain.enums import CaseKind, Platform
from ..domain.money import from_fen
from ..domain.platform_state import PlatformStage
from .batches import in_batches
from .database import Database

# The storage form of stage starts and deadlines, remembered: an import stores thousands
# of cases whose times repeat (equal instants have one storage form, whatever the zone).
_iso = functools.lru_cache(maxsize=4096)(to_utc_iso)


@dataclass(frozen=True)
class DeadlineRow:
    """One case in a deadline list, with what names its rule and fills in its amount."""

    case_id: int
    case_no: str
    stage: PlatformStage | None
    due_at: datetime
    source: str
    estimate: bool
    platform: Platform
    kind: CaseKind
    amount: Decimal | None  # claimed, else paid


@dataclass(frozen=True)
class StoredDeadline:
    """A case's deadline as stored for the list."""

    stage: PlatformStage | None
    due_at: datetime
    source: str
    estimate: bool


def _stage(value: str | None) -> PlatformStage | None:
    return PlatformStage(value) if value else None


class DeadlineStore:
    """Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def stages(self, case_ids: Sequence[int]) -> dict[int, StageState]:
        out: dict[int, StageState] = {}
        for chunk, marks in in_batches(list(case_ids)):
            for cid, stage, origin, since, synced in self.db.execute(
                    "SELECT id, stage, stage_origin, stage_since, stage_synced FROM cases "
                    f"WHERE id IN ({marks})", chunk).fetchall():
                out[cid] = StageState(_stage(stage), StageOrigin(origin or "derived"),
                                      from_iso(since), _stage(synced))
        return out

    def write(self, rows: Iterable[tuple[int, StageState, datetime | None, str, bool]]
              ) -> None:
        """(case id, stage state, deadline, source, estimate) for each case."""
        self.db.executemany(
            "UPDATE cases SET stage = ?, stage_origin = ?, stage_since = ?, stage_synced = ?, "
            "deadline_at = ?, deadline_source = ?, deadline_estimate = ? WHERE id = ?",
            ((*self.columns(s, due, source, estimate).values(), cid)
             for cid, s, due, source, estimate in rows))

    @staticmethod
    def columns(s: StageState, due: datetime | None, source: str, estimate: bool
                ) -> dict[str, object]:
        """The case columns that store a stage state and its deadline."""
        return {"stage": s.stage.value if s.stage else "", "stage_origin": s.origin.value,
                "stage_since": _iso(s.since) if s.since else None,
                "stage_synced": (s.synced_platform_stage.value if s.synced_platform_stage
                                 else ""),
                "deadline_at": _iso(due) if due else None, "deadline_source": source,
                "deadline_estimate": int(estimate)}

    def open_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM cases WHERE deleted_at IS NULL "
            "AND status NOT IN ('resolved', 'closed')").fetchall()]

    def any_unset(self) -> bool:
        """Whether any case's stage was never computed (one index page)."""
        return self.db.execute(
            "SELECT 1 FROM cases WHERE stage_since IS NULL LIMIT 1").fetchone() is not None

    def unset_ids(self) -> list[int]:
        """Cases whose stage was never computed (written by a bulk loader)."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM cases WHERE stage_since IS NULL").fetchall()]

    def due(self, *, before: datetime | None = None, after: datetime | None = None,
            limit: int | None = None, exclusive_after: bool = False) -> list[DeadlineRow]:
        """Open live cases with a deadline at or after `after` and at or before `before`,
        earliest first."""
        sql = ("SELECT id, case_no, stage, deadline_at, deadline_source, deadline_estimate, "
               "platform, kind, coalesce(amount_claimed_fen, amount_paid_fen) FROM cases "
               "WHERE deleted_at IS NULL AND deadline_at IS NOT NULL "
               "AND status NOT IN ('resolved', 'closed')")
        params: list[object] = []
        if before is not None:
            sql += " AND deadline_at <= ?"
            params.append(to_utc_iso(before))
        if after is not None:
            sql += " AND deadline_at > ?" if exclusive_after else " AND deadline_at >= ?"
            params.append(to_utc_iso(after))
        sql += " ORDER BY deadline_at, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [DeadlineRow(cid, no, _stage(stage), from_iso(at), src,  # type: ignore[arg-type]
                            bool(est), Platform(platform), CaseKind(kind), from_fen(fen))
                for cid, no, stage, at, src, est, platform, kind, fen
                in self.db.execute(sql, params).fetchall()]

    def count_between(self, after: datetime, before: datetime) -> int:
        """How many open live cases `due(after=, before=)` would list: an index-only count
        on idx_live_deadline (deadline_at, status), no rows built."""
        return int(self.db.execute(
            "SELECT count(*) FROM cases WHERE deleted_at IS NULL AND deadline_at IS NOT NULL "
            "AND deadline_at >= ? AND deadline_at <= ? "
            "AND status NOT IN ('resolved', 'closed')",
            [to_utc_iso(after), to_utc_iso(before)]).fetchone()[0])

    def stored(self, case_ids: Sequence[int]) -> dict[int, StoredDeadline]:
        """The stored deadline per case that has one: what the 剩余时间 column shows."""
        out: dict[int, StoredDeadline] = {}
        for chunk, marks in in_batches(list(case_ids)):
            for cid, stage, at, src, est in self.db.execute(
                    "SELECT id, stage, deadline_at, deadline_source, deadline_estimate "
                    f"FROM cases WHERE id IN ({marks}) AND deadline_at IS NOT NULL",
                    chunk).fetchall():
                out[cid] = StoredDeadline(_stage(stage), from_iso(at), src,  # type: ignore
                                          bool(est))
        return out
