"""`shopdesk import` and `shopdesk export` on the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest

from shopdesk.cli import run
from tests.importers.helpers import DATA, TAOBAO_REFUND_HEADER, csv_bytes, taobao_refund_row

REFUNDS = str(DATA / "taobao_refund_gbk.csv")


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        e = dict(env)
        if lang:
            e["SHOPDESK_LANG"] = lang
        code = run(list(argv), clock=clock, env=e, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def case_count(cli) -> int:
    code, out, _ = cli("cases", "list", "--json")
    assert code == 0
    return json.loads(out)["count"]


def test_dry_run_json_previews_without_importing(cli):
    code, out, _ = cli("import", REFUNDS, "--dry-run", "--skip-bad-rows", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["schema"] == 1 and data["file"] == "taobao_refund_gbk.csv"
    assert data["preset"] == "taobao_refund" and data["dry_run"] is True
    assert (data["created"], data["updated"], data["unchanged"], data["skipped"]) == (3, 0, 0, 4)
    assert data["imported"] is False
    assert data["errors"][0] == {"row": 5, "column": "订单编号", "field": "order_no",
                                 "reason": data["errors"][0]["reason"], "value": "3.12611E+18"}
    assert "科学计数法" in data["errors"][0]["reason"]
    assert case_count(cli) == 0


def test_errors_prevent_the_import_with_exit_1(cli, tmp_path):
    code, out, _ = cli("import", REFUNDS, "--json", lang="en")
    data = json.loads(out)
    assert code == 1 and data["imported"] is False
    assert data["errors"][1]["reason"] == \
        "Amount claimed ¥1,300.00 cannot exceed amount paid ¥30.00"
    assert "nothing was imported" in data["message"]
    assert case_count(cli) == 0
    # The dry run says the same.
    assert cli("import", REFUNDS, "--dry-run", "--json")[0] == 1


def test_import_valid_rows_save_the_rest_then_reimport(cli, tmp_path):
    skipped = tmp_path / "skipped.csv"
    code, out, _ = cli("--as", "小李", "import", REFUNDS, "--skip-bad-rows",
                       "--save-skipped", str(skipped))
    assert code == 0
    assert "新建 3" in out and "跳过 4 行" in out and "第6行「买家退款金额」" in out
    with skipped.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 5 and rows[0][-1] == "错误"
    code, out, _ = cli("cases", "list", "--json")
    cases = json.loads(out)["cases"]
    assert len(cases) == 3 and {c["created_by"] for c in cases} == {"小李"}
    code, out, _ = cli("import", REFUNDS, "--skip-bad-rows", "--json")
    data = json.loads(out)
    assert code == 0 and (data["created"], data["unchanged"]) == (0, 3)


def test_platform_must_match_and_unknown_profile_is_an_error(cli):
    code, _, err = cli("import", REFUNDS, "--platform", "jd", "--dry-run")
    assert code == 1 and "taobao" in err and "--platform" in err
    code, _, err = cli("import", REFUNDS, "--profile", "nope")
    assert code == 1 and "nope" in err
    code, _, err = cli("import", REFUNDS, "--preset", "nope")
    assert code == 1 and "taobao_refund" in err


def test_an_unreadable_file_exits_1_with_its_reason(cli, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"")
    code, out, _ = cli("import", str(path), "--json")
    data = json.loads(out)
    assert code == 1 and data["file_error"]["code"] == "empty"


def test_export_csv_and_xlsx(cli, tmp_path):
    refunds = tmp_path / "r.csv"
    refunds.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, taobao_refund_row(1),
                                   taobao_refund_row(2, 宝贝标题="=1+1")], "gbk"))
    assert cli("import", str(refunds))[0] == 0
    out_csv = tmp_path / "cases.csv"
    code, out, _ = cli("export", "-o", str(out_csv), "--status", "open")
    assert (code, out) == (0, f"已导出 2 个案件到 {out_csv}\n")
    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["商品"] for r in rows} == {"测试宝贝 1", "'=1+1"}
    code, out, _ = cli("export", "-o", str(tmp_path / "c.xlsx"), "--search", "测试宝贝",
                       "--full-contact")
    assert (code, out) == (0, f"已导出 1 个案件到 {tmp_path / 'c.xlsx'}\n")
    code, out, _ = cli("export", "-o", str(out_csv), "--status", "open", lang="en")
    assert (code, out) == (0, f"exported 2 case(s) to {out_csv}\n")
    txt = tmp_path / "c.txt"
    code, _, err = cli("export", "-o", str(txt))
    assert (code, err) == (1, f"shopdesk: -o {txt}: 文件名必须以 .csv 或 .xlsx 结尾\n")
    code, _, err = cli("export", "-o", str(txt), lang="en")
    assert (code, err) == (1, f"shopdesk: -o {txt}: the file name must end in .csv or .xlsx\n")


def _write42(tmp_path, states, name="month.csv"):
    from tests.importers.helpers import taobao42_rows

    path = tmp_path / name
    path.write_bytes(csv_bytes(taobao42_rows(states), "gbk"))
    return str(path)


def test_import_json_reports_what_the_platform_finished(cli, tmp_path):
    from tests.importers.helpers import TAOBAO_42_STATES

    code, out, _ = cli("import", _write42(tmp_path, TAOBAO_42_STATES), "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["created"], data["updated"], data["unchanged"]) == (10, 0, 0)
    assert (data["resolved_by_platform"], data["closed_by_platform"]) == (3, 1)
    assert data["conflicts"] == [] and data["left_out_finished"] == 0
    assert data["unknown_platform_statuses"] == []
    code, out, _ = cli("cases", "list", "--status", "open", "--json")
    assert json.loads(out)["count"] == 6
    code, out, _ = cli("cases", "list", "--json")
    cases = {c["refund_no"]: c for c in json.loads(out)["cases"]}
    refunded = cases["158000000000000005"]
    assert (refunded["status"], refunded["outcome"], refunded["amount_settled"]) == (
        "resolved", "full_refund", "100.00")
    assert refunded["platform_status"] == "退款成功"
    assert refunded["resolved_at"] == "2026-11-03T04:00:00+00:00"
    dispute = cases["158000000000000008"]
    assert (dispute["intervention_status"], dispute["platform_involved"]) == ("客服介入中", True)
    assert dispute["platform_stage"] == "platform_intervention"


def test_a_conflict_with_a_status_set_by_hand_is_in_the_json(cli, tmp_path, clock):
    from shopdesk.domain.enums import CaseStatus
    from shopdesk.domain.workflow import Transition
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    cli("import", _write42(tmp_path, [{}], "monday.csv"))
    register = open_register(DataPaths(tmp_path / "home"), clock)
    try:
        case = register.cases.store.find(refund_no="158000000000000001")[0]
        register.cases.change_status(case.id, Transition(CaseStatus.WAITING_BUYER), "小王")
    finally:
        register.close()
    code, out, _ = cli("import", _write42(tmp_path, [{"退款状态": "退款成功"}], "tuesday.csv"),
                       "--json")
    data = json.loads(out)
    assert code == 0 and data["updated"] == 1 and data["resolved_by_platform"] == 0
    (conflict,) = data["conflicts"]
    assert {k: conflict[k] for k in ("case_no", "field", "ours", "platform")} == {
        "case_no": case.case_no, "field": "status", "ours": "waiting_buyer",
        "platform": "resolved"}
    code, out, _ = cli("cases", "show", case.case_no, "--json")
    assert json.loads(out)["case"]["status"] == "waiting_buyer"


def test_only_open_and_finished_since_choose_the_first_import(cli, tmp_path):
    from tests.importers.helpers import TAOBAO_42_STATES

    path = _write42(tmp_path, TAOBAO_42_STATES)
    code, out, _ = cli("import", path, "--only-open", "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and (data["created"], data["left_out_finished"]) == (6, 4)
    code, out, _ = cli("import", path, "--finished-since", "2026-11-06", "--json")
    data = json.loads(out)
    assert (data["created"], data["left_out_finished"]) == (9, 1)
    code, out, err = cli("import", path, "--finished-since", "2026/11/06")
    assert code == 1 and "shopdesk: --finished-since: 不是日期" in err
    code, out, err = cli("import", path, "--finished-since", "2026/11/06", lang="en")
    assert code == 1 and "shopdesk: --finished-since: not a date" in err
    code, out, err = cli("import", path, "--finished-since", "2026-11-06", "--only-open")
    assert code == 1 and err.startswith("shopdesk: --finished-since:")


def test_the_text_report_lists_conflicts_and_unknown_statuses(cli, tmp_path):
    code, out, _ = cli("import", _write42(tmp_path, [{"退款状态": "退款成功（极速退款）"}]))
    assert code == 0
    assert "不认识的平台状态" in out and "退款成功（极速退款）" in out
    assert "1 种平台状态不认识" in out
