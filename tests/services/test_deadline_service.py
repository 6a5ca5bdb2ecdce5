"""register.deadlines: stored deadlines follow every write; lists, stage changes, rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, CaseStatus, Platform
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.platform_state import PlatformStage
from shopdesk.domain.workflow import Transition
from shopdesk.services.deadlines import DeadlineSource
from tests.services.test_imports_platform_state import by_refund, run, write

P = PlatformStage


def open_case(register, kind=CaseKind.REFUND_ONLY, platform=Platform.TAOBAO, **kw):
    draft = CaseDraft(platform=platform, order_no=f"O{len(register.cases.store.find())+100}",
                      kind=kind, amount_paid=Decimal("59.00"), **kw)
    return register.cases.open_case(draft, "小王")


def stored(register, case_id):
    return register.db.execute("SELECT stage, stage_origin, deadline_at, deadline_source "
                               "FROM cases WHERE id = ?", [case_id]).fetchone()


def test_new_case_gets_its_rule_deadline_stored(register, clock):
    case = open_case(register)
    d = register.deadlines.for_case(case.id)
    assert d.stage is P.AWAITING_SELLER
    assert (d.due_at, d.source) == (clock.now() + timedelta(hours=24), DeadlineSource.RULE)
    assert d.on_timeout.zh == "平台将自动退款 ¥59.00"
    assert stored(register, case.id) == ("awaiting_seller", "derived",
                                         "2026-11-24T02:00:00+00:00", "rule")


def test_manual_due_is_the_deadline_only_without_a_rule(register, clock):
    mine = clock.now() + timedelta(hours=3)
    case = open_case(register, kind=CaseKind.COMPLAINT, due_at=mine)
    d = register.deadlines.for_case(case.id)
    assert (d.due_at, d.source, d.manual_due_at) == (mine, DeadlineSource.MANUAL, mine)
    case = open_case(register, due_at=mine)
    d = register.deadlines.for_case(case.id)
    assert d.source is DeadlineSource.RULE and d.manual_due_at == mine


def test_resolving_clears_the_deadline(register):
    case = open_case(register)
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小王")
    assert stored(register, case.id)[3] == "rule"
    register.cases.change_status(case.id, Transition(CaseStatus.CLOSED, note="撤销"), "小王")
    assert stored(register, case.id)[2:] == (None, "")
    assert register.deadlines.for_case(case.id).due_at is None


def test_stage_change_moves_the_clock_with_event_and_audit(register, clock):
    case = open_case(register, kind=CaseKind.RETURN_REFUND)
    clock.advance(hours=2)
    d = register.deadlines.change_stage(case.id, P.AWAITING_RETURN, "小王")
    assert d.stage is P.AWAITING_RETURN
    assert d.due_at == clock.now() + timedelta(days=7)
    clock.advance(days=1)
    d = register.deadlines.change_stage(case.id, P.RETURN_TO_CHECK, "小王",
                                        tracking="YT123")
    assert d.due_at == clock.now() + timedelta(days=10)
    assert register.cases.get(case.id).extra["return_tracking_no"] == "YT123"
    # Delivered: Taobao still counts from the shipment.
    clock.advance(days=2)
    d = register.deadlines.change_stage(case.id, P.RETURN_DELIVERED, "小王")
    assert d.due_at == clock.now() - timedelta(days=2) + timedelta(days=10)
    events = [e for e in register.cases.timeline(case.id) if e.type == "stage"]
    assert [e.data["to"] for e in events] == ["awaiting_return", "return_to_check",
                                              "return_delivered"]
    assert "YT123" in events[1].text
    audit = [a for a in register.cases.audit(case.id) if a.action == "stage"]
    assert ("awaiting_seller", "awaiting_return") in [(a.old, a.new) for a in audit]
    # An edit of the case afterwards keeps the user's stage.
    register.cases.add_note(case.id, "已催", "小王")
    assert register.deadlines.for_case(case.id).stage is P.RETURN_DELIVERED


def test_stage_change_refuses_a_finished_case_and_stray_tracking(register):
    case = open_case(register)
    with pytest.raises(ValidationError):
        register.deadlines.change_stage(case.id, P.REFUNDING, "小王", tracking="X1")
    register.cases.change_status(case.id, Transition(CaseStatus.CLOSED, note="x"), "小王")
    with pytest.raises(ValidationError):
        register.deadlines.change_stage(case.id, P.REFUNDING, "小王")


def test_lists_within_overdue_and_due_within(register, clock):
    soon = open_case(register)  # 24 h
    later = open_case(register, kind=CaseKind.RETURN_REFUND)  # 5 d
    open_case(register, kind=CaseKind.COMPLAINT)  # none
    assert [d.case_no for d in register.deadlines.list()] == [
        register.cases.get(soon.id).case_no, register.cases.get(later.id).case_no]
    assert [d.case_id for d in register.deadlines.due_within(timedelta(hours=25))] == [soon.id]
    assert register.deadlines.list(overdue=True) == []
    clock.advance(hours=30)
    overdue = register.deadlines.list(overdue=True)
    assert [d.case_id for d in overdue] == [soon.id]
    assert [d.case_id for d in register.deadlines.due_within(timedelta(days=4))] == [
        soon.id, later.id]
    assert [d.case_id for d in register.deadlines.due_within(timedelta(days=4),
                                                             overdue=False)] == [later.id]
    assert overdue[0].on_timeout.zh.startswith("平台将自动退款")
    assert overdue[0].stage is P.AWAITING_SELLER


def test_import_timeout_wins_and_evidence_deadline(register, tmp_path):
    path = write(tmp_path, [
        {"退款状态": "买家已经申请退款，等待卖家同意"},
        {"退款状态": "买家已经申请退款，等待卖家同意", "客服介入状态": "客服介入中",
         "举证超时": "2026-11-09 09:00:00"},
    ])
    run(register.imports, path)
    first = register.deadlines.for_case(by_refund(register, 1).id)
    assert first.source is DeadlineSource.PLATFORM
    assert first.due_at == datetime(2026, 11, 4, 1, 0, tzinfo=UTC)  # 超时时间 09:00 Shanghai
    second = register.deadlines.for_case(by_refund(register, 2).id)
    assert second.stage is P.PLATFORM_INTERVENTION
    assert second.due_at == datetime(2026, 11, 9, 1, 0, tzinfo=UTC)
    # The user moves the stage on: the rule takes over from the platform's old deadline.
    case_id = by_refund(register, 1).id
    d = register.deadlines.change_stage(case_id, P.AWAITING_RETURN, "小王")
    assert d.source is DeadlineSource.RULE


def test_rules_listing_and_override_recomputes(register, clock):
    case = open_case(register)
    assert {r.platform for r in register.deadlines.rules()} >= {Platform.TAOBAO, Platform.JD}
    assert all(r.platform is Platform.JD for r in register.deadlines.rules(Platform.JD))
    path = register.deadlines.ensure_override_file()
    path.write_text("[taobao.refund_unshipped]\nhours = 12\n", encoding="utf-8")
    assert register.deadlines.ensure_current() >= 1
    assert register.deadlines.for_case(case.id).due_at == clock.now() + timedelta(hours=12)
    assert stored(register, case.id)[2] == "2026-11-23T14:00:00+00:00"
    path.write_text("[taobao.refund_unshipped]\nhours = 'x'\n", encoding="utf-8")
    register.deadlines.rule_set()
    err = register.deadlines.rules_error
    assert err is not None and "deadline_rules.toml" in err.zh and "hours" in err.zh


def test_warning_threshold_setting(register):
    assert register.deadlines.warning_hours() == 6
    register.deadlines.set_warning_hours(3)
    assert register.deadlines.warning_window() == timedelta(hours=3)
    with pytest.raises(ValidationError):
        register.deadlines.set_warning_hours(0)


def test_deadline_soon_filter_and_time_left_sort(register, clock):
    from shopdesk.domain.case_query import CaseQuery, SortKey
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter

    day = open_case(register)  # 24 h
    week = open_case(register, kind=CaseKind.RETURN_REFUND)  # 5 d
    none = open_case(register, kind=CaseKind.COMPLAINT)

    def ids(quick, window=timedelta(hours=6), sort=SortKey.DEADLINE):
        q = apply_quick_filter(CaseQuery(sort=sort, descending=False), quick,
                               now=clock.now(), tz=register.shop_tz, operator="",
                               deadline_window=window)
        return register.cases.query_ids(q)

    assert ids(QuickFilter.OPEN) == [day.id, week.id, none.id]
    assert ids(QuickFilter.DEADLINE_SOON) == []
    clock.advance(hours=19)
    assert ids(QuickFilter.DEADLINE_SOON) == [day.id]
    assert ids(QuickFilter.DEADLINE_SOON, window=timedelta(days=5)) == [day.id, week.id]
    clock.advance(hours=10)  # past: still listed, it is the most urgent
    assert ids(QuickFilter.DEADLINE_SOON) == [day.id]
    register.cases.change_status(day.id, Transition(CaseStatus.CLOSED, note="x"), "小王")
    assert ids(QuickFilter.DEADLINE_SOON) == []


@pytest.mark.local_only("reads SQLite's EXPLAIN QUERY PLAN")
def test_sort_and_filter_use_the_deadline_indexes(register):
    plan = " ".join(r[3] for r in register.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE deleted_at IS NULL "
        "ORDER BY coalesce(deadline_at, '9999'), id LIMIT 100").fetchall())
    assert "idx_live_deadline_sort" in plan and "TEMP B-TREE" not in plan
    plan = " ".join(r[3] for r in register.db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE deleted_at IS NULL "
        "AND status IN ('new', 'in_progress') AND deadline_at < ?", ["2026"]).fetchall())
    assert "idx_live_deadline" in plan


def test_handoff_ranks_by_the_derived_deadline(register, clock):
    ruled = open_case(register)  # Taobao 仅退款: 24 h from now by the rule, no due time
    plain = open_case(register, kind=CaseKind.COMPLAINT)
    clock.advance(hours=20)  # 4 h left: inside the next shift
    sheet = register.shifts.preview("小王")
    tiers = {r.case.case_no: r.tier for r in sheet.open_cases}
    assert tiers[register.cases.get(ruled.id).case_no] == "deadline_due"
    assert tiers[register.cases.get(plain.id).case_no] == "waiting_on_us"
    clock.advance(hours=5)
    sheet = register.shifts.preview("小王")
    assert sheet.open_cases[0].case.case_no == register.cases.get(ruled.id).case_no
    assert sheet.open_cases[0].tier == "deadline_passed"


def test_a_rule_deadline_reaches_the_reminders_and_the_tray_count(register, clock):
    """The deadline provider is plugged into the reminders: a refund due in under the
    deadline lead time (120 min) is counted and named; one due later is not."""
    case = open_case(register)
    assert register.reminders.counts().deadlines == 0
    clock.advance(hours=23)
    found = [r for r in register.reminders.collect(timedelta(0))
             if r.kind.value == "deadline"]
    assert register.reminders.counts().deadlines == 1
    assert found == [] or found[0].case_no == case.case_no
    soon = [r for r in register.reminders.collect(timedelta(hours=2))
            if r.kind.value == "deadline"]
    assert [(r.case_no, r.case_id) for r in soon] == [(case.case_no, case.id)]
    assert "平台将自动退款" in soon[0].text.zh


def test_reminders_keep_a_passed_deadline_however_long_ago(register, clock):
    """A deadline passed two hours ago is reminded, and so is one passed two days ago (the
    laptop was off over a weekend: README says "overdue included"); the tray counts it."""
    case = open_case(register)
    clock.advance(hours=26)
    assert [r.case_no for r in register.reminders.collect(timedelta(0))
            if r.kind.value == "deadline"] == [case.case_no]
    clock.advance(hours=24)
    assert [r.case_no for r in register.reminders.collect(timedelta(0))
            if r.kind.value == "deadline"] == [case.case_no]
    assert register.reminders.counts().deadlines == 1
    assert [d.case_no for d in register.deadlines.list(overdue=True)] == [case.case_no]


def test_the_tray_deadline_count_is_the_length_of_the_window_it_would_list(register, clock):
    """counts() counts the deadline window in SQL (no reminders built): the same number
    as the provider's list, with cases before, inside and after [now - 1 day, now + 2 h]
    and a finished one."""
    from shopdesk.domain.enums import Outcome
    from shopdesk.services.reminders import DeadlineProvider

    from ..conftest import T0

    cases = [open_case(register) for _ in range(3)]
    clock.advance(hours=10)
    cases += [open_case(register) for _ in range(2)]  # due 10 h after the first three
    register.cases.change_status(cases[-1].id, Transition(CaseStatus.RESOLVED,
                                                          outcome=Outcome.FULL_REFUND,
                                                          amount=Decimal("59")), "小王")
    provider = next(p for p in register.reminders.providers
                    if isinstance(p, DeadlineProvider))
    for hours in (0, 12, 23, 33, 40, 60):
        clock.set(T0 + timedelta(hours=hours))
        now = clock.now()
        horizon = now + timedelta(hours=2)
        listed = provider.reminders(now, horizon)
        assert provider.count(now, horizon) == len(listed), hours
        assert register.reminders.counts().deadlines == len(listed)


def test_a_start_with_nothing_to_compute_takes_no_write_lock(register, monkeypatch):
    register.deadlines.ensure_current()  # an empty register: nothing, and no transaction
    register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="3700000000001",
                                       kind=CaseKind.REFUND_ONLY), "小王")
    register.deadlines.ensure_current()  # the first start computed what there was
    monkeypatch.setattr(register.db, "atomic", lambda: (_ for _ in ()).throw(
        AssertionError("a transaction was opened")))
    assert register.deadlines.ensure_current() == 0


def test_a_first_import_leaves_nothing_to_compute_at_the_next_start(register, tmp_path):
    """A register empty at its open stores no rules fingerprint; the import computed its
    new cases under the rules in force, so the next start must not take the rules for
    changed and compute every open case again (1.7 s after 20,000 rows, ~40 s at 1M)."""
    register.deadlines.ensure_current()  # the start, on the empty register
    run(register.imports, write(tmp_path, [{"退款状态": "买家已经申请退款，等待卖家同意"}] * 3))
    assert register.deadlines.list()  # open cases with deadlines
    assert register.deadlines.ensure_current() == 0  # the next start


def test_rules_changed_before_an_import_still_recompute_the_open_cases(register, tmp_path,
                                                                        clock):
    """The import records the rules only when none were ever recorded: open cases left
    from other rules are still computed again at the next start."""
    case = open_case(register)
    register.deadlines.ensure_current()  # records the rules
    path = register.deadlines.ensure_override_file()
    path.write_text("[taobao.refund_unshipped]\nhours = 12\n", encoding="utf-8")
    run(register.imports, write(tmp_path, [{"退款状态": "买家已经申请退款，等待卖家同意"}]))
    assert register.deadlines.ensure_current() >= 1  # the hand-made case, under new rules
    assert register.deadlines.for_case(case.id).due_at == clock.now() + timedelta(hours=12)
