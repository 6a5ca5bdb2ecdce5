"""`shopdesk cases list` quick filters, `cases delete|restore|trash` and `cases audit`."""

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


def add(cli, order: str, *extra: str) -> str:
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", order, "--kind",
                         "refund_only", *extra)
    assert code == 0, err
    return out.strip()


def listed(cli, *args: str, actor="小王") -> list[str]:
    code, out, err = cli("cases", "list", "--json", *args, actor=actor)
    assert code == 0, err
    return sorted(c["case_no"] for c in json.loads(out)["cases"])


@pytest.fixture
def cases(cli):
    """Now is 2026-11-23 10:00 shop time. Overdue, due today, due tomorrow, no due time."""
    for name in ("小王", "小李"):
        cli("staff", "add", name)
    nos = {
        "overdue": add(cli, "100001", "--due", "2026-11-23 09:00", "--assignee", "小王"),
        "today": add(cli, "100002", "--due", "2026-11-23 20:00", "--assignee", "小李"),
        "tomorrow": add(cli, "100003", "--due", "2026-11-24 09:00", "--assignee", "小王"),
        "none": add(cli, "100004", "--assignee", ""),
        "closed_overdue": add(cli, "100005", "--due", "2026-11-22 09:00"),
    }
    assert cli("cases", "status", nos["closed_overdue"], "--to", "closed", "--reason",
               "重复工单")[0] == 0
    return nos


def test_quick_filters_as_in_the_window(cli, cases):
    assert listed(cli, "--overdue") == [cases["overdue"]]
    assert listed(cli, "--due-today") == sorted([cases["overdue"], cases["today"]])
    # Mine: open cases only (the closed one is 小王's too: he opened it).
    assert listed(cli, "--mine") == sorted([cases["overdue"], cases["tomorrow"]])
    assert listed(cli, "--mine", actor="小李") == [cases["today"]]
    assert listed(cli, "--mine", "--overdue") == [cases["overdue"]]
    assert listed(cli, "--assignee", "小李") == [cases["today"]]
    # --assignee is not limited to open cases; "" means nobody.
    assert listed(cli, "--assignee", "") == [cases["none"]]
    assert listed(cli, "--assignee", "小王", "--status", "closed") == [cases["closed_overdue"]]
    code, out, _ = cli("cases", "list", "--overdue")
    assert code == 0 and out.startswith(cases["overdue"]) and out.endswith("\n共 1 个案件\n")
    code, out, _ = cli("cases", "list", "--overdue", lang="en")
    assert code == 0 and out.endswith("\n1 case(s)\n")


def test_a_row_speaks_the_language(cli, cases):
    code, out, _ = cli("cases", "list", "--overdue")
    assert code == 0 and "淘宝/天猫" in out and "仅退款" in out
    code, out, _ = cli("cases", "list", "--overdue", lang="en")
    assert code == 0 and "仅退款" not in out and "新建" not in out


def test_mine_needs_someone(cli, cases):
    code, out, err = cli("cases", "list", "--mine", actor=None)
    assert (code, out) == (1, "") and err.startswith("shopdesk: --mine: 还没有操作人")
    code, out, err = cli("cases", "list", "--mine", actor=None, lang="en")
    assert (code, out) == (1, "") and err.startswith("shopdesk: --mine: nobody is the operator")


@pytest.mark.parametrize("args,err,err_en", [
    (["--limit", "-1"], "shopdesk: --limit: 不能小于 1，现在是 -1\n",
     "shopdesk: --limit: must be 1 or more, not -1\n"),
    (["--limit", "0"], "shopdesk: --limit: 不能小于 1，现在是 0\n",
     "shopdesk: --limit: must be 1 or more, not 0\n"),
    (["--mine", "--assignee", "小李"], "shopdesk: --assignee: 不能和 --mine 一起用\n",
     "shopdesk: --assignee: cannot be combined with --mine\n"),
])
def test_list_refusals(cli, args, err, err_en):
    assert cli("cases", "list", *args) == (1, "", err)
    assert cli("cases", "list", *args, lang="en") == (1, "", err_en)


def test_list_usage_errors_exit_2(cli):
    assert cli("cases", "list", "--overdue", "--due-today")[0] == 2
    assert cli("cases", "list", "--limit", "x")[0] == 2


def test_show_of_a_missing_case(cli):
    assert cli("cases", "show", "NO-SUCH") == (1, "", "shopdesk: 没有这个案件：NO-SUCH\n")


# --- trash ---------------------------------------------------------------------------
def test_delete_restore_and_the_trash(cli, cases):
    a, b = cases["overdue"], cases["today"]
    assert cli("cases", "delete", a, b) == (0, f"已移到回收站：{a}、{b}\n", "")
    assert a not in listed(cli)
    code, out, _ = cli("cases", "trash", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1 and data["count"] == 2
    assert sorted(c["case_no"] for c in data["cases"]) == sorted([a, b])
    assert all(c["deleted"] for c in data["cases"])
    assert cli("cases", "trash")[1].endswith("\n共 2 个案件\n")
    assert cli("cases", "delete", a) == (0, f"本来就在回收站中：{a}\n", "")
    assert cli("cases", "delete", a, lang="en") == (0, f"already in the trash: {a}\n", "")

    assert cli("cases", "restore", a, cases["none"]) == (
        0, f"已恢复：{a}\n不在回收站中：{cases['none']}\n", "")
    assert cli("cases", "restore", a, b, lang="en") == (
        0, f"restored: {b}\nnot in the trash: {a}\n", "")
    assert cli("cases", "delete", b, lang="en") == (0, f"moved to the trash: {b}\n", "")
    assert a in listed(cli)
    timeline = json.loads(cli("cases", "show", a, "--json")[1])["case"]["timeline"]
    assert [e["type"] for e in timeline][-2:] == ["deleted", "restored"]


def test_delete_with_an_unknown_case_changes_nothing(cli, cases):
    code, out, err = cli("cases", "delete", cases["overdue"], "SD-20990101-0009")
    assert (code, out) == (1, "")
    assert err == "shopdesk: 没有这个案件：SD-20990101-0009（没有做任何改动）\n"
    err = cli("cases", "delete", cases["overdue"], "SD-20990101-0009", lang="en")[2]
    assert err == "shopdesk: no such case: SD-20990101-0009 (nothing changed)\n"
    assert json.loads(cli("cases", "trash", "--json")[1])["count"] == 0


def test_emptying_the_trash_needs_yes(cli, cases):
    assert cli("cases", "trash", "--empty") == (0, "回收站是空的\n", "")
    assert cli("cases", "trash", "--empty", lang="en") == (0, "the trash is empty\n", "")
    cli("cases", "delete", cases["none"])
    assert cli("cases", "trash", "--empty") == (
        1, "", "shopdesk: --empty: 会永久删除回收站中的 1 个案件；确认请加 --yes\n")
    assert cli("cases", "trash", "--empty", lang="en") == (
        1, "", "shopdesk: --empty: deletes the 1 case(s) in the trash for good; add --yes "
               "to confirm\n")
    assert cli("cases", "trash", "--yes") == (1, "", "shopdesk: --yes: 只能和 --empty 一起用\n")
    assert cli("cases", "trash", "--empty", "--yes") == (0, "已永久删除 1 个案件\n", "")
    assert cli("cases", "show", cases["none"])[0] == 1


# --- audit ---------------------------------------------------------------------------
def test_audit_with_labels_and_shop_time(cli, cases, clock):
    no = cases["tomorrow"]
    clock.advance(hours=1)
    cli("cases", "edit", no, "--assignee", "小李", "--phone", "13812345678", actor="小李")
    cli("cases", "note", no, "买家电话 13812345678 已接通")
    code, out, err = cli("cases", "audit", no)
    assert code == 0, err
    assert out.splitlines() == [
        f"2026-11-23 10:00  小王  创建案件  {no}",
        "2026-11-23 11:00  小李  已编辑  手机号: 138****5678",
        "2026-11-23 11:00  小李  已编辑  负责人: 小王 → 小李",
        "2026-11-23 11:00  小王  添加备注  买家电话 138****5678 已接通",
        "共 4 条记录（Asia/Shanghai）"]
    assert cli("cases", "audit", no, lang="en")[1].endswith("\n4 entries (Asia/Shanghai)\n")
    code, out, _ = cli("cases", "audit", no, "--json", lang="en")
    data = json.loads(out)
    assert data["schema"] == 1 and data["case_no"] == no and data["count"] == 4
    assert data["audit"][2] == {
        "at": "2026-11-23T03:00:00+00:00", "time": "2026-11-23 11:00", "actor": "小李",
        "action": "update", "action_label": "Edited", "field": "assignee",
        "field_label": "Assignee", "old": "小王", "new": "小李"}


def test_audit_of_a_trashed_case_is_readable_and_of_a_missing_one_refused(cli, cases):
    no = cases["none"]
    cli("cases", "delete", no)
    code, out, _ = cli("cases", "audit", no)
    assert code == 0 and "移到回收站" in out
    assert cli("cases", "audit", "SD-20990101-0001") == (
        1, "", "shopdesk: 没有这个案件：SD-20990101-0001\n")
