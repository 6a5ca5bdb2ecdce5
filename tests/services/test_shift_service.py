"""ShiftService: a scripted shift ends in a hand-off sheet with every section right; the
sheet is a snapshot; solo sellers end without starting; acknowledgement rules."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.enums import CaseStatus
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.workflow import Transition

from ..conftest import T0
from .shift_support import open_case, scripted_shift

H = timedelta(hours=1)
MIN = timedelta(minutes=1)


@pytest.fixture
def team(register):
    register.staff.add("小李", actor="小王")
    return register


def test_the_sheet_of_a_scripted_shift_has_every_section(register, clock):
    shift, c = scripted_shift(register, clock)
    sheet = register.shifts.sheet(shift.id)
    assert (sheet.staff, sheet.ended_by, sheet.explicit_start) == ("小王", "小王", True)
    # The first hand-off ever covers the last 24 hours, also before the shift's start.
    assert sheet.period_start == T0 - 20 * H and sheet.period_end == T0 + 4 * H
    assert sheet.started_at == T0 and sheet.since == "day"
    assert sheet.next_shift_hours == 8 and sheet.next_shift_end == T0 + 12 * H
    assert sheet.note == "暴躁买家别再打电话；枕头明天补发"

    # Touched: only cases changed during the shift, most recent first, with what changed.
    touched = {t.case.case_no: t for t in sheet.touched}
    expected = {c[k].case_no for k in ("old", "angry", "refund", "a", "far")}
    assert set(touched) == expected and sheet.touched_total == 5
    assert sheet.touched[0].case.case_no == c["old"].case_no  # edited last, at 13:45
    old_lines = [x.text.zh for x in touched[c["old"].case_no].changes]
    assert "状态：新建 → 处理中" in old_lines
    assert "修改：优先级 普通 → 紧急" in old_lines
    assert "承诺：补发/重发（11-23 16:00 前）" in old_lines
    assert "承诺已兑现：回复买家（逾期兑现）" not in old_lines  # kept in time
    assert "承诺已兑现：回复买家" in old_lines
    a_lines = [x.text.zh for x in touched[c["a"].case_no].changes]
    assert a_lines[:2] == ["新建案件", "备注：买家要照片再说"]
    assert "电话：未接听（没人接）" in a_lines and "电话：拒接" in a_lines
    assert "承诺未兑现：提供单号（原因：仓库没出单号）" in a_lines
    refund_lines = touched[c["refund"].case_no].changes
    assert [x.kind for x in refund_lines] == ["refund"]
    assert refund_lines[0].text.zh == "状态：新建 → 已解决，结果：全额退款 ¥59.90"
    assert refund_lines[0].text.en.startswith("Status: New → Resolved, outcome: Full refund")
    assert (sheet.refund_count, sheet.refund_total) == (1, "59.90")
    assert c["waiting"].case_no not in touched  # changed before the shift only

    # Before the shift started nobody was on shift: those changes are a section apart.
    assert (sheet.off_shift_start, sheet.off_shift_end) == (T0 - 20 * H, T0)
    off = {t.case.case_no: [x.text.zh for x in t.changes] for t in sheet.off_shift}
    assert set(off) == {c[k].case_no for k in ("old", "waiting", "angry", "refund", "far")}
    assert off[c["waiting"].case_no] == ["新建案件", "状态：新建 → 等待买家"]
    assert {x.actor for t in sheet.off_shift for x in t.changes} == {"小王"}
    assert sheet.off_shift_total == 5 and sheet.off_shift_by == ("小王",)

    # Open cases by urgency, with the reason for each place.
    ranked = [(r.case.case_no, r.tier) for r in sheet.open_cases]
    assert ranked == [
        (c["a"].case_no, "promise_overdue"),
        (c["waiting"].case_no, "deadline_passed"),
        (c["old"].case_no, "promise_due"),
        (c["angry"].case_no, "warned"),
        (c["far"].case_no, "waiting_on_us"),
    ]
    assert sheet.open_total == 5 and c["refund"].case_no not in dict(ranked)
    first = sheet.open_cases[0]
    assert first.reasons[0].zh.startswith("承诺已逾期3小时：回电：确认补发时间")
    assert first.case.phone == "138****5678" and first.waiting_on_us
    assert sheet.open_cases[1].waiting_on_us is False
    # Its own 截止时间 passed (the stage's deadline is later): not called the platform's.
    assert sheet.open_cases[1].reasons[0].zh.startswith("截止时间已过")
    angry = sheet.open_cases[3]
    assert "人身安全/健康" in angry.reasons[0].zh and "12315" in angry.reasons[0].zh
    old_reasons = [r.zh for r in sheet.open_cases[2].reasons]
    assert old_reasons[1] == "预警：已标记为紧急"

    # Promises: overdue now, due in the next 8 hours (not the one in 14), kept/broken.
    assert [p.promise_id for p in sheet.promises_overdue] == [c["overdue"].id]
    assert sheet.promises_overdue[0].what.zh == "回电：确认补发时间"
    assert [p.promise_id for p in sheet.promises_next] == [c["upcoming"].id]
    resolved = {p.promise_id: (p.state, p.reason) for p in sheet.promises_resolved}
    assert resolved == {c["kept"].id: ("kept", ""),
                        c["broken"].id: ("broken", "仓库没出单号")}

    # Calls made this shift, and when each buyer with an open case may be called next.
    assert [(x.case_no, x.outcome.zh, x.phone) for x in sheet.calls] == [
        (c["a"].case_no, "未接听", "138****5678"),
        (c["angry"].case_no, "要求勿再来电", "139****1111"),
        (c["a"].case_no, "拒接", "138****5678")]
    nxt = {n.case_no: n for n in sheet.next_calls}
    assert set(nxt) == {c["a"].case_no, c["angry"].case_no}  # only buyers with a phone
    assert nxt[c["a"].case_no].state == "later"
    # Two attempts today (the cap): 24 hours after the first, 10:30 tomorrow.
    assert nxt[c["a"].case_no].next_at == T0 + 24.5 * H
    assert nxt[c["a"].case_no].why.zh == "当日呼叫次数已满；距上次呼叫太近"
    assert nxt[c["angry"].case_no].state == "never"
    assert nxt[c["angry"].case_no].next_at is None
    assert not any(x.off_shift for x in sheet.calls)
    assert shift.counts == {"touched": 5, "off_shift": 5, "open": 5, "promises_overdue": 1,
                            "promises_next": 1, "calls": 3, "refunds": 1}


def test_the_stored_sheet_never_changes_afterwards(register, clock):
    shift, c = scripted_shift(register, clock)
    before = register.shifts.sheet(shift.id)
    clock.advance(hours=1)
    register.cases.change_status(c["a"].id, Transition(CaseStatus.CLOSED, note="买家撤销"),
                                 "小王")
    register.promises.keep(c["overdue"].id, "小王")
    register.cases.delete([c["far"].id], "小王")
    register.shifts.set_next_shift_hours(2, "小王")
    after = register.shifts.sheet(shift.id)
    assert after == before
    assert after.open_total == 5 and after.promises_overdue[0].state == "open"
    # A new preview does see today's data.
    preview = register.shifts.preview("小王")
    assert preview.open_total == 3 and not preview.promises_overdue


def test_shift_events_stay_out_of_case_timelines_and_writes_are_audited(register, clock):
    shift, c = scripted_shift(register, clock)
    for case in c.values():
        if hasattr(case, "case_no"):
            types = {e.type for e in register.cases.timeline(case.id)}
            assert not types & {"shift_started", "shift_ended", "handoff_acknowledged"}
    assert [e[2] for e in register.shifts.events(shift.id)] == ["shift_started", "shift_ended"]
    actions = [a.action for a in register.shifts.audit_log.latest()
               if a.entity == "shift" and a.entity_id == shift.id]
    assert sorted(actions) == ["end", "start"]


def test_ending_without_a_start_covers_the_last_day_then_the_time_since_the_last_hand_off(
        register, clock):
    clock.set(T0 - 30 * H)  # 22-11 04:00 in Shanghai: more than a day before the end
    open_case(register, "前天", order="1000000000008")
    clock.set(T0 - 20 * H)  # 22-11 14:00 in Shanghai: yesterday afternoon
    yesterday = open_case(register, "昨天", order="1000000000009")
    clock.set(T0 + H)  # 11:00
    early = open_case(register, "今天早上", order="1000000000010")
    first = register.shifts.end("小王")
    register.shifts.acknowledge("小王")
    sheet = register.shifts.sheet(first.id)
    # The first hand-off ever: the last 24 hours, from 22-11 11:00 in Shanghai.
    assert sheet.period_start == datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    assert not sheet.explicit_start and first.staff == "小王" and not first.explicit_start
    assert [t.case.case_no for t in sheet.touched] == [early.case_no, yesterday.case_no]

    clock.set(T0 + 10 * H)  # the solo seller ends the day at 20:00
    later = open_case(register, "下午", order="1000000000011")
    second = register.shifts.end("小王", "明早先回电")
    sheet = register.shifts.sheet(second.id)
    assert sheet.period_start == T0 + H  # since the previous hand-off
    assert [t.case.case_no for t in sheet.touched] == [later.case_no]
    # The solo seller reads and acknowledges their own sheet the next morning.
    clock.set(T0 + 23 * H)
    assert register.shifts.pending().id == second.id
    done = register.shifts.acknowledge("小王")
    assert done.id == second.id and done.self_acknowledged and done.ack_at == T0 + 23 * H
    assert register.shifts.pending() is None


def test_one_open_shift_at_a_time(team, clock):
    team.shifts.start("小王")
    with pytest.raises(ValidationError) as refused:
        team.shifts.start("小李")
    assert refused.value.errors[0].field == "staff"
    assert "小王 的班次还未结束" in refused.value.errors[0].zh
    with pytest.raises(ValidationError) as refused:
        team.shifts.start("小王")
    assert "已在班上" in refused.value.errors[0].zh
    with pytest.raises(ValidationError) as refused:
        team.shifts.start("没这个人")
    assert refused.value.errors[0].field == "staff"
    # Someone else may end the open shift (the previous person forgot): it stays theirs.
    clock.advance(hours=8)
    ended = team.shifts.end("小李")
    assert (ended.staff, ended.ended_by) == ("小王", "小李")
    assert team.shifts.current() is None
    started = team.shifts.start("小李")
    assert team.shifts.current() == started and team.staff.current_operator() == "小李"


def test_acknowledge_once_with_who_and_when(team, clock):
    team.shifts.start("小王")
    with pytest.raises(ValidationError) as refused:
        team.shifts.acknowledge("小李")
    assert refused.value.errors[0].field == "handoff"  # nothing handed over yet
    clock.advance(hours=8)
    shift = team.shifts.end("小王", "交给小李")
    assert team.shifts.pending().id == shift.id
    clock.advance(minutes=5)
    done = team.shifts.acknowledge("小李")
    assert (done.ack_by, done.ack_at, done.self_acknowledged) == ("小李", clock.now(), False)
    assert team.shifts.pending() is None
    with pytest.raises(ValidationError) as refused:
        team.shifts.acknowledge("小王")
    assert refused.value.errors[0].zh == "该交接已由 小李 于 11-23 18:05 确认"
    assert team.shifts.get(shift.id).ack_by == "小李"
    assert [e[2] for e in team.shifts.events(shift.id)][-1] == "handoff_acknowledged"


def test_a_newer_hand_off_does_not_bury_an_older_one_nobody_acknowledged(team, clock):
    first = team.shifts.end("小王", "明早10点给小蜜蜂回电")
    clock.advance(hours=8)  # 小李 worked the next shift without acknowledging it
    second = team.shifts.end("小李")
    assert [s.id for s in team.shifts.pending_all()] == [first.id, second.id]
    assert team.shifts.pending().id == first.id  # the banner shows the oldest first
    clock.advance(hours=8)
    done = team.shifts.acknowledge("小王")  # the default is the oldest waiting
    assert done.id == first.id
    assert team.shifts.pending().id == second.id
    assert team.shifts.acknowledge("小王").id == second.id
    assert team.shifts.pending() is None and team.shifts.pending_all() == []
    with pytest.raises(ValidationError) as refused:
        team.shifts.acknowledge("小李")  # nothing waits: the latest says who did it
    assert "已由 小王" in refused.value.errors[0].zh
    assert [s.id for s in team.shifts.list()] == [second.id, first.id]


def test_acknowledging_a_newer_one_from_the_history_leaves_the_older_one_pending(team, clock):
    first = team.shifts.end("小王")
    clock.advance(hours=8)
    second = team.shifts.end("小李")
    team.shifts.acknowledge("小王", shift_id=second.id)
    assert team.shifts.pending().id == first.id


def test_next_shift_length_from_settings(register, clock):
    case = open_case(register, "买家", order="1000000000012")
    register.promises.make(case.id, PromiseKind.REPLY, T0 + 3 * H, "小王")
    register.shifts.set_next_shift_hours(2, "小王")
    assert register.shifts.next_shift_hours() == 2
    sheet = register.shifts.preview("小王")
    assert sheet.promises_next == () and sheet.next_shift_end == T0 + 2 * H
    register.shifts.set_next_shift_hours(4, "小王")
    assert len(register.shifts.preview("小王").promises_next) == 1
    for bad in (0, 0.5, 100, "abc"):
        with pytest.raises(ValidationError) as refused:
            register.shifts.set_next_shift_hours(bad, "小王")
        assert refused.value.errors[0].field == "hours"
    assert register.shifts.next_shift_hours() == 4
    register.settings.set("shift.next_hours", "garbage")
    assert register.shifts.next_shift_hours() == 8  # a broken setting falls back


def test_note_and_actor_are_checked(register):
    with pytest.raises(ValidationError) as refused:
        register.shifts.end("小王", "x" * 2001)
    assert refused.value.errors[0].field == "note"
    with pytest.raises(ValidationError) as refused:
        register.shifts.end("")
    assert refused.value.errors[0].field == "actor"
    with pytest.raises(ValidationError):
        register.shifts.end("路人甲")  # not staff: cannot own a shift
    assert register.shifts.list() == []


def test_the_sheet_ranks_by_the_stored_warnings_the_list_shows(register, clock):
    for i in range(2):
        register.cases.change_status(
            open_case(register, "回头客", order=f"300000000000{i}").id,
            Transition(CaseStatus.CLOSED, note="已处理"), "小王")
    again = open_case(register, "回头客", order="3000000000009")
    noted = open_case(register, "安静", order="3000000000010")
    register.cases.add_note(noted.id, "买家说孩子用了过敏，去了医院", "小王")
    plain = open_case(register, "普通", order="3000000000011")
    sheet = register.shifts.preview("小王")
    tiers = {r.case.case_no: (r.tier, r.reasons[0].zh) for r in sheet.open_cases}
    assert tiers[again.case_no] == ("warned", "预警：同一买家多次售后（该买家30天内3单售后）")
    assert tiers[noted.case_no] == ("warned", "预警：人身安全/健康（提到：过敏、医院）")
    assert tiers[plain.case_no][0] == "waiting_on_us"
    # An acknowledged warning is off the list's column and off the sheet alike.
    register.warnings.acknowledge(noted.id, "小王", "已安抚")
    sheet = register.shifts.preview("小王")
    tiers = {r.case.case_no: r.tier for r in sheet.open_cases}
    assert tiers[noted.case_no] == "waiting_on_us"
    # A major complaint heads the sheet, with its owner.
    register.staff.add("老板", actor="小王")
    register.major.mark(plain.id, "老板", "小王")
    sheet = register.shifts.preview("小王")
    first = sheet.open_cases[0]
    assert (first.case.case_no, first.tier, first.reasons[0].zh) == (
        plain.case_no, "major_complaint", "重大投诉（负责人：老板）")
    touched = {t.case.case_no: [(x.kind, x.text.zh) for x in t.changes] for t in sheet.touched}
    assert ("major", "标记为重大投诉，负责人：老板") in touched[plain.case_no]


def test_a_started_shift_also_covers_the_time_since_the_previous_hand_off(team, clock):
    from shopdesk.services.handoff_text import handoff_text

    team.shifts.start("小王")
    clock.advance(hours=4)  # 14:00
    first = team.shifts.end("小王", "交给小李")
    clock.advance(minutes=5)  # 小王 finishes one more case after handing over
    late = open_case(team, "交班后", "13812345678", order="4000000000001")
    team.calls.log_call(late.id, CallOutcome.NO_ANSWER, "小王")
    clock.advance(minutes=15)
    team.shifts.acknowledge("小李")
    started = team.shifts.start("小李")  # 14:20: a gap of 20 minutes after the hand-off
    clock.advance(hours=8)
    second = team.shifts.end("小李")
    sheet = team.shifts.sheet(second.id)
    assert sheet.period_start == first.ended_at and sheet.started_at == started.started_at
    # Done while nobody was on shift: in its own section, not as 小李's shift's work.
    assert sheet.touched == () and sheet.touched_total == 0
    assert [t.case.case_no for t in sheet.off_shift] == [late.case_no]
    assert (sheet.off_shift_start, sheet.off_shift_end) == (first.ended_at, started.started_at)
    assert [(c.case_no, c.off_shift) for c in sheet.calls] == [(late.case_no, True)]
    text = handoff_text(sheet).splitlines()
    assert "交接范围：11-23 14:00 – 11-23 22:20（自上次交接起）" in text
    assert "开班时间：11-23 14:20" in text
    assert "四、无人当班期间：11-23 14:00 – 11-23 14:20（1 个案件）" in text
    assert "经手人：小王" in text
    en = handoff_text(sheet, "en").splitlines()
    assert "Covers: 11-23 14:00 – 11-23 22:20 (since the last hand-off)" in en
    assert "Shift started: 11-23 14:20" in en
    # The first sheet reaches back 24 hours before its start; nothing happened then.
    first_sheet = team.shifts.sheet(first.id)
    assert first_sheet.started_at == T0 and first_sheet.period_start == T0 - 20 * H
    assert first_sheet.off_shift == () and first_sheet.has_off_shift


def test_a_call_logged_after_the_hand_off_it_was_made_before_is_on_the_next_sheet(
        team, clock):
    case = open_case(team, "小蜜蜂", "13812345678", order="5000000000001")
    team.shifts.start("小王")
    clock.advance(hours=4)  # 14:00
    first = team.shifts.end("小王")
    clock.advance(minutes=5)  # 小王 logs the call made five minutes before handing over
    team.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", at=clock.now() - 10 * MIN,
                        summary="没人接")
    clock.advance(hours=8)
    second = team.shifts.end("小李")
    assert team.shifts.sheet(first.id).calls == ()
    sheet = team.shifts.sheet(second.id)
    assert [(c.case_no, c.at) for c in sheet.calls] == [(case.case_no, T0 + 4 * H - 5 * MIN)]
    [touched] = sheet.touched
    assert [x.text.zh for x in touched.changes] == ["电话：未接听（没人接）"]


def test_a_case_touched_then_trashed_is_listed_as_touched_with_the_trash_line(register, clock):
    register.shifts.start("小王")
    clock.advance(minutes=30)
    case = open_case(register, "删错了", "13812345678", order="6000000000001")
    register.cases.add_note(case.id, "买家补了照片", "小王")
    clock.advance(minutes=30)
    register.cases.delete([case.id], "小王")
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    [touched] = sheet.touched
    assert touched.case.case_no == case.case_no and touched.case.phone == "138****5678"
    assert [x.text.zh for x in touched.changes] == ["新建案件", "备注：买家补了照片", "移入回收站"]
    assert sheet.open_total == 0 and sheet.next_calls == ()


def test_contact_details_the_case_held_before_an_edit_are_masked_in_free_text(register,
                                                                              clock):
    from shopdesk.services.handoff_text import handoff_text

    register.shifts.start("小王")
    case = open_case(register, "老客户", "0571-88881234", order="7000000000001")
    register.cases.add_note(case.id, "买家座机 0571-88881234 白天有人接", "小王")
    draft = register.cases.get(case.id)
    draft.buyer_phone = "13812345678"  # corrected to the mobile afterwards
    register.cases.update(case.id, draft, "小王")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + H, "小王",
                           text="打座机 0571-88881234")
    clock.advance(hours=2)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    text = handoff_text(sheet) + handoff_text(sheet, "en")
    assert "88881234" not in text and "13812345678" not in text
    assert "买家座机" in text and "打座机" in text
