"""Re-importing an unchanged order export skips its rows before converting them (m0027),
and does what the full path did whenever an order changed since its row was imported."""

from __future__ import annotations

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.importers import parser
from shopdesk.storage.orders import OrderStore
from tests.services.test_orders import ORDER_HEADER, order_row, write

ROWS = [order_row(i) for i in range(1, 6)]


def _write(tmp_path, rows, name="orders.csv"):
    return write(tmp_path, name, [ORDER_HEADER, *rows])


def _run(service, path, **kw):
    return service.apply(service.read(path), path.name, "小王", **kw)


def _stored(register) -> list[tuple]:
    return register.db.execute("SELECT order_no, status, imported_at, row_hash FROM orders "
                               "ORDER BY order_no").fetchall()


@pytest.fixture
def converted(monkeypatch) -> list[int]:
    """Row numbers the parser converts from now on."""
    numbers: list[int] = []
    real = parser.convert_order_row
    monkeypatch.setattr(parser, "convert_order_row",
                        lambda number, *a: numbers.append(number) or real(number, *a))
    return numbers


def test_an_unchanged_reimport_converts_no_row_and_writes_nothing(register, tmp_path,
                                                                  clock, converted):
    service = register.imports
    path = _write(tmp_path, ROWS)
    assert _run(service, path).created == 5
    assert converted == [2, 3, 4, 5, 6]
    before = _stored(register)
    assert all(row[3] for row in before)  # every order keeps its row's hash
    converted.clear()
    clock.advance(hours=1)
    parsed = service.read(path)
    assert parsed.orders == [] and [k.row_number for k in parsed.known] == [2, 3, 4, 5, 6]
    assert [k.key for k in parsed.known] == [f"31261123000000000{i:02d}" for i in range(1, 6)]
    report = service.apply(parsed, path.name, "小王")
    assert (report.created, report.updated, report.unchanged, report.imported) == \
        (0, 0, 5, True)
    assert converted == [] and _stored(register) == before


def test_only_the_changed_row_of_a_later_export_is_converted(register, tmp_path, converted):
    service = register.imports
    _run(service, _write(tmp_path, ROWS))
    converted.clear()
    later = [*ROWS[:2], order_row(3, 订单状态="交易成功"), *ROWS[3:]]
    parsed = service.read(_write(tmp_path, later, "later.csv"))
    assert [o.row_number for o in parsed.orders] == [4] and len(parsed.known) == 4
    report = service.apply(parsed, "later.csv", "小王")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    assert service.orders.lookup_order("taobao", "3126112300000000003").status == "交易成功"
    # The later row is now the known one: the first export's row 3 changes it back.
    parsed = service.read(_write(tmp_path, ROWS))
    assert [o.row_number for o in parsed.orders] == [4]
    assert service.apply(parsed, "orders.csv", "小王").updated == 1
    assert service.orders.lookup_order("taobao", "3126112300000000003").status == \
        "卖家已发货，等待买家确认"


def test_a_change_between_reading_and_applying_is_seen(register, tmp_path):
    service = register.imports
    path = _write(tmp_path, ROWS)
    _run(service, path)
    parsed = service.read(path)
    assert len(parsed.known) == 5
    _run(service, _write(tmp_path, [order_row(4, 订单状态="交易关闭")], "other.csv"))
    preview = service.preview(parsed, path.name)
    assert (preview.updated, preview.unchanged) == (1, 4)
    report = service.apply(parsed, path.name, "小王")
    assert (report.updated, report.unchanged) == (1, 4)
    assert service.orders.lookup_order("taobao", "3126112300000000004").status == \
        "卖家已发货，等待买家确认"


def test_a_case_restored_since_is_filled_by_the_known_rows(register, tmp_path, converted):
    """A case in the trash when the export was imported (left alone then), restored
    since: the known rows' stored orders fill it."""
    service = register.imports
    case = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                              order_no="3126112300000000003",
                                              kind=CaseKind.REFUND_ONLY), "小王")
    register.cases.delete([case.id], "小王")
    path = _write(tmp_path, ROWS)
    _run(service, path)
    register.cases.restore([case.id], "小王")
    converted.clear()
    parsed = service.read(path)
    assert len(parsed.known) == 5
    assert service.preview(parsed, path.name).filled_cases == 1
    report = service.apply(parsed, path.name, "小王")
    assert (report.unchanged, report.filled_cases) == (5, 1)
    filled = register.cases.get(case.id)
    assert (filled.buyer_nick, filled.buyer_phone, filled.sku) == \
        ("tb_buyer_3", "13812345678", "TS-WHITE-L")
    assert converted == []
    assert _run(service, path).filled_cases == 0  # nothing left to fill


def test_a_repeated_order_number_is_refused_as_before(register, tmp_path):
    service = register.imports
    path = _write(tmp_path, [*ROWS, order_row(2, 订单状态="交易成功")])
    first = _run(service, path, skip_bad_rows=True)
    again = _run(service, path, skip_bad_rows=True)
    assert [(e.row_number, e.en) for e in again.errors] == \
        [(e.row_number, e.en) for e in first.errors]
    assert [e.row_number for e in again.errors] == [7]
    assert (again.created, again.unchanged, again.skipped) == (0, 5, 1)


def test_orders_stored_without_a_row_hash_take_the_full_path_once(register, tmp_path,
                                                                   converted):
    """A register whose orders were imported before m0027 (or written by anything but an
    order export's import) holds no hashes: the next import converts every row, finds
    them unchanged, and stores their hashes."""
    service = register.imports
    path = _write(tmp_path, ROWS)
    _run(service, path)
    with register.db.atomic():
        register.db.execute("UPDATE orders SET row_hash = NULL")
    converted.clear()
    report = _run(service, path)
    assert (report.updated, report.unchanged) == (0, 5) and len(converted) == 5
    assert all(row[3] for row in _stored(register))
    assert len(service.read(path).known) == 5


def test_upsert_without_hashes_clears_the_stored_one(register, tmp_path):
    """A writer that is not an order row's import leaves no hash: the row is converted
    again the next time."""
    service = register.imports
    path = _write(tmp_path, ROWS)
    _run(service, path)
    store = OrderStore(register.db)
    order = service.orders.lookup_order("taobao", "3126112300000000002")
    with register.db.atomic():
        store.upsert([order])
    assert [k.row_number for k in service.read(path).known] == [2, 4, 5, 6]


def test_a_write_to_an_order_outside_the_import_is_seen(register, tmp_path):
    """Whoever changes an order's content (an older ShopDesk on a team register, the
    sqlite3 shell) clears its row hash (m0027's trigger): the export's row applies again.
    Writing the same value again is no change."""
    service = register.imports
    path = _write(tmp_path, ROWS)
    _run(service, path)
    with register.db.atomic():
        register.db.execute("UPDATE orders SET status = status, imported_at = '2020-01-01' "
                            "WHERE order_no = ?", ["3126112300000000001"])
        register.db.execute("UPDATE orders SET status = ? WHERE order_no = ?",
                            ["交易关闭", "3126112300000000004"])
    parsed = service.read(path)
    assert [o.row_number for o in parsed.orders] == [5]
    report = service.apply(parsed, path.name, "小王")
    assert (report.updated, report.unchanged) == (1, 4)
    assert service.orders.lookup_order("taobao", "3126112300000000004").status == \
        "卖家已发货，等待买家确认"
    assert len(service.read(path).known) == 5


def test_an_exact_repeat_of_a_known_row_is_refused_as_before(register, tmp_path):
    service = register.imports
    path = _write(tmp_path, [*ROWS, order_row(2)])
    first = _run(service, path, skip_bad_rows=True)
    parsed = service.read(path)
    assert [k.row_number for k in parsed.known] == [2, 3, 4, 5, 6]
    again = service.apply(parsed, path.name, "小王", skip_bad_rows=True)
    assert [(e.row_number, e.en) for e in again.errors] == \
        [(e.row_number, e.en) for e in first.errors] and first.errors
    assert (again.created, again.unchanged, again.skipped) == (0, 5, 1)
