"""An import reaches return_delivered: PDD's tracking column says 签收, JD's status says
the item is back; the deadline follows the stage's rule (PDD: 24 h)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from shopdesk.domain.platform_state import PlatformStage
from tests.importers.helpers import csv_bytes

HEADER = ["订单号", "售后编号", "商品名称", "售后类型", "售后原因", "申请退款金额(元)",
          "用户实付金额(元)", "售后状态", "申请时间", "平台介入状态", "退货快递公司",
          "退货运单号", "退货物流状态", "店铺名称"]


def pdd_rows(tracking: str) -> list[list[object]]:
    return [HEADER, ["261120-512345678901234", "9012345678", "玻璃花瓶", "退货退款", "商品破损",
                     "35.00", "35.00", "待商家收货", "2026-11-20 11:00:00", "未介入",
                     "韵达快递", "4312345678901", tracking, "小林百货"]]


def run(register, tmp_path: Path, rows, name: str):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows, "gbk"))
    service = register.imports
    parsed = service.read(path, preset="pinduoduo_aftersale")
    return service.apply(parsed, name, "小王")


def test_pdd_return_delivered_by_tracking_gets_its_24_hours(register, clock, tmp_path):
    report = run(register, tmp_path, pdd_rows("运输中"), "a.csv")
    assert report.created == 1 and report.unknown_statuses == []
    [case] = register.cases.store.find(refund_no="9012345678")
    d = register.deadlines.for_case(case.id)
    assert d.stage is PlatformStage.RETURN_TO_CHECK and d.rule.key == "pinduoduo.return_in_transit"
    clock.advance(hours=3)
    run(register, tmp_path, pdd_rows("签收"), "b.csv")
    case = register.cases.get(case.id)
    assert case.platform_stage is PlatformStage.RETURN_DELIVERED
    d = register.deadlines.for_case(case.id)
    assert d.stage is PlatformStage.RETURN_DELIVERED
    assert d.rule.key == "pinduoduo.return_delivered"
    assert d.due_at == clock.now() + timedelta(hours=24)
