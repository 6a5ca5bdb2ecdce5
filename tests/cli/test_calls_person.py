"""`shopdesk calls ...`: the caps and do-not-call follow the person, not the nickname."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home), "SHOPDESK_LANG": "zh"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def add(cli, nick: str, order: str, platform: str = "taobao") -> str:
    code, out, err = cli("cases", "add", "--platform", platform, "--order", order,
                         "--kind", "refund_only", "--buyer", nick, "--phone", "13812345678")
    assert code == 0, err
    return out.strip()


def test_renaming_the_buyer_keeps_do_not_call(cli):
    case_no = add(cli, "小蜜蜂", "3712345678901")
    assert cli("calls", "buyer", case_no, "--do-not-call")[0] == 0
    assert cli("cases", "edit", case_no, "--buyer", "另一个号_")[0] == 0
    code, out, _ = cli("calls", "can-call", case_no, "--json")
    assert code == 3 and "do_not_call" in json.loads(out)["reasons"]


def test_one_phone_under_another_nickname_and_platform_is_one_buyer(cli, clock):
    first = add(cli, "小蜜蜂", "3712345678901")
    second = add(cli, "小蜜蜂_jd", "3712345678902", platform="jd")
    assert cli("calls", "log", first, "--outcome", "no_answer")[0] == 0
    clock.advance(hours=3)
    assert cli("calls", "log", second, "--outcome", "no_answer")[0] == 0
    clock.advance(hours=3)
    code, out, err = cli("calls", "log", first, "--outcome", "no_answer")
    assert code == 1 and "--override-reason" in err
    code, out, _ = cli("calls", "compliance", "--json")
    data = json.loads(out)
    assert [b["attempts"] for b in data["buyers"]] == [2]


def test_a_taobao_buyer_cannot_be_moved_to_new_york(cli, clock):
    case_no = add(cli, "小蜜蜂", "3712345678901")
    code, out, err = cli("calls", "buyer", case_no, "--tz", "America/New_York")
    assert code == 1 and err.startswith("shopdesk: --tz: ") and "国内平台" in err
    clock.set(clock.now().replace(day=24, hour=16))  # 11-25 00:00 in Beijing
    code, out, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                         "--at", "2026-11-24T23:30+08:00")
    assert code == 1 and "静默" in err, err


def test_a_call_before_the_case_needs_before_case(cli, clock):
    case_no = add(cli, "小蜜蜂", "3712345678901")  # opened 2026-11-23 10:00
    code, out, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                         "--at", "2026-11-20T10:30+08:00")
    assert code == 1 and err.startswith("shopdesk: --at: ") and "--before-case" in err
    code, out, err = cli("calls", "log", case_no, "--outcome", "no_answer",
                         "--at", "2026-11-20T10:30+08:00", "--before-case")
    assert code == 0, err
