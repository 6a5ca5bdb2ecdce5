"""Issue 15 benchmark: the 今日待退款 quick filter and the reminder poll at 100k cases.

Each measure is printed beside its limit from the same run on the same register:
- "refunds today" first page in the list model   vs the "open" quick filter's first page
  (the target: the same as the other quick filters) and vs its own raw SQL;
- the tray's poll (counts + what to announce)     vs the overdue-promise count the banner
  already runs every refresh.
Medians; never asserts on time. Its own copy of the register (the poll writes notices).

    .venv/bin/python -m bench.bench_reminders [--size 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_scale import _COLS, VISIBLE_ROWS, _timed
from bench.dataset import BENCH_NOW, bench_home


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from shopdesk.domain.case_query import CaseQuery
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
    from shopdesk.services.register import open_register
    from shopdesk.services.reminders import TRAY
    from shopdesk.storage.cases import REFUND_QUEUE_SQL
    from shopdesk.ui.models.case_table import CaseTableModel

    app = QApplication.instance() or QApplication([])
    source = bench_home(args.size)
    with tempfile.TemporaryDirectory(prefix="shopdesk-bench-rem-") as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(source, home)
        register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
        db = register.db
        model = CaseTableModel(register.cases, "zh")

        def visible() -> None:
            for r in range(min(model.rowCount(), VISIBLE_ROWS)):
                for c in range(model.columnCount()):
                    model.data(model.index(r, c))

        def reset() -> None:
            model.set_query(CaseQuery())
            visible()

        def quick(which: QuickFilter) -> list[float]:
            q = apply_quick_filter(CaseQuery(), which, now=BENCH_NOW, tz=register.shop_tz,
                                   operator="小王")
            return _timed(lambda: (model.set_query(q), visible()), args.runs, reset)

        open_statuses = "('new', 'in_progress', 'waiting_buyer', 'waiting_platform')"
        # The floor: the same count on a bare read-only connection (no service, no query
        # object), as the tray's tooltip and the filter button's count ask it.
        bare = sqlite3.connect(f"file:{home / 'shopdesk.sqlite3'}?mode=ro", uri=True)
        raw_count = (f"SELECT count(*) FROM cases WHERE deleted_at IS NULL AND status IN "
                     f"{open_statuses} AND {REFUND_QUEUE_SQL}")
        raw = (f"SELECT {_COLS} FROM cases WHERE deleted_at IS NULL AND status IN "
               f"{open_statuses} AND {REFUND_QUEUE_SQL} "
               "ORDER BY last_activity_at DESC, id DESC LIMIT 200")
        rows = [
            ("quick filter 今日待退款 vs 'open'", quick(QuickFilter.REFUND_TODAY),
             quick(QuickFilter.OPEN)),
            ("quick filter 今日待退款 vs its SQL", quick(QuickFilter.REFUND_TODAY),
             _timed(lambda: db.execute(raw).fetchall(), args.runs)),
            ("refund queue count (tooltip)", _timed(register.refunds.count, args.runs),
             _timed(register.promises.overdue_count, args.runs)),
            ("refund queue count vs its raw count SQL", _timed(register.refunds.count,
                                                               args.runs),
             _timed(lambda: bare.execute(raw_count).fetchone(), args.runs)),
            ("tray poll: counts + take", _timed(
                lambda: (register.reminders.counts(), register.reminders.take(TRAY)),
                args.runs), _timed(register.promises.overdue_count, args.runs)),
        ]
        n = register.refunds.count()
        bare.close()
        register.close()
    del app
    print(f"{args.size:,} cases, {n:,} in the refund queue; medians of {args.runs} runs (ms)")
    print(f"{'measure':40s} {'app':>9s} {'limit':>9s} {'ratio':>7s}")
    for label, app_ms, limit_ms in rows:
        a, b = statistics.median(app_ms), statistics.median(limit_ms)
        print(f"{label:40s} {a:>9.2f} {b:>9.3f} {a / b if b else 0:>6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
