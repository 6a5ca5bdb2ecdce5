"""Re-importing an unchanged export skips its rows before converting them (m0024), and
does exactly what the full path did whenever a case changed since its row was imported."""

from __future__ import annotations

from shopdesk.importers import parser
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds

ROWS = [taobao_refund_row(i) for i in range(1, 6)]


def _events(register) -> int:
    return register.db.execute("SELECT count(*) FROM case_events").fetchone()[0]


def _case_id(register, refund_no: str) -> int:
    return register.cases.store.find(refund_no=refund_no)[0].id


def test_an_unchanged_reimport_converts_no_row(register, tmp_path, monkeypatch):
    service = register.imports
    path = write_refunds(tmp_path, ROWS)
    first = run(service, path)
    assert first.created == 5
    converted = []
    real = parser.convert_refund_row
    monkeypatch.setattr(parser, "convert_refund_row",
                        lambda number, *a: converted.append(number) or real(number, *a))
    events = _events(register)
    parsed = service.read(path)
    assert parsed.records == [] and [k.row_number for k in parsed.known] == [2, 3, 4, 5, 6]
    assert parsed.total_rows == 5
    again = service.apply(parsed, path.name, "小王")
    assert (again.created, again.updated, again.unchanged, again.imported) == (0, 0, 5, True)
    assert converted == [] and _events(register) == events


def test_only_the_changed_row_of_a_later_export_is_converted(register, tmp_path):
    service = register.imports
    run(service, write_refunds(tmp_path, ROWS))
    later = [*ROWS[:2], taobao_refund_row(3, 退款状态="退款成功"), *ROWS[3:]]
    parsed = service.read(write_refunds(tmp_path, later, "later.csv"))
    assert [r.row_number for r in parsed.records] == [4] and len(parsed.known) == 4
    report = service.apply(parsed, "later.csv", "小王")
    assert (report.updated, report.unchanged) == (1, 4)
    assert register.cases.get(_case_id(register, "158000000000000003")).status.value == \
        "resolved"


def test_a_case_changed_since_its_import_goes_through_the_full_path(register, tmp_path):
    """The platform's facts are put back, as without the shortcut, even when the change
    kept the case's updated_at (the clock here does not move)."""
    service = register.imports
    path = write_refunds(tmp_path, ROWS)
    run(service, path)
    case_id = _case_id(register, "158000000000000002")
    imported = register.cases.get(case_id).amount_claimed
    with register.db.atomic():
        register.db.execute("UPDATE cases SET platform_status = ?, amount_claimed_fen = ? "
                            "WHERE id = ?", ["改过的状态", 100, case_id])
    parsed = service.read(path)
    assert [r.row_number for r in parsed.records] == [3]
    report = service.apply(parsed, path.name, "小王")
    assert (report.updated, report.unchanged) == (1, 4)
    case = register.cases.get(case_id)
    assert case.platform_status == "买家已经申请退款，等待卖家同意"
    assert case.amount_claimed == imported


def test_a_change_between_reading_and_applying_is_seen(register, tmp_path):
    service = register.imports
    path = write_refunds(tmp_path, ROWS)
    run(service, path)
    parsed = service.read(path)
    assert len(parsed.known) == 5
    case_id = _case_id(register, "158000000000000004")
    with register.db.atomic():
        register.db.execute("UPDATE cases SET platform_status = ? WHERE id = ?",
                            ["改过的状态", case_id])
    preview = service.preview(parsed, path.name)
    assert (preview.updated, preview.unchanged) == (1, 4)
    assert preview.changes[0][0] == 5  # the row number, as the full path reports it
    report = service.apply(parsed, path.name, "小王")
    assert (report.updated, report.unchanged) == (1, 4)
    assert register.cases.get(case_id).platform_status == "买家已经申请退款，等待卖家同意"


def test_a_trashed_case_is_still_left_alone(register, tmp_path):
    service = register.imports
    path = write_refunds(tmp_path, ROWS)
    ids = run(service, path).created_ids
    register.cases.delete([ids[0]], "小王")
    parsed = service.read(path)
    assert [r.row_number for r in parsed.records] == [2]
    report = service.apply(parsed, path.name, "小王")
    assert (report.created, report.in_trash, report.unchanged) == (0, 1, 4)


def test_a_repeated_refund_number_is_refused_as_before(register, tmp_path):
    service = register.imports
    rows = [*ROWS, taobao_refund_row(2, 退款状态="退款成功")]
    path = write_refunds(tmp_path, rows)
    first = run(service, path, skip_bad_rows=True)
    again = run(service, path, skip_bad_rows=True)
    assert [(e.row_number, e.en) for e in again.errors] == \
        [(e.row_number, e.en) for e in first.errors]
    assert [e.row_number for e in again.errors] == [7]
    assert (again.created, again.unchanged, again.skipped) == (0, 5, 1)


def test_rows_with_an_unknown_platform_status_are_reported_every_time(register, tmp_path):
    service = register.imports
    rows = [*ROWS[:4], taobao_refund_row(5, 退款状态="某种新的状态")]
    path = write_refunds(tmp_path, rows)
    first = run(service, path)
    again = run(service, path)
    assert first.unknown_statuses == again.unknown_statuses == ["某种新的状态"]
    assert again.unchanged == 5


def test_another_mapping_of_the_same_file_converts_every_row(register, tmp_path):
    """The row hash includes what reads the cells: another shop time zone reads the times
    differently, so nothing is skipped."""
    service = register.imports
    path = write_refunds(tmp_path, ROWS)
    run(service, path)
    service.shop_tz = "Europe/Berlin"
    parsed = service.read(path)
    assert parsed.known == [] and len(parsed.records) == 5
