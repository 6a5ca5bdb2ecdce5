"""`shopdesk steps list|tick|untick`: the case panel's handling-step checklist."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "zh"}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "bad_review")
    assert code == 0
    return out.strip()


def test_tick_by_number_key_or_label_and_list(cli, case_no, clock):
    assert cli("steps", "tick", case_no, "1") == (0, f"{case_no}：1. 快速反应：已完成\n", "")
    clock.advance(minutes=30)
    assert cli("steps", "tick", case_no, "listen")[0] == 0
    assert cli("steps", "tick", case_no, "Clarify")[0] == 0
    assert cli("steps", "tick", case_no, "澄清问题") == (
        0, f"{case_no}：3. 澄清问题：本来就已完成\n", "")
    assert cli("steps", "tick", case_no, "3", lang="en") == (
        0, f"{case_no}: 3. Clarify: already done\n", "")
    code, out, _ = cli("steps", "list", case_no)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 9
    assert lines[0] == "[x] 1. 快速反应  (小王, 2026-11-23 10:00)"
    assert lines[1] == "[x] 2. 耐心倾听  (小王, 2026-11-23 10:30)"
    assert lines[3] == "[ ] 4. 解释与道歉"
    assert lines[8] == "下一步：4. 解释与道歉"
    assert cli("steps", "list", case_no, lang="en")[1].splitlines()[8].startswith("next: 4. ")

    assert cli("steps", "untick", case_no, "2") == (0, f"{case_no}：2. 耐心倾听：未完成\n", "")
    assert cli("steps", "untick", case_no, "2", lang="en") == (
        0, f"{case_no}: 2. Listen: was not done\n", "")
    code, out, _ = cli("steps", "list", case_no, "--json", lang="en")
    data = json.loads(out)
    assert data["schema"] == 1 and data["case_no"] == case_no and data["next"] == "listen"
    assert [s["done"] for s in data["steps"]] == [True, False, True] + [False] * 5
    assert data["steps"][0] == {"number": 1, "step": "respond", "label": "Respond fast",
                                "done": True, "done_at": "2026-11-23T02:00:00+00:00",
                                "done_by": "小王"}
    timeline = json.loads(cli("cases", "show", case_no, "--json")[1])["case"]["timeline"]
    assert [e["data"]["step"] for e in timeline if e["type"] == "step"] == [
        "respond", "listen", "clarify", "listen"]


@pytest.mark.parametrize("step", ["9", "pre_empt", "跳过"])
def test_an_unknown_step_is_refused_naming_it(cli, case_no, step):
    code, out, err = cli("steps", "tick", case_no, step)
    assert (code, out) == (1, "")
    assert err == (f"shopdesk: STEP: 不认识的步骤 {step!r}；可选：1 respond, 2 listen, "
                   "3 clarify, 4 explain, 5 propose, 6 act, 7 follow_up, 8 learn\n")
    code, out, err = cli("steps", "tick", case_no, step, lang="en")
    assert err == (f"shopdesk: STEP: unknown step {step!r}; one of: 1 respond, 2 listen, "
                   "3 clarify, 4 explain, 5 propose, 6 act, 7 follow_up, 8 learn\n")


def test_steps_of_a_missing_or_trashed_case(cli, case_no):
    assert cli("steps", "list", "SD-20990101-0001") == (
        1, "", "shopdesk: 没有这个案件：SD-20990101-0001\n")
    cli("cases", "delete", case_no)
    code, _, err = cli("steps", "tick", case_no, "1")
    assert code == 1 and "在回收站中" in err
    code, _, err = cli("steps", "tick", case_no, "1", lang="en")
    assert code == 1 and "is in the trash" in err
    assert cli("steps", "tick", case_no)[0] == 2
