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
    TAOBAO_REFUND_HEADER,
    config,
    csv_bytes,
    taobao42_rows,
)
from tests.services.test_imports_bulk import varied_row

NOW = datetime(2026, 11, 23, 2, 0, 0, 123456, tzinfo=UTC)


def _records(tmp_path):
    from shopdesk.importers import parse_file

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
    applied = rec.applied_at.replace(microsecond=0) if rec.applied_at else None
    case = Case(**{**vars(rec.to_draft()), "applied_at": applied}, case_no=case_no,
                created_at=now, created_by="小王",
                updated_at=now, last_activity_at=now, platform_status=rec.platform_status,
                intervention_status=rec.intervention_status,
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


def test_the_warning_facts_of_new_rows_are_what_the_register_reads_back(tmp_path, register):
    """import_new.warning_facts of the rows an import inserts is WarningStore.facts of the
    stored cases (the warning pass takes them instead of reading the cases back)."""
    from shopdesk.services.import_write import PlanWriter
    from shopdesk.services.imports import ImportService
    from shopdesk.storage.warnings import WarningStore

    made: list[dict] = []
    real = PlanWriter.create

    def spy(self, rows):
        ids = real(self, rows)
        made.append({i: self.written[i] for i in ids})
        return ids

    service: ImportService = register.imports
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *[varied_row(i) for i in range(1, 120)]],
                               "gbk"))
    PlanWriter.create = spy  # type: ignore[method-assign]
    try:
        report = service.apply(service.read(path), path.name, "小王", skip_bad_rows=True)
    finally:
        PlanWriter.create = real  # type: ignore[method-assign]
    written = {k: v for chunk in made for k, v in chunk.items()}
    assert sorted(written) == sorted(report.created_ids) and len(written) == 119
    stored = WarningStore(register.db).facts(report.created_ids)
    assert [vars(f) for f in stored] == [vars(written[f.case_id]) for f in stored]
    assert len(stored) == len(written)
    assert any(f.closed_at for f in stored) and any(f.cause for f in stored)


def _warning_tables(reg) -> tuple[list[tuple], list[tuple]]:
    return ([tuple(r) for r in reg.db.execute("SELECT * FROM case_warnings ORDER BY id")],
            [tuple(r) for r in reg.db.execute("SELECT id, warning_count FROM cases ORDER BY id")])


def test_judging_the_written_facts_writes_what_reading_them_back_writes(
        tmp_path, register, clock, seed_register, monkeypatch):
    """Two imports (the second updates some cases and opens others, so the judged cases
    are part written, part read back) leave the warnings, ids included, and the counts
    that reading every judged case back leaves."""
    from tests.services.imports_support import run, write_refunds
    from tests.services.test_imports_bulk import open_local

    first = write_refunds(tmp_path, [varied_row(i) for i in range(1, 90)], "first.csv")
    second = write_refunds(tmp_path, [varied_row(i) if i % 3 else
                                      taobao_refund_row_updated(i) for i in range(60, 160)],
                           "second.csv")
    read_back = open_local(tmp_path, "read_back", clock, seed_register)
    try:
        real = read_back.warnings.evaluate
        seen: list[bool] = []

        def without_written(ids, **kw):
            seen.append(bool(kw.pop("written", None)))
            return real(ids, **kw)
        monkeypatch.setattr(read_back.warnings, "evaluate", without_written)
        before = 0
        for path in (first, second):
            before = len(_warning_tables(register)[0])
            run(register.imports, path, skip_bad_rows=True)
            run(read_back.imports, path, skip_bad_rows=True)
        assert seen == [True, True]  # the import offered its written facts
        warned, counts = _warning_tables(register)
        assert warned and any(n for _i, n in counts)
        # The second import raised warnings on cases it updated and on cases it opened.
        raised = {r[1] for r in warned[before:]}
        assert min(raised) < 90 <= max(raised), raised
        assert (warned, counts) == _warning_tables(read_back)
    finally:
        read_back.close()


def taobao_refund_row_updated(i: int) -> list[object]:
    """Row i of varied_row with the platform's state moved on (an update)."""
    row = varied_row(i)
    row[TAOBAO_REFUND_HEADER.index("退款状态")] = "卖家已经同意退款，等待买家退货"
    row[TAOBAO_REFUND_HEADER.index("客服介入状态")] = "客服介入中"
    row[TAOBAO_REFUND_HEADER.index("买家退款金额")] = "120.00"
    return row


def test_every_case_counts_its_live_warnings_after_imports(tmp_path, register):
    """sync_many sets the counts by value, one UPDATE per count and batch of ids: after an
    import whose cases share counts past a batch, and a second one that moves some of them
    (warnings raised and cleared), each case's warning_count is its live warnings."""
    from tests.services.imports_support import run, write_refunds

    def check() -> list[int]:
        rows = register.db.execute(
            "SELECT c.id, c.warning_count, (SELECT count(*) FROM case_warnings w "
            "WHERE w.case_id = c.id AND w.ack_at IS NULL AND w.cleared_at IS NULL) "
            "FROM cases c").fetchall()
        assert all(r[1] == r[2] for r in rows), [r for r in rows if r[1] != r[2]][:5]
        return [r[1] for r in rows]

    # 1,500 rows: a third are changed-mind returns, which form no group complaint, and
    # more than a batch (500) of cases must still share one count.
    run(register.imports, write_refunds(tmp_path, [varied_row(i) for i in range(1, 1500)],
                                        "first.csv"), skip_bad_rows=True)
    counts = check()
    assert len(set(counts)) >= 3 and max(counts.count(n) for n in set(counts)) > 500
    moved = [taobao_refund_row_updated(i) if i % 2 else varied_row(i) for i in range(1, 700)]
    resolved = [varied_row(i) for i in range(700, 1000)]
    for row in resolved:
        row[TAOBAO_REFUND_HEADER.index("退款状态")] = "退款成功"
        row[TAOBAO_REFUND_HEADER.index("退款完结时间")] = "2026-11-22 18:00:00"
    run(register.imports, write_refunds(tmp_path, moved + resolved, "second.csv"),
        skip_bad_rows=True)
    assert check() != counts
