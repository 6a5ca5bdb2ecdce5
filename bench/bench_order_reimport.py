"""Issue 13, re-import of an unchanged order export: a 50,000-row Taobao order export
(GBK CSV) imported into a fresh register, then the same file again (every row unchanged),
read and applied as the window and the command line do. Beside it, in the same runs, the
raw limit of reading the file at all: decoding it and splitting it into rows with
`csv.reader`.

Run: `python -m bench.bench_order_reimport [--rows N] [--runs N]`. Prints medians, rows/s
and the ratio; asserts nothing about time (the goal is >= 30,000 rows/s).
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import tempfile
import time
from pathlib import Path

from bench.clock import BENCH_NOW
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register

ROWS = 50_000
HEADER = ["订单编号", "买家会员名", "买家实际支付金额", "订单状态", "收货人姓名", "收货地址",
          "联系手机", "订单创建时间", "订单付款时间", "宝贝标题", "商家编码", "物流单号",
          "物流公司", "店铺名称", "买家留言"]
STATES = ["卖家已发货，等待买家确认", "交易成功", "买家已付款，等待卖家发货", "交易关闭"]


def make_order_export(path: Path, rows: int) -> None:
    """A Taobao order export as the platform writes it (GBK, ="..." order numbers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for i in range(rows):
        day = 1 + i % 28
        writer.writerow([
            f'="{3126112300000000000 + i}"', f"tb_buyer_{i % 20_000}", f"{100 + i % 900}.00",
            STATES[i % len(STATES)], f"买家{i % 3000}", f"浙江省 杭州市 西湖区 文三路 {i % 500}号",
            f"138{i % 100_000_000:08d}", f"2026-11-{day:02d} 09:58:12",
            f"2026-11-{day:02d} 10:00:00", f"测试宝贝 {i % 500} 纯棉短袖T恤", f"SKU-{i % 300}",
            f"7531{i:010d}", "中通快递", "小林的店", "请尽快发货" if i % 7 == 0 else "",
        ])
    path.write_bytes(out.getvalue().encode("gbk"))


def _register(home: Path) -> Register:
    return open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)


def _import(register: Register, path: Path) -> tuple[float, int, int]:
    """(ms, created, unchanged) of reading and applying the file."""
    service = register.imports
    started = time.perf_counter()
    report = service.apply(service.read(path), path.name, "bench")
    return (time.perf_counter() - started) * 1000, report.created, report.unchanged


def _raw_read(path: Path) -> float:
    started = time.perf_counter()
    rows = sum(1 for _ in csv.reader(io.StringIO(path.read_bytes().decode("gbk"))))
    assert rows
    return (time.perf_counter() - started) * 1000


def measure(runs: int, rows: int = ROWS) -> tuple[float, list[float], list[float]]:
    """(first import ms, re-import ms per run, raw read ms per run)."""
    again, raw = [], []
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-orders-") as tmp:
        path = Path(tmp) / "taobao_orders_gbk.csv"
        make_order_export(path, rows)
        register = _register(Path(tmp) / "app")
        try:
            first, created, _ = _import(register, path)
            assert created == rows, (created, rows)
            for run in range(runs):
                raw.append(_raw_read(path))
                ms, created, unchanged = _import(register, path)
                assert (created, unchanged) == (0, rows), (created, unchanged)
                again.append(ms)
                print(f"run {run + 1}: re-import {again[-1]:.0f} ms, raw read {raw[-1]:.0f} ms",
                      flush=True)
        finally:
            register.close()
    return first, again, raw


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=ROWS)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args(argv)
    first, again, raw = measure(args.runs, args.rows)
    ms, limit = statistics.median(again), statistics.median(raw)
    print(f"{args.rows:,} orders (GBK CSV): first import {first:.0f} ms; medians of "
          f"{args.runs}: re-import unchanged {ms:.0f} ms = {args.rows / ms * 1000:,.0f} rows/s; "
          f"raw read {limit:.0f} ms; {ms / limit:.2f}x")


if __name__ == "__main__":
    main()
