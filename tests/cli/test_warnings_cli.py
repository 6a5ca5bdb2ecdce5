"""`shopdesk warnings list|ack`, `cases add/show` with warnings, `shopdesk blacklist ...`."""

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
        code = run(list(argv), clock=clock, env={**env, "SHOPDESK_LANG": lang or "zh"},
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    call("staff", "add", "小王")
    return call


def add_case(cli, *extra, lang=None):
    return cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order", "T123456",
               "--kind", "complaint", "--amount", "99", *extra, lang=lang)


def test_cases_add_prints_the_warnings_it_raised(cli):
    code, out, err = add_case(cli, "--description", "孩子被割伤了，要打12315")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1] == "预警：人身安全/健康  提到：割伤"  # the rule's name, not its key
    assert lines[2] == "预警：扬言投诉/曝光  提到：12315"
    code, out, err = add_case(cli, "--description", "孩子被割伤了", lang="en")
    assert out.splitlines()[1:] == [
        "note: order T123456 already had open case(s): SD-20261123-0001 (New)",
        "warning: Safety or health  mentions: 割伤"]


def test_cases_add_and_show_json_carry_warnings(cli):
    code, out, _ = add_case(cli, "--description", "起火了", "--json")
    case = json.loads(out)["case"]
    assert [(w["rule"], w["reason"]) for w in case["warnings"]] == [("safety", "提到：起火")]
    code, out, _ = cli("cases", "show", case["case_no"], "--json", lang="en")
    shown = json.loads(out)["case"]
    assert shown["warnings"][0]["reason"] == "mentions: 起火"
    assert shown["warnings"][0]["acknowledged_by"] is None


def test_warnings_list_and_ack(cli):
    _, out, _ = add_case(cli, "--description", "律师函", "--json")
    case_no = json.loads(out)["case"]["case_no"]
    code, out, _ = cli("warnings", "list", "--json")
    data = json.loads(out)
    assert data["schema"] == 1
    assert [(w["case_no"], w["rule"]) for w in data["warnings"]] == [(case_no, "media_threat")]
    assert set(data["warnings"][0]) >= {"case_no", "rule", "reason", "raised_at",
                                        "acknowledged_by"}
    code, out, _ = cli("warnings", "list")
    assert out.startswith(f"{case_no}  ") and out.endswith("\n共 1 条预警\n")
    code, out, _ = cli("warnings", "list", lang="en")
    assert out.endswith("\n1 warning(s)\n")
    code, out, err = cli("--as", "小王", "warnings", "ack", case_no, "--note", "已报主管")
    assert (code, out) == (0, f"{case_no}：已确认预警 扬言投诉/曝光\n"), err
    code, out, _ = cli("warnings", "list", "--all", lang="en")
    assert "  [ack: 小王]\n" in out
    assert json.loads(cli("warnings", "list", "--json")[1])["warnings"] == []
    acked = json.loads(cli("warnings", "list", "--all", "--json")[1])["warnings"]
    assert acked[0]["acknowledged_by"] == "小王" and acked[0]["note"] == "已报主管"
    code, _, err = cli("--as", "小王", "warnings", "ack", case_no)
    assert code == 1 and f"售后单 {case_no} 没有待处理的预警" in err
    code, _, err = cli("--as", "小王", "warnings", "ack", case_no, "--rule", "safety",
                       lang="en")
    assert code == 1 and f"Case {case_no} has no live safety warning" in err


def test_warnings_list_filters_by_rule_and_refuses_an_unknown_one(cli):
    add_case(cli, "--description", "割伤 12315")
    out = json.loads(cli("warnings", "list", "--rule", "safety", "--json")[1])
    assert [w["rule"] for w in out["warnings"]] == ["safety"]
    code, out, err = cli("warnings", "list", "--rule", "fire", lang="en")
    assert code == 1 and err.startswith("shopdesk: --rule: unknown warning rule: fire")


def test_blacklist_add_list_remove_and_warn(cli):
    code, out, err = cli("--as", "小王", "blacklist", "add", "--platform", "taobao",
                         "--buyer", "差评王", "--reason", "职业差评师", "--phone", "13812345678")
    assert (code, out) == (0, "已加入名单 #1：淘宝/天猫 差评王\n"), err
    data = json.loads(cli("blacklist", "list", "--json")[1])
    assert data["blacklist"][0]["phone"] == "138****5678"
    assert data["blacklist"][0]["platform"] == "taobao"  # JSON keeps the key
    assert cli("blacklist", "list")[1].startswith("#1  淘宝/天猫  差评王")  # text: the label
    _, out, _ = add_case(cli, "--buyer", "差评王", "--json")
    rules = [w["rule"] for w in json.loads(out)["case"]["warnings"]]
    assert rules == ["blacklisted"]
    assert cli("--as", "小王", "blacklist", "remove", "1", lang="en") == (
        0, "removed #1: taobao 差评王\n", "")
    assert cli("blacklist", "list")[1] == "共 0 条\n"
    assert cli("blacklist", "list", lang="en")[1] == "0 entries\n"
    code, _, err = cli("--as", "小王", "blacklist", "remove", "1")
    assert code == 1 and "1" in err


def test_blacklist_refuses_bad_input_naming_the_option(cli):
    code, _, err = cli("--as", "小王", "blacklist", "add", "--platform", "ebay", "--buyer",
                       "x", "--reason", "r", lang="en")
    assert code == 1 and err.startswith("shopdesk: --platform: unknown platform: ebay")
    code, _, err = cli("--as", "小王", "blacklist", "add", "--platform", "jd", "--buyer", "x",
                       "--reason", "r", "--phone", "123", lang="en")
    assert code == 1 and "--phone" in err


def test_blacklist_export_and_import_round_trip(cli, tmp_path):
    cli("--as", "小王", "blacklist", "add", "--platform", "jd", "--buyer", "甲",
        "--reason", "恶意", "--address", "朝阳区某某路1号")
    path = tmp_path / "list.csv"
    code, out, _ = cli("blacklist", "export", "-o", str(path))
    assert (code, out) == (0, f"已把 1 条名单写入 {path}（含个人信息，仅供本店使用）\n")
    code, out, _ = cli("blacklist", "export", "-o", str(path), lang="en")
    assert code == 0 and out.startswith("1 entry written")
    assert "朝阳区某某路1号" in path.read_text(encoding="utf-8-sig")
    assert cli("--as", "小王", "blacklist", "remove", "1")[0] == 0
    assert cli("--as", "小王", "blacklist", "import", str(path))[1] == \
        "新增 1 条，0 条已在名单中\n"
    assert cli("--as", "小王", "blacklist", "import", str(path), lang="en")[1] == \
        "0 added, 1 already on the list\n"
    assert cli("--as", "小王", "blacklist", "import", str(tmp_path / "none.csv")) == (
        1, "", f"shopdesk: FILE: 没有这个文件：{tmp_path / 'none.csv'}\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("platform,buyer_nick,reason\nebay,x,y\n", encoding="utf-8")
    code, _, err = cli("--as", "小王", "blacklist", "import", str(bad), lang="en")
    assert code == 1 and "row 2" in err


def test_cases_add_with_the_malicious_reviewer_cause_hints_at_the_list(cli):
    code, out, err = add_case(cli, "--buyer", "职业差评", "--cause", "malicious_reviewer")
    assert code == 0, err
    assert "提示：可以把这个买家加入恶意买家名单：shopdesk blacklist add " \
           "--platform taobao --buyer 职业差评" in out
    code, out, err = add_case(cli, "--buyer", "职业差评", "--cause", "malicious_reviewer",
                              lang="en")
    assert "hint: add the buyer to the malicious-buyer list: shopdesk blacklist add " \
           "--platform taobao --buyer 职业差评" in out
    _, out, _ = cli("blacklist", "list", "--json")
    assert json.loads(out)["blacklist"] == []  # a hint, nothing added
    _, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                    "T123457", "--kind", "complaint", "--buyer", "另一个", "--cause",
                    "malicious_reviewer", "--json")
    assert json.loads(out)["case"]["blacklist_offer"] is True


def test_warnings_list_shows_every_warning_with_the_true_total(cli, tmp_path, clock):
    """More live warnings than the store's old page of 1000: none left out."""
    import sqlite3

    _, out, _ = add_case(cli, "--description", "孩子被烫伤了", "--json")
    case_no = json.loads(out)["case"]["case_no"]
    cli("warnings", "list")  # every open case judged by the current rules
    db = sqlite3.connect(tmp_path / "home" / "shopdesk.sqlite3")
    with db:
        db.execute("INSERT INTO case_warnings(case_id, rule, reason_zh, reason_en, raised_at) "
                   "SELECT case_id, rule, reason_zh, reason_en, '2026-01-01T00:00:00+00:00' "
                   "FROM case_warnings, (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                   "SELECT i + 1 FROM n WHERE i < 1063) SELECT i FROM n)")
    db.close()
    code, out, err = cli("warnings", "list", lang="en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "1064 warning(s)" and len(lines) == 1065
    assert all(line.startswith(case_no) for line in lines[:-1])
    data = json.loads(cli("warnings", "list", "--json")[1])
    assert data["count"] == len(data["warnings"]) == 1064


def test_blacklist_add_case_alone_lists_that_cases_buyer(cli):
    """The window's Cases menu as a command: the case's platform, nickname and phone."""
    _, out, _ = add_case(cli, "--buyer", "tb_差评专家88", "--phone", "13812345678", "--json")
    case_no = json.loads(out)["case"]["case_no"]
    code, out, err = cli("--as", "小王", "blacklist", "add", "--case", case_no)
    assert (code, out) == (0, "已加入名单 #1：淘宝/天猫 tb_差评专家88\n"), err
    [entry] = json.loads(cli("blacklist", "list", "--json", "--full-contact")[1])["blacklist"]
    assert (entry["phone"], entry["case_no"], entry["reason"]) == (
        "13812345678", case_no, f"差评师（工单 {case_no}）")
    code, _, err = cli("--as", "小王", "blacklist", "add", "--case", case_no)
    assert code == 1 and "已在名单中" in err and "#1" in err
    code, _, err = cli("--as", "小王", "blacklist", "add", "--buyer", "x", "--reason", "r",
                       lang="en")
    assert code == 1 and err.startswith("shopdesk: --platform:")
    code, _, err = cli("--as", "小王", "blacklist", "add", "--platform", "jd", "--buyer", "x",
                       lang="en")
    assert code == 1 and "reason" in err.lower()


def test_warnings_list_names_the_rules_and_takes_a_name_for_rule(cli):
    """The human list showed keys (group_complaint, media_threat); --rule took only them."""
    add_case(cli, "--description", "孩子被割伤了，要打12315")
    _, out, _ = cli("warnings", "list")
    assert "人身安全/健康" in out and "safety" not in out
    _, out, _ = cli("warnings", "list", "--rule", "扬言投诉/曝光")
    assert "扬言投诉/曝光" in out and "人身安全/健康" not in out
    _, out, _ = cli("warnings", "list", "--rule", "safety", lang="en")
    assert "Safety or health" in out and out.endswith("1 warning(s)\n")

