"""`shopdesk policy set`: loosening past the safe preset needs --i-understand (and the
operator's PIN); `policy history` shows who changed what."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run

OFF = ("quiet_hours.start=23:59", "quiet_hours.end=00:00", "caps.per_day=50",
       "caps.per_case=50")


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home), "SHOPDESK_LANG": "en"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def test_switching_the_policy_off_is_refused_without_the_flag(cli):
    code, out, err = cli("--as", "小王", "policy", "set", *OFF)
    assert code == 1 and "--i-understand" in err and "12 points" in err
    assert json.loads(cli("policy", "show", "--json")[1])["policy"]["caps"]["per_day"] == 2
    code, _, err = cli("--as", "小王", "policy", "set", *OFF, "--i-understand")
    assert code == 0, err
    assert json.loads(cli("policy", "show", "--json")[1])["policy"]["caps"]["per_day"] == 50
    code, out, _ = cli("policy", "history")
    assert "小王  confirmed loosening: Quiet hours" in out
    assert "小王  caps.per_day: 2 → 50" in out
    data = json.loads(cli("policy", "history", "--json")[1])
    assert {"actor": "小王", "key": "caps.per_case", "old": "3", "new": "50"}.items() <= \
        next(c for c in data["changes"] if c["key"] == "caps.per_case").items()
    assert cli("--as", "小王", "policy", "set", "caps.per_day=1")[0] == 0  # stricter: free


def test_loosening_needs_the_operators_pin(cli):
    assert cli("staff", "add", "阿珍")[0] == 0
    assert cli("--as", "阿珍", "staff", "pin", "--staff", "阿珍", "--set", "1357")[0] == 0
    code, _, err = cli("--as", "阿珍", "--pin", "1357", "policy", "set", *OFF,
                       "--i-understand", "--pin", "0000")
    assert code == 1 and err.startswith("shopdesk: --pin: ")
    code, _, err = cli("--as", "阿珍", "--pin", "1357", "policy", "set", *OFF,
                       "--i-understand")
    assert code == 0, err


def test_the_flag_is_in_the_help(cli, capsys):
    assert cli("policy", "set", "--help")[0] == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--i-understand" in help_text and "12 points" in help_text
