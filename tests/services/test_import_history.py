"""The import history (导入记录): every applied import is logged with what it did, newest
first; previews and refused files are not; a file of a name imported before is named."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.import_history import entry_json, history_json, history_lines, summary
from tests.importers.helpers import DATA
from tests.services.test_orders import ORDER_HEADER, order_row, write

REFUNDS = DATA / "taobao_refund_gbk.csv"


def _apply(service, path, actor="小王", **kw):
    return service.apply(service.read(path), path.name, actor, **kw)


def test_each_applied_import_is_logged_with_what_it_did_newest_first(register, clock):
    service = register.imports
    assert service.history() == [] and service.history_total() == 0
    report = _apply(service, REFUNDS, skip_bad_rows=True)
    assert (report.created, report.skipped, report.resolved_by_platform) == (3, 4, 1)
    clock.advance(hours=2)
    register.staff.add("小李", actor="小王")
    _apply(service, REFUNDS, actor="小李", skip_bad_rows=True)
    latest, first = service.history()
    assert service.history_total() == 2
    assert (latest.actor, latest.at, latest.created, latest.unchanged) == ("小李", clock.now(),
                                                                           0, 3)
    assert (first.actor, first.filename, first.preset) == ("小王", "taobao_refund_gbk.csv",
                                                          "taobao_refund")
    assert (first.record_type, first.platform, first.total_rows) == ("refund", "taobao", 7)
    assert (first.created, first.updated, first.unchanged, first.skipped) == (3, 0, 0, 4)
    assert (first.resolved_by_platform, first.closed_by_platform, first.in_trash,
            first.filled, first.left_out, first.conflicts) == (1, 0, 0, 0, 0, 0)
    assert summary(first, "zh") == "新建 3，更新 0，未变 0，跳过 4 行；平台已完结 1"
    assert summary(first, "en") == ("3 new, 0 updated, 0 unchanged, 4 row(s) skipped; "
                                    "1 resolved on the platform")
    assert service.history(1) == [latest]


def test_previews_and_refused_files_are_not_logged(register):
    service = register.imports
    service.preview(service.read(REFUNDS), REFUNDS.name, skip_bad_rows=True)
    refused = _apply(service, REFUNDS)  # bad rows and no skipping
    assert refused.blocked and not refused.imported
    assert service.history_total() == 0


def test_an_order_export_logs_the_cases_it_filled(register, tmp_path):
    register.cases.open_case(CaseDraft(platform=Platform.TAOBAO, kind=CaseKind.REFUND_ONLY,
                                       order_no=order_row(1)[0]), actor="小王")
    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    assert _apply(register.imports, path).filled_cases == 1
    (entry,) = register.imports.history()
    assert (entry.record_type, entry.platform, entry.created, entry.filled) == \
        ("order", "taobao", 2, 1)
    assert summary(entry, "zh") == ("订单：新建 2，更新 0，未变 0，跳过 0 行；"
                                    "补全了 1 个案件空着的买家或商品信息")
    assert summary(entry, "en").startswith("Orders: 2 new, 0 updated")


def test_rows_of_a_trashed_case_are_counted(register):
    service = register.imports
    report = _apply(service, REFUNDS, skip_bad_rows=True)
    register.cases.delete([report.created_ids[0]], actor="小王")
    again = _apply(service, REFUNDS, skip_bad_rows=True)
    assert again.in_trash == 1
    entry = service.history()[0]
    assert entry.in_trash == 1
    assert "1 行对应的案件在回收站，未动" in summary(entry, "zh")


def test_the_same_file_imported_before_is_named_with_who_and_when(register, clock, tmp_path):
    service = register.imports
    first = service.preview(service.read(REFUNDS), REFUNDS.name, skip_bad_rows=True)
    assert first.previous is None and first.previous_note(register.shop_tz, "zh") == ""
    assert first.to_json()["previous_import"] is None
    _apply(service, REFUNDS, skip_bad_rows=True)
    at = clock.now()
    clock.advance(days=1)
    again = service.preview(service.read(REFUNDS), REFUNDS.name, skip_bad_rows=True)
    assert (again.previous.actor, again.previous.at) == ("小王", at)
    local = at.astimezone(ZoneInfo(register.shop_tz))
    assert again.previous_note(register.shop_tz, "zh") == \
        f"这个文件已于 {local:%Y-%m-%d %H:%M} 由 小王 导入过"
    assert again.previous_note(register.shop_tz, "en") == \
        f"this file was imported on {local:%Y-%m-%d %H:%M} by 小王"
    assert again.to_json()["previous_import"]["actor"] == "小王"
    # Saved again under another name: the same bytes, the same file.
    renamed = tmp_path / "退款 (1).csv"
    renamed.write_bytes(REFUNDS.read_bytes())
    _apply(service, renamed, skip_bad_rows=True)  # a repeat: nothing new
    found = service.preview(service.read(renamed), renamed.name, skip_bad_rows=True)
    assert found.previous.at == at  # the import that brought it in, not the repeat
    assert found.previous_note(register.shop_tz, "zh") == (
        f"这个文件已于 {local:%Y-%m-%d %H:%M} 由 小王 导入过（当时名为 {REFUNDS.name}）")
    # Another export under the same name (a name reused every day) is a new file.
    other = tmp_path / REFUNDS.name
    other.write_bytes(REFUNDS.read_bytes().replace(b"\r\n", b"\n") + b"\n")
    assert service.read(other).sha256 != service.read(REFUNDS).sha256
    assert service.preview(service.read(other), other.name, skip_bad_rows=True).previous \
        is None


def test_the_import_itself_names_one_made_since_the_preview(register, clock):
    service = register.imports
    parsed = service.read(REFUNDS)
    assert service.preview(parsed, REFUNDS.name, skip_bad_rows=True).previous is None
    register.staff.add("小李", actor="小王")
    _apply(service, REFUNDS, actor="小李", skip_bad_rows=True)  # a colleague, meanwhile
    mine = service.apply(parsed, REFUNDS.name, "小王", skip_bad_rows=True)
    assert mine.previous.actor == "小李" and mine.unchanged == 3


def test_an_import_logged_without_the_files_hash_is_matched_by_name(register, clock):
    service = register.imports
    _apply(service, REFUNDS, skip_bad_rows=True)
    register.db.execute("UPDATE import_log SET file_sha256 = NULL")
    found = service.preview(service.read(REFUNDS), REFUNDS.name, skip_bad_rows=True)
    assert found.previous is not None
    assert found.previous_note(register.shop_tz, "zh").startswith("同名文件已于 ")
    assert service.preview(service.read(REFUNDS), "other.csv",
                           skip_bad_rows=True).previous is None


def test_the_history_json_and_lines(register, clock):
    service = register.imports
    _apply(service, REFUNDS, skip_bad_rows=True)
    entries = service.history()
    data = history_json(entries, service.history_total(), "en")
    assert (data["schema"], data["count"], data["total"]) == (1, 1, 1)
    item = data["imports"][0]
    assert item == entry_json(entries[0], "en")
    assert (item["file"], item["record_type"], item["platform"], item["created"],
            item["skipped"], item["resolved_by_platform"], item["filled_cases"]) == \
        ("taobao_refund_gbk.csv", "refund", "taobao", 3, 4, 1, 0)
    assert item["summary"].startswith("3 new, 0 updated")
    (line,) = history_lines(entries, "Asia/Shanghai", "zh")
    assert line.kind == "淘宝/天猫 售后单" and line.extra == "平台已完结 1"
    assert line.when == clock.now().astimezone(
        ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
