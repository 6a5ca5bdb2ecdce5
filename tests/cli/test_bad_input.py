"""Values that once ended in a Python traceback are refused naming the option, exit 1,
and nothing is saved."""

from __future__ import annotations

import io

import pytest

from shopdesk.cli import run

CASE = "SD-20261123-0001"
ADD = ["cases", "add", "--platform", "taobao", "--order", "3712345678901",
       "--kind", "refund_only"]


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    assert call(*ADD)[0] == 0
    assert call("promises", "add", CASE, "--kind", "refund", "--due", "2026-11-24 10:00")[0] == 0
    return call


@pytest.mark.parametrize("argv,option", [
    ([*ADD, "--amount", "1E+999999999999"], "--amount"),
    ([*ADD, "--claimed", "1E+999999999999"], "--claimed"),
    ([*ADD, "--amount", "1,2,3"], "--amount"),
    ([*ADD, "--amount", "1_000"], "--amount"),
    ([*ADD, "--amount", "٣٤"], "--amount"),
    (["calls", "log", CASE, "--outcome", "no_answer", "--at", "0001-01-01T00:00+00:00"],
     "--at"),
    (["calls", "can-call", CASE, "--at", "9999-12-31T23:59+14:00"], "--at"),
    (["calls", "compliance", "--to", "9999-12-31"], "--to"),
    (["promises", "add", CASE, "--kind", "refund", "--due", "9999-12-31T23:59-23:59"],
     "--due"),
    (["promises", "keep", "99999999999999999999999"], "ID"),
    (["cases", "list", "--limit", "99999999999999999999"], "--limit"),
    (["calls", "log", CASE, "--outcome", "no_answer", "--duration", "9" * 25], "--duration"),
    (["handoff", "show", "9" * 25], "ID"),
    (["evidence", "remove", CASE, "9" * 25], "EVIDENCE_ID"),
])
def test_once_a_traceback_now_a_message_naming_the_option(cli, argv, option):
    before = cli("cases", "list", "--json")[1], cli("promises", "list", "--json")[1]
    code, out, err = cli(*argv)
    assert (code, out) == (1, "")
    assert err.startswith(f"shopdesk: {option}: ") and "Traceback" not in err
    assert (cli("cases", "list", "--json")[1], cli("promises", "list", "--json")[1]) == before
