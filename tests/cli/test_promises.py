"""`shopdesk promises ...`: list (--overdue, --json), add, keep, break; exit codes and messages."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, actor="小王", lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", actor, *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "refund_only", "--buyer", "小蜜蜂", "--phone", "13812345678")
    assert code == 0
    return out.strip()


def test_add_list_keep_break_round_trip(cli, case_no, clock):
    code, out, err = cli("promises", "add", case_no, "--kind", "call_back",
                         "--due", "2026-11-23 15:00", "--text", "确认补发时间", "--json")
    assert code == 0, err
    made = json.loads(out)["promise"]
    assert made["case_no"] == case_no and made["kind"] == "call_back"
    assert made["due_at"] == "2026-11-23T07:00:00+00:00"  # 15:00 shop time
    assert made["state"] == "open" and made["overdue"] is False and made["made_by"] == "小王"
    assert made["description"] == "回电：确认补发时间"
    code, out, _ = cli("promises", "add", case_no, "--kind", "提供单号",
                       "--due", "2026-11-23T12:00:00+08:00", actor="小李")
    assert code == 0 and out.startswith("承诺 #2 已作出：#2 ") and "提供单号" in out

    code, out, _ = cli("promises", "list", "--json")
    data = json.loads(out)
    assert data["schema"] == 1 and data["count"] == 2
    assert [p["id"] for p in data["promises"]] == [2, 1]  # by due time
    code, out, _ = cli("promises", "list", "--overdue", "--json")
    assert json.loads(out)["count"] == 0

    clock.set(clock.now() + timedelta(hours=2))  # 12:00 exactly: #2 is overdue
    code, out, _ = cli("promises", "list", "--overdue")
    assert code == 0 and "#2" in out and "逾期" in out and "#1 " not in out
    assert out.strip().endswith("共 1 个承诺，1 个已逾期")
    code, out, _ = cli("promises", "list", "--overdue", lang="en")
    assert out.strip().endswith("1 promise(s), 1 overdue")

    code, out, _ = cli("promises", "keep", "2")
    assert code == 0 and out.startswith("承诺 #2 已兑现：#2 ")
    code, out, err = cli("promises", "break", "1", "--reason", "仓库缺货", lang="en")
    assert code == 0 and out.startswith("promise #1 broken: #1 ") and "仓库缺货" in out
    code, out, _ = cli("promises", "list", "--case", case_no, "--json")
    states = {p["id"]: (p["state"], p["resolved_by"], p["broken_reason"])
              for p in json.loads(out)["promises"]}
    assert states == {1: ("broken", "小王", "仓库缺货"), 2: ("kept", "小王", None)}
    code, out, _ = cli("cases", "show", case_no, "--json")
    types = [e["type"] for e in json.loads(out)["case"]["timeline"]]
    assert types.count("promise_made") == 2
    assert "promise_kept" in types and "promise_broken" in types


def test_refusals_exit_1_and_name_the_option(cli, case_no):
    code, out, err = cli("promises", "add", case_no, "--kind", "bribe", "--due",
                         "2026-11-23 15:00")
    assert code == 1 and "--kind" in err and "call_back" in err and out == ""
    code, _, err = cli("promises", "add", case_no, "--kind", "reply", "--due", "tomorrow")
    assert code == 1 and "--due" in err
    code, _, err = cli("promises", "add", case_no, "--kind", "reply", "--due",
                       "2026-11-20 15:00")
    assert code == 1 and err.startswith("shopdesk: --due: 到期时间已经过去")
    code, _, err = cli("promises", "add", case_no, "--kind", "other", "--due",
                       "2026-11-23 15:00")
    assert code == 1 and "--text" in err
    code, _, err = cli("promises", "add", "SD-20991231-0001", "--kind", "reply", "--due",
                       "2026-11-23 15:00")
    assert code == 1 and "没有这个案件：SD-20991231-0001" in err
    code, _, err = cli("promises", "keep", "99")
    assert (code, err) == (1, "shopdesk: 没有这个承诺：99\n")
    code, _, err = cli("promises", "keep", "99", lang="en")
    assert (code, err) == (1, "shopdesk: no such promise: 99\n")
    code, _, err = cli("promises", "keep", "0")
    assert (code, err) == (1, "shopdesk: ID: 不能小于 1，现在是 0\n")
    assert cli("promises", "add", case_no, "--kind", "reply", "--due", "2026-11-23 15:00")[0] == 0
    assert cli("promises", "keep", "1")[0] == 0
    code, _, err = cli("promises", "break", "1", "--reason", "x")
    assert code == 1 and "已兑现" in err
    code, _, err = cli("promises", "add", case_no, "--kind", "reply")  # --due missing
    assert code == 2


def test_list_leaves_out_trashed_cases(cli, case_no, clock, tmp_path):
    assert cli("promises", "add", case_no, "--kind", "reply", "--due", "2026-11-23 11:00")[0] == 0
    clock.set(clock.now() + timedelta(hours=3))
    assert json.loads(cli("promises", "list", "--overdue", "--json")[1])["count"] == 1
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    register = open_register(DataPaths(tmp_path / "home"), clock, daily_backup=False)
    register.cases.delete([register.cases.get_by_no(case_no).id], "小王")
    register.close()
    assert json.loads(cli("promises", "list", "--overdue", "--json")[1])["count"] == 0
    code, out, _ = cli("promises", "list")
    assert code == 0 and out.strip() == "共 0 个承诺，0 个已逾期"


def test_a_call_back_at_a_forbidden_time_is_made_with_a_warning(cli, case_no):
    # Outside the calling window (a soft rule): made, and said.
    code, out, _ = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 19:00")
    assert code == 0
    warning = out.splitlines()[-1]
    assert warning.startswith("注意：按通话规范，那时不能给这位买家打电话：")
    assert "最早 11-24 10:00 可以打" in warning
    code, out, _ = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 19:10", lang="en")
    assert code == 0 and out.splitlines()[0].startswith("promise #2 made: #2 ")
    assert out.splitlines()[-1].startswith("warning: ")
    code, out, _ = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 19:30", "--json")
    assert json.loads(out)["call_policy_warning"].startswith("按通话规范")
    # Quiet hours (no one may override them): a promise that could only be broken.
    code, out, err = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                         "2026-11-23 23:00")
    assert code == 1 and err.startswith("shopdesk: --due: 按通话规范") and "静默时段" in err
    # Not a call: nothing to say. A call back in the calling window: nothing either.
    for kind, due in (("reply", "2026-11-23 23:00"), ("call_back", "2026-11-23 14:00")):
        code, out, _ = cli("promises", "add", case_no, "--kind", kind, "--due", due, "--json")
        assert code == 0 and json.loads(out)["call_policy_warning"] is None


def test_cancel_marks_a_promise_no_longer_needed(cli, case_no, clock):
    code, out, err = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                         "2026-11-23 16:00", "--json")
    assert code == 0, err
    pid = json.loads(out)["promise"]["id"]
    assert cli("promises", "cancel", str(pid), "--reason", " ")[0] == 1
    code, _, err = cli("promises", "cancel", str(pid))  # --reason is required
    assert code == 2
    clock.set(clock.now() + timedelta(days=1))
    code, out, err = cli("promises", "cancel", str(pid), "--reason", "买家撤销申请", "--json")
    assert code == 0, err
    promise = json.loads(out)["promise"]
    assert (promise["state"], promise["broken_reason"], promise["overdue"]) == \
        ("cancelled", "买家撤销申请", False)
    code, out, _ = cli("promises", "list", "--overdue")
    assert code == 0 and out.endswith("共 0 个承诺，0 个已逾期\n")
    code, out, _ = cli("promises", "list", "--case", case_no)
    assert "不再需要" in out and "买家撤销申请" in out
    code, _, err = cli("promises", "cancel", str(pid), "--reason", "again")
    assert code == 1 and ("no longer needed" in err or "不再需要" in err)
