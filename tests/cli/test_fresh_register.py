"""A fresh register run from the command line only: staff, a shift, a case worked on,
a promise, the hand-off. Nothing is prepared through the services behind the CLI's back."""

from __future__ import annotations

import io
import json

from shopdesk.cli import run


def test_a_day_from_the_command_line_only(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "zh"}

    def cli(*argv: str) -> str:
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock, env=env, out=out, err=err)
        assert code == 0, (argv, err.getvalue())
        assert err.getvalue() == ""
        return out.getvalue()

    cli("staff", "add", "小王")
    cli("staff", "add", "小李")
    assert cli("shift", "start", "--staff", "小王").startswith("班次 #1 已开始：小王")
    case_no = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                  "--kind", "return_refund", "--cause", "item_defective", "--buyer", "小蜜蜂",
                  "--phone", "13812345678", "--amount", "59.90",
                  "--due", "2026-11-24 18:00").strip()
    clock.advance(minutes=5)
    cli("cases", "note", case_no, "买家发来照片，杯盖漏水")
    cli("steps", "tick", case_no, "respond")
    cli("cases", "status", case_no, "--to", "in_progress")
    cli("promises", "add", case_no, "--kind", "call_back", "--due", "2026-11-23 15:00")
    cli("cases", "edit", case_no, "--assignee", "小李")
    clock.advance(hours=1)
    handoff = json.loads(cli("shift", "end", "--note", "杯子那单交给小李了", "--json"))["handoff"]

    assert handoff["staff"] == "小王" and handoff["ended_by"] == "小王"
    assert handoff["counts"]["open"] == 1
    touched = handoff["sheet"]["touched"]
    assert [t["case"]["case_no"] for t in touched] == [case_no]
    assert touched[0]["case"]["assignee"] == "小李"
    assert [c["kind"] for c in touched[0]["changes"]][:2] == ["created", "note"]
    # The call-back promised for 15:00 is due in the next shift.
    assert handoff["counts"]["promises_next"] == 1 and handoff["counts"]["touched"] == 1
    case = json.loads(cli("cases", "show", case_no, "--json"))["case"]
    assert (case["status"], case["assignee"], case["created_by"]) == (
        "in_progress", "小李", "小王")
    assert [e["type"] for e in case["timeline"]] == [
        "created", "note", "step", "status", "promise_made", "edit"]
    assert {e["actor"] for e in case["timeline"]} == {"小王"}
    mine = json.loads(cli("--as", "小李", "cases", "list", "--mine", "--json"))
    assert [c["case_no"] for c in mine["cases"]] == [case_no]
