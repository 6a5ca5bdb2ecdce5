"""`shopdesk staff add|list|deactivate` (and `staff pin`, tested with the shifts)."""

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

    return call


def test_add_list_and_deactivate(cli):
    assert cli("staff", "add", "小王") == (0, "已添加员工：小王\n", "")
    assert cli("--as", "小王", "staff", "add", "小李", lang="en") == (
        0, "staff member added: 小李\n", "")
    assert cli("staff", "pin", "--staff", "小李", "--set", "2468")[0] == 0
    code, out, err = cli("staff", "list")
    assert (code, out, err) == (0, "小王\n小李（PIN）\n共 2 名员工\n", "")
    code, out, err = cli("staff", "list", lang="en")
    assert (code, out, err) == (0, "小王\n小李  (PIN)\n2 staff member(s)\n", "")

    code, out, err = cli("--as", "小王", "staff", "deactivate", "小李")
    assert (code, out) == (0, "已停用员工：小李（以前的修改记录仍保留其姓名）\n")
    assert cli("staff", "list")[1] == "小王\n共 1 名员工\n"
    assert cli("staff", "list", "--all", lang="en")[1] == \
        "小王\n小李  (PIN, inactive)\n2 staff member(s)\n"
    assert cli("staff", "list", "--all")[1] == "小王\n小李（PIN、已停用）\n共 2 名员工\n"
    code, out, _ = cli("staff", "list", "--all", "--json")
    assert json.loads(out) == {"schema": 1, "count": 2, "staff": [
        {"name": "小王", "active": True, "pin": False, "operator": False},
        {"name": "小李", "active": False, "pin": True, "operator": False}]}


def test_the_operator_is_marked(cli):
    cli("staff", "add", "小王")
    assert cli("shift", "start", "--staff", "小王")[0] == 0  # makes them the operator
    assert cli("staff", "list")[1] == "小王（操作人）\n共 1 名员工\n"
    assert cli("staff", "list", lang="en")[1] == "小王  (operator)\n1 staff member(s)\n"
    assert json.loads(cli("staff", "list", "--json")[1])["staff"][0]["operator"] is True


@pytest.mark.parametrize("argv,err", [
    (("staff", "add", "小王"), "shopdesk: NAME: 已有同名员工：小王\n"),
    (("staff", "add", "   "), "shopdesk: NAME: 姓名需为1-32个字符\n"),
    (("staff", "deactivate", "无名"), "shopdesk: NAME: 没有这个员工：无名\n"),
])
def test_refusals_name_the_argument(cli, argv, err):
    cli("staff", "add", "小王")
    assert cli(*argv) == (1, "", err)


def test_deactivating_twice_is_refused_in_the_language_asked_for(cli):
    cli("staff", "add", "小王")
    cli("staff", "add", "小李")
    cli("--as", "小王", "staff", "deactivate", "小李")
    assert cli("staff", "deactivate", "小李", lang="en") == (
        1, "", "shopdesk: NAME: 小李 is already inactive\n")


def test_usage_errors_exit_2(cli):
    assert cli("staff", "add")[0] == 2
    assert cli("staff", "remove", "小王")[0] == 2
