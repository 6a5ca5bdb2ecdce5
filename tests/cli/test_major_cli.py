"""`shopdesk cases major|approve|limits`, and "major" in case JSON and the list order."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home")}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock, env={**env, "SHOPDESK_LANG": lang or "zh"},
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    call("staff", "add", "小王")
    call("staff", "add", "老板")
    return call


def add_case(cli, order="T123456", *extra):
    code, out, err = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                         order, "--kind", "complaint", "--amount", "500", "--json", *extra)
    assert code == 0, err
    return json.loads(out)["case"]


def test_show_suggests_major_and_major_marks_it(cli):
    case = add_case(cli, "T123456", "--description", "孩子被割伤了")
    assert (case["major"], case["major_owner"]) == (False, None)
    _, out, _ = cli("cases", "show", case["case_no"], "--json")
    assert json.loads(out)["case"]["major_suggested"] == ["safety"]
    _, text, _ = cli("cases", "show", case["case_no"])
    assert f"cases major {case['case_no']}" in text and "标为重大投诉" in text
    code, out, err = cli("--as", "小王", "cases", "major", case["case_no"], "--owner", "老板",
                         "--note", "买家受伤", "--json")
    assert code == 0, err
    marked = json.loads(out)["case"]
    assert (marked["major"], marked["major_owner"]) == (True, "老板")
    _, out, _ = cli("cases", "show", case["case_no"], "--json")
    shown = json.loads(out)["case"]
    assert shown["major_suggested"] == [] and shown["timeline"][-1]["type"] == "major"


def test_major_refusals_name_the_option(cli):
    case = add_case(cli)
    code, _, err = cli("--as", "小王", "cases", "major", case["case_no"], "--owner", "路人甲")
    assert code == 1 and "--owner" in err
    no = case["case_no"]
    assert cli("--as", "小王", "cases", "major", no, "--off") == (
        1, "", f"shopdesk: {no} 不是重大投诉\n")
    assert cli("--as", "小王", "cases", "major", no, "--off", lang="en") == (
        1, "", f"shopdesk: {no} is not a major complaint\n")
    code, _, err = cli("--as", "小王", "cases", "approve", no, "--amount", "10")
    assert code == 1 and err.startswith(f"shopdesk: {no} 不是重大投诉，不需要批准")
    code, _, err = cli("--as", "小王", "cases", "approve", no, "--amount", "10", lang="en")
    assert code == 1 and "not a major complaint" in err


def test_major_says_what_it_did_in_the_language(cli):
    no = add_case(cli)["case_no"]
    assert cli("--as", "小王", "cases", "major", no, "--owner", "老板") == (
        0, f"{no}：重大投诉，负责人：老板\n", "")
    assert cli("--as", "小王", "cases", "approve", no, "--amount", "300", lang="en") == (
        0, f"{no}: 老板 approved compensation up to ¥300.00\n", "")
    assert cli("--as", "小王", "cases", "approve", no, "--amount", "abc") == (
        1, "", "shopdesk: --amount: 不是金额：'abc'（例如 300 或 12.50）\n")
    assert cli("--as", "小王", "cases", "major", no, "--off", "--note", "误会", lang="en") == (
        0, f"{no}: no longer a major complaint\n", "")


def test_major_cases_list_first(cli, clock):
    first = add_case(cli, "T100001")
    clock.advance(minutes=5)
    add_case(cli, "T100002")
    cli("--as", "小王", "cases", "major", first["case_no"], "--owner", "老板")
    _, out, _ = cli("cases", "list", "--json")
    listed = json.loads(out)["cases"]
    assert listed[0]["case_no"] == first["case_no"] and listed[0]["major"] is True
    assert all("warnings" in c for c in listed)
    # The owner's review: only the major ones, in any status, named with their owner.
    _, out, _ = cli("cases", "list", "--major", "--json")
    assert [c["case_no"] for c in json.loads(out)["cases"]] == [first["case_no"]]
    _, text, _ = cli("cases", "list", "--major")
    assert text.splitlines()[0].endswith("[重大投诉：老板]") and text.endswith("\n共 1 个案件\n")
    _, text, _ = cli("cases", "list", "--major", lang="en")
    assert text.splitlines()[0].endswith("[major complaint: 老板]")


def test_resolving_above_the_limit_needs_approve_with_pin(cli):
    cli("--as", "老板", "cases", "limits", "--set", "100")
    code, _, err = cli("--as", "老板", "staff", "pin", "--staff", "老板", "--set", "2468")
    assert code == 0, err
    case = add_case(cli)
    cli("--as", "小王", "cases", "major", case["case_no"], "--owner", "老板")
    resolve = ("--as", "小王", "cases", "status", case["case_no"], "--to", "resolved",
               "--outcome", "partial_refund", "--amount", "300")
    code, _, err = cli(*resolve)
    assert code == 1 and "老板" in err and "cases approve" in err
    code, _, err = cli("--as", "小王", "cases", "approve", case["case_no"], "--amount", "300",
                       "--pin", "1111")
    assert code == 1 and "PIN" in err
    code, out, err = cli("--as", "小王", "cases", "approve", case["case_no"], "--amount",
                         "300", "--pin", "2468", "--note", "同意", "--json")
    assert code == 0, err
    approval = json.loads(out)["approval"]
    assert (approval["amount"], approval["approved_by"], approval["requested_by"]) == (
        "300.00", "老板", "小王")
    code, _, err = cli(*resolve)
    assert code == 0, err
    _, out, _ = cli("cases", "show", case["case_no"], "--json")
    assert [a["amount"] for a in json.loads(out)["case"]["approvals"]] == ["300.00"]


def test_limits_json(cli):
    code, out, _ = cli("cases", "limits", "--json")
    assert json.loads(out) == {"schema": 1, "limits": {"default": "200.00", "staff": {}}}
    cli("--as", "老板", "cases", "limits", "--staff", "小王", "--set", "50")
    _, out, _ = cli("cases", "limits", "--json")
    assert json.loads(out)["limits"]["staff"] == {"小王": "50.00"}
    _, out, _ = cli("cases", "limits")
    assert out == "默认额度：¥200.00\n小王: ¥50.00\n"
    cli("--as", "老板", "cases", "limits", "--clear")
    _, out, _ = cli("cases", "limits", lang="en")
    assert out == "default: none\n小王: ¥50.00\n"
