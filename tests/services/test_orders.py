"""Order exports: upserted into the orders table, looked up, used to fill empty case fields."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.imports import ImportService
from shopdesk.storage.orders import OrderStore
from tests.importers.helpers import DATA, TAOBAO_REFUND_HEADER, csv_bytes, taobao_refund_row

ORDER_HEADER = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "收货人姓名", "收货地址",
                "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "商家编码", "物流单号",
                "物流公司", "店铺名称"]


def order_row(i: int, **over: str) -> list[str]:
    values = {"订单编号": f"31261123000000000{i:02d}", "买家会员名": f"tb_buyer_{i}",
              "买家实际支付金额": "128.00", "订单状态": "卖家已发货，等待买家确认",
              "收货人姓名": "张三", "收货地址": "浙江省 杭州市 西湖区 文三路 100号",
              "联系手机": "13812345678", "订单创建时间": "2026-11-20 09:58:12",
              "订单付款时间": "2026-11-20 10:00:00", "宝贝标题": "纯棉短袖T恤 白色 L",
              "商家编码": "TS-WHITE-L", "物流单号": "75312345678901", "物流公司": "中通快递",
              "店铺名称": "小林的店"}
    values.update(over)
    return [values[h] for h in ORDER_HEADER]


def write(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, "utf-8-sig"))
    return path


@pytest.fixture
def service(register) -> ImportService:
    return register.imports


def imported(service, path, **kw):
    return service.apply(service.read(path), path.name, "小王", **kw)


def test_order_exports_are_upserted_not_turned_into_cases(service, register, tmp_path):
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    report = imported(service, path)
    assert (report.record_type, report.created, report.updated) == ("order", 2, 0)
    assert report.message().startswith("已导入订单：新建 2")
    assert register.cases.store.total() == 0
    assert OrderStore(register.db).count() == 2
    assert (imported(service, path).unchanged, OrderStore(register.db).count()) == (2, 2)
    later = write(tmp_path, "later.csv", [ORDER_HEADER,
                                          order_row(1, 订单状态="交易成功", 联系手机="138****5678",
                                                    收货地址="")])
    report = imported(service, later)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)
    order = service.orders.lookup_order("taobao", "3126112300000000001")
    assert order.status == "交易成功"
    # A masked phone or an empty address in a later export does not erase what we had.
    assert order.buyer_phone == "13812345678"
    assert order.buyer_address == "浙江省 杭州市 西湖区 文三路 100号"
    assert order.extra["buyer_phone_masked"] == "138****5678"
    assert order.amount_paid == Decimal("128.00") and order.waybill == "75312345678901"


def test_lookup_of_an_unknown_order_is_none(service):
    assert service.orders.lookup_order(Platform.TAOBAO, "999") is None


def test_a_case_opened_after_its_order_export_is_filled_and_audited(service, register,
                                                                    tmp_path):
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    register.staff.add("小李", actor="小王")
    case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                              order_no="3126112300000000001",
                                              kind=CaseKind.REFUND_ONLY, buyer_name="张先生"),
                                    "小李")
    assert case.buyer_name == "张先生"  # typed: kept
    assert case.buyer_phone == "13812345678" and case.buyer_nick == "tb_buyer_1"
    assert (case.buyer_address, case.item_title, case.sku) == \
        ("浙江省 杭州市 西湖区 文三路 100号", "纯棉短袖T恤 白色 L", "TS-WHITE-L")
    assert register.cases.get(case.id).sku == "TS-WHITE-L"
    filled = ["buyer_address", "buyer_nick", "buyer_phone", "item_title", "sku"]
    audit = [a for a in register.cases.audit(case.id) if a.action == "enrich"]
    assert sorted(a.field for a in audit) == filled and {a.actor for a in audit} == {"小李"}
    [event] = [e for e in register.cases.timeline(case.id) if e.type == "enriched"]
    assert event.text == "从订单补全：买家昵称、买家电话、收货地址、商品标题、商品编码"
    assert event.data == {"order_no": "3126112300000000001", "fields": filled}
    # Found by its buyer and item at once: the fields are searchable and judged.
    assert register.cases.query_ids(CaseQuery(search="tb_buyer_1")) == [case.id]


def test_a_case_without_a_stored_order_is_opened_as_typed(service, register, tmp_path):
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    # The same number on another platform is another order.
    case = register.cases.open_case(CaseDraft(platform=Platform.JD,
                                              order_no="3126112300000000001",
                                              kind=CaseKind.EXCHANGE), "小王")
    assert (case.buyer_nick, case.sku) == ("", "")
    assert [a.action for a in register.cases.audit(case.id)] == ["create"]
    assert [e.type for e in register.cases.timeline(case.id)] == ["created"]


def test_a_refund_import_fills_new_cases_from_stored_orders(service, register, tmp_path):
    imported(service, DATA / "taobao_order_utf8bom.csv", skip_bad_rows=True)
    path = tmp_path / "refunds.csv"
    path.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1),
                                taobao_refund_row(5)], "gbk"))
    report = imported(service, path)
    first, other = (register.cases.get(i) for i in report.created_ids)
    assert first.buyer_name == "张三" and first.buyer_phone == "13812345678"
    assert first.item_title == "测试宝贝 1"  # the refund export's own title wins
    assert other.buyer_name == ""  # no stored order for it
    assert imported(service, path).unchanged == 2


def _opened_by_hand(register, order_no="3126112300000000001", **typed):
    return register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no=order_no,
                                              kind=CaseKind.REFUND_ONLY, **typed), "小李")


def test_an_order_import_fills_cases_opened_before_it(service, register, tmp_path):
    case = _opened_by_hand(register, buyer_name="张先生")
    other = _opened_by_hand(register, order_no="999")  # no order in the file
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    report = imported(service, path)
    assert report.filled_cases == 1
    assert "补全了 1 个案件空着的买家或商品信息" in report.message()
    assert "filled the empty buyer or item fields of 1 case(s)" in report.message("en")
    assert report.to_json()["filled_cases"] == 1
    case = register.cases.get(case.id)
    assert case.buyer_name == "张先生"  # typed: kept
    assert (case.buyer_nick, case.buyer_phone, case.sku) == ("tb_buyer_1", "13812345678",
                                                             "TS-WHITE-L")
    audit = [a for a in register.cases.audit(case.id) if a.action == "enrich"]
    assert {a.field for a in audit} == {"buyer_nick", "buyer_phone", "buyer_address",
                                        "item_title", "sku"}
    assert {a.actor for a in audit} == {"小王"}  # who imported the file
    event = register.cases.timeline(case.id)[-1]
    assert event.type == "enriched" and "买家昵称" in event.text
    assert register.cases.get(other.id).buyer_nick == ""
    # The search index knows the filled values.
    assert register.cases.query_ids(CaseQuery(search="tb_buyer_1")) == [case.id]
    # Nothing left to fill: a second import of the file fills nothing.
    again = imported(service, path)
    assert (again.unchanged, again.filled_cases) == (2, 0)
    assert "补全" not in again.message()


def test_an_unchanged_order_fills_a_case_restored_since_its_import(
        service, register, tmp_path):
    """A case in the trash when the export was imported, restored since."""
    case = _opened_by_hand(register)
    register.cases.delete([case.id], "小李")
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    imported(service, path)
    register.cases.restore([case.id], "小李")
    assert register.cases.get(case.id).buyer_nick == ""
    report = imported(service, path)
    assert (report.unchanged, report.filled_cases) == (1, 1)
    assert register.cases.get(case.id).buyer_nick == "tb_buyer_1"


def test_a_case_opened_after_the_export_leaves_the_reimport_nothing_to_fill(
        service, register, tmp_path):
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    imported(service, path)
    case = _opened_by_hand(register)
    assert register.cases.get(case.id).buyer_nick == "tb_buyer_1"
    assert imported(service, path).filled_cases == 0


def test_a_case_moved_to_a_known_order_is_filled_as_it_is_saved(service, register, tmp_path):
    """A case typed with a wrong order number and corrected after the export was imported;
    an edit that keeps the order number fills nothing (a field cleared stays clear)."""
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    case = _opened_by_hand(register, order_no="3126112300000000099", buyer_name="张先生")
    assert case.buyer_nick == ""
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    register.cases.update(case.id, CaseDraft(**{**fields, "order_no": "3126112300000000001"}),
                          "小李")
    case = register.cases.get(case.id)
    assert (case.buyer_nick, case.buyer_name, case.sku) == ("tb_buyer_1", "张先生", "TS-WHITE-L")
    timeline = register.cases.timeline(case.id)
    assert [e.type for e in timeline][-2:] == ["edit", "enriched"]
    assert timeline[-2].data == {"fields": ["order_no"]}
    assert {a.field for a in register.cases.audit(case.id) if a.action == "enrich"} == \
        {"buyer_nick", "buyer_phone", "buyer_address", "item_title", "sku"}
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    register.cases.update(case.id, CaseDraft(**{**fields, "sku": ""}), "小李")
    assert register.cases.get(case.id).sku == ""


def test_a_preview_counts_the_fills_and_writes_nothing(service, register, tmp_path):
    case = _opened_by_hand(register)
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    report = service.preview(service.read(path), path.name)
    assert report.filled_cases == 1 and not report.imported
    assert "将补全 1 个案件" in report.message()
    assert register.cases.get(case.id).buyer_nick == ""
    assert [a.action for a in register.cases.audit(case.id)] == ["create"]


def test_cases_in_the_trash_are_not_filled(service, register, tmp_path):
    case = _opened_by_hand(register)
    register.cases.delete([case.id], "小李")
    report = imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    assert report.filled_cases == 0
    assert register.cases.store.get(case.id, include_deleted=True).buyer_nick == ""


def test_a_filled_buyer_is_checked_against_the_malicious_buyer_list(
        service, register, tmp_path):
    register.blacklist.add(platform="taobao", buyer_nick="tb_buyer_1", reason="多次恶意退款",
                           actor="小王")
    case = _opened_by_hand(register)
    assert not register.warnings.for_case(case.id)
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    assert "blacklisted" in {w.rule.value for w in register.warnings.for_case(case.id)}


def test_every_live_case_of_the_order_on_its_platform_is_filled(service, register, tmp_path):
    first = _opened_by_hand(register)
    second = _opened_by_hand(register)  # a second after-sales case on the same order
    elsewhere = register.cases.open_case(CaseDraft(platform=Platform.JD,
                                                   order_no="3126112300000000001",
                                                   kind=CaseKind.EXCHANGE), "小李")
    report = imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)]))
    assert report.filled_cases == 2
    assert {register.cases.get(c.id).buyer_nick for c in (first, second)} == {"tb_buyer_1"}
    assert register.cases.get(elsewhere.id).buyer_nick == ""  # another platform's order


def test_a_changed_order_fills_with_its_new_values(service, register, tmp_path):
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1, 宝贝标题="")]))
    case = _opened_by_hand(register, item_title="")
    later = write(tmp_path, "later.csv", [ORDER_HEADER, order_row(1, 宝贝标题="保温杯 500ml")])
    report = imported(service, later)
    assert (report.updated, report.filled_cases) == (1, 1)
    assert register.cases.get(case.id).item_title == "保温杯 500ml"


def test_a_file_with_a_bad_row_counts_the_fills_of_its_valid_rows(service, register, tmp_path):
    case = _opened_by_hand(register)
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1),
                                          order_row(2, 买家实际支付金额="很多")])
    refused = service.preview(service.read(path), path.name)
    assert refused.refused is not None and refused.filled_cases == 1
    report = imported(service, path, skip_bad_rows=True)
    assert report.filled_cases == 1 and register.cases.get(case.id).buyer_nick == "tb_buyer_1"


def test_a_finished_case_is_filled_but_keeps_when_it_ended(service, register, tmp_path, clock):
    """A finished case's updated_at is when it ended (the warning rules read it so): a
    fill leaves it; an open case's moves to the import."""
    from shopdesk.domain.enums import CaseStatus, Outcome
    from shopdesk.domain.workflow import Transition

    case = _opened_by_hand(register)
    register.cases.change_status(case.id, Transition(CaseStatus.IN_PROGRESS), "小李")
    register.cases.change_status(
        case.id, Transition(CaseStatus.RESOLVED, outcome=Outcome.BUYER_WITHDREW), "小李")
    ended = register.cases.get(case.id).updated_at
    opened = _opened_by_hand(register, order_no="3126112300000000002")
    clock.advance(hours=3)
    imported(service, write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1),
                                                     order_row(2)]))
    finished = register.cases.get(case.id)
    assert finished.buyer_nick == "tb_buyer_1" and finished.updated_at == ended
    assert register.cases.get(opened.id).updated_at == clock.now()


def test_the_fills_report_progress_and_a_cancel_keeps_nothing(service, register, tmp_path):
    from shopdesk.importers import ImportCancelled

    cases = [_opened_by_hand(register, order_no=f"31261123000000000{i:02d}")
             for i in range(1, 4)]
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, *(order_row(i) for i in range(1, 4))])
    asked = 0

    def cancel_once_the_orders_are_written() -> bool:
        nonlocal asked
        asked += 1
        # Asked at the start, before the orders are written and after: the fourth time
        # is in the fills, once the orders are in.
        return asked > 3

    with pytest.raises(ImportCancelled):
        service.apply(service.read(path), path.name, "小王",
                      cancelled=cancel_once_the_orders_are_written)
    assert asked == 4
    assert OrderStore(register.db).count() == 0  # rolled back, the orders too
    assert all(register.cases.get(c.id).buyer_nick == "" for c in cases)
    seen: list[tuple[int, int]] = []
    imported(service, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)  # 3 orders written, then 3 cases filled


def test_a_case_moved_between_known_orders_takes_the_new_buyer(service, register, tmp_path):
    """Opened with a mistyped number that is another real order, the case got that order's
    buyer; corrected, what still holds that order's values takes the right order's, and
    what the seller typed, or changed in the same save, stays."""
    imported(service, write(tmp_path, "orders.csv", [
        ORDER_HEADER, order_row(1),
        order_row(2, 买家会员名="other_buyer", 联系手机="13900001111", 收货人姓名="李四",
                  收货地址="北京市 朝阳区 另一条路 1号", 宝贝标题="保温杯", 商家编码="CUP-1")]))
    case = _opened_by_hand(register, order_no="3126112300000000002", buyer_name="张先生")
    assert (case.buyer_nick, case.sku) == ("other_buyer", "CUP-1")
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    register.cases.update(case.id, CaseDraft(**{
        **fields, "order_no": "3126112300000000001", "item_title": "保温杯（蓝）"}), "小李")
    case = register.cases.get(case.id)
    assert (case.buyer_nick, case.buyer_phone, case.buyer_address, case.sku) == \
        ("tb_buyer_1", "13812345678", "浙江省 杭州市 西湖区 文三路 100号", "TS-WHITE-L")
    assert case.buyer_name == "张先生"  # typed, never the first order's
    assert case.item_title == "保温杯（蓝）"  # changed in the same save
    moved = {a.field: (a.old, a.new) for a in register.cases.audit(case.id)
             if a.action == "enrich" and a.new in ("tb_buyer_1", "TS-WHITE-L")}
    assert moved == {"buyer_nick": ("other_buyer", "tb_buyer_1"),
                     "sku": ("CUP-1", "TS-WHITE-L")}
    # Moved on to an order no export mentioned: nothing to go by, nothing changes.
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    register.cases.update(case.id, CaseDraft(**{**fields, "order_no": "3126112300000000077"}),
                          "小李")
    assert register.cases.get(case.id).buyer_nick == "tb_buyer_1"
