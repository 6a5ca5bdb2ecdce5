"""Phone numbers, names and addresses typed into free text (description, note, call summary,
promise) are masked in every output as in the PDF, unless --full-contact (audited); and text
people typed cannot forge lines in text output (control characters, newlines)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from shopdesk.cli import run
from shopdesk.domain.plain_text import one_line

CASE = "SD-20261123-0001"
PHONE = "13812345678"
OTHER_MOBILE = "13987654321"  # not the buyer's: any mainland mobile is masked too
NAME = "张小红"
ADDRESS = "浙江省杭州市西湖区文三路 100 号"
SECRETS = (PHONE, OTHER_MOBILE, NAME, ADDRESS)


@pytest.fixture
def cli(tmp_path, clock):
    env = {"SHOPDESK_HOME": str(tmp_path / "home"), "SHOPDESK_LANG": "en"}

    def call(*argv):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock, env=env, out=out, err=err)
        assert code == 0, err.getvalue()
        return out.getvalue()

    run(["staff", "add", "小王"], clock=clock, env=env, out=io.StringIO(), err=io.StringIO())
    call("cases", "add", "--platform", "taobao", "--order", "3712345678901", "--kind",
         "return_refund", "--buyer", "小蜜蜂", "--buyer-name", NAME, "--phone", PHONE,
         "--address", ADDRESS,
         "--description", f"{NAME}说打 {PHONE} 或 {OTHER_MOBILE}，寄到{ADDRESS}")
    call("cases", "note", CASE, f"买家留言：138 1234 5678，{NAME}")
    call("calls", "log", CASE, "--outcome", "connected", "--summary",
         f"{NAME}说改寄{ADDRESS}，备用电话{OTHER_MOBILE}", "--override-reason", "买家要求回电")
    call("promises", "add", CASE, "--kind", "call_back", "--due", "2026-11-24 10:00",
         "--text", f"回电 {PHONE}（{NAME}）")
    return call


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text] + (["1234 5678"] if "1234 5678" in text else [])


@pytest.mark.parametrize("argv", [
    ("cases", "list", "--json"),
    ("cases", "show", CASE),
    ("cases", "show", CASE, "--json"),
    ("promises", "list"),
    ("promises", "list", "--json"),
])
def test_outputs_mask_contact_details_written_in_free_text(cli, argv):
    out = cli(*argv)
    assert leaks(out) == []
    assert "138****5678" in out or "139****4321" in out  # masked, not dropped


def test_show_json_masks_the_description_timeline_and_call_summary(cli):
    case = json.loads(cli("cases", "show", CASE, "--json"))["case"]
    assert case["description"].startswith("张**说打 138****5678 或 139****4321")
    texts = json.dumps(case["timeline"], ensure_ascii=False)
    assert leaks(texts) == [] and "张**" in texts


def test_full_contact_shows_everything_and_is_audited(cli):
    out = cli("cases", "show", CASE, "--json", "--full-contact")
    assert all(s in out for s in (PHONE, OTHER_MOBILE, NAME, ADDRESS))
    listed = cli("cases", "list", "--json", "--full-contact")
    assert PHONE in listed and ADDRESS in listed
    audit = cli("cases", "audit", CASE, "--json")
    assert audit.count("reveal_phone") >= 2  # once for show, once for list


def test_exports_mask_the_description(cli, tmp_path):
    cli("export", "-o", str(tmp_path / "c.csv"))
    text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert leaks(text) == [] and "138****5678" in text
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    cli("export", "-o", str(tmp_path / "c.xlsx"))
    cells = " ".join(str(c.value) for row in load_workbook(tmp_path / "c.xlsx").active
                     for c in row if c.value is not None)
    assert leaks(cells) == [] and "138****5678" in cells
    cli("export", "-o", str(tmp_path / "full.csv"), "--full-contact")
    assert OTHER_MOBILE in (tmp_path / "full.csv").read_text(encoding="utf-8-sig")


def test_a_nickname_cannot_forge_a_line_in_the_case_list(cli):
    forged = "小蜜蜂\nSD-20261123-9999  淘宝 000 已解决\x1b[2J\u202e"
    cli("cases", "add", "--platform", "taobao", "--order", "3712345678902", "--kind",
        "refund_only", "--buyer", forged, "--description", "第一行\r\n第二行")
    out = cli("cases", "list")
    lines = out.splitlines()
    assert len(lines) == 3 and lines[-1] == "2 case(s)"
    assert not any(line.startswith("SD-20261123-9999") for line in lines)
    assert "\x1b" not in out and "\u202e" not in out and "\r" not in out
    assert "小蜜蜂\\nSD-20261123-9999" in out
    shown = cli("cases", "show", "SD-20261123-0002")
    assert "第一行\\r\\n第二行" in shown and "\x1b" not in shown


def test_one_line_keeps_ordinary_text():
    assert one_line("小蜜蜂 ok 😀 👨\u200d👩\u200d👧") == "小蜜蜂 ok 😀 👨\u200d👩\u200d👧"
    assert one_line("a\nb\tc\x00\x1b[31m\u2028") == "a\\nb c\\x00\\x1b[31m\\u2028"
    assert one_line(None) == ""
