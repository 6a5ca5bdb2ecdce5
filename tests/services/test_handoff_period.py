"""Where one hand-off sheet ends and the next begins. Times are stored to the second, so a
note, call, promise or edit can be stamped with the very second a hand-off ended yet be
written after it: it must be on the next sheet (and what the hand-off listed must not be
listed again). The first hand-off ever covers the last 24 hours, not just today."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.enums import CaseStatus, Outcome, Priority
from shopdesk.domain.promises import PromiseKind
from shopdesk.domain.workflow import Transition

from ..conftest import T0
from .shift_support import open_case

H = timedelta(hours=1)
MIN = timedelta(minutes=1)


def lines(touched) -> list[str]:
    return [x.text.zh for x in touched.changes]


def test_what_is_written_in_the_second_of_a_hand_off_after_it_is_on_the_next_sheet(
        register, clock):
    register.staff.add("小李", actor="小王")
    case = open_case(register, "同一秒", "13812345678", order="8000000000001")
    early = open_case(register, "交班前", "13900001111", order="8000000000002")
    late = open_case(register, "补记", "13700002222", order="8000000000003")
    reply = register.promises.make(case.id, PromiseKind.REPLY, T0 + 6 * H, "小王")
    handed = register.promises.make(early.id, PromiseKind.REPLY, T0 + 6 * H, "小王")
    clock.advance(minutes=1)
    register.shifts.start("小王")
    clock.set(T0 + 4 * H)  # 14:00:00
    # Written in this second before the hand-off: on the first sheet only.
    register.cases.add_note(early.id, "交班前写的", "小王")
    register.promises.keep(handed.id, "小王")
    first = register.shifts.end("小王", "交给小李")
    # The same second, after the hand-off (the clock does not move): the next sheet's.
    register.cases.add_note(case.id, "交班后同一秒写的", "小王")
    register.calls.log_call(case.id, CallOutcome.NO_ANSWER, "小王", summary="没人接")
    register.calls.log_call(late.id, CallOutcome.CONNECTED, "小王", at=clock.now() - 5 * MIN,
                            summary="补记交班前的电话")
    register.promises.make(case.id, PromiseKind.CALL_BACK, clock.now() + H, "小王")
    register.promises.keep(reply.id, "小王")
    draft = register.cases.get(case.id)
    draft.priority = Priority.URGENT
    register.cases.update(case.id, draft, "小王")
    clock.advance(hours=8)
    second = register.shifts.end("小李")

    sheet = register.shifts.sheet(first.id)
    assert [t.case.case_no for t in sheet.touched] == [early.case_no]
    assert [p.promise_id for p in sheet.promises_resolved] == [handed.id]
    assert sheet.calls == ()

    sheet = register.shifts.sheet(second.id)
    assert sheet.period_start == first.ended_at == T0 + 4 * H
    touched = {t.case.case_no: t for t in sheet.touched}
    assert set(touched) == {case.case_no, late.case_no}  # not the one handed over
    assert lines(touched[case.case_no]) == [
        "备注：交班后同一秒写的", "电话：未接听（没人接）",
        "承诺：回电（11-23 15:00 前）", "承诺已兑现：回复买家", "修改：优先级 普通 → 紧急"]
    assert lines(touched[late.case_no]) == ["电话：已接通（补记交班前的电话）"]
    assert [(c.case_no, c.at) for c in sheet.calls] == [
        (late.case_no, T0 + 4 * H - 5 * MIN), (case.case_no, T0 + 4 * H)]
    assert [p.promise_id for p in sheet.promises_resolved] == [reply.id]
    assert sheet.touched_total == 2 and sheet.counts()["calls"] == 2


def test_a_started_shift_in_the_second_of_the_hand_off_takes_what_follows_it(register, clock):
    register.staff.add("小李", actor="小王")
    case = open_case(register, "接班", order="8000000000011")
    clock.advance(hours=4)
    first = register.shifts.end("小王")
    register.shifts.start("小李")  # at once: the same second as the hand-off
    register.cases.add_note(case.id, "接班马上写的", "小李")
    clock.advance(hours=8)
    sheet = register.shifts.sheet(register.shifts.end("小李").id)
    assert sheet.period_start == first.ended_at
    [touched] = sheet.touched
    assert lines(touched) == ["备注：接班马上写的"]
    # The first sheet had the case's opening; it is not listed twice.
    assert lines(register.shifts.sheet(first.id).touched[0]) == ["新建案件"]


def test_the_preview_agrees_with_the_sheet_about_the_hand_off_second(register, clock):
    before = open_case(register, "交班前", order="8000000000021")
    register.shifts.end("小王")
    after = open_case(register, "交班后", order="8000000000022")
    preview = register.shifts.preview("小王")
    assert [t.case.case_no for t in preview.touched] == [after.case_no]
    assert before.case_no not in {t.case.case_no for t in preview.touched}


def test_a_hand_off_stored_before_row_marks_repeats_its_last_second_rather_than_lose_it(
        register, clock):
    before = open_case(register, "交班前", order="8000000000031")
    first = register.shifts.end("小王")
    after = open_case(register, "交班后", order="8000000000032")
    # A hand-off written by an earlier version has no marks: its last second is repeated.
    register.db.execute("UPDATE shift_events SET data = '{}' WHERE shift_id = ?", [first.id])
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert {t.case.case_no for t in sheet.touched} == {before.case_no, after.case_no}


def test_the_first_hand_off_ever_covers_the_last_24_hours(register, clock):
    # A solo seller works the evening and ends their first day at 00:30 the next morning.
    clock.set(datetime(2026, 11, 22, 10, 0, tzinfo=UTC))  # 11-22 18:00: too long ago
    old = open_case(register, "前天", order="8000000000041")
    clock.set(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))  # 11-23 20:00 in Shanghai
    evening = open_case(register, "晚上", order="8000000000042")
    register.cases.add_note(evening.id, "买家晚上来问", "小王")
    end = datetime(2026, 11, 23, 16, 30, tzinfo=UTC)  # 11-24 00:30 in Shanghai
    clock.set(end)
    assert register.shifts.period_start() == end - 24 * H
    shift = register.shifts.end("小王", "明早回复")
    sheet = register.shifts.sheet(shift.id)
    assert sheet.period_start == end - 24 * H == shift.started_at
    assert [t.case.case_no for t in sheet.touched] == [evening.case_no]
    assert old.case_no not in {t.case.case_no for t in sheet.touched}
    # The next day continues from this hand-off, as before.
    clock.set(end + 20 * H)
    assert register.shifts.period_start() == end


def test_a_promise_kept_after_the_hand_off_at_a_time_before_it_is_on_the_next_sheet(
        register, clock):
    case = open_case(register, "补记兑现", order="8000000000051")
    promise = register.promises.make(case.id, PromiseKind.SEND_TRACKING, T0 + 6 * H, "小王")
    clock.advance(hours=4)  # 14:00
    first = register.shifts.end("小王")
    clock.advance(minutes=10)  # 小王 records that the tracking number went out at 13:50
    register.promises.keep(promise.id, "小王", at=T0 + 4 * H - 10 * MIN)
    clock.advance(hours=8)
    second = register.shifts.end("小王")
    assert register.shifts.sheet(first.id).promises_resolved == ()
    sheet = register.shifts.sheet(second.id)
    assert [(p.promise_id, p.state) for p in sheet.promises_resolved] == [(promise.id, "kept")]
    [touched] = sheet.touched
    assert lines(touched) == ["承诺已兑现：提供单号"]
    # Listed once: the sheet after that does not repeat it.
    clock.advance(hours=1)
    third = register.shifts.sheet(register.shifts.end("小王").id)
    assert third.promises_resolved == () and third.touched == ()


# --- every change on exactly one sheet, with and without a shift open -----------------


def _change_keys(sheet) -> Counter:
    """(case no., time, who, what) of every change line in both sections of a sheet."""
    return Counter((t.case.case_no, x.at, x.actor, x.text.zh)
                   for t in (*sheet.touched, *sheet.off_shift) for x in t.changes)


def test_every_change_is_on_exactly_one_sheet_before_during_after_and_between_shifts(
        register, clock):
    register.staff.add("小李", actor="小王")
    # Two days ago: before the first sheet's 24 hours, on no sheet (as ever).
    clock.set(T0 - 30 * H)
    old = open_case(register, "很久以前", order="8100000000001")
    kept_late = register.promises.make(old.id, PromiseKind.REPLY, T0 + 6 * H, "小王")
    # 10:00, nobody on shift: a morning of work before shifts are used at all.
    clock.set(T0)
    a = open_case(register, "早上", "13812345678", order="8100000000002")
    register.cases.add_note(a.id, "早上的备注", "小李")
    register.calls.log_call(a.id, CallOutcome.NO_ANSWER, "小李", summary="早上没接")
    promise = register.promises.make(a.id, PromiseKind.CALL_BACK, T0 + 3 * H, "小李")
    register.evidence.add_waybill(a.id, "中通快递", "ZT100200300", "小李")
    clock.set(T0 + H)
    b = open_case(register, "补记", "13900001111", order="8100000000003", paid="20.00")
    # A call made yesterday at noon, logged now; a promise kept yesterday, recorded now:
    # both stamped before the first sheet's 24 hours, both on it.
    register.calls.log_call(b.id, CallOutcome.NO_ANSWER, "小李", at=T0 - 22 * H,
                            summary="昨天的电话", before_case=True)  # before b was opened
    register.promises.keep(kept_late.id, "小李", at=T0 - 25 * H)
    register.cases.change_status(b.id, Transition(CaseStatus.RESOLVED, Outcome.PARTIAL_REFUND,
                                                  Decimal("20")), "小李")
    # 12:00 小王 starts the first shift ever.
    clock.set(T0 + 2 * H)
    register.shifts.start("小王")
    clock.set(T0 + 3 * H)
    register.cases.add_note(a.id, "班上的备注", "小王")
    register.promises.keep(promise.id, "小王")
    late_keep = register.promises.make(a.id, PromiseKind.SEND_TRACKING, T0 + 7 * H, "小王")
    # Logged on shift, made before it: listed with its time, where nobody was on shift.
    # b is resolved: a call about it needs a reason (no call is needed any more).
    register.calls.log_call(b.id, CallOutcome.REJECTED, "小王", at=T0 + 1.5 * H,
                            override_reason="结案后回访")
    clock.set(T0 + 6 * H)  # 16:00: the first hand-off
    first = register.shifts.end("小王", "第一班")
    register.cases.add_note(b.id, "交班同一秒", "小王")  # after it, in its second
    # 16:10, nobody on shift: 小李 works before starting; back-dated rows of the first shift.
    clock.set(T0 + 6 * H + 10 * MIN)
    register.cases.add_note(a.id, "无人当班时的备注", "小李")
    register.calls.log_call(b.id, CallOutcome.CONNECTED, "小王", at=T0 + 5 * H,
                            summary="交班前打的", override_reason="结案后回访")
    register.promises.keep(late_keep.id, "小王", at=T0 + 5.5 * H)
    # 17:00 小李's shift.
    clock.set(T0 + 7 * H)
    register.shifts.start("小李")
    clock.set(T0 + 8 * H)
    c = open_case(register, "晚上", order="8100000000004")
    register.promises.make(c.id, PromiseKind.REPLY, T0 + 20 * H, "小李")
    clock.set(T0 + 11 * H)  # 21:00: the second hand-off
    second = register.shifts.end("小李")
    register.cases.add_note(c.id, "第二次交班同一秒", "小李")
    clock.set(T0 + 12 * H)  # 22:00: a third hand-off with no shift between
    third = register.shifts.end("小李")
    clock.set(T0 + 13 * H)
    register.cases.add_note(a.id, "最后一次交班后", "小王")  # the next sheet's
    preview = register.shifts.preview("小王")

    sheets = [register.shifts.sheet(s.id) for s in (first, second, third)] + [preview]
    # The periods follow each other without a gap; the first reaches back 24 hours.
    assert sheets[0].period_start == T0 + 6 * H - 24 * H and sheets[0].since == "day"
    for before, after in pairwise(sheets):
        assert after.period_start == before.period_end and after.since == "handoff"

    # Every timeline event is on exactly one sheet; only the old case's opening and its
    # promise, before the first sheet's 24 hours, are on none.
    listed = sum((_change_keys(s) for s in sheets), Counter())
    assert max(listed.values()) == 1
    events = [(x.case_no, e) for x in (old, a, b, c) for e in register.cases.timeline(x.id)]
    never = [(n, e.type) for n, e in events if e.at == T0 - 30 * H]
    assert never == [(old.case_no, "created"), (old.case_no, "promise_made")]
    wanted = Counter((n, e.at, e.actor) for n, e in events if e.at != T0 - 30 * H)
    assert Counter((n, at, who) for n, at, who, _text in listed.elements()) == wanted
    # Every call once, every promise kept once.
    calls = Counter((x.case_no, x.at) for s in sheets for x in s.calls)
    assert max(calls.values()) == 1 and len(calls) == 4
    kept = Counter(p.promise_id for s in sheets for p in s.promises_resolved)
    assert kept == Counter({kept_late.id: 1, promise.id: 1, late_keep.id: 1})

    # The first sheet: the morning, with nobody on shift, apart from the shift's work.
    one = sheets[0]
    assert (one.off_shift_start, one.off_shift_end) == (T0 - 18 * H, T0 + 2 * H)
    off = {t.case.case_no: lines(t) for t in one.off_shift}
    assert off[a.case_no] == ["新建案件", "备注：早上的备注", "电话：未接听（早上没接）",
                              "承诺：回电（11-23 13:00 前）", "添加证据：中通快递 ZT100200300"]
    assert off[b.case_no] == ["电话：未接听（昨天的电话）", "新建案件",
                              "状态：新建 → 已解决，结果：部分退款 ¥20.00",
                              "电话：拒接，已记录破例原因"]
    assert off[old.case_no] == ["承诺已兑现：回复买家"]
    assert one.off_shift_by == ("小李", "小王")
    assert [lines(t) for t in one.touched] == [["备注：班上的备注", "承诺已兑现：回电",
                                                "承诺：提供单号（11-23 17:00 前）"]]
    assert (one.refund_count, one.refund_total) == (1, "20.00")
    assert [(x.case_no, x.at, x.off_shift) for x in one.calls] == [
        (b.case_no, T0 - 22 * H, True), (a.case_no, T0, True),
        (b.case_no, T0 + 1.5 * H, True)]
    # Between the two shifts, nobody on shift: 小李's note and the late rows of shift one.
    two = sheets[1]
    assert (two.off_shift_start, two.off_shift_end) == (T0 + 6 * H, T0 + 7 * H)
    off = {t.case.case_no: lines(t) for t in two.off_shift}
    assert off == {a.case_no: ["承诺已兑现：提供单号", "备注：无人当班时的备注"],
                   b.case_no: ["电话：已接通（交班前打的），已记录破例原因", "备注：交班同一秒"]}
    assert two.off_shift_by == ("小王", "小李")
    assert [t.case.case_no for t in two.touched] == [c.case_no]
    # Two hand-offs in a row: the second takes the whole hour as its own.
    three = sheets[2]
    assert not three.has_off_shift and three.off_shift == ()
    assert [(t.case.case_no, lines(t)) for t in three.touched] == [
        (c.case_no, ["备注：第二次交班同一秒"])]
    assert [lines(t) for t in preview.touched] == [["备注：最后一次交班后"]]
