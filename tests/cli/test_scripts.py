"""`shopdesk scripts list|render|export|import`."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run

STUCK = "complaint.pre_empt.2"  # {快递公司} ... {运单号} ... {预计时间}


@pytest.fixture
def cli(cli_home, clock, monkeypatch):
    monkeypatch.delenv("SHOPDESK_LANG", raising=False)
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(list(argv), clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


@pytest.fixture
def case_no(cli):
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "3712345678901", "--kind", "complaint", "--cause", "slow_delivery",
                       "--buyer", "小蜜蜂", "--amount", "59.90", "--item", "保温杯")
    assert code == 0
    return out.strip()


def test_list_json_filters_by_kind_step_and_search(cli):
    code, out, _ = cli("scripts", "list", "--kind", "complaint", "--step", "pre_empt", "--json")
    assert code == 0
    data = json.loads(out)
    ids = [s["id"] for s in data["scripts"]]
    assert STUCK in ids and data["count"] == len(ids)
    assert all(s["step"] == "pre_empt" for s in data["scripts"])
    stuck = next(s for s in data["scripts"] if s["id"] == STUCK)
    assert stuck["placeholders"] == ["carrier", "waybill", "eta"]
    assert stuck["origin"] == "shipped" and stuck["uses"] == 0
    code, out, _ = cli("scripts", "list", "--search", "中转站", "--json")
    assert [s["id"] for s in json.loads(out)["scripts"]] == [STUCK]


def test_list_text(cli):
    code, out, _ = cli("scripts", "list", "--kind", "exchange")
    assert code == 0 and "exchange." in out and out.rstrip().endswith(" 条话术")
    assert out.splitlines()[-1].startswith("共 ")
    code, out, _ = cli("scripts", "list", "--kind", "exchange", lang="en")
    assert code == 0 and out.rstrip().endswith(" script(s)")


def test_render_without_values_exits_1_naming_every_missing_placeholder(cli, case_no):
    code, out, err = cli("scripts", "render", STUCK, "--case", case_no)
    assert code == 1
    assert out == ""  # never a half-filled text on stdout
    assert err.strip() == ("shopdesk: 有未填写的占位符：{快递公司}、{运单号}、{预计时间}；"
                           "请用 --set 快递公司=... 填写")
    code, out, err = cli("scripts", "render", STUCK, "--case", case_no, lang="en")
    assert (code, out) == (1, "")
    assert err.strip() == ("shopdesk: unfilled placeholders: {carrier}, {waybill}, {eta}; "
                           "use --set carrier=...")  # the English text's placeholders


def test_render_with_set_prints_the_filled_text(cli, case_no):
    code, out, err = cli("scripts", "render", STUCK, "--case", case_no, "--set", "快递公司=顺丰",
                         "--set", "waybill=SF1234567890", "--set", "预计时间=明天下午")
    assert (code, err) == (0, "")
    assert "顺丰通知我们" in out and "SF1234567890" in out and "明天下午" in out
    assert "{" not in out


def test_render_in_english_and_a_partial_set(cli, case_no):
    code, _, err = cli("scripts", "render", STUCK, "--case", case_no, "--lang", "en",
                       "--set", "carrier=SF Express")
    assert code == 1 and "{waybill}、{eta}" in err  # the text in English, the message not
    code, _, err = cli("scripts", "render", STUCK, "--case", case_no, "--lang", "en",
                       "--set", "carrier=SF Express", lang="en")
    assert code == 1 and "{waybill}, {eta}" in err


def test_render_refuses_an_unknown_placeholder_and_unknown_ids(cli, case_no):
    code, _, err = cli("scripts", "render", STUCK, "--case", case_no, "--set", "colour=red")
    assert code == 1 and "不认识的占位符 colour" in err
    code, _, err = cli("scripts", "render", STUCK, "--case", case_no, "--set", "colour=red",
                       lang="en")
    assert code == 1 and "unknown placeholder colour" in err
    code, _, err = cli("scripts", "render", "no.such.script", "--case", case_no)
    assert (code, err) == (1, "shopdesk: 找不到：话术 no.such.script\n")
    code, _, err = cli("scripts", "render", "no.such.script", "--case", case_no, lang="en")
    assert (code, err) == (1, "shopdesk: not found: script no.such.script\n")
    code, _, err = cli("scripts", "render", STUCK, "--case", "SD-20991231-0001")
    assert code == 1


def test_import_error_and_export(cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,title_zh\nx,y\n", encoding="utf-8")
    code, _, err = cli("scripts", "import", str(bad))
    assert code == 1 and "bad.csv:1" in err
    code, out, _ = cli("scripts", "export", str(tmp_path / "out.toml"))
    assert (code, out) == (0, f"已导出 0 条话术到 {tmp_path / 'out.toml'}\n")
    code, out, _ = cli("scripts", "export", str(tmp_path / "out.toml"), lang="en")
    assert code == 0 and "exported 0 script(s)" in out


def test_render_signs_as_the_sender_else_the_assignee(cli, case_no):
    opener = "bad_review.respond.1"  # "…我是店铺售后{客服}…"
    assert cli("--as", "小王", "staff", "add", "小王")[0] == 0
    assert cli("--as", "小王", "staff", "add", "小李")[0] == 0
    assert cli("--as", "小王", "cases", "edit", case_no, "--assignee", "小王")[0] == 0
    code, out, _ = cli("scripts", "render", opener, "--case", case_no)
    assert code == 0 and "售后小王" in out  # nobody named: the assignee, not the login
    code, out, _ = cli("--as", "小李", "scripts", "render", opener, "--case", case_no)
    assert code == 0 and "售后小李" in out and "小王" not in out


def test_a_chinese_only_shop_script_imports_and_renders_in_chinese_for_english(
        cli, case_no, tmp_path):
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "id,title_zh,title_en,kinds,causes,step,channel,tone_zh,tone_en,text_zh,text_en\n"
        "shop.respond.5,店铺开场,,any,any,respond,chat,简短,,{买家}您好，{商品}的事收到了。,\n",
        encoding="utf-8")
    assert cli("--as", "小王", "scripts", "import", str(mine))[0] == 0
    code, out, err = cli("scripts", "render", "shop.respond.5", "--case", case_no,
                         "--lang", "en")
    assert (code, err) == (0, "")
    assert out == "小蜜蜂您好，保温杯的事收到了。\n"
    code, out, _ = cli("scripts", "list", "--search", "店铺开场", "--json")
    [listed] = json.loads(out)["scripts"]
    assert listed["origin"] == "shop" and listed["text"]["en"] == ""
