"""The hand-off records: the sheet's JSON snapshot round-trips, shift flags, PIN hashing."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from shopdesk.domain.handoff import (
    CallLine,
    CaseRef,
    ChangeLine,
    HandoffSheet,
    NextCall,
    PromiseLine,
    RankedCase,
    Shift,
    Text,
    TouchedCase,
    sheet_from_json,
    sheet_to_json,
)
from shopdesk.domain.pins import check_pin, hash_pin, validate_pin

T = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def a_sheet() -> HandoffSheet:
    ref = CaseRef(case_id=1, case_no="SD-20261123-0001", platform=Text("淘宝/天猫", "Taobao"),
                  kind=Text("仅退款", "Refund only"), status="in_progress",
                  status_label=Text("处理中", "In progress"), buyer="小蜜蜂",
                  phone="138****5678", item="蓝牙耳机", amount="59.90", due_at=None)
    return HandoffSheet(
        shift_id=3, staff="小王", ended_by="小王", period_start=T,
        period_end=T + timedelta(hours=8),
        explicit_start=True, started_at=T + timedelta(hours=1), since="handoff",
        next_shift_end=T + timedelta(hours=16), next_shift_hours=8,
        tz="Asia/Shanghai", note="明早回电",
        touched=(TouchedCase(ref, (ChangeLine(T, "小王", "note", Text("备注：x", "Note: x")),),
                             more_changes=2),),
        touched_total=1,
        open_cases=(RankedCase(1, ref, "promise_overdue", Text("承诺已逾期", "Promise overdue"),
                               (Text("a", "b"),), True),),
        open_total=5,
        promises_overdue=(PromiseLine(1, ref.case_no, "小蜜蜂", Text("回电", "Call back"), T,
                                      "小王", "open", overdue=True),),
        calls=(CallLine(T, ref.case_no, "小蜜蜂", "138****5678", Text("未接听", "No answer"),
                        "小王", off_shift=True),),
        off_shift_start=T, off_shift_end=T + timedelta(hours=1),
        off_shift=(TouchedCase(ref, (ChangeLine(T, "小李", "call", Text("电话", "Call")),)),),
        off_shift_total=1, off_shift_by=("小李",),
        next_calls=(NextCall(ref.case_no, "小蜜蜂", "138****5678", "later",
                             T + timedelta(hours=2), Text("距上次呼叫太近", "Too soon")),),
        next_calls_total=1, refund_count=1, refund_total="59.90")


def test_the_sheet_round_trips_through_json_text():
    sheet = a_sheet()
    stored = json.dumps(sheet_to_json(sheet), ensure_ascii=False)
    assert "13812345678" not in stored and "2026-11-23T02:00:00+00:00" in stored
    back = sheet_from_json(json.loads(stored))
    assert back == sheet
    assert back.touched[0].changes[0].at == T and back.open_cases[0].case.due_at is None
    assert back.off_shift_by == ("小李",) and back.calls[0].off_shift and back.has_off_shift
    assert back.counts() == {"touched": 1, "off_shift": 1, "open": 5, "promises_overdue": 1,
                             "promises_next": 0, "calls": 1, "refunds": 1}


def test_a_sheet_stored_before_the_off_shift_section_reads_as_it_did():
    from shopdesk.domain.handoff_labels import heading, period_text, summary_text

    data = sheet_to_json(a_sheet())
    for key in ("since", "off_shift_start", "off_shift_end", "off_shift", "off_shift_total",
                "off_shift_by"):
        del data[key]
    del data["calls"][0]["off_shift"]
    old = sheet_from_json(data)
    assert not old.has_off_shift and old.off_shift == () and not old.calls[0].off_shift
    assert period_text(old) == "11-23 10:00 – 11-23 18:00（11-23 11:00 开班；含上次交接后的变动）"
    assert heading(old, "sec_calls", n=1) == "四、电话（1 通）"
    assert "无人当班" not in summary_text(old)
    new = a_sheet()
    assert period_text(new) == "11-23 10:00 – 11-23 18:00（自上次交接起）"
    assert heading(new, "sec_calls", "en", n=1) == "5. Calls (1)"
    assert summary_text(new).startswith("本班处理 1 个案件，无人当班期间 1 个，待处理 5 个")
    # English reads right for one as for many: label, then the number.
    assert summary_text(new, "en").startswith(
        "Cases touched: 1 | while nobody was on shift: 1 | open: 5")


def test_unknown_keys_in_a_stored_sheet_are_ignored():
    data = sheet_to_json(a_sheet())
    data["added_in_a_later_version"] = {"x": 1}
    data["open_cases"][0]["case"]["new_field"] = 3
    assert sheet_from_json(data) == a_sheet()


def test_shift_flags():
    shift = Shift(1, "小王", T, "小王", ended_at=T + timedelta(hours=8))
    assert not shift.is_open and not shift.acknowledged and not shift.self_acknowledged
    own = Shift(1, "小王", T, "小王", ended_at=T, ack_by="小王", ack_at=T)
    other = Shift(1, "小王", T, "小王", ended_at=T, ack_by="小李", ack_at=T)
    assert own.self_acknowledged and not other.self_acknowledged and other.acknowledged
    assert Shift(1, "小王", T, "小王").is_open


def test_pins_are_four_digits_salted_and_checked_in_constant_time():
    assert validate_pin("1234") == []
    for bad in ("123", "12345", "12a4", "", None, "１２３４", "1234\n"):
        assert validate_pin(bad)[0].field == "pin"
    fixed = hash_pin("1234", salt=bytes(16))
    assert "1234" not in fixed.split("$", 2)[2]  # neither salt nor hash shows the digits
    assert check_pin("1234", fixed)
    stored = hash_pin("1234")
    assert stored.startswith("pbkdf2_sha256$") and hash_pin("1234") != stored  # salted
    assert check_pin("1234", stored)
    assert not check_pin("4321", stored) and not check_pin("", stored)
    assert not check_pin(None, stored) and not check_pin("1234", "garbage")
    assert not check_pin("1234", "md5$1$00$00")
