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
