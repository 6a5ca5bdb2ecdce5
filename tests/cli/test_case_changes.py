"""`shopdesk cases status|note|edit` and the new `cases add` options: the case panel's
actions from the command line, refusals naming the option, exit codes 0/1/2."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "zh"}

    def call(*argv, actor="小王", lang=None):
        out, err = io.StringIO(), io.StringIO()
        args = ["--as", actor, *argv] if actor else list(argv)
        code = run(args, clock=clock, env={**env, **({"SHOPDESK_LANG": lang} if lang else {})},
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    for name in ("小王", "小李"):
        assert cli("staff", "add", name)[0] == 0
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                         "--kind", "refund_only", "--buyer", "小蜜蜂", "--phone", "13812345678",
                         "--amount", "59.90")
    assert code == 0, err
    return out.strip()


def show(cli, case_no) -> dict:
    return json.loads(cli("cases", "show", case_no, "--json")[1])["case"]


# --- status --------------------------------------------------------------------------
def test_finishing_a_case_says_which_promises_stay_open(cli, case_no):
    code, _, err = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 16:00", "--text", "确认退款到账")
    assert code == 0, err
    cli("cases", "status", case_no, "--to", "in_progress")
    code, out, err = cli("cases", "status", case_no, "--to", "resolved", "--outcome",
                         "full_refund", "--amount", "59.90")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].startswith("注意：本案件还有 1 个待兑现的承诺，仍会继续提醒")
    assert "确认退款到账" in lines[2] and "11-23 16:00" in lines[2]
    code, out, err = cli("cases", "status", case_no, "--to", "closed", "--promises-kept",
                         "--json")
    data = json.loads(out)
    assert code == 0 and data["promises_open"] == []
    assert [p["state"] for p in data["promises_kept"]] == ["kept"]
    code, _, err = cli("cases", "status", case_no, "--to", "in_progress", "--reason", "再看看",
                       "--promises-kept")
    assert code == 1 and "--promises-kept" in err


def test_what_finishing_says_about_promises_in_each_language(cli, case_no):
    for text in ("确认退款到账", "补发赠品"):
        assert cli("promises", "add", case_no, "--kind", "call_back", "--due",
                   "2026-11-23 16:00", "--text", text)[0] == 0
    cli("cases", "status", case_no, "--to", "in_progress")
    code, out, err = cli("cases", "status", case_no, "--to", "resolved", "--outcome",
                         "full_refund", "--amount", "59.90", lang="en")
    assert code == 0, err
    assert out.splitlines()[1] == (
        "note: 2 open promise(s) on this case stay open and will still be reminded "
        "(--promises-kept marks them kept, --promises-not-needed REASON no longer needed):")
    code, out, err = cli("cases", "status", case_no, "--to", "closed", "--promises-kept")
    assert code == 0, err
    assert [line.split("：")[0] for line in out.splitlines()[1:]] == ["承诺 #1 已兑现",
                                                                     "承诺 #2 已兑现"]


def test_finishing_can_mark_the_open_promises_no_longer_needed(cli, case_no):
    code, _, err = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 16:00", "--text", "确认退款到账")
    assert code == 0, err
    cli("cases", "status", case_no, "--to", "in_progress")
    code, _, err = cli("cases", "status", case_no, "--to", "resolved", "--outcome",
                       "buyer_withdrew", "--promises-kept", "--promises-not-needed", "撤销")
    assert code == 2  # one or the other (argparse says so on stderr)
    code, _, err = cli("cases", "status", case_no, "--to", "resolved", "--outcome",
                       "buyer_withdrew", "--promises-not-needed", " ")
    assert code == 1 and "--promises-not-needed" in err
    assert show(cli, case_no)["status"] == "in_progress"  # nothing written
    code, out, err = cli("cases", "status", case_no, "--to", "resolved", "--outcome",
                         "buyer_withdrew", "--promises-not-needed", "买家撤销申请", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["case"]["status"] == "resolved" and data["promises_open"] == []
    assert data["promises_kept"] == []
    assert [(p["state"], p["broken_reason"]) for p in data["promises_not_needed"]] == \
        [("cancelled", "买家撤销申请")]
    code, _, err = cli("cases", "status", case_no, "--to", "in_progress", "--reason", "再看看",
                       "--promises-not-needed", "x")
    assert code == 1 and "--promises-not-needed" in err


def test_status_moves_through_the_workflow(cli, case_no):
    assert cli("cases", "status", case_no, "--to", "in_progress") == (
        0, f"{case_no}: 新建 → 处理中\n", "")
    code, out, err = cli("cases", "status", case_no, "--to", "已解决", "--outcome", "部分退款",
                         "--amount", "¥20", "--reason", "买家同意")
    assert (code, out, err) == (0, f"{case_no}: 处理中 → 已解决 (部分退款 ¥20.00)\n", "")
    code, out, _ = cli("cases", "status", case_no, "--to", "closed", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1
    case = data["case"]
    assert (case["status"], case["outcome"], case["amount_settled"]) == (
        "closed", "partial_refund", "20.00")
    last = [e for e in show(cli, case_no)["timeline"] if e["type"] == "status"]
    assert [(e["data"]["from"], e["data"]["to"], e["actor"]) for e in last] == [
        ("new", "in_progress", "小王"), ("in_progress", "resolved", "小王"),
        ("resolved", "closed", "小王")]
    assert last[1]["text"] == "买家同意"


@pytest.mark.parametrize("args,err", [
    (["--to", "done"], "shopdesk: --to: 不认识的值 'done'；可选：new, in_progress, "
                       "waiting_buyer, waiting_platform, resolved, closed\n"),
    (["--to", "new"], "shopdesk: --to: 案件已是“新建”状态\n"),
    (["--to", "resolved"], "shopdesk: --outcome: 解决案件需要选择处理结果\n"),
    (["--to", "resolved", "--outcome", "full_refund"],
     "shopdesk: --amount: 该处理结果需要填写退款/补偿金额\n"),
    (["--to", "resolved", "--outcome", "full_refund", "--amount", "99"],
     "shopdesk: --amount: 退款金额不能超过实付金额\n"),
    (["--to", "resolved", "--outcome", "compensated", "--amount", "-1"],
     "shopdesk: --amount: 金额不能为负数\n"),
    (["--to", "resolved", "--outcome", "compensated", "--amount", "abc"],
     "shopdesk: --amount: 不是金额：'abc'（例如 12.50）\n"),
    (["--to", "resolved", "--outcome", "nope"], None),
    (["--to", "in_progress", "--outcome", "exchanged"],
     "shopdesk: --outcome: 只能和 --to resolved 一起用\n"),
    (["--to", "closed"], "shopdesk: --reason: 未解决就关闭需要写明原因\n"),
])
def test_status_refusals_name_the_option_and_change_nothing(cli, case_no, args, err):
    code, out, got = cli("cases", "status", case_no, *args)
    assert code == 1 and out == ""
    if err is None:
        assert got.startswith("shopdesk: --outcome: 不认识的值 'nope'；可选：full_refund")
    else:
        assert got == err
    case = show(cli, case_no)
    assert case["status"] == "new" and [e["type"] for e in case["timeline"]] == ["created"]


@pytest.mark.parametrize("args,err", [
    (["--to", "done"], "shopdesk: --to: unknown value 'done'; one of: new, in_progress, "
                       "waiting_buyer, waiting_platform, resolved, closed\n"),
    (["--to", "resolved", "--outcome", "compensated", "--amount", "abc"],
     "shopdesk: --amount: not an amount: 'abc' (e.g. 12.50)\n"),
    (["--to", "in_progress", "--outcome", "exchanged"],
     "shopdesk: --outcome: only with --to resolved\n"),
    (["--to", "in_progress", "--promises-kept"],
     "shopdesk: --promises-kept: only with --to resolved or --to closed\n"),
])
def test_status_refusals_in_english(cli, case_no, args, err):
    assert cli("cases", "status", case_no, *args, lang="en") == (1, "", err)


def test_reopening_needs_a_reason_in_english_too(cli, case_no):
    assert cli("cases", "status", case_no, "--to", "closed", "--reason", "重复")[0] == 0
    assert cli("cases", "status", case_no, "--to", "in_progress", lang="en") == (
        1, "", "shopdesk: --reason: Reopening a case needs a reason\n")
    assert cli("cases", "status", case_no, "--to", "in_progress", "--reason", "买家又来了")[0] == 0


def test_status_on_a_missing_or_trashed_case(cli, case_no):
    assert cli("cases", "status", "SD-20990101-0001", "--to", "closed") == (
        1, "", "shopdesk: 没有这个案件：SD-20990101-0001\n")
    assert cli("cases", "delete", case_no)[0] == 0
    code, _, err = cli("cases", "status", case_no, "--to", "in_progress")
    assert code == 1 and err == (f"shopdesk: {case_no} 在回收站中，请先恢复："
                                 f"shopdesk cases restore {case_no}\n")
    code, _, err = cli("cases", "status", case_no, "--to", "in_progress", lang="en")
    assert code == 1 and err == (f"shopdesk: {case_no} is in the trash; restore it first: "
                                 f"shopdesk cases restore {case_no}\n")
    assert cli("cases", "status", case_no)[0] == 2  # --to is required: a usage error


# --- note ----------------------------------------------------------------------------
def test_note_goes_on_the_timeline(cli, case_no):
    assert cli("cases", "note", case_no, "已联系买家，等回复") == (
        0, f"{case_no}：已添加备注\n", "")
    assert cli("cases", "note", case_no, "再联系", lang="en") == (
        0, f"{case_no}: note added\n", "")
    code, out, _ = cli("cases", "note", case_no, "第二条", "--json", actor="小李")
    event = json.loads(out)["event"]
    assert code == 0 and json.loads(out)["case_no"] == case_no
    assert (event["type"], event["text"], event["actor"]) == ("note", "第二条", "小李")
    notes = [(e["text"], e["actor"]) for e in show(cli, case_no)["timeline"]
             if e["type"] == "note"]
    assert notes == [("已联系买家，等回复", "小王"), ("再联系", "小王"), ("第二条", "小李")]


def test_an_empty_note_is_refused_naming_it(cli, case_no):
    assert cli("cases", "note", case_no, "  ") == (1, "", "shopdesk: TEXT: 备注不能为空\n")
    assert cli("cases", "note", "NOPE", "x") == (1, "", "shopdesk: 没有这个案件：NOPE\n")


# --- edit ----------------------------------------------------------------------------
def test_edit_reassigns_and_changes_fields(cli, case_no):
    code, out, err = cli("cases", "edit", case_no, "--assignee", "小李", "--due",
                         "2026-11-25 18:00", "--customer-type", "analytical", "--cause",
                         "late_shipment", "--priority", "high",
                         "--address", "浙江省杭州市西湖区1号")
    assert code == 0, err
    assert out.splitlines() == [
        f"{case_no}: address — → 浙江省杭州市****",
        f"{case_no}: cause — → late_shipment",
        f"{case_no}: customer-type unknown → analytical",
        f"{case_no}: priority normal → high",
        f"{case_no}: due — → 2026-11-25 18:00",
        f"{case_no}: assignee 小王 → 小李"]
    case = show(cli, case_no)
    assert case["assignee"] == "小李" and case["due_at"] == "2026-11-25T10:00:00+00:00"
    assert case["buyer_address"] == "浙江省杭州市****"  # masked in JSON
    assert case["amount_paid"] == "59.90" and case["buyer_phone"] == "138****5678"  # kept
    edit = case["timeline"][-1]
    assert edit["type"] == "edit" and "assignee" in edit["data"]["fields"]

    code, out, _ = cli("cases", "edit", case_no, "--due", "", "--json")
    data = json.loads(out)
    assert code == 0 and data["changed"] == ["due_at"] and data["case"]["due_at"] is None
    assert cli("cases", "edit", case_no, "--assignee", "小李") == (
        0, f"{case_no}：没有改动\n", "")
    assert cli("cases", "edit", case_no, "--assignee", "小李", lang="en") == (
        0, f"{case_no}: nothing changed\n", "")


def test_edit_to_nobody_and_keeping_an_inactive_assignee(cli, case_no):
    assert cli("cases", "edit", case_no, "--assignee", "小李")[0] == 0
    assert cli("staff", "deactivate", "小李")[0] == 0
    # Another field changes; the (now inactive) assignee stays as it was.
    assert cli("cases", "edit", case_no, "--sku", "CUP-1")[0] == 0
    assert show(cli, case_no)["assignee"] == "小李"
    assert cli("cases", "edit", case_no, "--assignee", "")[0] == 0
    assert show(cli, case_no)["assignee"] == ""


@pytest.mark.parametrize("args,err", [
    (["--assignee", "阿珍"], "shopdesk: --assignee: 没有这个员工：阿珍\n"),
    (["--assignee", "老周"], "shopdesk: --assignee: 员工已停用：老周\n"),
    (["--due", "明天"], "shopdesk: --due: 不是时间：'明天'（格式：年-月-日 时:分，"
                        "例如 \"2026-11-23 15:00\"）\n"),
    (["--due", "2026-02-30 10:00"], None),
    (["--phone", "12345"], "shopdesk: --phone: 手机号格式不正确（如 13812345678）\n"),
    (["--claimed", "80"], "shopdesk: --claimed: 申请金额 ¥80.00 不能超过实付金额 ¥59.90\n"),
    (["--kind", "nope"], None),
    ([], "shopdesk: cases edit: 没有要改的内容；请至少给出一个字段选项，"
         "例如 --assignee NAME 或 --due \"YYYY-MM-DD HH:MM\"\n"),
])
def test_edit_refusals_name_the_option_and_change_nothing(cli, case_no, args, err):
    cli("staff", "add", "老周")
    cli("staff", "deactivate", "老周")
    before = show(cli, case_no)
    code, out, got = cli("cases", "edit", case_no, *args)
    assert code == 1 and out == ""
    if err is None:
        assert got.startswith(f"shopdesk: {args[0]}: ")
    else:
        assert got == err
    assert show(cli, case_no) == before


def test_edit_of_a_missing_case(cli):
    assert cli("cases", "edit", "SD-20990101-0001", "--sku", "X") == (
        1, "", "shopdesk: 没有这个案件：SD-20990101-0001\n")


def test_edit_refusals_in_english(cli, case_no):
    assert cli("cases", "edit", case_no, lang="en") == (
        1, "", "shopdesk: cases edit: nothing to change; give at least one field option, "
               "e.g. --assignee NAME or --due \"YYYY-MM-DD HH:MM\"\n")
    assert cli("cases", "edit", case_no, "--due", "明天", lang="en") == (
        1, "", "shopdesk: --due: not a time: '明天' (e.g. \"2026-11-23 15:00\")\n")


# --- add: the new options ---------------------------------------------------------------
def test_add_takes_due_customer_type_address_and_assignee(cli):
    cli("staff", "add", "小王")
    cli("staff", "add", "小李")
    code, out, err = cli("cases", "add", "--platform", "jd", "--order", "123456", "--kind",
                         "exchange", "--due", "2026-11-24 12:00", "--customer-type", "主导型",
                         "--address", "上海市浦东新区2号", "--assignee", "小李",
                         "--buyer-name", "李雷", "--json")
    assert code == 0, err
    case = json.loads(out)["case"]
    assert case["due_at"] == "2026-11-24T04:00:00+00:00"
    assert case["customer_type"] == "dominant" and case["assignee"] == "小李"
    assert case["buyer_address"] == "上海市浦东新****" and case["buyer_name"] == "李*"
    # Without --assignee the case is the operator's, as in the window.
    code, out, _ = cli("cases", "add", "--platform", "jd", "--order", "123457", "--kind",
                       "exchange")
    assert show(cli, out.strip())["assignee"] == "小王"
    # ... unless the operator is not on the staff list.
    code, out, _ = cli("cases", "add", "--platform", "jd", "--order", "123458", "--kind",
                       "exchange", actor="路人")
    assert show(cli, out.strip())["assignee"] == ""


@pytest.mark.parametrize("args,option", [
    (["--due", "soon"], "--due"),
    (["--assignee", "阿珍"], "--assignee"),
    (["--customer-type", "angry"], "--customer-type"),
])
def test_add_refusals_name_the_option(cli, args, option):
    cli("staff", "add", "小王")
    code, out, err = cli("cases", "add", "--platform", "jd", "--order", "123456", "--kind",
                         "exchange", *args)
    assert code == 1 and out == "" and err.startswith(f"shopdesk: {option}: ")
    assert json.loads(cli("cases", "list", "--json")[1])["count"] == 0


def test_every_bad_field_of_add_is_named_on_its_own_line(cli):
    code, out, err = cli("cases", "add", "--platform", "x", "--order", "1", "--kind", "y")
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert [line.split(":")[0:2] for line in lines] == [
        ["shopdesk", " --platform"], ["shopdesk", " --kind"], ["shopdesk", " --order"]]
    assert "Traceback" not in err
