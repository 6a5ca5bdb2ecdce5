"""The recurring-fault rule's counts of closed cases read a range of m0028's indexes (on
when a case was resolved), not every case of the product: the planner matches an index on
an expression only when the query writes it the same way."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.enums import Cause
from shopdesk.storage.warnings import WarningStore

from ..conftest import T0


def test_closed_since_reads_the_closed_case_indexes(register):
    statements: list[str] = []
    register.db.conn.set_trace_callback(statements.append)
    try:
        WarningStore(register.db).closed_since(
            {("SKU-1", Cause.ITEM_DEFECTIVE), ("蓝牙耳机", Cause.NOT_AS_DESCRIBED)},
            T0, T0 + timedelta(days=3))
    finally:
        register.db.conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 4  # (count before, times after) x (by SKU, by item title)
    for sql in reads:
        plan = " ".join(r[3] for r in register.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "USING INDEX idx_closed_" in plan and "<expr>" in plan, (sql, plan)
