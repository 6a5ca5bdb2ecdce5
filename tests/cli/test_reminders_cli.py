"""`shopdesk reminders due|settings` and `shopdesk refunds today`: output, JSON, exit codes."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, actor="小王"):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", actor, *argv], clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def add_case(cli, order, kind, *extra):
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", order,
                         "--kind", kind, *extra)
    assert code == 0, err
    return out.strip()


def test_reminders_due_lists_promises_within_the_window(cli, clock):
    case_no = add_case(cli, "3712345678901", "complaint")
    assert cli("promises", "add", case_no, "--kind", "call_back",
               "--due", "2026-11-23 11:30", "--text", "确认补发时间")[0] == 0
    assert cli("promises", "add", case_no, "--kind", "reply", "--due", "2026-11-23 15:00")[0] == 0
    code, out, err = cli("reminders", "due", "--within", "2h", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == 1 and data["within_minutes"] == 120 and data["count"] == 1
    [r] = data["reminders"]
    assert (r["kind"], r["case_no"], r["due_at"], r["overdue"]) == (
        "promise", case_no, "2026-11-23T03:30:00+00:00", False)
    assert r["text"] == "回电：确认补发时间"
    code, out, _ = cli("reminders", "due", "--within", "6h")
    assert code == 0 and out.strip().endswith("共 2 条提醒")
    assert "2026-11-23 11:30  承诺  " + case_no in out


def test_reminders_due_new_says_each_once(cli, clock):
    case_no = add_case(cli, "3712345678902", "complaint")
    cli("promises", "add", case_no, "--kind", "reply", "--due", "2026-11-23 10:30")
    first = json.loads(cli("reminders", "due", "--new", "--json")[1])
    assert first["count"] == 1
    again = json.loads(cli("reminders", "due", "--new", "--json")[1])
    assert again["count"] == 0
    # Without --new the list stays complete (and nothing is remembered for the tray).
    assert json.loads(cli("reminders", "due", "--json")[1])["count"] == 1


def test_reminders_due_bad_window_is_an_error(cli):
    code, _, err = cli("reminders", "due", "--within", "soon")
    assert code == 1 and "--within" in err and "2h" in err


def test_refunds_today(cli, clock):
    first = add_case(cli, "3712345678903", "refund_only", "--claimed", "59")
    clock.advance(minutes=5)
    second = add_case(cli, "3712345678904", "refund_only")
    add_case(cli, "3712345678905", "return_refund")
    code, out, err = cli("refunds", "today", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == 1 and data["count"] == 2 and data["cutoff"] == "23:00"
    assert [r["case_no"] for r in data["refunds"]] == [first, second]
    assert data["refunds"][0]["amount_claimed"] == "59.00"
    assert data["refunds"][0]["why"] == "refund_only"
    assert "buyer_phone" not in data["refunds"][0]
    code, out, _ = cli("refunds", "today")
    assert code == 0 and first in out and "今日待退款 2 笔" in out


def test_reminder_settings_round_trip(cli):
    code, out, err = cli("reminders", "settings", "--lead", "promise=15", "--quiet",
                         "22:30-07:00", "--cutoff", "22:00", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["lead_minutes"]["promise"] == 15
    assert (data["quiet_start"], data["quiet_end"], data["refund_cutoff"]) == (
        "22:30", "07:00", "22:00")
    code, _, err = cli("reminders", "settings", "--quiet", "08:00-08:00")
    assert code == 1 and "--quiet" in err
    code, _, err = cli("reminders", "settings", "--cutoff", "25:00")
    assert code == 1 and "--cutoff" in err
    code, _, err = cli("reminders", "settings", "--lead", "sometimes=3")
    assert code == 1 and "--lead" in err
    code, out, _ = cli("reminders", "settings", "--no-quiet")
    assert code == 0 and "关闭" in out
    code, out, _ = cli("refunds", "today", "--json")
    assert json.loads(out)["cutoff"] == "22:00"


def test_promise_due_passes_then_listed_overdue(cli, clock):
    case_no = add_case(cli, "3712345678906", "complaint")
    cli("promises", "add", case_no, "--kind", "reply", "--due", "2026-11-23 10:30")
    clock.advance(hours=1)
    data = json.loads(cli("reminders", "due", "--within", "0m", "--json")[1])
    assert data["reminders"][0]["overdue"] is True
