"""Shared test helpers: the shipped config, fixture paths, file builders."""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path

from shopdesk.importers import ImportConfig

RESOURCES = Path(__file__).parents[2] / "resources" / "importers"
DATA = Path(__file__).parent / "data"

TAOBAO_REFUND_HEADER = [
    "退款编号", "订单编号", "支付宝交易号", "订单付款时间", "宝贝标题", "商品编码",
    "买家实际支付金额", "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间",
    "超时时间", "退款状态", "货物状态", "发货物流信息", "客服介入状态", "买家退款原因",
    "买家退款说明", "部分退款/全部退款", "退款完结时间",
]


@lru_cache(maxsize=1)
def config() -> ImportConfig:
    return ImportConfig.load(RESOURCES)


def taobao_refund_row(i: int, **overrides: object) -> list[object]:
    """One plausible Taobao refund row; override cells by header name."""
    values: dict[str, object] = {
        "退款编号": f'="{158000000000000000 + i}"',
        "订单编号": f'="{3126112300000000000 + i}"',
        "支付宝交易号": f"{2026112022001100000000 + i}\t",
        "订单付款时间": "2026-11-20 10:00:00",
        "宝贝标题": f"测试宝贝 {i}",
        "商品编码": f"SKU-{i % 50}",
        "买家实际支付金额": "128.00",
        "买家退款金额": "64.50",
        "手工退款/系统退款": "手工退款",
        "是否需要退货": "是" if i % 2 else "否",
        "退款的申请时间": "2026-11-23 09:30:00",
        "超时时间": "2026-11-25 09:30:00",
        "退款状态": "买家已经申请退款，等待卖家同意",
        "货物状态": "买家已收到货",
        "发货物流信息": "",
        "客服介入状态": "未介入",
        "买家退款原因": "质量问题" if i % 3 else "七天无理由退换货",
        "买家退款说明": "说明",
        "部分退款/全部退款": "部分退款",
        "退款完结时间": "",
    }
    for key, value in overrides.items():
        assert key in values, key
        values[key] = value
    return [values[h] for h in TAOBAO_REFUND_HEADER]


def csv_bytes(rows: list[list[object]], encoding: str = "utf-8", *,
              before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> bytes:
    """Rows -> CSV bytes (CRLF, like Excel), with raw lines before/after the table."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if c is None else c for c in row])
    text = "".join(line + "\r\n" for line in before) + out.getvalue()
    text += "".join(line + "\r\n" for line in after)
    return text.encode(encoding)


def xlsx_bytes(rows: list[list[object]], *, title: str = "Sheet1",
               number_formats: dict[int, str] | None = None) -> bytes:
    """Rows -> an .xlsx workbook; number_formats: column index -> Excel number format."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for col, fmt in (number_formats or {}).items():
        for cells in sheet.iter_rows(min_col=col + 1, max_col=col + 1):
            for cell in cells:
                cell.number_format = fmt
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# The 42-column layout of a real Taobao refund export (退款管理 → 批量导出), in file order.
TAOBAO_42_HEADER = [
    "订单编号", "退款编号", "支付宝交易号", "订单付款时间", "商品编码", "退款完结时间",
    "买家实际支付金额", "宝贝标题", "买家退款金额", "手工退款/系统退款", "是否需要退货",
    "退款的申请时间", "超时时间", "退款状态", "货物状态", "退货物流信息", "发货物流信息",
    "客服介入状态", "卖家真实姓名", "卖家真实姓名新", "卖家退货地址", "卖家邮编", "卖家电话",
    "卖家手机", "退货物流单号", "退货物流公司", "买家退款原因", "买家退款说明", "买家退货时间",
    "责任方", "售中或售后", "商家备注", "完结时间", "部分退款/全部退款", "审核操作人",
    "举证超时", "是否零秒响应", "退款操作人", "退款原因标签", "业务类型", "是否帮他退款",
    "帮他退款操作账号",
]


def taobao42_row(i: int, **overrides: object) -> list[object]:
    """One row of the 42-column Taobao export; override cells by header name."""
    values: dict[str, object] = {h: "" for h in TAOBAO_42_HEADER}
    values.update({
        "订单编号": f'="{3126112300000000000 + i}"',
        "退款编号": f'="{158000000000000000 + i}"',
        "支付宝交易号": f"{2026112022001100000000 + i}\t",
        "订单付款时间": "2026-11-01 10:00:00",
        "商品编码": f"SKU-{i}",
        "买家实际支付金额": "100.00",
        "宝贝标题": f"宝贝 {i}",
        "买家退款金额": "100.00",
        "手工退款/系统退款": "手工退款",
        "是否需要退货": "否",
        "退款的申请时间": "2026-11-02 09:00:00",
        "超时时间": "2026-11-04 09:00:00",
        "退款状态": "买家已经申请退款，等待卖家同意",
        "货物状态": "买家已收到货",
        "客服介入状态": "不需客服介入",
        "卖家真实姓名": "林小店",
        "卖家退货地址": "浙江省杭州市余杭区 某路 8号",
        "卖家手机": "13800000000",
        "买家退款原因": "质量问题",
        "买家退款说明": "说明",
        "售中或售后": "售后",
        "部分退款/全部退款": "全部退款",
        "是否零秒响应": "否",
        "业务类型": "淘宝",
        "是否帮他退款": "否",
    })
    for key, value in overrides.items():
        assert key in values, key
        values[key] = value
    return [values[h] for h in TAOBAO_42_HEADER]


# Every state a Taobao refund can be in, one row each (row i+2 in the file).
TAOBAO_42_STATES: list[dict[str, object]] = [
    {"退款状态": "买家已经申请退款，等待卖家同意"},
    {"退款状态": "卖家已经同意退款，等待买家退货", "是否需要退货": "是"},
    {"退款状态": "买家已经退货，等待卖家确认收货", "是否需要退货": "是",
     "买家退货时间": "2026-11-05 18:20:00", "退货物流单号": '="YT1234567890123"',
     "退货物流公司": "圆通速递", "退货物流信息": "圆通速递 YT1234567890123"},
    {"退款状态": "卖家拒绝退款", "责任方": "买家"},
    {"退款状态": "退款成功", "退款完结时间": "2026-11-03 12:00:00",
     "完结时间": "2026-11-03 12:00:00", "退款原因标签": "质量问题"},
    {"退款状态": "退款成功", "买家退款金额": "35.50", "部分退款/全部退款": "部分退款",
     "完结时间": "2026-11-06 08:30:00", "责任方": "卖家"},
    {"退款状态": "退款关闭", "完结时间": "2026-11-07 20:00:00", "买家退款原因": "不想要了"},
    {"退款状态": "买家已经申请退款，等待卖家同意", "客服介入状态": "客服介入中",
     "举证超时": "2026-11-09 09:00:00", "售中或售后": "售中"},
    {"退款状态": "卖家拒绝退款", "客服介入状态": "需要客服介入"},
    {"退款状态": "退款成功", "客服介入状态": "客服处理完成",
     "退款完结时间": "2026-11-08 10:00:00"},
]


def taobao42_rows(states: list[dict[str, object]] | None = None) -> list[list[object]]:
    """The header and one row per state."""
    return [TAOBAO_42_HEADER] + [taobao42_row(i, **cells)
                                 for i, cells in enumerate(states or TAOBAO_42_STATES, 1)]
