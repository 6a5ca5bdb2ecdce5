"""`shopdesk calls compliance`: the window's call-compliance report."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "zh"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def calls(cli, clock):
    """Two calls to a buyer with no nickname (the key holds the phone), one off-window."""
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "refund_only", "--phone", "13812345678")
    case_no = out.strip()
    assert cli("calls", "log", case_no, "--outcome", "no_answer")[0] == 0  # 10:00
    clock.advance(hours=10)  # 20:00 in Shanghai
    code, _, err = cli("calls", "log", case_no, "--outcome", "connected",
                       "--override-reason", "买家约晚上 13812345678 回电")
    assert code == 0, err
    return case_no


def test_text_and_json(cli, calls):
    code, out, err = cli("calls", "compliance")
    assert code == 0, err
    assert out.splitlines() == [
        "2026-10-24 20:00 – 2026-11-23 20:00（北京时间）：2 次呼叫，1 次越规放行，"
        "1 次在可呼叫时段外，0 次违规",
        "每位买家（呼叫 / 接通 / 越规 / 时段外）：",
        "  淘宝/天猫 · 138****5678  2 / 1 / 1 / 1",  # the platform's name, not its key
        "越规放行：",
        f"  2026-11-23 20:00  {calls}  淘宝/天猫 · 138****5678  小王  不在可呼叫时段  "
        "买家约晚上 138****5678 回电",
        "在可呼叫时段外的呼叫（买家当地时间）：",
        f"  2026-11-23 20:00 (Asia/Shanghai)  {calls}  淘宝/天猫 · 138****5678  小王  已接通"]
    code, out, _ = cli("calls", "compliance", "--from", "2026-11-23", "--to", "2026-11-23",
                       "--json")
    data = json.loads(out)
    assert data["schema"] == 1 and data["total_attempts"] == 2
    assert (data["from"], data["to"]) == ("2026-11-22T16:00:00+00:00",
                                          "2026-11-23T16:00:00+00:00")
    assert data["buyers"] == [{"buyer": "taobao:138****5678", "attempts": 2, "connected": 1,
                               "overrides": 1, "outside_window": 1, "do_not_call": False,
                               "also": []}]
    override = data["overrides"][0]
    assert override["case_no"] == calls and override["override_codes"] == ["outside_window"]
    assert override["at"] == "2026-11-23T12:00:00+00:00" and override["actor"] == "小王"
    assert "13812345678" not in out
    assert data["breaches"] == []  # an override at the time it happened is not a breach


def test_text_in_english(tmp_path, clock, calls):
    out, err = io.StringIO(), io.StringIO()
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}
    assert run(["--as", "小王", "calls", "compliance"], clock=clock, env=env, out=out,
               err=err) == 0, err.getvalue()
    assert out.getvalue().splitlines()[:4] == [
        "2026-10-24 20:00 – 2026-11-23 20:00 (Asia/Shanghai): 2 calls, 1 overrides, "
        "1 outside the window, 0 breaches",
        "attempts per buyer (attempts / talked / overrides / outside window):",
        "  Taobao/Tmall · 138****5678  2 / 1 / 1 / 1",
        "overrides:"]


def test_the_period_bounds(cli, calls):
    code, out, _ = cli("calls", "compliance", "--to", "2026-11-22", "--from", "2026-11-01",
                       "--json")
    assert code == 0 and json.loads(out)["total_attempts"] == 0
    code, out, _ = cli("calls", "compliance", "--from", "2026-11-23 12:00", "--json")
    assert json.loads(out)["total_attempts"] == 1  # the 20:00 call only


@pytest.mark.parametrize("args,err", [
    (["--from", "2026-13-01"], "shopdesk: --from: 不是日期：'2026-13-01'（例如 2026-11-01）\n"),
    (["--to", "yesterday"], None),
    (["--from", "2026-11-23", "--to", "2026-11-20"],
     "shopdesk: --to: 2026-11-20 不晚于 --from 2026-11-23 00:00\n"),
])
def test_bad_periods_are_refused_naming_the_option(cli, args, err):
    code, out, got = cli("calls", "compliance", *args)
    assert (code, out) == (1, "")
    assert got == err if err else got.startswith("shopdesk: --to: 不是时间：'yesterday'")


@pytest.mark.parametrize("args,err", [
    (["--from", "2026-13-01"], "shopdesk: --from: not a date: '2026-13-01' (e.g. 2026-11-01)\n"),
    (["--to", "yesterday"], None),
    (["--from", "2026-11-23", "--to", "2026-11-20"],
     "shopdesk: --to: 2026-11-20 is not after --from 2026-11-23 00:00\n"),
])
def test_bad_periods_are_refused_in_english(tmp_path, clock, args, err):
    out, got = io.StringIO(), io.StringIO()
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}
    code = run(["calls", "compliance", *args], clock=clock, env=env, out=out, err=got)
    assert (code, out.getvalue()) == (1, "")
    said = got.getvalue()
    assert said == err if err else said.startswith("shopdesk: --to: not a time: 'yesterday'")
