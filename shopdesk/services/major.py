"""Major complaints (重大投诉): marking a case major with its owner, and the owner's
approval of compensation above a staff member's limit.

A case is never marked major by the rules themselves: when a warning in MAJOR_RULES is
live, `suggestion` says so and a person decides (the window offers it, the CLI shows it).
A major case names its owner: an active staff member (the shop owner or a supervisor).
Resolving a major case with a refund or compensation above the actor's limit needs an
approval by that owner for at least that amount (with the owner's PIN when they have
one); CaseService asks `check_compensation` inside the status change's transaction.

Limits live in the register's settings (`compensation_limits`): a default in fen and
one per staff member; the owner is never limited on their own case.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..domain.case import Case
from ..domain.clock import Clock, from_iso, to_utc_iso
from ..domain.errors import FieldError, ValidationError
from ..domain.money import format_yuan, from_fen, to_fen
from ..domain.warnings import MAJOR_RULES
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.settings import SettingsStore
from ..storage.warnings import CaseWarning, WarningStore
from .actor import require_actor
from .staff import StaffService

LIMITS_KEY = "compensation_limits"
DEFAULT_LIMIT = Decimal(200)  # yuan, until the shop sets its own
MAX_NOTE = 500


class ApprovalNeeded(ValidationError):
    """Compensation on a major case above the actor's limit, without the owner's approval
    (field "approval"). Carries what the window needs to ask the owner."""

    def __init__(self, case: Case, amount: Decimal, limit: Decimal, actor: str) -> None:
        self.case_id = case.id
        self.owner = case.major_owner
        self.amount = amount
        self.limit = limit
        super().__init__([FieldError(
            "approval",
            f"{case.case_no} 是重大投诉：{actor} 的赔付上限为 {format_yuan(limit)}，"
            f"{format_yuan(amount)} 需要负责人 {case.major_owner} 批准",
            f"{case.case_no} is a major complaint: {actor}'s limit is {format_yuan(limit)}; "
            f"{format_yuan(amount)} needs the approval of its owner {case.major_owner}")])


@dataclass(frozen=True)
class Approval:
    """The owner's approval of compensation up to `amount` on a case."""

    id: int
    case_id: int
    amount: Decimal
    approved_by: str
    requested_by: str
    note: str
    approved_at: datetime


@dataclass(frozen=True)
class Limits:
    """Compensation limits: the default and per staff member (None: no default limit)."""

    default: Decimal | None
    staff: dict[str, Decimal]

    def for_staff(self, name: str) -> Decimal | None:
        return self.staff.get(name, self.default)


class MajorService:
    """register.major: mark/unmark major cases, limits and approvals."""

    def __init__(self, db: Database, clock: Clock, settings: SettingsStore,
                 staff: StaffService) -> None:
        self.db = db
        self.clock = clock
        self.settings = settings
        self.staff = staff
        self.cases = CaseStore(db)
        self.events = EventStore(db)
        self.audit = AuditStore(db)
        self.warnings = WarningStore(db)

    # --- marking -----------------------------------------------------------------
    def mark(self, case_id: int, owner: str, actor: str, note: str = "") -> Case:
        """Mark the case a major complaint owned by `owner` (an active staff member), or
        hand it to another owner. Timeline and audit record who, when and why."""
        actor = require_actor(actor)
        owner = self.staff.require_active(owner, "owner")
        note = _note(note)
        now = self.clock.now()
        with self.db.atomic():
            case = self.cases.get(case_id)
            if case.major_owner == owner:
                return case
            self._write(case, owner, actor, now, note)
        return self.cases.get(case_id)

    def unmark(self, case_id: int, actor: str, note: str = "") -> Case:
        """The case is no longer a major complaint (a reason is asked for)."""
        actor = require_actor(actor)
        note = _note(note)
        if not note:
            raise ValidationError([FieldError("note", "请写明为什么取消重大投诉",
                                              "Say why the case is no longer major")])
        now = self.clock.now()
        with self.db.atomic():
            case = self.cases.get(case_id)
            if not case.major_owner:
                raise ValidationError([FieldError("case", f"{case.case_no} 不是重大投诉",
                                                  f"{case.case_no} is not a major complaint")])
            self._write(case, "", actor, now, note)
        return self.cases.get(case_id)

    def _write(self, case: Case, owner: str, actor: str, now: datetime, note: str) -> None:
        stamp = to_utc_iso(now)
        self.cases.update_columns(case.id, {"major_owner": owner, "updated_at": stamp,
                                            "last_activity_at": stamp}, reindex=False)
        self.audit.record(now, actor, "case", case.id, "major", "major_owner",
                          case.major_owner or None, owner or None)
        self.events.add(case.id, now, actor, "major", note,
                        {"owner": owner or None, "previous": case.major_owner or None})

    def suggestion(self, case_id: int) -> list[CaseWarning]:
        """Live warnings that suggest marking the case major (none once it is major)."""
        case = self.cases.get(case_id, include_deleted=True)
        if case.major_owner or not case.is_open or case.deleted_at is not None:
            return []
        return [w for w in self.warnings.for_case(case_id)
                if w.is_live and w.rule in MAJOR_RULES]

    def owners(self) -> list[str]:
        """Who may own a major case: the active staff, in the staff list's order."""
        return [m.name for m in self.staff.list()]

    # --- limits ------------------------------------------------------------------
    def limits(self) -> Limits:
        raw: dict[str, Any] = self.settings.get(LIMITS_KEY, {}) or {}
        default = raw.get("default", to_fen(DEFAULT_LIMIT))
        return Limits(default=from_fen(default) if default is not None else None,
                      staff={k: from_fen(v) for k, v in (raw.get("staff") or {}).items()
                             if v is not None})  # type: ignore[misc]

    def limit_for(self, name: str) -> Decimal | None:
        return self.limits().for_staff(name)

    def set_limit(self, staff: str | None, amount: Decimal | None, actor: str) -> Limits:
        """Set the default limit (`staff` None) or one staff member's; `amount` None
        removes it (no default limit / the staff member follows the default)."""
        actor = require_actor(actor)
        if amount is not None and amount < 0:
            raise ValidationError([FieldError("limit", "上限不能为负数",
                                              "The limit cannot be negative")])
        raw: dict[str, Any] = dict(self.settings.get(LIMITS_KEY, {}) or {})
        per = dict(raw.get("staff") or {})
        now = self.clock.now()
        with self.db.atomic():
            if staff is None:
                old = raw.get("default", to_fen(DEFAULT_LIMIT))
                raw["default"] = to_fen(amount)
                field = "default"
            else:
                name = self.staff.member(staff.strip(), "staff").name
                old = per.get(name)
                if amount is None:
                    per.pop(name, None)
                else:
                    per[name] = to_fen(amount)
                raw["staff"] = per
                field = name
            self.settings.set(LIMITS_KEY, raw)
            new = raw["default"] if staff is None else per.get(field)
            self.audit.record(now, actor, "settings", None, "compensation_limit", field,
                              _fen_text(old), _fen_text(new))
        return self.limits()

    # --- approvals ---------------------------------------------------------------
    def approve(self, case_id: int, amount: Decimal, owner: str, actor: str, *,
                pin: str | None = None, note: str = "") -> Approval:
        """The case's owner approves compensation up to `amount`; `actor` asked for it.
        The owner's PIN is checked when they have one. Timeline and audit record it."""
        actor = require_actor(actor)
        note = _note(note)
        if amount is None or amount <= 0:
            raise ValidationError([FieldError("amount", "请填写批准的金额（大于0）",
                                              "Give the approved amount (above 0)")])
        case = self.cases.get(case_id)
        if not case.major_owner:
            raise ValidationError([FieldError(
                "case", f"{case.case_no} 不是重大投诉，无需批准",
                f"{case.case_no} is not a major complaint: no approval is needed")])
        if (owner or "").strip() != case.major_owner:
            raise ValidationError([FieldError(
                "owner", f"只有负责人 {case.major_owner} 可以批准",
                f"Only the owner, {case.major_owner}, can approve")])
        self.staff.verify_pin(case.major_owner, pin, purpose="approval")
        now = self.clock.now()
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO compensation_approvals(case_id, amount_fen, approved_by, "
                "requested_by, note, approved_at) VALUES (?, ?, ?, ?, ?, ?)",
                [case.id, to_fen(amount), case.major_owner, actor, note, to_utc_iso(now)])
            self.audit.record(now, case.major_owner, "case", case.id, "approve",
                              "compensation", None, f"{amount:.2f}")
            self.events.add(case.id, now, case.major_owner, "approval", note,
                            {"amount": f"{amount:.2f}", "requested_by": actor})
        return Approval(int(cursor.lastrowid or 0), case.id, amount, case.major_owner,
                        actor, note, now)

    def approvals(self, case_id: int) -> list[Approval]:
        """The case's approvals, oldest first."""
        return [Approval(r[0], r[1], from_fen(r[2]), r[3], r[4], r[5],  # type: ignore[arg-type]
                         from_iso(r[6]))  # type: ignore[arg-type]
                for r in self.db.execute(
                    "SELECT id, case_id, amount_fen, approved_by, requested_by, note, "
                    "approved_at FROM compensation_approvals WHERE case_id = ? ORDER BY id",
                    [case_id]).fetchall()]

    def needs_approval(self, case: Case, amount: Decimal | None, actor: str) -> Decimal | None:
        """The actor's limit when paying `amount` on `case` needs an approval it does not
        have yet; None when it may go ahead."""
        if not case.major_owner or amount is None or amount <= 0:
            return None
        if actor.strip() == case.major_owner:
            return None
        limit = self.limit_for(actor.strip())
        if limit is None or amount <= limit:
            return None
        approved = self.db.execute(
            "SELECT max(amount_fen) FROM compensation_approvals WHERE case_id = ? "
            "AND approved_by = ?", [case.id, case.major_owner]).fetchone()[0]
        if approved is not None and approved >= to_fen(amount):
            return None
        return limit

    def check_compensation(self, case: Case, amount: Decimal | None, actor: str) -> None:
        """Raise ApprovalNeeded when `actor` may not pay `amount` on `case` yet."""
        limit = self.needs_approval(case, amount, actor)
        if limit is not None and amount is not None:
            raise ApprovalNeeded(case, amount, limit, actor)


def _note(note: str) -> str:
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise ValidationError([FieldError("note", f"说明不能超过 {MAX_NOTE} 字",
                                          f"The note is longer than {MAX_NOTE} characters")])
    return note


def _fen_text(fen: object) -> str | None:
    return None if fen is None else f"{from_fen(int(fen)):.2f}"  # type: ignore[call-overload]
