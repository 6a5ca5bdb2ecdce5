"""The order re-import's fast path against the full path, on random sequences of imports:
the same reports and the same orders and cases, whatever the files and what happens
between reading a file and applying it. The files mix masked and empty values (which keep
the stored ones), bad rows, repeats, cases opened by hand and imports in between."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.importers import RecordType
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from tests.conftest import T0
from tests.services.test_orders import ORDER_HEADER, order_row, write

ORDERS = ("platform, order_no, buyer_nick, buyer_name, buyer_phone, buyer_address, "
          "item_title, sku, amount_paid_fen, waybill, courier, status, shop, paid_at, "
          "created_at, imported_at, extra")


def _files(rng: random.Random, folder: Path) -> list[Path]:
    files = []
    for n in range(5):
        rows = []
        for i in rng.sample(range(1, 9), rng.randint(1, 6)):
            over = {}
            if rng.random() < .4:
                over["订单状态"] = rng.choice(["交易成功", "交易关闭", ""])
            if rng.random() < .3:
                over["联系手机"] = rng.choice(["138****5678", "", "13900001111"])
            if rng.random() < .3:
                over["收货地址"] = rng.choice(["", "上海市 浦东新区 1号"])
            if rng.random() < .2:
                over["买家会员名"] = ""
            if rng.random() < .1:
                over["联系手机"] = "12"  # a bad row
            rows.append(order_row(i, **over))
        if rng.random() < .2:
            rows.append(list(rows[0]))  # a repeat
        files.append(write(folder, f"f{n}.csv", [ORDER_HEADER, *rows]))
    return files


def _sequence(seed: int, folder: Path, fast: bool) -> tuple[list, list, list, int]:
    rng = random.Random(seed)
    folder.mkdir()
    files = _files(rng, folder)
    clock = FixedClock(T0)
    register = open_register(DataPaths(folder / ("fast" if fast else "full")), clock,
                             daily_backup=False)
    try:
        register.staff.add("小王", actor="小王")
        service = register.imports
        if not fast:
            real = service.known.still_applied
            service.known.still_applied = (  # type: ignore[method-assign]
                lambda hashes, kind=RecordType.REFUND:
                set() if kind is RecordType.ORDER else real(hashes, kind))
        reports, skipped = [], 0
        for _ in range(12):
            path = rng.choice(files)
            skip_bad = rng.random() < .5
            parsed = service.read(path)
            skipped += len(parsed.known)
            if rng.random() < .3:
                register.cases.open_case(CaseDraft(
                    platform=Platform.TAOBAO, order_no=f"31261123000000000{rng.randint(1, 8):02d}",
                    kind=CaseKind.REFUND_ONLY), "小王")
            if rng.random() < .2:  # another import between reading and applying
                service.apply(service.read(rng.choice(files)), "x.csv", "小王",
                              skip_bad_rows=True)
            clock.advance(hours=1)
            for report in (service.preview(parsed, path.name, skip_bad_rows=skip_bad),
                           service.apply(parsed, path.name, "小王", skip_bad_rows=skip_bad)):
                reports.append((report.created, report.updated, report.unchanged,
                                report.filled_cases, report.skipped, report.imported,
                                report.refused, [(e.row_number, e.en) for e in report.errors]))
        orders = register.db.execute(f"SELECT {ORDERS} FROM orders ORDER BY order_no").fetchall()
        cases = register.db.execute("SELECT id, buyer_nick, buyer_phone, buyer_address, sku, "
                                    "updated_at FROM cases ORDER BY id").fetchall()
        return reports, orders, cases, skipped
    finally:
        register.close()


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_path_does_what_the_full_path_does(tmp_path, seed):
    fast = _sequence(seed, tmp_path / "a", fast=True)
    full = _sequence(seed, tmp_path / "b", fast=False)
    assert fast[:3] == full[:3]
    assert fast[3] > 0 and full[3] == 0  # the fast path was taken, the full one was not
