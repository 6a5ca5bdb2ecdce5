"""The platform's state moves the case: planning status moves, conflicts and what a first
import leaves out.

A later export moves a case when the platform's stage moved since the last import: the
status, outcome, settled amount and resolve time follow it. A status the user set by hand
since then is never overridden: the case's status differs from the one the last stage
meant (`expected_status`), so the move becomes a `Conflict`, listed in the preview and
the result, and the user's status stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.case import Case
from ..domain.enums import CaseStatus, Outcome
from ..domain.platform_state import expected_status
from ..domain.text import Text, pick
from ..importers import RefundRecord
from .import_changes import FieldChange

# Case attributes a platform state move writes.
STATE_FIELDS = ("status", "outcome", "amount_settled", "resolved_at")


@dataclass(frozen=True)
class Conflict:
    """The platform moved a case whose status (or outcome) the user had set by hand."""

    row: int
    case_id: int
    case_no: str
    field: str  # "status" or "outcome"
    ours: str  # the case's value (a CaseStatus / Outcome key), kept
    platform: str  # what the platform's state means, not applied
    platform_status: str = ""  # the platform's own words

    def text(self) -> Text:
        """'平台：退款成功（已解决），保留你设的“处理中”' for previews and reports."""
        enum = CaseStatus if self.field == "status" else Outcome
        ours, theirs = enum(self.ours), enum(self.platform)
        words = self.platform_status or theirs.zh
        return Text(
            f"冲突：平台为“{words}”（{theirs.zh}），你设的“{ours.zh}”已保留",
            f"Conflict: the platform says “{self.platform_status or theirs.en}” "
            f"({theirs.en}); your “{ours.en}” was kept")

    def to_json(self, lang: str = "zh") -> dict[str, object]:
        return {"case_no": self.case_no, "field": self.field, "ours": self.ours,
                "platform": self.platform, "row": self.row,
                "platform_status": self.platform_status,
                "message": pick(lang, self.text().zh, self.text().en)}


@dataclass(frozen=True)
class FinishedFilter:
    """Which finished rows a first import brings in as new cases.

    `only_open`: none of them. `since`: only those that ended at or after it (a row whose
    end time the export does not give is kept: it cannot be shown to be older). Rows of
    cases already in the register are always applied.
    """

    only_open: bool = False
    since: datetime | None = None

    @property
    def active(self) -> bool:
        return self.only_open or self.since is not None

    def leaves_out(self, record: RefundRecord) -> bool:
        if not record.state.finished:
            return False
        if self.only_open:
            return True
        ended = record.ended_at
        return self.since is not None and ended is not None and ended < self.since


def _second(value: datetime | None) -> datetime | None:
    return value.replace(microsecond=0) if value is not None else None


def new_case_state(record: RefundRecord, now: datetime) -> dict[str, object]:
    """The state fields of a case this record opens."""
    state = record.state
    values: dict[str, object] = {
        "status": state.status or CaseStatus.NEW,
        "platform_stage": state.stage,
        "platform_involved": state.platform_involved,
    }
    if state.status is not None and not state.status.is_open:
        values.update(outcome=state.outcome, amount_settled=state.amount_settled,
                      resolved_at=_second(record.ended_at) or _second(now))
    return values


def diff_state(case: Case, record: RefundRecord, now: datetime) -> tuple[
        list[FieldChange], list[Conflict]]:
    """What the platform's state changes on `case`, and the conflicts it leaves alone."""
    state = record.state
    changes: list[FieldChange] = []
    conflicts: list[Conflict] = []
    if state.platform_involved and not case.platform_involved:
        changes.append(FieldChange("platform_involved", False, True))
    if not state.known:
        return changes, conflicts
    stage, old_stage = state.stage, case.platform_stage
    target = state.status
    assert target is not None
    moved = stage != old_stage
    if moved:
        changes.append(FieldChange("platform_stage", old_stage, stage))
    if moved and target != case.status:
        if case.status == expected_status(old_stage):
            changes.extend(_move(case, record, target, now))
        else:
            conflicts.append(_conflict(case, record, "status", case.status.value,
                                       target.value))
        return changes, conflicts
    if target == case.status and not target.is_open and state.outcome is not None:
        if case.outcome is None:
            changes.extend(_settle(case, record, now))
        elif moved and case.outcome != state.outcome:
            conflicts.append(_conflict(case, record, "outcome", case.outcome.value,
                                       state.outcome.value))
    return changes, conflicts


def _conflict(case: Case, record: RefundRecord, field: str, ours: str,
              platform: str) -> Conflict:
    return Conflict(row=record.row_number, case_id=case.id, case_no=case.case_no, field=field,
                    ours=ours, platform=platform, platform_status=record.platform_status)


def _move(case: Case, record: RefundRecord, target: CaseStatus,
          now: datetime) -> list[FieldChange]:
    changes = [FieldChange("status", case.status, target)]
    if target.is_open:  # the platform reopened it: it will be resolved again
        for name in ("outcome", "amount_settled", "resolved_at"):
            if getattr(case, name) is not None:
                changes.append(FieldChange(name, getattr(case, name), None))
        return changes
    return changes + _settle(case, record, now, reset=True)


def _settle(case: Case, record: RefundRecord, now: datetime, *,
            reset: bool = False) -> list[FieldChange]:
    """Outcome, settled amount and resolve time from the platform (only the empty ones,
    unless the case is being moved there now)."""
    state = record.state
    out = []
    if state.outcome is not None and (reset or case.outcome is None) \
            and case.outcome != state.outcome:
        out.append(FieldChange("outcome", case.outcome, state.outcome))
    if (reset or case.amount_settled is None) and case.amount_settled != state.amount_settled \
            and (state.amount_settled is not None or reset):
        out.append(FieldChange("amount_settled", case.amount_settled, state.amount_settled))
    resolved = _second(record.ended_at) or _second(now)
    if ((reset and case.status.is_open) or case.resolved_at is None) \
            and case.resolved_at != resolved:
        out.append(FieldChange("resolved_at", case.resolved_at, resolved))
    return out
