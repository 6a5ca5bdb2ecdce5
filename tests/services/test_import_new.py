"""The new cases' rows an import writes (services/import_new.py) are case_to_row of the
Case the import used to build per row, order fill and settled states included, and the
deadline pass reads the same stage and deadline from them as from that Case."""

from __future__ import annotations

from datetime import UTC, datetime

from shopdesk.domain.case import Case
from shopdesk.domain.case_no import format_case_no
from shopdesk.domain.enums import Platform
from shopdesk.services.import_apply import fill_from_order, platform_extra
from shopdesk.services.import_new import NEW_COLUMNS, NewCaseRows, search_text
from shopdesk.services.import_state import new_case_state
from shopdesk.storage.orders import StoredOrder
from shopdesk.storage.rows import case_to_row
from shopdesk.storage.search import SEARCHED_COLUMNS, search_body
from tests.importers.helpers import (
    TAOBAO_42_STATES,
    config,
    csv_bytes,
    taobao42_rows,
)
from tests.services.test_imports_bulk import varied_row

NOW = datetime(2026, 11, 23, 2, 0, 0, 123456, tzinfo=UTC)


def _records(tmp_path):
    from shopdesk.importers import parse_file
    from tests.importers.helpers import TAOBAO_REFUND_HEADER

    out = []
    a = tmp_path / "a.csv"
    a.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *[varied_row(i) for i in range(1, 120)]],
                            "gbk"))
    b = tmp_path / "b.csv"
    b.write_bytes(csv_bytes(taobao42_rows(TAOBAO_42_STATES), "gbk"))
    for path in (a, b):
        parsed = parse_file(path, config())
        assert parsed.ok and parsed.records
        out.extend(parsed.records)
    return out


def _old_case(rec, case_no: str, order: StoredOrder | None) -> Case:
    """How PlanWriter.create built a new case before import_new."""
    now = NOW.replace(microsecond=0)
    case = Case(**vars(rec.to_draft()), case_no=case_no, created_at=now, created_by="小王",
                updated_at=now, last_activity_at=now, platform_status=rec.platform_status,
                intervention_status=rec.intervention_status,
                applied_at=rec.applied_at.replace(microsecond=0) if rec.applied_at else None,
                extra=platform_extra(rec), **new_case_state(rec, now))
    if order is not None:
        case = case.with_changes(**fill_from_order(case, order))
    return case


def test_rows_are_case_to_row_of_the_case_built_before(tmp_path, register):
    records = _records(tmp_path)
    day = NOW.date()
    orders = {(records[3].platform, records[3].order_no): StoredOrder(
        Platform.TAOBAO, records[3].order_no, buyer_nick="", buyer_name="张三",
        buyer_phone="13800000000", buyer_address="浙江省杭州市 某路 1号",
        item_title="订单里的标题" * 40, sku="SKU-X")}
    rows, facts = NewCaseRows(NOW, "小王", day).build(records, 9998, orders)
    old = [_old_case(rec, format_case_no(day, 9998 + i),
                     orders.get((rec.platform, rec.order_no)))
           for i, rec in enumerate(records)]
    for row, case in zip(rows, old, strict=True):
        expected = case_to_row(case)
        assert dict(zip(NEW_COLUMNS, row, strict=True)) == expected
        assert search_text(row) == search_body(
            [expected[c] for c in SEARCHED_COLUMNS], ())
    assert any(r[NEW_COLUMNS.index("resolved_at")] for r in rows)  # settled states seen
    assert rows[3][NEW_COLUMNS.index("buyer_name")] == "张三"
    deadlines = register.deadlines
    assert deadlines.new_columns(facts) == deadlines.new_columns(old)
