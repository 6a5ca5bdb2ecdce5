"""Overrides: a person may lift soft rules with a written reason, never the hard ones.

An override changes nothing in the history: the call it permits is logged as an
attempt with `overridden=True` and counts against every cap like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import CallDecision
from .model import ReasonCode
from .reasons import Notice


@dataclass(frozen=True)
class OverrideRequest:
    """Who wants to call despite the policy, and why (kept for the audit log)."""

    operator: str
    reason: str


@dataclass(frozen=True)
class OverrideVerdict:
    """Whether an override is permissible; `problems` says why not."""

    permitted: bool
    problems: tuple[Notice, ...]
    # The soft rules the override lifts, for the audit row.
    overridden: tuple[ReasonCode, ...]


def check_override(decision: CallDecision, request: OverrideRequest) -> OverrideVerdict:
    """May `request` override `decision`? Hard rules and empty reasons say no."""
    problems: list[Notice] = []
    if decision.allowed:
        problems.append(Notice("not_needed", "当前允许拨打，无需越权",
                               "The call is allowed; no override needed"))
    for reason in decision.reasons:
        if not reason.code.overridable:
            problems.append(Notice(
                f"not_overridable:{reason.code.value}",
                f"“{reason.code.zh}”是硬性规则，不能越权",
                f"“{reason.code.en}” is a hard rule and cannot be overridden"))
    if not request.reason.strip():
        problems.append(Notice("reason_required", "越权必须写明原因",
                               "An override needs a written reason"))
    if not request.operator.strip():
        problems.append(Notice("operator_required", "越权必须注明操作人",
                               "An override needs the operator's name"))
    soft = tuple(r.code for r in decision.reasons if r.code.overridable)
    return OverrideVerdict(permitted=not problems, problems=tuple(problems),
                           overridden=soft if not problems else ())
