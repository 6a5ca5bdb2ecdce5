"""`shopdesk shift ...`, `handoff ...`, `staff pin ...`: a shift round trip, PIN refusals,
JSON shapes, exit codes and messages naming the option."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from pypdf import PdfReader

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, actor="小王", lang=None):
        out, err = io.StringIO(), io.StringIO()
        args = ["--as", actor, *argv] if actor else list(argv)
        code = run(args, clock=clock, env={**env, **({"SHOPDESK_LANG": lang} if lang else {})},
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def staffed(cli):
    """Staff 小王 and 小李 (added through the service on the CLI's register)."""
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    def add(home, clock):
        register = open_register(DataPaths(home), clock)
        for name in ("小王", "小李"):
            register.staff.add(name, actor="小王")
        register.close()
    return add


def test_a_shift_round_trip(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    code, out, err = cli("shift", "start", "--staff", "小王")
    assert code == 0, err
    assert out == "班次 #1 已开始：小王（2026-11-23 10:00）\n"
    code, out, _ = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                       "--kind", "refund_only", "--buyer", "小蜜蜂", "--phone", "13812345678",
                       "--item", "无线蓝牙耳机")
    case_no = out.strip()
    cli("promises", "add", case_no, "--kind", "call_back", "--due", "2026-11-23 11:00",
        "--text", "确认补发时间")
    clock.advance(hours=4)
    code, out, _ = cli("shift", "status")
    assert out.startswith("当班：小王（2026-11-23 10:00 起）\n")
    code, out, _ = cli("shift", "status", lang="en")
    assert out.startswith("on shift: 小王 since 2026-11-23 10:00")
    pdf = tmp_path / "交接.pdf"
    code, out, err = cli("shift", "end", "--note", "记得回电 13812345678", "--text", "--pdf",
                         str(pdf))
    assert code == 0, err
    assert out.startswith("【交接班记录】\n交班人：小王\n")
    assert f"1. {case_no} 小蜜蜂 138****5678 新建 无线蓝牙耳机" in out
    assert "承诺已逾期3小时：回电：确认补发时间" in out and "记得回电 138****5678" in out
    assert out.endswith(f"PDF: {pdf}\n")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "无线蓝牙耳机" in text and "13812345678" not in text

    code, out, _ = cli("shift", "status", "--json")
    data = json.loads(out)
    assert data["on_shift"] is None and data["pending_handoff"]["id"] == 1
    assert "sheet" not in data["pending_handoff"]

    code, out, _ = cli("handoff", "show", "--latest", "--json")
    handoff = json.loads(out)["handoff"]
    assert handoff["id"] == 1 and handoff["acknowledged"] is False
    assert handoff["note"] == "记得回电 138****5678"
    assert handoff["counts"]["promises_overdue"] == 1
    assert handoff["sheet"]["open_cases"][0]["case"]["phone"] == "138****5678"
    # The first hand-off covers the last 24 hours; the shift's own start is kept too.
    assert handoff["sheet"]["period_start"] == "2026-11-22T06:00:00+00:00"
    assert handoff["sheet"]["started_at"] == "2026-11-23T02:00:00+00:00"
    assert handoff["sheet"]["since"] == "day"
    assert "13812345678" not in out

    clock.advance(minutes=5)
    code, out, err = cli("handoff", "ack", "--staff", "小李")
    assert code == 0, err
    assert out == "交接 #1 已由 小李 于 2026-11-23 14:05 确认接班\n"
    code, out, err = cli("handoff", "ack", "--staff", "小王")
    assert code == 1 and out == ""
    assert err == "shopdesk: handoff: 该交接已由 小李 于 11-23 14:05 确认\n"
    code, out, _ = cli("handoff", "list")
    assert out.startswith("#1    2026-11-23 14:00  小王") and "已确认 小李" in out
    assert out.endswith("\n共 1 条交接记录\n")
    code, out, _ = cli("handoff", "list", lang="en")
    assert "ack 小李" in out and out.endswith("\n1 hand-off(s)\n")
    code, out, _ = cli("handoff", "show", "1")
    assert "接班确认：小李，11-23 14:05" in out


def test_pins_on_the_command_line(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    code, out, err = cli("staff", "pin", "--staff", "小李", "--set", "12a4")
    assert code == 1 and err == "shopdesk: --set: PIN 须为 4 位数字\n"
    code, out, err = cli("staff", "pin", "--staff", "小李", "--set", "2468")
    assert code == 0 and out == "已设置 小李 的 PIN 码\n"
    # stdin is not a terminal here: no prompt, the missing PIN is refused naming --pin.
    code, out, err = cli("shift", "start", "--staff", "小李")
    assert code == 1 and err == "shopdesk: --pin: 小李 设置了 PIN，请输入 4 位 PIN\n"
    code, out, err = cli("shift", "start", "--staff", "小李", "--pin", "1111")
    assert code == 1 and err == "shopdesk: --pin: 小李 的 PIN 不正确\n"
    code, out, err = cli("shift", "start", "--staff", "小李", "--pin", "2468")
    assert code == 0, err
    code, out, err = cli("shift", "start", "--staff", "小王")
    assert code == 1 and "--staff: 小李 的班次还未结束" in err
    clock.advance(hours=8)
    code, _, _ = cli("--pin", "2468", "shift", "end", actor="小李")  # --as 小李 needs her PIN
    code, out, err = cli("handoff", "ack", "--staff", "小李", "--pin", "0000")
    assert code == 1 and "PIN 不正确" in err
    code, out, err = cli("staff", "pin", "--staff", "小李", "--clear")
    assert code == 1 and err == "shopdesk: --old-pin: 小李 设置了 PIN，请输入 4 位 PIN\n"
    code, out, err = cli("staff", "pin", "--staff", "小李", "--clear", "--old-pin", "2468")
    assert code == 0 and out == "已清除 小李 的 PIN 码\n"
    code, out, err = cli("handoff", "ack", "--staff", "小李")
    assert code == 0, err


def test_solo_end_without_start_and_errors(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    code, out, err = cli("handoff", "show")
    assert (code, err) == (1, "shopdesk: 还没有交接记录（用 `shopdesk shift end` 结束班次"
                              "即可生成）\n")
    code, out, err = cli("handoff", "show", lang="en")
    assert code == 1 and "no hand-off yet" in err
    code, out, err = cli("shift", "end", "--json")
    assert code == 0, err
    data = json.loads(out)["handoff"]
    assert data["explicit_start"] is False and data["staff"] == "小王"
    assert data["started_at"] == "2026-11-22T02:00:00+00:00"  # the first ever: 24 hours
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path))
    assert code == 1 and err == f"shopdesk: --pdf: {tmp_path} 是文件夹；请给出文件名\n"
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path), lang="en")
    assert code == 1 and "--pdf:" in err and "folder" in err
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path / "无此目录" / "x.pdf"))
    assert code == 1 and err.startswith("shopdesk: --pdf: 文件夹 ") and "无此目录" in err
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path / "无此目录" / "x.pdf"),
                         lang="en")
    assert code == 1 and err.startswith("shopdesk: --pdf: the folder") and "无此目录" in err
    # Refused before anything was stored: still the one hand-off, no empty second one.
    assert json.loads(cli("handoff", "list", "--json")[1])["count"] == 1
    code, out, err = cli("shift", "next-hours", "0")
    assert code == 1 and err.startswith("shopdesk: HOURS: 下一班时长须在")
    code, out, _ = cli("shift", "next-hours", "12.5")
    assert code == 0 and out == "12.5\n"
    clock.advance(hours=1)
    code, out, _ = cli("shift", "end", "--json")
    sheet = json.loads(out)["handoff"]["sheet"]
    assert sheet["next_shift_hours"] == 12.5
    assert sheet["period_start"] == (clock.now() - timedelta(hours=1)).isoformat()
    code, out, err = cli("handoff", "show", "99")
    assert (code, err) == (1, "shopdesk: 找不到：交接 99\n")
    code, out, err = cli("handoff", "show", "99", lang="en")
    assert (code, err) == (1, "shopdesk: not found: shift 99\n")
    code, out, err = cli("shift", "start", "--staff", "陌生人")
    assert code == 1 and err == "shopdesk: --staff: 没有这个员工：陌生人\n"


def test_two_unacknowledged_hand_offs_are_both_pending_oldest_first(cli, staffed, tmp_path,
                                                                     clock):
    staffed(tmp_path / "home", clock)
    cli("shift", "end", "--note", "第一班")
    clock.advance(hours=8)
    cli("shift", "end", "--note", "第二班", actor="小李")
    code, out, _ = cli("shift", "status")
    assert out == ("当班：无人\n"
                   "小王 的交接 #1（2026-11-23 10:00）尚未确认\n"
                   "小李 的交接 #2（2026-11-23 18:00）尚未确认\n")
    code, out, _ = cli("shift", "status", lang="en")
    assert out == ("on shift: nobody\n"
                   "hand-off #1 from 小王 (2026-11-23 10:00) is not acknowledged yet\n"
                   "hand-off #2 from 小李 (2026-11-23 18:00) is not acknowledged yet\n")
    data = json.loads(cli("shift", "status", "--json")[1])
    assert data["pending_handoff"]["id"] == 1
    assert [h["id"] for h in data["pending_handoffs"]] == [1, 2]
    code, out, err = cli("handoff", "ack", "--staff", "小李")
    assert code == 0, err
    assert out == ("交接 #1 已由 小李 于 2026-11-23 18:00 确认接班\n"
                   "还有 1 条交接尚未确认：#2\n")
    code, out, _ = cli("handoff", "ack", "--staff", "小王", lang="en")
    assert out == "hand-off #2 acknowledged by 小王 at 2026-11-23 18:00\n"
    assert json.loads(cli("shift", "status", "--json")[1])["pending_handoffs"] == []


def test_a_pdf_that_fails_after_the_end_says_the_hand_off_is_stored(cli, staffed, tmp_path,
                                                                      clock, monkeypatch):
    import shopdesk.reports.handoff_pdf as handoff_pdf

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(handoff_pdf, "write_handoff_pdf", disk_full)
    staffed(tmp_path / "home", clock)
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path / "x.pdf"))
    assert code == 1
    assert err == (f"shopdesk: --pdf: 无法写入 {tmp_path / 'x.pdf'}：No space left on "
                   "device；交接 #1 已保存：`shopdesk handoff show 1 --pdf PATH` "
                   "可以重新生成 PDF\n")
    code, out, err = cli("shift", "end", "--pdf", str(tmp_path / "x.pdf"), lang="en")
    assert code == 1
    assert err == (f"shopdesk: --pdf: cannot write {tmp_path / 'x.pdf'}: No space left on "
                   "device; hand-off #2 is stored: `shopdesk handoff show 2 --pdf PATH` "
                   "writes it\n")
    assert json.loads(cli("handoff", "list", "--json")[1])["count"] == 2


def test_staff_pin_reset_removes_a_forgotten_pin_with_a_reason(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    cli("staff", "pin", "--staff", "小李", "--set", "2468")
    code, out, err = cli("staff", "pin", "--staff", "小李", "--reset")
    assert code == 1 and err == "shopdesk: --reason: 请写明为什么重置 PIN\n"
    code, out, err = cli("staff", "pin", "--staff", "小李", "--reset", "--reason", "忘记了")
    assert code == 0, err
    assert out == ("已重置 小李 的 PIN 码：未用旧 PIN 码直接移除，已记入审计记录"
                   "（操作人 小王，原因：忘记了）。小李 可以用 --set 设置新的 PIN 码。\n")
    cli("staff", "pin", "--staff", "小李", "--set", "1357")
    code, out, err = cli("staff", "pin", "--staff", "小李", "--reset", "--reason", "又忘了",
                         lang="en")
    assert out == ("PIN reset for 小李: removed without the old PIN; recorded in the audit "
                   "trail (by 小王, reason: 又忘了). 小李 can set a new one with --set.\n")
    code, out, err = cli("shift", "start", "--staff", "小李")
    assert code == 0, err


def test_shift_end_shows_the_work_done_while_nobody_was_on_shift(cli, staffed, tmp_path,
                                                                  clock):
    """A fresh register: a morning of work with no shift open, then a shift. The text and
    the PDF list that morning in its own section, and the header says what is covered."""
    staffed(tmp_path / "home", clock)
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", "3712345678902",
                         "--kind", "refund_only", "--buyer", "早班买家", "--phone",
                         "13812345678", "--item", "保温杯", actor="小李")
    assert code == 0, err
    case_no = out.strip()
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer", "--summary",
                       "买家上午没接", actor="小李")
    assert code == 0, err
    clock.advance(hours=1)  # 11:00
    assert cli("shift", "start", "--staff", "小王")[0] == 0
    clock.advance(hours=3)  # 14:00
    pdf = tmp_path / "交接.pdf"
    code, out, err = cli("shift", "end", "--text", "--pdf", str(pdf))
    assert code == 0, err
    lines = out.splitlines()
    assert "交接范围：11-22 14:00 – 11-23 14:00（最近 24 小时：此前没有交接）" in lines
    assert "开班时间：11-23 11:00" in lines
    assert "三、本班处理的案件（0 个）" in lines
    section = lines.index("四、无人当班期间：11-22 14:00 – 11-23 11:00（1 个案件）")
    assert lines[section + 1:section + 5] == [
        "经手人：小李", f"{case_no} 早班买家 新建", "  10:00 小李 新建案件",
        "  10:00 小李 电话：未接听（买家上午没接）"]
    call = f"- 10:00 {case_no} 早班买家 138****5678 未接听（无人当班） 买家上午没接（小李）"
    assert call in lines
    assert "本班处理 0 个案件，无人当班期间 1 个" in out
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "无人当班期间" in text and "买家上午没接" in text and "经手人：小李" in text
    assert "开班时间" in text and "11-22 14:00 – 11-23 14:00" in text

    clock.advance(hours=1)
    code, out, err = cli("promises", "add", case_no, "--kind", "reply", "--due",
                         "2026-11-23 18:00", actor="小李")
    assert code == 0, err
    code, out, err = cli("shift", "end")  # no shift between: the whole hour is the sheet's
    assert code == 0, err
    assert out == ("交接 #2：小王 2026-11-23 14:00 – 2026-11-23 15:00；处理案件 1 个，"
                   "待处理案件 1 个，承诺逾期 0 个\n")
    code, out, _ = cli("handoff", "show", "--json")
    sheet = json.loads(out)["handoff"]["sheet"]
    assert sheet["off_shift"] == [] and sheet["off_shift_start"] is None
    again = tmp_path / "again.pdf"
    code, out, _ = cli("handoff", "show", "1", "--pdf", str(again))
    assert code == 0 and out.splitlines()[-1] == f"PDF: {again}" and again.exists()
    code, out, _ = cli("handoff", "show", "1", "--pdf", str(again), "--json")
    assert json.loads(out)["handoff"]["pdf"] == str(again)
    assert [t["case"]["case_no"] for t in sheet["touched"]] == [case_no]


def test_shift_end_json_names_the_pdf_it_wrote(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    pdf = tmp_path / "交接.pdf"
    code, out, err = cli("shift", "end", "--pdf", str(pdf), "--json")
    assert code == 0, err
    assert json.loads(out)["handoff"]["pdf"] == str(pdf) and pdf.exists()


def test_shift_start_and_end_in_english_and_an_own_hand_off(cli, staffed, tmp_path, clock):
    staffed(tmp_path / "home", clock)
    code, out, err = cli("shift", "start", "--staff", "小王", lang="en")
    assert (code, out) == (0, "shift #1 started: 小王 (2026-11-23 10:00)\n"), err
    clock.advance(hours=2)
    code, out, err = cli("shift", "end", lang="en")
    assert (code, out) == (0, "hand-off #1: 小王 2026-11-23 10:00 – 2026-11-23 12:00; "
                              "0 touched, 0 open, 0 promises overdue\n"), err
    code, out, err = cli("handoff", "ack", "--staff", "小王")
    assert (code, out) == (0, "交接 #1 已由 小王 于 2026-11-23 12:00 确认接班（本人确认）\n"), err
