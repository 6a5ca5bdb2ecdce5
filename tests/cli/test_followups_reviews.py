"""`shopdesk followups`, `shopdesk reviews` and `shopdesk analysis refund-speed`."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, actor="小王", lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", actor, *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def _case(cli, kind):
    code, out, err = cli("cases", "add", "--platform", "taobao", "--order", "3712345678901",
                         "--kind", kind, "--buyer", "小蜜蜂", "--phone", "13812345678",
                         "--amount", "59")
    assert code == 0, err
    return out.splitlines()[0]  # later lines say more (a second case of the order)


def test_followups_list_and_done_with_reopen(cli, clock):
    case_no = _case(cli, "exchange")
    assert cli("cases", "status", case_no, "--to", "resolved", "--outcome", "exchanged")[0] == 0
    code, out, _ = cli("followups", "list", "--json")
    data = json.loads(out)
    assert code == 0 and data["schema"] == 1 and data["count"] == 1
    [f] = data["followups"]
    assert f["case_no"] == case_no and f["kind"] == "exchange" and f["due"] is False
    assert f["script_id"] == "exchange.follow_up.1" and f["script"]
    assert json.loads(cli("followups", "list", "--due", "--json")[1])["count"] == 0
    # Not due yet and due read apart (they were "Due" and "DUE").
    assert "  Scheduled " in cli("followups", "list", lang="en")[1]
    clock.advance(days=7)
    code, out, _ = cli("followups", "list", "--due")
    assert code == 0 and case_no in out and out.endswith("\n共 1 条回访，1 条已到期\n")
    code, out, _ = cli("followups", "list", "--due", lang="en")
    assert code == 0 and out.endswith("\n1 follow-up(s), 1 due\n") and "  Due now " in out
    code, _, err = cli("followups", "done", str(f["id"]), "--result", "problem_again")
    assert code == 1 and "--note" in err
    code, _, err = cli("followups", "done", str(f["id"]), "--result", "happy")
    assert code == 1 and "--result" in err
    code, out, err = cli("followups", "done", str(f["id"]), "--result", "problem_again",
                         "--note", "换的也坏了", "--json")
    assert code == 0, err
    done = json.loads(out)
    assert done["followup"]["result"] == "problem_again"
    assert done["case_status"] == "in_progress"
    code, _, err = cli("followups", "done", "999", "--result", "satisfied")
    assert (code, err) == (1, "shopdesk: 没有这个回访：999\n")
    code, _, err = cli("followups", "done", "999", "--result", "satisfied", lang="en")
    assert (code, err) == (1, "shopdesk: no such follow-up: 999\n")


def test_followup_done_says_so_in_the_language(cli, clock):
    case_no = _case(cli, "exchange")
    assert cli("cases", "status", case_no, "--to", "resolved", "--outcome", "exchanged")[0] == 0
    [f] = json.loads(cli("followups", "list", "--json")[1])["followups"]
    clock.advance(days=7)
    code, out, err = cli("followups", "done", str(f["id"]), "--result", "satisfied")
    assert code == 0, err
    assert out.startswith(f"回访 #{f['id']} 已完成：#{f['id']}") and out.endswith(
        f"（{case_no}：已解决）\n")
    code, _, err = cli("followups", "rules", "--set", "exchange=-3", lang="en")
    assert err == "shopdesk: --set: 'exchange=-3': DAYS must be 0-365 or none\n"
    code, _, err = cli("followups", "rules", "--set", "exchange=-3")
    assert err == "shopdesk: --set: 'exchange=-3'：DAYS 须为 0-365 或 none\n"


def test_followup_rules(cli):
    code, out, _ = cli("followups", "rules", "--set", "refund_only=2", "--set",
                       "exchange=none", "--json")
    rules = {r["kind"]: r["days"] for r in json.loads(out)["rules"]}
    assert code == 0 and rules["refund_only"] == 2 and rules["exchange"] is None
    code, _, err = cli("followups", "rules", "--set", "exchange=-3")
    assert code == 1 and "--set" in err


def test_reviews_set_show_contact(cli, clock):
    case_no = _case(cli, "bad_review")
    code, out, err = cli("reviews", "set", case_no, "--stars", "1", "--text", "漏水",
                         "--reviewed", "2026-11-20 10:00", "--json")
    assert code == 0, err
    review = json.loads(out)["review"]
    assert review["stars"] == 1 and review["next_window"]["which"] == "review"
    assert review["next_window"]["due_at"] == "2026-12-20T02:00:00+00:00"
    assert review["next_window"]["estimate"] is True and review["contacts_left"] == 2
    assert review["suggested_reply"].startswith("感谢您的真实反馈")
    code, _, err = cli("reviews", "set", case_no, "--reply", "好评返现5元")
    assert code == 1 and "--reply" in err
    assert cli("reviews", "contact", case_no, "--channel", "chat", "--note", "收到了吗")[0] == 0
    assert cli("reviews", "contact", case_no, "--channel", "chat")[0] == 0
    code, _, err = cli("reviews", "contact", case_no, "--channel", "chat")
    assert code == 1 and "2" in err
    code, out, _ = cli("reviews", "set", case_no, "--outcome", "unchanged")
    assert code == 0 and "评价未变" in out
    code, out, _ = cli("reviews", "show", case_no)
    assert code == 0 and out.startswith(f"{case_no}  淘宝/天猫  订单")  # the label, not "taobao"
    other = _case(cli, "exchange")
    code, _, err = cli("reviews", "show", other)
    assert code == 1 and "不是中差评" in err


def test_analysis_refund_speed(cli, clock):
    case_no = _case(cli, "refund_only")
    clock.advance(hours=5)
    assert cli("cases", "status", case_no, "--to", "resolved", "--outcome", "full_refund",
               "--amount", "59")[0] == 0
    code, out, err = cli("analysis", "refund-speed", "--by", "platform", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == 1 and data["overall"]["count"] == 1
    assert data["rows"][0]["key"] == "taobao" and data["rows"][0]["median_hours"] == 5.0
    assert data["followups"]["total"] == 0
    day = (clock.now() + timedelta(days=10)).date().isoformat()
    code, out, _ = cli("analysis", "refund-speed", "--from", day, "--to", day)
    assert code == 0 and "—" in out
    code, _, err = cli("analysis", "refund-speed", "--by", "sku")
    assert code == 2


def test_reviews_set_with_nothing_to_set_is_refused_in_the_language(cli):
    case_no = _case(cli, "bad_review")
    assert cli("reviews", "set", case_no) == (
        1, "", "shopdesk: 没有要设置的内容：请至少给出一个选项（见 reviews set -h）\n")
    assert cli("reviews", "set", case_no, lang="en") == (
        1, "", "shopdesk: nothing to set: give at least one option (see reviews set -h)\n")


def test_reviews_show_prints_the_reply_the_state_and_every_contact(cli, clock):
    case_no = _case(cli, "bad_review")
    assert cli("cases", "note", case_no, "旺旺已留言，未回复")[0] == 0
    code, _, err = cli("calls", "log", case_no, "--outcome", "no_answer", "--summary", "没接")
    assert code == 0, err
    code, _, err = cli("reviews", "set", case_no, "--reviewed", "2026-11-22 10:00",
                       "--reply", "感谢反馈，已为您补发", "--replied", "now")
    assert code == 0, err
    clock.advance(hours=1)
    assert cli("reviews", "contact", case_no, "--channel", "chat", "--note", "收到了吗")[0] == 0
    code, out, _ = cli("reviews", "show", case_no)
    assert code == 0
    assert "状态: 已回复评价，待跟进" in out
    assert "公开回复（2026-11-23 10:00 发布）: 感谢反馈，已为您补发" in out
    assert "联系买家（含案件上登记的通话）: 2/2" in out
    assert "登记通话  未接听  小王  没接" in out and "在线聊天  小王  收到了吗" in out
    data = json.loads(cli("reviews", "show", case_no, "--json")[1])["review"]
    assert data["state"] == "replied" and data["contacts_used"] == 2
    assert data["contacts_left"] == 0 and [c["summary"] for c in data["calls"]] == ["没接"]
    code, out, _ = cli("reviews", "show", case_no, lang="en")
    assert "Public reply (posted 2026-11-23 10:00): 感谢反馈" in out
