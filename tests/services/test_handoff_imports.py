"""The hand-off sheet lists the platform exports imported in its period (who, when, which
file, what it did), each on exactly one sheet, so the next shift knows what is already in."""

from __future__ import annotations

import json

from shopdesk.domain.handoff import sheet_from_json, sheet_to_json
from shopdesk.domain.handoff_labels import import_text
from shopdesk.services.handoff_text import handoff_text
from tests.importers.helpers import DATA

from ..conftest import T0
from .shift_support import H, open_case

REFUNDS = DATA / "taobao_refund_gbk.csv"


def _import(register, actor="小王", name=REFUNDS.name):
    service = register.imports
    return service.apply(service.read(REFUNDS), name, actor, skip_bad_rows=True)


def test_the_imports_of_the_shift_are_listed_with_what_they_did(register, clock):
    clock.set(T0)
    register.shifts.start("小王")
    clock.set(T0 + H)
    _import(register)
    clock.set(T0 + 2 * H)
    _import(register, name="again.csv")
    clock.set(T0 + 4 * H)
    shift = register.shifts.end("小王")
    sheet = register.shifts.sheet(shift.id)
    first, second = sheet.imports
    assert (first.at, first.actor, first.file) == (T0 + H, "小王", REFUNDS.name)
    assert first.kind.zh == "淘宝/天猫 售后单" and first.kind.en == "Taobao/Tmall after-sales"
    assert first.summary.zh == "新建 3，更新 0，未变 0，跳过 4 行；平台已完结 1"
    assert second.summary.en == "0 new, 0 updated, 3 unchanged, 4 row(s) skipped"
    lines = handoff_text(sheet, "zh").splitlines()
    # After the stretch before the shift, when nobody was on it (the first hand-off
    # ever covers 24 hours), and before the calls.
    assert any(x.startswith("四、无人当班期间") for x in lines)
    heading = lines.index("五、平台导入（2 次）")
    assert lines[heading + 1] == ("- 11:00 小王 taobao_refund_gbk.csv（淘宝/天猫 售后单）："
                                  "新建 3，更新 0，未变 0，跳过 4 行；平台已完结 1")
    # The second brought nothing new: counted, not listed.
    assert lines[heading + 2] == "另有 1 次导入没有新内容（未列出）"
    assert (first.changed, second.changed) == (True, False)
    assert "六、电话（0 通）" in lines and "七、买家下次可致电时间" in lines
    english = handoff_text(sheet, "en").splitlines()
    assert "5. Platform exports imported (2)" in english
    # Stored with the hand-off: a past sheet shows what was imported then.
    assert sheet_from_json(json.loads(json.dumps(sheet_to_json(sheet)))) == sheet


def test_a_shift_without_imports_has_no_such_section(register, clock):
    open_case(register, "买家", order="9100000000001")
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert sheet.imports == ()
    text = handoff_text(sheet, "zh")
    assert "平台导入" not in text and "四、电话（0 通）" in text.splitlines()


def test_an_import_in_the_second_of_a_hand_off_is_on_exactly_one_sheet(register, clock):
    register.staff.add("小李", actor="小王")
    clock.set(T0 + 4 * H)
    _import(register, name="before.csv")  # the hand-off's second, before it
    first = register.shifts.end("小王")
    _import(register, "小李", name="after.csv")  # the same second, after it
    clock.advance(hours=8)
    second = register.shifts.end("小李")
    assert [x.file for x in register.shifts.sheet(first.id).imports] == ["before.csv"]
    assert [x.file for x in register.shifts.sheet(second.id).imports] == ["after.csv"]


def test_a_hand_off_marked_before_imports_were_listed_repeats_rather_than_loses(
        register, clock):
    clock.set(T0 + 4 * H)
    first = register.shifts.end("小王")
    _import(register, name="after.csv")
    # Marks kept by an earlier version have no import_log: the second is not lost.
    data = json.loads(register.db.execute(
        "SELECT data FROM shift_events WHERE shift_id = ? AND data LIKE '%marks%'",
        [first.id]).fetchone()[0])
    del data["marks"]["import_log"]
    register.db.execute("UPDATE shift_events SET data = ? WHERE shift_id = ? "
                        "AND data LIKE '%marks%'", [json.dumps(data), first.id])
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert [x.file for x in sheet.imports] == ["after.csv"]


def test_a_sheet_stored_before_imports_were_listed_reads_with_none():
    stored = {"shift_id": 1, "staff": "小王", "ended_by": "小王",
              "period_start": "2026-11-23T02:00:00+00:00",
              "period_end": "2026-11-23T06:00:00+00:00", "explicit_start": True,
              "next_shift_end": "2026-11-23T14:00:00+00:00", "next_shift_hours": 8,
              "tz": "Asia/Shanghai"}
    assert sheet_from_json(stored).imports == ()


def test_a_phone_in_a_file_name_is_masked_on_the_sheet(register, clock):
    clock.set(T0 + H)
    _import(register, name="13812345678的退款.csv")
    clock.set(T0 + 2 * H)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert sheet.imports[0].file == "138****5678的退款.csv"


def test_a_long_list_keeps_the_latest_imports_that_changed_something(register, clock,
                                                                    tmp_path):
    from shopdesk.services.handoff_text import MAX_LIST
    from tests.importers.helpers import TAOBAO_REFUND_HEADER, csv_bytes, taobao_refund_row

    clock.set(T0)
    register.shifts.start("小王")
    for i in range(MAX_LIST + 2):  # each a new refund
        clock.advance(minutes=10)
        path = tmp_path / f"export_{i}.csv"
        path.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(i)], "gbk"))
        register.imports.apply(register.imports.read(path), path.name, "小王")
        if i == 0:  # the same export again: nothing new
            register.imports.apply(register.imports.read(path), "repeat.csv", "小王")
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert len(sheet.imports) == MAX_LIST + 3
    lines = handoff_text(sheet, "zh").splitlines()
    start = next(i for i, x in enumerate(lines) if "平台导入" in x)
    listed = lines[start + 1:start + 1 + MAX_LIST]
    assert all(x.startswith("- ") for x in listed)
    assert f"export_{MAX_LIST + 1}.csv" in listed[-1] and "export_2.csv" in listed[0]
    assert lines[start + 1 + MAX_LIST:start + 3 + MAX_LIST] == [
        "另有 2 次较早的导入未列出（见 ShopDesk 的导入记录）",
        "另有 1 次导入没有新内容（未列出）"]


def test_an_order_export_says_orders_once(register, clock, tmp_path):
    from tests.services.test_orders import ORDER_HEADER, order_row, write

    clock.set(T0 + H)
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    register.imports.apply(register.imports.read(path), path.name, "小王")
    clock.set(T0 + 2 * H)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    assert import_text(sheet.imports[0], sheet, "zh") == (
        "11:00 小王 orders.csv（淘宝/天猫 订单）：新建 1，更新 0，未变 0，跳过 0 行")


def test_only_repeats_say_so_without_more(register, clock):
    clock.set(T0 + H)
    _import(register)
    clock.set(T0 + 2 * H)
    register.shifts.end("小王")
    _import(register, name="again.csv")  # nothing new
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    lines = handoff_text(sheet, "zh").splitlines()
    start = lines.index("四、平台导入（1 次）")
    assert lines[start + 1] == "1 次导入都没有新内容（未列出）"
