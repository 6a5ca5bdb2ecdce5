"""Importing refund exports: preview, idempotent re-import, platform updates, all-or-nothing."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import to_utc_iso
from shopdesk.domain.enums import CaseKind, Cause, CustomerType, Platform, Priority
from shopdesk.importers import ImportCancelled
from shopdesk.services import import_write
from shopdesk.services.imports import ImportService
from tests.importers.helpers import DATA, taobao_refund_row
from tests.services.imports_support import run, write_refunds


def counts(register) -> tuple[int, int, int, int]:
    db = register.db
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                 for t in ("cases", "case_events", "audit_log", "import_log"))


@pytest.fixture
def service(register) -> ImportService:
    return register.imports


def as_draft(case) -> CaseDraft:
    return CaseDraft(**{f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)})


def test_reimporting_the_same_file_creates_nothing_new(service, register, tmp_path):
    path = write_refunds(tmp_path, [taobao_refund_row(i) for i in range(5)])
    first = run(service, path)
    assert (first.created, first.updated, first.unchanged, first.imported) == (5, 0, 0, True)
    before = counts(register)
    second = run(service, path)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)
    after = counts(register)
    assert after[:3] == before[:3]  # no case, no event, no audit row
    assert after[3] == before[3] + 1  # the import itself is logged
    assert [e.created for e in service.history()] == [0, 5]


def test_new_cases_record_who_imported_them_and_from_where(service, register, tmp_path):
    path = write_refunds(tmp_path, [taobao_refund_row(1, 买家退款原因="质量问题")],
                         name="今天的退款.csv")
    report = run(service, path)
    case = register.cases.get(report.created_ids[0])
    assert case.created_by == "小王" and case.platform is Platform.TAOBAO
    assert case.refund_no == "158000000000000001" and case.order_no == "3126112300000000001"
    assert case.amount_claimed == Decimal("64.50") and case.cause is Cause.ITEM_DEFECTIVE
    assert case.platform_status == "买家已经申请退款，等待卖家同意"
    assert case.extra["platform_reason"] == "质量问题"
    assert case.intervention_status == "未介入" and not case.platform_involved
    assert case.status.value == "new" and case.platform_stage.value == "awaiting_seller"
    assert case.applied_at.isoformat() == "2026-11-23T01:30:00+00:00"
    assert case.extra["platform_deadline"] == "2026-11-25T01:30:00+00:00"
    assert case.due_at.isoformat() == "2026-11-25T01:30:00+00:00"
    created = register.cases.timeline(case.id)[0]
    assert created.type == "created"
    assert created.text == "导入自 今天的退款.csv（平台：买家已经申请退款，等待卖家同意）"
    assert created.data["source"] == "今天的退款.csv" and created.data["row"] == 2
    assert [a.action for a in register.cases.audit(case.id)] == ["create"]


def test_a_later_export_updates_platform_facts_and_keeps_what_the_user_typed(
        service, register, tmp_path, clock):
    run(service, write_refunds(tmp_path, [taobao_refund_row(1)], "monday.csv"))
    case = register.cases.store.find(refund_no="158000000000000001")[0]
    draft = as_draft(case)
    draft.cause = Cause.TRANSIT_DAMAGE
    draft.description = "买家说外箱完好，杯子有裂纹"
    draft.customer_type = CustomerType.ANALYTICAL
    draft.priority = Priority.HIGH
    draft.assignee = "小李"
    draft.buyer_phone = "13812345678"
    register.cases.update(case.id, draft, "小王")
    register.cases.add_note(case.id, "已答应补发一个", "小王")
    clock.advance(days=1)

    later = taobao_refund_row(1, 退款状态="退款成功", 买家退款金额="60.00",
                              超时时间="2026-11-27 09:30:00", 客服介入状态="客服介入中",
                              买家退款说明="平台上的新说明", 买家退款原因="七天无理由退换货")
    report = run(service, write_refunds(tmp_path, [later], "tuesday.csv"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 0)

    case = register.cases.get(case.id)
    assert case.platform_status == "退款成功"
    assert case.intervention_status == "客服介入中" and case.platform_involved
    assert case.extra["platform_reason"] == "七天无理由退换货"
    assert case.amount_claimed == Decimal("60.00")
    assert case.due_at.isoformat() == "2026-11-27T01:30:00+00:00"
    assert case.extra["platform_deadline"] == "2026-11-27T01:30:00+00:00"
    # What the user typed stays.
    assert case.cause is Cause.TRANSIT_DAMAGE
    assert case.description == "买家说外箱完好，杯子有裂纹"
    assert case.customer_type is CustomerType.ANALYTICAL and case.priority is Priority.HIGH
    assert case.assignee == "小李" and case.buyer_phone == "13812345678"
    # The platform finished it: resolved, as a (partial) refund of what the buyer asked.
    assert case.status.value == "resolved" and case.outcome.value == "partial_refund"
    assert case.amount_settled == Decimal("60.00")
    events = register.cases.timeline(case.id)
    assert [e.type for e in events].count("note") == 1
    update, moved = events[-2:]
    assert moved.type == "status" and moved.text == "平台：退款成功"
    assert (moved.data["from"], moved.data["to"], moved.data["by"]) == ("new", "resolved",
                                                                       "platform")
    assert update.type == "platform_update" and update.actor == "小王"
    assert "退款成功" in update.text and "¥60.00" in update.text
    fields = update.data["fields"]
    assert fields["platform_status"] == {"old": "买家已经申请退款，等待卖家同意", "new": "退款成功"}
    assert fields["amount_claimed"] == {"old": "64.50", "new": "60.00"}
    assert fields["due_at"]["new"] == "2026-11-27T01:30:00+00:00"
    assert update.data["source"] == "tuesday.csv"
    audited = {(a.field, a.old, a.new) for a in register.cases.audit(case.id)
               if a.action == "platform_update"}
    assert ("amount_claimed", "64.50", "60.00") in audited
    assert ("platform_status", "买家已经申请退款，等待卖家同意", "退款成功") in audited
    # Importing the later file again is a no-op.
    again = run(service, write_refunds(tmp_path, [later], "tuesday.csv"))
    assert (again.updated, again.unchanged) == (0, 1)


def test_a_due_time_the_user_set_is_kept_while_the_platform_deadline_is_recorded(
        service, register, tmp_path):
    run(service, write_refunds(tmp_path, [taobao_refund_row(1)]))
    case = register.cases.store.find(refund_no="158000000000000001")[0]
    draft = as_draft(case)
    own_due = case.due_at.replace(day=24)
    draft.due_at = own_due
    register.cases.update(case.id, draft, "小王")
    run(service, write_refunds(tmp_path, [taobao_refund_row(1, 超时时间="2026-11-28 09:30:00")],
                               "later.csv"))
    case = register.cases.get(case.id)
    assert case.due_at == own_due
    assert case.extra["platform_deadline"] == "2026-11-28T01:30:00+00:00"


def test_a_case_logged_by_hand_is_matched_by_order_number(service, register, tmp_path):
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                               order_no="3126112300000000007",
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂"),
                                     "小王")
    report = run(service, write_refunds(tmp_path, [taobao_refund_row(7), taobao_refund_row(8)]))
    assert (report.created, report.updated) == (1, 1)
    case = register.cases.get(typed.id)
    assert case.refund_no == "158000000000000007"  # filled: it was empty
    assert case.buyer_nick == "小蜜蜂" and case.kind is CaseKind.REFUND_ONLY
    again = run(service, write_refunds(tmp_path, [taobao_refund_row(7), taobao_refund_row(8)]))
    assert (again.created, again.unchanged) == (0, 2)


def test_numbers_typed_with_spaces_through_the_api_still_match_an_import(service, register,
                                                                        tmp_path):
    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                               order_no=" 3126112300000000007\t",
                                               kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂"),
                                     "小王")
    assert typed.order_no == "3126112300000000007"
    edited = as_draft(typed)
    edited.refund_no = " 158000000000000007 "
    assert register.cases.update(typed.id, edited, "小王").refund_no == "158000000000000007"
    report = run(service, write_refunds(tmp_path, [taobao_refund_row(7)]))
    assert (report.created, report.updated) == (0, 1)


def test_a_case_in_the_trash_is_not_brought_back(service, register, tmp_path):
    path = write_refunds(tmp_path, [taobao_refund_row(1)])
    case_id = run(service, path).created_ids[0]
    register.cases.delete([case_id], "小王")
    report = run(service, path)
    assert (report.created, report.in_trash) == (0, 1)
    assert register.cases.store.total() == 1


def test_preview_counts_what_apply_does_and_writes_nothing(service, register, tmp_path):
    run(service, write_refunds(tmp_path, [taobao_refund_row(i) for i in range(3)]))
    path = write_refunds(tmp_path, [taobao_refund_row(i, 退款状态="退款关闭" if i == 1 else
                                                      "买家已经申请退款，等待卖家同意")
                                    for i in range(5)], "next.csv")
    parsed = service.read(path)
    before = counts(register)
    preview = service.preview(parsed, path.name)
    assert counts(register) == before
    assert (preview.created, preview.updated, preview.unchanged, preview.dry_run) == (2, 1, 2, True)
    assert preview.changes and preview.changes[0][0] == 3 and "退款关闭" in preview.changes[0][1]
    done = service.apply(parsed, path.name, "小王")
    assert (done.created, done.updated, done.unchanged) == (2, 1, 2)


def test_cancel_part_way_leaves_the_register_as_it_was(service, register, tmp_path):
    run(service, write_refunds(tmp_path, [taobao_refund_row(i) for i in range(3)]))
    before = counts(register)
    rows = [taobao_refund_row(i, 退款状态="退款成功") for i in range(1300)]
    parsed = service.read(write_refunds(tmp_path, rows, "big.csv"))
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    def cancelled() -> bool:
        # Stop once more than 600 rows were written (the first 500-row chunk is in).
        return len(seen) > 0 and seen[-1] > len(rows) + 600

    with pytest.raises(ImportCancelled):
        service.apply(parsed, "big.csv", "小王", progress=progress, cancelled=cancelled)
    assert max(seen) > len(rows) + 600  # it did write rows before stopping
    assert counts(register) == before
    assert register.cases.get(1).platform_status != "退款成功"


def test_a_failure_mid_way_rolls_everything_back(service, register, tmp_path, monkeypatch):
    before = counts(register)
    parsed = service.read(write_refunds(tmp_path, [taobao_refund_row(i) for i in range(900)]))
    real = import_write.PlanWriter.create
    calls = []

    def failing(writer, rows):
        calls.append(len(rows))
        if len(calls) == 2:  # the second 500-row chunk, after the first one was written
            raise RuntimeError("disk full")
        return real(writer, rows)

    monkeypatch.setattr(import_write.PlanWriter, "create", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        service.apply(parsed, "x.csv", "小王")
    assert calls == [500, 400]
    assert counts(register) == before
    monkeypatch.setattr(import_write.PlanWriter, "create", real)
    assert service.apply(parsed, "x.csv", "小王").created == 900  # and it can be retried


def test_the_search_index_is_updated_once_per_import(service, register, tmp_path,
                                                     monkeypatch):
    rows = [taobao_refund_row(i) for i in range(1200)]
    parsed = service.read(write_refunds(tmp_path, rows))
    calls = []

    def spy(name):
        real = getattr(import_write, name)
        return lambda db, ids: (calls.append((name, len(ids))), real(db, ids))[1]
    for name in ("reindex_cases", "index_new_cases"):  # new cases: nothing to delete first
        monkeypatch.setattr(import_write, name, spy(name))
    real_range = import_write.index_new_range
    monkeypatch.setattr(import_write, "index_new_range", lambda db, first, last: (
        calls.append(("index_new_range", last - first + 1)), real_range(db, first, last))[1])
    assert service.apply(parsed, "x.csv", "小王").created == 1200  # three 500-row chunks
    # The new cases' ids are one run: indexed by range, one statement for all of them.
    assert calls == [("index_new_range", 1200)]
    assert register.cases.query_ids(CaseQuery(search="测试宝贝 1199"))


def test_bad_rows_block_the_import_unless_skipping_them(service, register):
    path = DATA / "taobao_refund_gbk.csv"
    parsed = service.read(path)
    before = counts(register)
    refused = service.apply(parsed, path.name, "小王")
    assert refused.blocked and not refused.imported
    assert refused.skipped == 4 and refused.created == 3
    assert "4" in refused.message() and "nothing was imported" in refused.message("en")
    assert counts(register) == before
    done = service.apply(parsed, path.name, "小王", skip_bad_rows=True)
    assert (done.created, done.skipped, done.imported, done.blocked) == (3, 4, True, False)
    assert [e.row_number for e in done.errors] == [5, 6, 7, 8]
    assert service.history()[0].skipped == 4


def test_an_unreadable_file_is_refused_with_its_reason(service, register, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    before = counts(register)
    report = service.apply(service.read(path), path.name, "小王", skip_bad_rows=True)
    assert report.blocked and report.file_error is not None
    assert report.to_json()["file_error"]["code"] == "no_header"
    assert counts(register) == before


def test_a_conflict_with_a_typed_amount_is_a_bad_row(service, register, tmp_path):
    row = taobao_refund_row(1, 买家实际支付金额="")
    run(service, write_refunds(tmp_path, [row]))
    case = register.cases.store.find(refund_no="158000000000000001")[0]
    draft = as_draft(case)
    draft.amount_paid = Decimal("70.00")
    register.cases.update(case.id, draft, "小王")
    later = taobao_refund_row(1, 买家实际支付金额="", 买家退款金额="99.00")
    report = service.preview(service.read(write_refunds(tmp_path, [later], "b.csv")), "b.csv")
    assert report.blocked and report.errors[0].field == "amount_claimed"
    assert report.errors[0].column == "买家退款金额"


def test_an_export_never_overwrites_contact_details_the_user_entered():
    from datetime import UTC, datetime

    from shopdesk.domain.case import Case
    from shopdesk.importers import RefundRecord
    from shopdesk.services.import_apply import apply_changes, diff_case

    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    case = Case(platform=Platform.JD, order_no="305123456789", kind=CaseKind.RETURN_REFUND,
                refund_no="1234567890", buyer_phone="13912345678", buyer_name="赵先生",
                buyer_nick="", item_title="", id=1, created_at=now)
    record = RefundRecord(row_number=2, platform=Platform.JD, order_no="305123456789",
                          kind=CaseKind.EXCHANGE, refund_no="1234567890",
                          buyer_phone="13800000000", buyer_name="赵六", buyer_nick="jd_zhao",
                          item_title="电热水壶", description="不加热", platform_status="待处理")
    changes = {c.field: c.new for c in diff_case(case, record)}
    assert changes == {"buyer_nick": "jd_zhao", "item_title": "电热水壶",
                       "platform_status": "待处理"}
    merged = apply_changes(case, diff_case(case, record))
    assert merged.buyer_phone == "13912345678" and merged.buyer_name == "赵先生"
    assert merged.kind is CaseKind.RETURN_REFUND and merged.description == ""


def test_imported_and_updated_cases_are_searchable(service, register, tmp_path):
    from shopdesk.domain.case_query import CaseQuery

    typed = register.cases.open_case(CaseDraft(platform=Platform.TAOBAO,
                                               order_no="3126112300000000003",
                                               kind=CaseKind.REFUND_ONLY), "小王")
    register.cases.add_note(typed.id, "买家很着急", "小王")
    run(service, write_refunds(tmp_path, [taobao_refund_row(i, 宝贝标题=f"羊毛围巾 {i}")
                                          for i in range(1, 5)]))
    found = register.cases.query_ids(CaseQuery(search="羊毛围巾"))
    assert len(found) == 4 and typed.id in found  # the hand-logged case got the title
    assert register.cases.query_ids(CaseQuery(search="158000000000000003")) == [typed.id]
    assert register.cases.query_ids(CaseQuery(search="很着急")) == [typed.id]  # notes kept


def test_new_cases_timeline_and_audit_rows_are_stored_as_json_dumps_would(
        service, register, tmp_path):
    """The "created" event's data is written as text without a dict per row: it must read
    back as json.dumps(..., ensure_ascii=False, sort_keys=True) writes it, quotes, a
    backslash, a percent sign and Chinese in the file's name included; the audit's create
    rows come from the cases just written."""
    rows = [taobao_refund_row(1), taobao_refund_row(2, 退款状态=""),
            taobao_refund_row(3, 退款状态='退款"成功"\\')]
    name = 'ex"port\\ 50% 退款.csv'
    parsed = service.read(write_refunds(tmp_path, rows, "plain.csv"))
    report = service.apply(parsed, name, "小王", skip_bad_rows=True)
    assert report.created == 3
    events = register.db.execute(
        "SELECT c.refund_no, c.status, c.platform_status, e.at, e.text, e.data "
        "FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.type = 'created' "
        "ORDER BY e.id").fetchall()
    assert len(events) == 3
    for number, (refund_no, status, shown, at, text, data) in enumerate(events, start=2):
        expected = {"source": name, "row": number, "preset": parsed.preset,
                    "status": status, "platform_status": shown or None}
        assert data == json.dumps(expected, ensure_ascii=False, sort_keys=True), refund_no
        assert text == (f"导入自 {name}（平台：{shown}）" if shown else f"导入自 {name}")
        assert at == to_utc_iso(register.clock.now())
    assert [e[2] for e in events][1] == ""
    audit = register.db.execute(
        "SELECT a.at, a.actor, a.entity, a.action, a.field, a.old, a.new, c.case_no "
        "FROM audit_log a JOIN cases c ON c.id = a.entity_id "
        "WHERE a.entity = 'case' AND a.action = 'create' ORDER BY a.id").fetchall()
    numbers = [r[0] for r in register.db.execute("SELECT case_no FROM cases ORDER BY id")]
    assert [tuple(r) for r in audit] == [
        (to_utc_iso(register.clock.now()), "小王", "case", "create", None, None, no, no)
        for no in numbers]


def test_an_import_pauses_the_cycle_collector_and_restores_it(service, register, tmp_path):
    """Applying pauses the cyclic GC (the plan and its rows stay alive to the end) and
    enables it again after, a cancelled import included."""
    import gc

    parsed = service.read(write_refunds(tmp_path, [taobao_refund_row(i) for i in range(3)]))
    seen: list[bool] = []
    assert gc.isenabled()
    report = service.apply(parsed, "x.csv", "小王",
                           progress=lambda d, t: seen.append(gc.isenabled()))
    assert report.created == 3 and seen and not any(seen)
    assert gc.isenabled()
    with pytest.raises(ImportCancelled):
        service.apply(parsed, "y.csv", "小王", cancelled=lambda: True)
    assert gc.isenabled()
