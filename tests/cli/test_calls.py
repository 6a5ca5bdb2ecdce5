"""`shopdesk calls ...` and `shopdesk policy ...`."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "refund_only", "--buyer", "小蜜蜂", "--phone", "13812345678")
    assert code == 0
    return out.strip()


def test_can_call_json_allowed_then_capped(cli, case_no):
    code, out, _ = cli("calls", "can-call", case_no, "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1 and data["case_no"] == case_no
    assert data["allowed"] is True and data["reasons"] == []
    assert data["remaining"] == {"24h": 2, "case": 3, "span": 5}
    assert data["buyer_tz"] == "Asia/Shanghai"
    assert data["buyer_local_time"] == "2026-11-23T10:00:00+08:00"
    assert data["next_allowed_at"] == "2026-11-23T02:00:00+00:00"

    assert cli("calls", "log", case_no, "--outcome", "no_answer", "--summary", "没接")[0] == 0
    code, out, _ = cli("calls", "can-call", case_no, "--json")
    data = json.loads(out)
    assert code == 3  # "not now" is not an error (1) and not a yes (0)
    assert data["allowed"] is False and data["reasons"] == ["min_gap"]
    assert data["next_slot_at"] == "2026-11-23T04:00:00+00:00"
    assert data["remaining"] == {"24h": 1, "case": 2, "span": 4}
    assert "2小时" in data["reason_texts"][0]


def test_log_outside_policy_needs_override_reason(cli, case_no, clock):
    clock.advance(hours=10)  # 20:00 in Shanghai: after the window, before quiet hours
    at = "2026-11-23T19:00:00+08:00"
    code, out, err = cli("calls", "log", case_no, "--outcome", "connected", "--at", at)
    assert code == 1 and "--override-reason" in err and out == ""
    code, out, err = cli("calls", "log", case_no, "--outcome", "已接通", "--at", at,
                         "--override-reason", "买家约好晚上回电")
    assert code == 0 and out == f"已登记通话 1（{case_no}）：已接通（破例）\n"
    code, out, err = cli("calls", "log", case_no, "--outcome", "no_answer", "--at", at,
                         "--override-reason", "买家约好晚上回电", lang="en")
    assert code == 0 and out == f"logged call 2 on {case_no}: No answer (override)\n"
    code, out, _ = cli("cases", "show", case_no, "--json")
    timeline = json.loads(out)["case"]["timeline"]
    assert timeline[-1]["type"] == "call" and timeline[-1]["data"]["overridden"] is True


def test_quiet_hours_refused_and_naive_time_refused(cli, case_no):
    # A call at 22:30 logged afterwards: it happened, so it is kept, but only with the
    # reason, and the compliance report lists it as a breach.
    # (The evening before the case was opened: a contact from before it, --before-case.)
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                       "--at", "2026-11-22T22:30:00+08:00", "--before-case")
    assert code == 1 and "静默" in err and "--override-reason" in err
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                       "--at", "2026-11-22T22:30:00+08:00", "--override-reason", "急",
                       "--before-case")
    assert code == 0, err
    report = json.loads(cli("calls", "compliance", "--from", "2026-11-22", "--json")[1])
    assert [c["override_codes"] for c in report["breaches"]] == [["quiet_hours",
                                                                  "outside_window"]]
    code, _, err = cli("calls", "can-call", case_no, "--at", "2026-11-23T10:00")
    assert code == 1 and err.startswith("shopdesk: --at: ") and "没有时区" in err
    code, _, err = cli("calls", "can-call", case_no, "--at", "2026-11-23T10:00", lang="en")
    assert code == 1 and "--at" in err and "zone" in err


def test_policy_show_set_preset_and_values(cli):
    code, out, _ = cli("policy", "show", "--json")
    assert code == 0 and json.loads(out)["policy"]["name"] == "taobao_safe"
    assert cli("policy", "set", "--preset", "strict")[0] == 0
    assert json.loads(cli("policy", "show", "--json")[1])["policy"]["name"] == "strict"
    code, out, _ = cli("policy", "set", "caps.per_day=1", "window.sat=",
                       "preparation.require_checklist=true")
    assert code == 0 and "caps.per_day = 1" in out
    policy = json.loads(cli("policy", "show", "--json")[1])["policy"]
    assert policy["caps"]["per_day"] == 1 and policy["window"]["sat"] == []
    assert policy["preparation"]["require_checklist"] is True


@pytest.mark.parametrize("arg,named", [("caps.per_dya=2", "caps.per_dya"),
                                       ("caps.per_day=lots", "caps.per_day"),
                                       ("quiet_hours.end=21:00", "quiet_hours"),
                                       ("justakey", "justakey")])
def test_policy_set_bad_key_or_value_exits_1_naming_it(cli, arg, named):
    code, out, err = cli("policy", "set", "quiet_hours.start=21:00", arg)
    assert code == 1 and named in err
    assert json.loads(cli("policy", "show", "--json")[1])["policy"]["caps"]["per_day"] == 2


def test_asked_not_to_call_blocks_for_good(cli, case_no):
    assert cli("calls", "log", case_no, "--outcome", "asked_not_to_call")[0] == 0
    code, out, _ = cli("calls", "can-call", case_no)
    assert code == 3 and out.strip()
    data = json.loads(cli("calls", "can-call", case_no, "--json")[1])
    assert data["reasons"][0] == "do_not_call" and data["overridable"] is False
    assert data["next_allowed_at"] is None


def abroad_case(cli) -> str:
    code, out, err = cli("cases", "add", "--platform", "aliexpress", "--order", "8100000000001",
                         "--kind", "refund_only", "--buyer", "sam_d", "--phone", "+14155550100")
    assert code == 0, err
    return out.strip()


def test_buyer_time_zone_and_do_not_call(cli):
    case_no = abroad_case(cli)
    # 10:00 in Shanghai is 18:00 the day before in Los Angeles: outside the window there.
    code, out, _ = cli("calls", "buyer", case_no, "--tz", "America/Los_Angeles")
    assert code == 0 and "America/Los_Angeles" in out
    data = json.loads(cli("calls", "can-call", case_no, "--json")[1])
    assert data["buyer_tz"] == "America/Los_Angeles" and data["allowed"] is False
    code, _, err = cli("calls", "buyer", case_no, "--tz", "Mars/Olympus")
    assert code == 1 and "Mars/Olympus" in err
    assert err.startswith("shopdesk: --tz: ")  # the option, not the service's field name
    cli("calls", "buyer", case_no, "--tz", "shop", "--do-not-call")
    data = json.loads(cli("calls", "can-call", case_no, "--json")[1])
    assert data["buyer_tz"] == "Asia/Shanghai" and "do_not_call" in data["reasons"]
    cli("calls", "buyer", case_no, "--allow-calls")
    assert json.loads(cli("calls", "can-call", case_no, "--json")[1])["allowed"] is True


def test_strict_preset_wants_chat_first_and_a_checklist_which_the_cli_can_give(cli, case_no):
    assert cli("policy", "set", "--preset", "strict")[0] == 0
    policy = json.loads(cli("policy", "show", "--json")[1])["policy"]
    assert policy["preparation"] == {"require_chat_first": True, "require_checklist": True}
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer")
    assert code == 1 and "--override-reason" in err  # not prepared: an override at most
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                       "--checklist", "goal=确认退款方式", "offer=退款", "bottom_line=全额")
    assert err == "shopdesk: --checklist: 至少准备2个备选方案；未填写可给予的最大权限\n"
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                       "--checklist", "goal=确认退款方式", "offer=退款", "bottom_line=全额",
                       lang="en")
    assert code == 1 and err.startswith("shopdesk: --checklist: ") and "2 fallback" in err
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer", "--checklist", "x")
    assert code == 1 and "KEY=VALUE" in err
    assert cli("cases", "note", case_no, "已在旺旺留言，约买家电话沟通")[0] == 0
    code, out, err = cli("calls", "log", case_no, "--outcome", "no_answer", "--checklist",
                         "goal=确认退款方式", "offer=全额退款", "offer=补发",
                         "bottom_line=部分退款", "max_grant=20元补偿")
    assert code == 0, err
    assert "override" not in out


def test_may_call_lists_buyers_and_flags_one_abroad(cli, case_no):
    code, out, _ = cli("calls", "may-call", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1 and data["at"] == "2026-11-23T02:00:00+00:00"
    assert data["buyers"] == [{"case_no": case_no, "platform": "taobao", "buyer": "小蜜蜂",
                               "calls_left": 2, "warnings": [], "warning_texts": []}]
    abroad = cli("cases", "add", "--platform", "aliexpress", "--order", "8100000000001",
                 "--kind", "refund_only", "--buyer", "john_d", "--phone",
                 "+1 312 555 0100")[1].strip()
    rows = {r["case_no"]: r for r in json.loads(cli("calls", "may-call", "--json")[1])["buyers"]}
    assert rows[abroad]["warnings"] == ["buyer_tz_unknown"]
    assert "时区" in rows[abroad]["warning_texts"][0]
    code, out, _ = cli("calls", "may-call")
    assert code == 0 and f"{abroad}  john_d  剩余可拨次数：2\n  注意：" in out
    code, out, _ = cli("calls", "may-call", lang="en")
    assert code == 0 and f"{abroad}  john_d  calls left: 2" in out and "warning: " in out
    cli("calls", "buyer", abroad, "--tz", "America/Chicago")  # 20:00 there: not now
    cli("calls", "log", case_no, "--outcome", "no_answer")
    code, out, _ = cli("calls", "may-call")
    assert code == 0 and out == "现在没有可以拨打的买家\n"
    code, out, _ = cli("calls", "may-call", lang="en")
    assert code == 0 and out == "nobody may be called right now\n"


def test_can_call_and_buyer_say_it_in_the_language(cli, case_no):
    code, out, _ = cli("calls", "can-call", case_no)
    assert code == 0 and out.startswith("可以拨打：现在可以打（24 小时内还剩 2 次，"
                                        "本案件还剩 3 次）\n"
                                        "买家当地时间：2026-11-23 10:00（Asia/Shanghai）\n")
    code, out, _ = cli("calls", "can-call", case_no, lang="en")
    assert code == 0 and out.startswith("OK: may call now (remaining 24h: 2, case: 3)\n"
                                        "buyer local time: 2026-11-23 10:00 (Asia/Shanghai)\n")
    code, out, _ = cli("calls", "buyer", case_no, "--do-not-call")
    assert out.startswith(f"{case_no}：买家 ") and out.endswith("  时区：店铺时区  勿扰：是\n")
    code, out, _ = cli("calls", "can-call", case_no)
    assert code == 3 and out.startswith("不能拨打：\n  - 买家在勿扰名单中")
    assert "[do_not_call]" not in out  # the reason in words; its code is in --json
    code, out, _ = cli("calls", "buyer", case_no, lang="en")
    assert out.startswith(f"{case_no}: buyer ") and out.endswith(
        "time zone: shop  do-not-call: yes\n")


def test_a_call_nobody_answered_has_no_duration_or_agreement(cli, case_no):
    code, out, err = cli("calls", "log", case_no, "--outcome", "rejected", "--duration", "180",
                         "--agreed", "补发")
    assert code == 1 and out == "" and "--duration" in err and "--agreed" in err
    assert "拒接" in err
    assert cli("calls", "log", case_no, "--outcome", "rejected")[0] == 0


def test_setting_a_zone_names_the_call_backs_it_puts_in_the_buyers_night(cli):
    case_no = abroad_case(cli)
    assert cli("calls", "buyer", case_no, "--tz", "Asia/Shanghai")[0] == 0  # first thought
    code, _, err = cli("promises", "add", case_no, "--kind", "call_back", "--due",
                       "2026-11-23 14:00", "--text", "回电确认")
    assert code == 0, err
    code, out, _ = cli("calls", "buyer", case_no, "--tz", "America/Los_Angeles")
    assert code == 0 and "注意：承诺 #1（11-23 14:00 回电：回电确认）：按通话规范，那时不能" in out
    code, out, _ = cli("calls", "buyer", case_no, "--tz", "Asia/Shanghai", lang="en")
    assert code == 0 and "note: promise" not in out  # back in the shop's zone: fine again
