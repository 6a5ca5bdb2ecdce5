"""A case whose typed buyer is not its order's (a nickname or phone that differs: a
mistyped order number, most often) is not filled from that order: no stranger's phone or
address on the case. The timeline, the dispute summary, the hand-off sheet, `cases add` and
an order export's report say why; the form asks before saving (tests/ui)."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.reports.summary_labels import Labels
from shopdesk.reports.summary_timeline import timeline_content
from shopdesk.services.handoff_text import handoff_text
from shopdesk.services.order_fill import OrderMismatch
from tests.services.test_orders import ORDER_HEADER, order_row, write

ORDER_1 = "3126112300000000001"  # buyer tb_buyer_1, 13812345678 (order_row)
ORDER_2 = "3126112300000000002"  # buyer tb_buyer_2


def _orders(register, tmp_path, rows=None):
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, *(rows or [order_row(1),
                                                                    order_row(2)])])
    return register.imports.apply(register.imports.read(path), path.name, "小王")


def _draft(order_no=ORDER_1, **typed) -> CaseDraft:
    return CaseDraft(platform=Platform.TAOBAO, order_no=order_no, kind=CaseKind.REFUND_ONLY,
                     **typed)


def test_another_buyers_order_fills_nothing_and_says_why(register, tmp_path):
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(buyer_nick="张三"), "小王")
    assert (case.buyer_nick, case.buyer_phone, case.buyer_address, case.item_title) == \
        ("张三", "", "", "")
    events = {e.type: e for e in register.cases.timeline(case.id)}
    assert "enriched" not in events
    event = events["order_mismatch"]
    assert event.data == {"order_no": ORDER_1, "fields": ["buyer_nick"],
                          "order_buyer": "tb_buyer_1"}
    assert event.text == (f"订单 {ORDER_1} 的买家是 tb_buyer_1，与本案件填写的买家昵称不同："
                          "没有从订单补全，请核对订单号")
    assert not [a for a in register.cases.audit(case.id) if a.action == "enrich"]


def test_the_same_buyer_written_another_way_still_fills(register, tmp_path):
    _orders(register, tmp_path, [order_row(1, 买家会员名="t**_1"), order_row(2)])
    for order_no, typed in ((ORDER_1, {"buyer_nick": "TB_Buyer_1"}),  # masked on the order
                            (ORDER_2, {"buyer_nick": "TB_BUYER_2"}),  # case ignored
                            (ORDER_2, {"buyer_phone": "+86 138-1234-5678"}),
                            (ORDER_2, {"buyer_nick": "t＊2"})):  # a full-width star
        case = register.cases.open_case(_draft(order_no, **typed), "小王")
        assert case.item_title == "纯棉短袖T恤 白色 L", typed
        assert "order_mismatch" not in {e.type for e in register.cases.timeline(case.id)}


def test_the_nickname_decides_a_phone_that_differs_is_another_contact(register, tmp_path):
    """The order's phone is the recipient's: a buyer who gives another number (a gift, a
    family member) is the same buyer when the nickname agrees."""
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(buyer_nick="tb_buyer_1",
                                           buyer_phone="13900001111"), "小王")
    assert (case.buyer_phone, case.buyer_address[:3]) == ("13900001111", "浙江省")
    assert "order_mismatch" not in {e.type for e in register.cases.timeline(case.id)}


def test_masks_and_odd_values_compare_as_what_they_could_be():
    from shopdesk.services.order_fill import _same

    for name, a, b, same in (("buyer_nick", "a.b", "axb", False),
                             ("buyer_nick", "*", "张三", True),
                             ("buyer_nick", "张*", "张三丰", True),
                             ("buyer_nick", "张*", "李三", False),
                             ("buyer_nick", "t**1", "t**2", True),  # both masked: cannot tell
                             ("buyer_phone", "138****5678", "13812345678", True),
                             ("buyer_phone", "138****5678", "13912345678", False),
                             ("buyer_phone", "8613812345678", "13812345678", True),
                             ("buyer_phone", "13812345678", "13812345679", False)):
        assert _same(name, a, b) is same, (a, b)


def test_a_typed_phone_that_differs_fills_nothing(register, tmp_path):
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(buyer_phone="13900001111"), "小王")
    assert (case.buyer_nick, case.buyer_address) == ("", "")
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "order_mismatch"]
    assert event.data["fields"] == ["buyer_phone"]


def test_the_form_can_ask_before_saving_and_nothing_is_written(register, tmp_path):
    _orders(register, tmp_path)
    before = register.cases.store.total()
    wrong = register.cases.order_mismatch(_draft(order_no=f" {ORDER_1} ", buyer_nick="张三"))
    assert wrong == OrderMismatch(ORDER_1, ("buyer_nick",), "tb_buyer_1")
    assert register.cases.order_mismatch(_draft(buyer_nick="tb_buyer_1")) is None
    assert register.cases.order_mismatch(_draft(order_no="9999999999", buyer_nick="张三")) \
        is None  # no export mentioned it
    assert register.cases.store.total() == before
    # An edit that keeps the order meets nothing; one that moves it to another buyer's does.
    case = register.cases.open_case(_draft(order_no="9999999999", buyer_nick="张三"), "小王")
    same = _draft(order_no="9999999999", buyer_nick="张三", buyer_name="张三丰")
    assert register.cases.order_mismatch(same, case.id) is None
    moved = _draft(order_no=ORDER_2, buyer_nick="张三")
    assert register.cases.order_mismatch(moved, case.id).order_buyer == "tb_buyer_2"


def test_an_edit_to_another_buyers_order_fills_nothing(register, tmp_path):
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(order_no="9999999999", buyer_nick="张三"), "小王")
    edited = _draft(order_no=ORDER_2, buyer_nick="张三")
    after = register.cases.update(case.id, edited, "小王")
    assert (after.order_no, after.buyer_phone, after.item_title) == (ORDER_2, "", "")
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "order_mismatch"]
    assert event.data["order_buyer"] == "tb_buyer_2"


def test_a_typed_buyer_is_not_taken_for_the_previous_orders_fill(register, tmp_path):
    """A nickname typed by the seller that equals the first order's is still theirs: moving
    the case to another buyer's order asks, and overwrites nothing."""
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(buyer_nick="tb_buyer_1"), "小王")
    moved = _draft(order_no=ORDER_2, **{f: getattr(case, f) for f in (
        "buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "item_title", "sku")})
    wrong = register.cases.order_mismatch(moved, case.id)
    assert wrong is not None and wrong.order_buyer == "tb_buyer_2"
    after = register.cases.update(case.id, moved, "小王")
    assert after.buyer_nick == "tb_buyer_1"
    assert register.cases.timeline(case.id)[-1].type == "order_mismatch"


def test_a_move_between_known_orders_is_not_a_mismatch(register, tmp_path):
    """What still holds the first order's buyer was not typed: the second order's buyer
    replaces it, as before."""
    _orders(register, tmp_path)
    case = register.cases.open_case(_draft(), "小王")
    assert case.buyer_nick == "tb_buyer_1"
    moved = _draft(order_no=ORDER_2, **{
        f: getattr(case, f) for f in ("buyer_nick", "buyer_name", "buyer_phone",
                                      "buyer_address", "item_title", "sku")})
    assert register.cases.order_mismatch(moved, case.id) is None  # the form does not ask
    after = register.cases.update(case.id, moved, "小王")
    assert after.buyer_nick == "tb_buyer_2"
    assert "order_mismatch" not in {e.type for e in register.cases.timeline(case.id)}


def test_an_order_export_does_not_fill_a_case_typed_for_another_buyer(register, tmp_path):
    typed = register.cases.open_case(_draft(buyer_nick="张三"), "小王")
    other = register.cases.open_case(_draft(order_no=ORDER_2), "小王")
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    service = register.imports
    preview = service.preview(service.read(path), path.name)
    assert preview.filled_cases == 1 and preview.mismatched_cases == [typed.case_no]
    report = service.apply(service.read(path), path.name, "小王")
    assert report.filled_cases == 1 and report.mismatched_cases == [typed.case_no]
    assert f"1 个案件填写的买家与订单的不同，没有补全（请核对订单号：{typed.case_no}）" \
        in report.message("zh")
    assert report.to_json()["mismatched_cases"] == [typed.case_no]
    assert register.cases.get(typed.id).buyer_phone == ""
    assert register.cases.get(other.id).buyer_nick == "tb_buyer_2"
    # Its timeline says why, and the next import lists it no more.
    [event] = [e for e in register.cases.timeline(typed.id) if e.type == "order_mismatch"]
    assert event.data["order_buyer"] == "tb_buyer_1"
    again = service.apply(service.read(path), "again.csv", "小王")
    assert again.mismatched_cases == []


def test_an_order_export_lists_only_cases_it_had_something_for(register, tmp_path):
    # Listed by the first export that has its order (its timeline then says why) ...
    told = register.cases.open_case(_draft(buyer_nick="张三"), "小王")
    assert _orders(register, tmp_path, [order_row(1)]).mismatched_cases == [told.case_no]
    assert [e.type for e in register.cases.timeline(told.id)].count("order_mismatch") == 1
    # ... not by the next; nor is a case with nothing the order could fill.
    full = register.cases.open_case(_draft(
        order_no=ORDER_2, buyer_nick="李四", buyer_name="李四", buyer_phone="13700002222",
        buyer_address="上海", item_title="杯子", sku="CUP"), "小王")
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    report = register.imports.apply(register.imports.read(path), path.name, "小王")
    assert report.mismatched_cases == []
    assert "order_mismatch" not in {e.type for e in register.cases.timeline(full.id)}


def test_the_summary_and_the_hand_off_say_why_it_was_not_filled(register, clock, tmp_path):
    _orders(register, tmp_path)
    register.shifts.start("小王")
    clock.advance(minutes=5)
    case = register.cases.open_case(_draft(buyer_nick="张三"), "小王")
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "order_mismatch"]
    zh, en = Labels("zh"), Labels("en")
    assert zh.event_type("order_mismatch") == "未从订单补全"
    assert en.event_type("order_mismatch") == "Not filled from order"
    assert timeline_content(event, zh, "Asia/Shanghai", event.at) == \
        f"订单 {ORDER_1} 的买家与本案件不同（买家昵称），请核对订单号"
    assert timeline_content(event, en, "Asia/Shanghai", event.at) == (
        f"Order {ORDER_1} names another buyer (Buyer nickname); check the order number")
    clock.advance(hours=1)
    sheet = register.shifts.sheet(register.shifts.end("小王").id)
    text = handoff_text(sheet, "zh")
    assert f"未从订单 {ORDER_1} 补全：订单的买家与本案件不同（买家昵称）" in text
    assert f"Not filled from order {ORDER_1}: it names another buyer (Buyer nickname)" \
        in handoff_text(sheet, "en")
