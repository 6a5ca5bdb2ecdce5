"""Cases an import resolves (or the demo makes resolved) get their follow-ups, per the same
rules as resolving in the window; set-based, never twice, never for stale history."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, CaseStatus, Outcome
from shopdesk.domain.followups import FollowupState
from shopdesk.services.demo import generate_demo
from shopdesk.services.followups import STALE_AFTER
from tests.importers.helpers import csv_bytes, taobao42_rows

from .followup_support import resolve

SHANGHAI = timedelta(hours=8)


def _write(tmp_path: Path, states: list[dict[str, object]], name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(taobao42_rows(states), "gbk"))
    return path


def _import(register, path: Path):
    service = register.imports
    return service.apply(service.read(path), path.name, "小王")


def _case(register, i: int):
    return register.cases.store.find(refund_no=str(158000000000000000 + i))[0]


def _local(text: str) -> datetime:
    """An export time (shop time, Asia/Shanghai) as the UTC instant it means."""
    from datetime import UTC
    return datetime.fromisoformat(text).replace(tzinfo=UTC) - SHANGHAI


def test_import_schedules_follow_ups_of_the_cases_it_resolves(register, clock, tmp_path):
    # T0 is 2026-11-23 10:00 in the shop: one refund ended yesterday, one long ago.
    register.followups.set_rule(CaseKind.REFUND_ONLY, 3, "店长")
    recent, old = "2026-11-22 12:00:00", "2026-10-01 12:00:00"
    report = _import(register, _write(tmp_path, [
        {"退款状态": "退款成功", "退款完结时间": recent, "完结时间": recent},
        {"退款状态": "退款成功", "退款完结时间": old, "完结时间": old},
        {"退款状态": "买家已经申请退款，等待卖家同意"},
        {"退款状态": "退款成功", "是否需要退货": "是", "退款完结时间": recent},
    ], "first.csv"))
    assert report.created == 4
    [f] = register.followups.for_case(_case(register, 1).id)
    assert f.due_at == _local(recent) + timedelta(days=3) and f.state is FollowupState.OPEN
    assert f.script_id == "refund_only.follow_up.1" and f.created_by == "小王"
    timeline = register.cases.timeline(_case(register, 1).id)
    [event] = [e for e in timeline if e.type == "followup_scheduled"]
    assert event.data["followup_id"] == f.id
    assert any(a.action == "followup_scheduled"
               for a in register.cases.audit(_case(register, 1).id))
    # Over a month old: history, no follow-up; still open: none; return_refund: no rule.
    assert register.followups.for_case(_case(register, 2).id) == []
    assert register.followups.for_case(_case(register, 3).id) == []
    assert register.followups.for_case(_case(register, 4).id) == []


def test_a_later_import_resolving_an_open_case_schedules_once(register, clock, tmp_path):
    register.followups.set_rule(CaseKind.REFUND_ONLY, 2, "店长")
    _import(register, _write(tmp_path, [{"退款状态": "买家已经申请退款，等待卖家同意"}],
                             "a.csv"))
    case = _case(register, 1)
    assert register.followups.for_case(case.id) == []
    clock.advance(hours=5)
    later = [{"退款状态": "退款成功", "退款完结时间": "2026-11-23 14:00:00"}]
    _import(register, _write(tmp_path, later, "b.csv"))
    assert _case(register, 1).status is CaseStatus.RESOLVED
    [f] = register.followups.for_case(case.id)
    assert f.due_at == _local("2026-11-23 14:00:00") + timedelta(days=2)
    clock.advance(hours=1)
    _import(register, _write(tmp_path, later, "c.csv"))  # the same file again
    assert len(register.followups.for_case(case.id)) == 1


def test_a_case_resolved_by_hand_gets_no_second_follow_up_from_an_import(
        register, clock, tmp_path):
    register.followups.set_rule(CaseKind.REFUND_ONLY, 2, "店长")
    _import(register, _write(tmp_path, [{"退款状态": "买家已经申请退款，等待卖家同意"}],
                             "a.csv"))
    case = _case(register, 1)
    resolve(register, case.id, Outcome.FULL_REFUND, Decimal("100"))
    assert len(register.followups.for_case(case.id)) == 1
    clock.advance(hours=1)
    _import(register, _write(tmp_path, [{"退款状态": "退款成功"}], "b.csv"))
    assert len(register.followups.for_case(case.id)) == 1


def test_the_demo_schedules_follow_ups_for_its_recently_resolved_cases(register, clock):
    generate_demo(register, 300, seed=7)
    ids = register.cases.query_ids(CaseQuery())
    cases = register.cases.fetch(ids)
    rules = register.followups.rules()
    now = clock.now()
    expected = set()
    for case_id, case in cases.items():
        rule = rules[case.kind]
        if case.status is CaseStatus.RESOLVED and rule.days is not None \
                and case.resolved_at + timedelta(days=rule.days) >= now - STALE_AFTER:
            expected.add(case_id)
    queued = register.followups.queue()
    assert expected and {f.case_id for f in queued} == expected
    assert len(queued) == len(expected)
    for f in queued:
        case = cases[f.case_id]
        assert f.due_at == case.resolved_at + timedelta(days=rules[case.kind].days)
        # Made at the made-up resolution, like the rest of the demo's history.
        assert f.created_at == case.resolved_at
