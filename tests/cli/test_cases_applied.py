"""`cases add|edit --applied`: when the buyer asked, read as --due is (shop time or ISO 8601
with a zone; "" clears it in `edit`), refusals naming --applied."""

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
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def add(cli, *more):
    return cli("cases", "add", "--platform", "jd", "--order", "240101888866", "--kind",
               "refund_only", "--amount", "59.00", *more)


def show(cli, case_no) -> dict:
    return json.loads(cli("cases", "show", case_no, "--json")[1])["case"]


def test_add_takes_when_the_buyer_asked_and_the_deadline_counts_from_it(cli):
    # The clock is 2026-11-23 10:00 in Shanghai: the buyer asked 10 hours before.
    code, out, err = add(cli, "--applied", "2026-11-23 00:00", "--json")
    assert code == 0, err
    case = json.loads(out)["case"]
    assert case["applied_at"] == "2026-11-22T16:00:00+00:00"
    shown = show(cli, case["case_no"])
    assert shown["deadline"]["due_at"] == "2026-11-23T16:00:00+00:00"  # JD: 24 h from then
    code, out, err = add(cli, "--applied", "2026-11-23T01:00:00+00:00", "--json")
    assert code == 0, err
    assert json.loads(out)["case"]["applied_at"] == "2026-11-23T01:00:00+00:00"
    code, out, _ = add(cli, "--json")
    assert code == 0 and json.loads(out)["case"]["applied_at"] is None  # not said: unknown


def test_edit_sets_and_clears_it(cli):
    case_no = add(cli)[1].strip()
    code, out, err = cli("cases", "edit", case_no, "--applied", "2026-11-23 08:15")
    assert (code, err) == (0, "")
    assert out == f"{case_no}: applied — → 2026-11-23 08:15\n"
    assert show(cli, case_no)["applied_at"] == "2026-11-23T00:15:00+00:00"
    code, out, _ = cli("cases", "edit", case_no, "--applied", "", "--json")
    data = json.loads(out)
    assert code == 0 and data["changed"] == ["applied_at"]
    assert data["case"]["applied_at"] is None
    audit = json.loads(cli("cases", "audit", case_no, "--json")[1])["audit"]
    assert [(a["field_label"], a["old"], a["new"]) for a in audit if a["field"]] == [
        ("申请时间", "", "2026-11-23 08:15"), ("申请时间", "2026-11-23 08:15", "")]


@pytest.mark.parametrize("command", ["add", "edit"])
def test_refusals_name_the_option_in_chinese_by_default(cli, command):
    case_no = add(cli)[1].strip()
    start = (["cases", "edit", case_no] if command == "edit" else
             ["cases", "add", "--platform", "jd", "--order", "240101888867", "--kind",
              "refund_only"])
    assert cli(*start, "--applied", "昨天") == (
        1, "", "shopdesk: --applied: 不是时间：'昨天'（格式：年-月-日 时:分，"
               "例如 \"2026-11-23 15:00\"）\n")
    assert cli(*start, "--applied", "2026-11-23 11:00") == (
        1, "", "shopdesk: --applied: 买家申请时间 2026-11-23 11:00 晚于现在，请检查日期\n")
    assert show(cli, case_no)["applied_at"] is None
    assert len(json.loads(cli("cases", "list", "--json")[1])["cases"]) == 1


def test_refusals_in_english(cli):
    case_no = add(cli)[1].strip()
    assert cli("cases", "edit", case_no, "--applied", "yesterday", lang="en") == (
        1, "", "shopdesk: --applied: not a time: 'yesterday' (e.g. \"2026-11-23 15:00\")\n")
    assert cli("cases", "edit", case_no, "--applied", "2026-11-24 09:00", lang="en") == (
        1, "", "shopdesk: --applied: The buyer's application time 2026-11-24 09:00 is in the "
               "future; check the date\n")
