"""`shopdesk deadlines list|due|rules` and `shopdesk cases stage`."""

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
    return call


def add_case(cli, kind="refund_only", order="T123456"):
    code, out, err = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                         order, "--kind", kind, "--amount", "59", "--json")
    assert code == 0, err
    return json.loads(out)["case"]["case_no"]


def test_list_within_overdue_json(cli, clock):
    soon = add_case(cli)
    later = add_case(cli, "return_refund", "T223456")
    code, out, _ = cli("deadlines", "list", "--json")
    data = json.loads(out)
    assert data["schema"] == 1
    assert [d["case_no"] for d in data["deadlines"]] == [soon, later]
    first = data["deadlines"][0]
    assert set(first) >= {"case_no", "stage", "due_at", "source", "on_timeout"}
    assert first == {**first, "stage": "awaiting_seller", "due_at": "2026-11-24T02:00:00+00:00",
                     "source": "rule", "on_timeout": "平台将自动退款 ¥59.00"}
    code, out, _ = cli("deadlines", "list", "--within", "24h", "--json")
    assert [d["case_no"] for d in json.loads(out)["deadlines"]] == [soon]
    code, out, _ = cli("deadlines", "list", "--overdue", "--json")
    assert json.loads(out)["deadlines"] == []
    clock.advance(hours=25)
    code, out, _ = cli("deadlines", "list", "--overdue")
    assert code == 0 and soon in out and "已超时1小时" in out and later not in out


def test_due_exits_0_with_a_list_empty_or_not(cli):
    code, out, _ = cli("deadlines", "due", "--within", "2h")
    assert (code, out) == (0, "共 0 个时限\n")
    code, out, _ = cli("deadlines", "due", "--within", "2h", lang="en")
    assert (code, out) == (0, "0 deadline(s)\n")
    case_no = add_case(cli)
    code, out, _ = cli("deadlines", "due", "--within", "1d", "--json")
    assert code == 0 and [d["case_no"] for d in json.loads(out)["deadlines"]] == [case_no]
    code, _out, err = cli("deadlines", "due", "--within", "soon")
    assert (code, err) == (1, "shopdesk: --within: 不是时长：'soon'（例如 2h、90m、3d）\n")
    code, _out, err = cli("deadlines", "due", "--within", "soon", lang="en")
    assert (code, err) == (1, "shopdesk: --within: not a duration: 'soon' (e.g. 2h, 90m, 3d)\n")


def test_rules_by_platform(cli):
    code, out, _ = cli("deadlines", "rules", "--platform", "pinduoduo", "--json")
    rules = json.loads(out)["rules"]
    assert code == 0 and rules and {r["platform"] for r in rules} == {"pinduoduo"}
    delivered = next(r for r in rules if r["stage"] == "return_delivered")
    assert (delivered["hours"], delivered["who"]) == (24, "seller")
    assert {"source", "year", "confidence", "estimate", "on_timeout"} <= set(delivered)
    code, out, _ = cli("deadlines", "rules", "--platform", "jd")
    assert "jd.dispute_reply" in out and "24小时" in out
    code, _, err = cli("deadlines", "rules", "--platform", "mars")
    assert code == 1 and "--platform" in err


def test_rules_list_jd_spring_festival_pauses_dated_per_year(cli):
    code, out, _ = cli("deadlines", "rules", "--platform", "jd", "--json")
    pauses = json.loads(out)["pauses"]
    assert code == 0 and {p["platform"] for p in pauses} == {"jd"}
    # The clock is in November 2026: last year's and this year's festivals (chinese-calendar).
    spans = [(p["from"], p["to"]) for p in pauses if p["holiday"] == "spring_festival"]
    assert ("2026-02-15", "2026-02-23") in spans and ("2025-01-28", "2025-02-04") in spans
    assert all(p["confidence"] == "low" and p["source"] for p in pauses)
    assert "awaiting_seller" in pauses[0]["stages"]
    code, out, _ = cli("deadlines", "rules", "--platform", "jd")
    assert "\n暂停 jd" in out and "2026-02-15..2026-02-23" in out and "条规则\n" in out
    code, out, _ = cli("deadlines", "rules", "--platform", "jd", lang="en")
    assert "\npause jd" in out and " rule(s)\n" in out
    code, out, _ = cli("deadlines", "rules", "--platform", "taobao", "--json")
    assert json.loads(out)["pauses"] == []


def test_cases_stage_with_tracking_and_case_json(cli):
    case_no = add_case(cli, "return_refund")
    code, out, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "return_to_check",
                         "--tracking", "YT9988", "--json")
    assert code == 0, err
    deadline = json.loads(out)["deadline"]
    assert (deadline["stage"], deadline["source"]) == ("return_to_check", "rule")
    assert deadline["rule"]["key"] == "taobao.confirm_return"
    code, out, _ = cli("cases", "show", case_no, "--json")
    shown = json.loads(out)["case"]
    assert shown["deadline"]["stage"] == "return_to_check"
    assert any("YT9988" in e["text"] for e in shown["timeline"] if e["type"] == "stage")
    code, _, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "nowhere")
    assert code == 1 and "--to" in err
    code, _, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "refunding",
                       "--tracking", "X")
    assert code == 1 and "--tracking" in err


def test_cases_list_json_carries_each_cases_deadline(cli, clock):
    no = add_case(cli)
    code, out, _ = cli("cases", "list", "--json")
    assert code == 0
    [case] = [c for c in json.loads(out)["cases"] if c["case_no"] == no]
    deadline = case["deadline"]
    assert (deadline["stage"], deadline["source"]) == ("awaiting_seller", "rule")
    assert deadline["on_timeout"] == "平台将自动退款 ¥59.00"
    code, out, _ = cli("cases", "show", no, "--json")
    assert json.loads(out)["case"]["deadline"] == deadline


def test_cases_stage_says_the_due_time_in_the_language(cli):
    case_no = add_case(cli, "return_refund")
    code, out, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "return_to_check")
    assert code == 0, err
    assert out.startswith(f"{case_no}：") and "  截止 2026-" in out and out.endswith("（rule）\n")
    code, out, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "refunding",
                         lang="en")
    assert code == 0, err
    assert out.startswith(f"{case_no}: ") and "  due " in out and out.endswith(")\n")
    code, _, err = cli("--as", "小王", "cases", "stage", case_no, "--to", "nowhere")
    assert err.startswith("shopdesk: --to: 不认识的阶段 'nowhere'（可选：")
