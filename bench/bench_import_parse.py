"""Benchmark: parse a 50,000-row Taobao refund export (GBK CSV).

Run: .venv/bin/python bench/bench_import_parse.py [rows]
Prints figures only; asserts nothing about time.
"""

from __future__ import annotations

import csv
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from shopdesk.importers import ImportConfig, parse_file  # noqa: E402

ROWS = 50_000
RUNS = 3
HEADER = [
    "退款编号", "订单编号", "支付宝交易号", "订单付款时间", "宝贝标题", "商品编码",
    "买家实际支付金额", "买家退款金额", "手工退款/系统退款", "是否需要退货", "退款的申请时间",
    "超时时间", "退款状态", "货物状态", "发货物流信息", "客服介入状态", "买家退款原因",
    "买家退款说明", "部分退款/全部退款", "退款完结时间",
]
REASONS = ["七天无理由退换货", "质量问题", "与商品描述不符", "少件/漏发", "快递一直未送达",
           "包装/商品破损/污渍", "多拍/拍错/不想要", "协商一致退款"]


def make_export(path: Path, rows: int) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("淘宝退款记录导出\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        order = f'="{3126112300000000000 + i}"' if i % 1000 else "3.12611E+18"
        day = 1 + i % 28
        writer.writerow([
            f'="{158000000000000000 + i}"', order, f"{2026112022001100000000 + i}\t",
            f"2026-11-{day:02d} 10:00:00", f"测试宝贝 {i % 500} 纯棉短袖T恤", f"SKU-{i % 300}",
            f"{100 + i % 900}.00", f"{50 + i % 50}.50", "手工退款", "是" if i % 2 else "否",
            f"2026/11/{day:02d} 12:30", f"2026年12月{day:02d}日 12:30",
            "买家已经申请退款，等待卖家同意", "买家已收到货", "", "未介入",
            REASONS[i % len(REASONS)], "说明文字" * (i % 4), "部分退款", "",
        ])
    out.write(",,,,,,,,,,\r\n\r\n")
    path.write_bytes(out.getvalue().encode("gbk"))


def main(rows: int = ROWS) -> None:
    config = ImportConfig.load(ROOT / "resources" / "importers")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "taobao_refund_gbk.csv"
        started = time.perf_counter()
        make_export(path, rows)
        print(f"generated {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB GBK "
              f"in {time.perf_counter() - started:.2f} s")
        times = []
        result = None
        for _ in range(RUNS):
            started = time.perf_counter()
            result = parse_file(path, config)
            times.append(time.perf_counter() - started)
        assert result is not None and result.ok, result and result.file_error
        median = statistics.median(times)
        print(f"parse runs: {', '.join(f'{t:.2f} s' for t in times)}")
        print(f"median parse time: {median:.2f} s ({rows / median:,.0f} rows/s); "
              f"records {len(result.records):,}, row errors {len(result.errors):,}, "
              f"preset {result.preset}, encoding {result.encoding}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
