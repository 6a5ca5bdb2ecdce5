"""A case typed by hand says when the buyer asked (买家申请时间): the platform's clock, and
so the opening stage's deadline, counts from then, not from when the seller logged it. An
edit of it moves the deadline and is audited; a time in the future is refused; a platform
export's 申请时间 replaces the typed one (the platform owns it)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.deadlines.rules import Anchor
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.platform_state import PlatformStage
from shopdesk.services.case_audit import audit_lines
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds


def jd_refund(**kw) -> CaseDraft:
    return CaseDraft(platform=Platform.JD, order_no="240101888866", kind=CaseKind.REFUND_ONLY,
                     buyer_nick="jd_lemon", amount_paid=Decimal("59.00"), **kw)


def as_draft(case, **changes) -> CaseDraft:
    fields = {f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)}
    return CaseDraft(**{**fields, **changes})


def stored_due(register, case_id: int) -> datetime:
    """The deadline as written for the list, the reminders and the tray."""
    return register.deadlines.stored([case_id])[case_id].due_at


def test_a_jd_refund_counts_from_when_the_buyer_asked(register, clock):
    asked = clock.now() - timedelta(hours=10)
    case = register.cases.open_case(jd_refund(applied_at=asked), "小王")
    assert register.cases.get(case.id).applied_at == asked
    deadline = register.deadlines.for_case(case.id)
    rule = deadline.rule
    assert deadline.stage is PlatformStage.AWAITING_SELLER
    assert rule is not None and rule.anchor is Anchor.APPLIED and rule.hours
    # The application plus the rule's length: 10 hours sooner than counting from the logging.
    assert deadline.due_at == asked + timedelta(hours=rule.hours)
    assert stored_due(register, case.id) == asked + timedelta(hours=rule.hours)
    assert deadline.due_at != clock.now() + timedelta(hours=rule.hours)


def test_editing_the_application_time_moves_the_deadline_and_is_audited(register, clock):
    case = register.cases.open_case(jd_refund(), "小王")
    hours = register.deadlines.for_case(case.id).rule.hours
    assert stored_due(register, case.id) == clock.now() + timedelta(hours=hours)  # unknown
    logged = clock.now()
    clock.advance(minutes=5)
    asked = logged - timedelta(hours=10)
    updated = register.cases.update(case.id, as_draft(case, applied_at=asked), "小王")
    assert updated.applied_at == asked
    assert stored_due(register, case.id) == asked + timedelta(hours=hours)
    assert register.deadlines.for_case(case.id).due_at == asked + timedelta(hours=hours)
    [entry] = [a for a in register.cases.audit(case.id) if a.field == "applied_at"]
    assert (entry.action, entry.actor, entry.old) == ("update", "小王", None)
    assert entry.new == "2026-11-22T16:00:00+00:00"
    [line] = [x for x in audit_lines(register.cases.audit(case.id), register.shop_tz, "zh")
              if x.field == "applied_at"]
    assert (line.field_label, line.new) == ("申请时间", "2026-11-23 00:00")  # shop time
    [en] = [x for x in audit_lines(register.cases.audit(case.id), register.shop_tz, "en")
            if x.field == "applied_at"]
    assert en.field_label == "Applied"
    edit = register.cases.timeline(case.id)[-1]
    assert edit.type == "edit" and edit.data["fields"] == ["applied_at"]
    # Cleared again (not known after all): the clock counts from the logging once more.
    register.cases.update(case.id, as_draft(updated, applied_at=None), "小王")
    assert stored_due(register, case.id) == logged + timedelta(hours=hours)


def test_an_application_time_in_the_future_is_refused_naming_the_field(register, clock):
    later = clock.now() + timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        register.cases.open_case(jd_refund(applied_at=later), "小王")
    [error] = caught.value.errors
    assert error.field == "applied_at"
    assert error.message("zh") == "买家申请时间 2026-11-23 11:00 晚于现在，请检查日期"
    assert error.message("en") == ("The buyer's application time 2026-11-23 11:00 is in "
                                   "the future; check the date")
    assert register.cases.store.total() == 0
    # Now itself is not the future.
    case = register.cases.open_case(jd_refund(applied_at=clock.now()), "小王")
    with pytest.raises(ValidationError) as caught:
        register.cases.update(case.id, as_draft(case, applied_at=later), "小王")
    assert [e.field for e in caught.value.errors] == ["applied_at"]
    assert register.cases.get(case.id).applied_at == clock.now()
    assert [a.field for a in register.cases.audit(case.id)] == [None]  # only the creation


def test_a_stored_time_is_not_judged_again_by_another_clock(register, clock):
    # Saved on a PC whose clock is ahead; edited on one whose clock is behind: the edit of
    # another field is not refused for a time nobody changed.
    case = register.cases.open_case(jd_refund(applied_at=clock.now()), "小王")
    clock.advance(minutes=-10)
    edited = register.cases.update(case.id, as_draft(case, sku="CUP-1"), "小王")
    assert edited.sku == "CUP-1" and edited.applied_at == case.applied_at


# --- imports ---------------------------------------------------------------------------
EXPORT_ASKED = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # the row's 09:30:00, shop time


def typed_taobao(register, asked: datetime):
    """A case typed before the export came (no refund number yet), with its own time."""
    return register.cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no="3126112300000000007", kind=CaseKind.REFUND_ONLY,
        buyer_nick="小蜜蜂", applied_at=asked), "小王")


def test_the_export_s_application_time_replaces_the_typed_one(register, clock, tmp_path):
    typed = typed_taobao(register, clock.now() - timedelta(hours=3))
    path = write_refunds(tmp_path, [taobao_refund_row(7)])
    assert run(register.imports, path).updated == 1
    case = register.cases.get(typed.id)
    assert case.applied_at == EXPORT_ASKED  # the platform's own time
    [entry] = [a for a in register.cases.audit(case.id) if a.field == "applied_at"]
    assert entry.action == "platform_update"
    # The same export again: nothing to change, nothing fought over.
    assert run(register.imports, path).unchanged == 1
    # Typed over again by hand: the next import puts the platform's time back.
    register.cases.update(case.id, as_draft(case, applied_at=EXPORT_ASKED
                                             - timedelta(hours=1)), "小王")
    assert run(register.imports, path).updated == 1
    assert register.cases.get(case.id).applied_at == EXPORT_ASKED


def test_an_export_without_the_time_keeps_the_typed_one(register, clock, tmp_path):
    asked = clock.now() - timedelta(hours=3)
    typed = typed_taobao(register, asked)
    path = write_refunds(tmp_path, [taobao_refund_row(7, 退款的申请时间="")])
    assert run(register.imports, path).updated == 1  # the refund number, the status ...
    assert register.cases.get(typed.id).applied_at == asked
