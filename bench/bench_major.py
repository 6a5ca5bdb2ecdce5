"""Major complaints first in every queue: what the list's keyset pages cost with the major
tier (majors first, then the rest) against the same page without it and against the raw
SQL for the first page (a deep page's raw limit is the plain keyset query), on a
generated register (100k cases by default) with 20 major cases.

Prints one table (query, app median, plain median, raw SQL median, ratios). Never asserts
on time. Fixed clock; the register is built once under SHOPDESK_BENCH_ROOT.

    .venv/bin/python -m bench.bench_major [--size 100000] [--runs 7]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from bench.dataset import BENCH_NOW, bench_home
from bench.timing import median_ms

MAJORS = 20
PAGE = 100  # the model's first batch
DEEP = 5000  # rows already loaded before the measured page



def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args(argv)

    from shopdesk.domain.case_query import CaseQuery, SortKey
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register
    from shopdesk.storage.cases import _SORT_SQL

    home = bench_home(args.size)
    register = open_register(DataPaths(home), FixedClock(BENCH_NOW), daily_backup=False)
    db = register.db
    with db.atomic():
        db.execute("UPDATE cases SET major_owner = '' WHERE major_owner != ''")
        db.execute("UPDATE cases SET major_owner = '老板' WHERE id IN (SELECT id FROM cases "
                   f"WHERE deleted_at IS NULL ORDER BY id DESC LIMIT {MAJORS})")
    cases = register.cases
    print(f"{args.size:,} cases, {MAJORS} major; medians of {args.runs} runs (ms)")
    print(f"{'page':40s} {'majors first':>13s} {'plain':>9s} {'raw SQL':>9s} "
          f"{'vs plain':>9s} {'vs raw':>8s}")
    for sort, descending in ((SortKey.LAST_ACTIVITY, True), (SortKey.CREATED, True),
                             (SortKey.DUE, False), (SortKey.ITEM, False)):
        query = CaseQuery(sort=sort, descending=descending)
        plain = query.with_changes(major_first=False)
        expr = _SORT_SQL[sort]
        way = "DESC" if descending else "ASC"
        raw = (f"SELECT id, {expr} FROM cases WHERE deleted_at IS NULL "
               f"ORDER BY {expr} {way}, id {way} LIMIT {PAGE}")
        for label, after_rows in (("first page", 0), (f"page after {DEEP:,} rows", DEEP)):
            def page(q: CaseQuery, skip: int = after_rows) -> Callable[[], object]:
                after = None
                if skip:
                    last = cases.query_page(q, limit=skip)[-1]
                    after = (last[1], last[0])
                return lambda: cases.query_page(q, after=after, limit=PAGE)

            app_ms = median_ms(page(query), args.runs)
            plain_ms = median_ms(page(plain), args.runs)
            # The raw limit of a deep keyset page is the plain keyset query itself.
            raw_ms = (median_ms(lambda s=raw: db.execute(s).fetchall(), args.runs)
                      if not after_rows else plain_ms)
            print(f"{sort.value + ' ' + label:40s} {app_ms:>13.2f} {plain_ms:>9.2f} "
                  f"{raw_ms:>9.2f} {app_ms / plain_ms:>8.1f}x {app_ms / raw_ms:>7.1f}x")
    register.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
