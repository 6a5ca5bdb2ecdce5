"""The hand-off sheet's lean queries: open cases reduced to what ranks them, and their
live early warnings."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.enums import CaseKind, CaseStatus, Platform, Priority
from shopdesk.domain.workflow import Transition
from shopdesk.storage.handoff_sources import HandoffSources

from ..services.shift_support import open_case


def test_open_cases_hold_status_times_text_and_buyer_without_loading_whole_cases(
        register, clock):
    due = clock.now() + timedelta(hours=5)
    case = open_case(register, "小蜜蜂", "13812345678", description="包装破了", due=due,
                     kind=CaseKind.PLATFORM_DISPUTE)
    register.cases.add_note(case.id, "买家说要找记者", "小王")
    register.cases.add_note(case.id, "已安抚", "小王")
    closed = open_case(register, "关了", order="1000000000002")
    register.cases.change_status(closed.id, Transition(CaseStatus.CLOSED, note="撤销"), "小王")
    trashed = open_case(register, "删了", order="1000000000003")
    register.cases.delete([trashed.id], "小王")

    [row] = HandoffSources(register.db).open_cases()
    assert (row.id, row.platform, row.status, row.priority, row.kind) == (
        case.id, Platform.TAOBAO, CaseStatus.NEW, Priority.NORMAL, CaseKind.PLATFORM_DISPUTE)
    assert row.due_at == due and row.created_at == clock.now()
    assert (row.buyer_nick, row.buyer_phone, row.intervention, row.major_owner) == (
        "小蜜蜂", "13812345678", False, "")


def test_live_warnings_of_open_cases_are_the_ones_the_list_shows(register):
    case = open_case(register, "小蜜蜂", "13812345678", description="割伤")
    register.cases.add_note(case.id, "买家说要找记者", "小王")
    acked = open_case(register, "另一个", order="1000000000002", description="起火")
    register.warnings.acknowledge(acked.id, "小王", "已处理")
    warned = HandoffSources(register.db).live_warnings()
    assert [rule for rule, _zh, _en in warned[case.id]] == ["safety", "media_threat"]
    assert warned[case.id][0][1] == "提到：割伤"
    assert acked.id not in warned  # acknowledged: off the list's column, off the sheet


def test_row_marks_and_edits_written_after_a_mark_in_its_second(register, clock):
    sources = HandoffSources(register.db)
    case = open_case(register, "小蜜蜂", order="1000000000070")
    draft = register.cases.get(case.id)
    draft.priority = Priority.HIGH
    register.cases.update(case.id, draft, "小王")
    marks = sources.row_marks()
    assert marks.case_events >= 2 and marks.audit_log >= 1 and marks.call_attempts == 0
    draft.priority = Priority.URGENT  # the same second, after the mark
    register.cases.update(case.id, draft, "小王")
    now = clock.now()
    assert [e.new for e in sources.case_edits_between(now, now)] == ["high", "urgent"]
    after = sources.case_edits_between(now, now, after_id=marks.audit_log)
    assert [e.new for e in after] == ["urgent"]
    later = now + timedelta(seconds=1)  # past the mark's second, the mark does not apply
    clock.set(later)
    draft.priority = Priority.NORMAL
    register.cases.update(case.id, draft, "小王")
    assert [e.new for e in sources.case_edits_between(now, later, after_id=10**9)] == ["normal"]
