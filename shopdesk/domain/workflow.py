"""The case status workflow: which moves are allowed and what each needs."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .enums import CaseStatus, Outcome
from .errors import WorkflowError

S = CaseStatus
_WORKING = {S.IN_PROGRESS, S.WAITING_BUYER, S.WAITING_PLATFORM}

ALLOWED: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.NEW: frozenset(_WORKING | {S.RESOLVED, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.WAITING_BUYER, S.WAITING_PLATFORM, S.RESOLVED, S.CLOSED}),
    S.WAITING_BUYER: frozenset({S.IN_PROGRESS, S.WAITING_PLATFORM, S.RESOLVED, S.CLOSED}),
    S.WAITING_PLATFORM: frozenset({S.IN_PROGRESS, S.WAITING_BUYER, S.RESOLVED, S.CLOSED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),
    S.CLOSED: frozenset({S.IN_PROGRESS}),
}


class TransitionError(WorkflowError):
    """A refused status change, naming what to fix: `field` is "to" (the target status),
    "outcome", "amount" or "note" (the reason), so an edge can point at its own input."""

    def __init__(self, zh: str, en: str, field: str) -> None:
        super().__init__(zh, en)
        self.field = field


@dataclass(frozen=True)
class Transition:
    """A requested status change with what it carries."""

    to: CaseStatus
    outcome: Outcome | None = None
    amount: Decimal | None = None
    note: str = ""


def allowed_targets(current: CaseStatus) -> list[CaseStatus]:
    """Statuses reachable from `current`, in workflow order."""
    return [s for s in CaseStatus if s in ALLOWED[current]]


def is_reopen(current: CaseStatus, to: CaseStatus) -> bool:
    return not current.is_open and to.is_open


def check_transition(current: CaseStatus, t: Transition, *, amount_paid: Decimal | None,
                     has_outcome: bool) -> None:
    """Raise TransitionError (a WorkflowError naming the field) unless the move is allowed."""
    if t.to == current:
        raise TransitionError(f"案件已是“{current.zh}”状态", f"Case is already {current.en}",
                              "to")
    if t.to not in ALLOWED[current]:
        raise TransitionError(f"不能从“{current.zh}”改为“{t.to.zh}”",
                              f"Cannot move from {current.en} to {t.to.en}", "to")
    if t.to == S.RESOLVED:
        if t.outcome is None:
            raise TransitionError("解决案件需要选择处理结果", "Resolving needs an outcome",
                                  "outcome")
        if t.outcome.involves_money and t.amount is None:
            raise TransitionError("该处理结果需要填写退款/补偿金额",
                                  "This outcome needs the refunded or compensated amount",
                                  "amount")
    if t.amount is not None:
        if t.amount < 0:
            raise TransitionError("金额不能为负数", "Amount cannot be negative", "amount")
        refund = t.outcome in (Outcome.FULL_REFUND, Outcome.PARTIAL_REFUND)
        if refund and amount_paid is not None and t.amount > amount_paid:
            raise TransitionError("退款金额不能超过实付金额", "Refund cannot exceed amount paid",
                                  "amount")
    if t.to == S.CLOSED and current.is_open and not has_outcome and not t.note.strip():
        raise TransitionError("未解决就关闭需要写明原因",
                              "Closing an unresolved case needs a reason", "note")
    if is_reopen(current, t.to) and not t.note.strip():
        raise TransitionError("重新打开案件需要写明原因", "Reopening a case needs a reason",
                              "note")
