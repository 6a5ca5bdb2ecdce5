"""`shopdesk demo --remove`: what File → 清除演示数据 does, from the command line."""

import io
import json

from shopdesk.cli import run


def call(home, clock, *argv, lang="zh"):
    out, err = io.StringIO(), io.StringIO()
    env = {"SHOPDESK_HOME": str(home), "SHOPDESK_LANG": lang}
    code = run(list(argv), clock=clock, env=env, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_demo_remove_leaves_typed_cases(cli_home, clock):
    assert call(cli_home, clock, "demo", "--cases", "30", "--seed", "2")[0] == 0
    code, out, _ = call(cli_home, clock, "--as", "小王", "cases", "add", "--platform", "taobao",
                        "--order", "3712345678901", "--kind", "refund_only")
    assert code == 0 and out.strip() == "SD-20261123-0001"
    code, out, _ = call(cli_home, clock, "demo", "--remove", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == 1 and data["removed_cases"] == 30
    _, out, _ = call(cli_home, clock, "cases", "list", "--json")
    assert [c["case_no"] for c in json.loads(out)["cases"]] == ["SD-20261123-0001"]
    code, out, _ = call(cli_home, clock, "demo", "--remove")
    assert code == 0 and out.strip() == "已清除 0 个演示案件"
    code, out, _ = call(cli_home, clock, "demo", "--remove", lang="en")
    assert out.strip() == "removed 0 demo cases"


def test_scripts_render_writes_only_the_facts_given(cli_home, clock):
    call(cli_home, clock, "--as", "小王", "cases", "add", "--platform", "taobao",
         "--order", "3712345678901", "--kind", "bad_review")
    args = ("scripts", "render", "platform_dispute.act.3", "--case", "SD-20261123-0001",
            "--set", "签收时间=11月20日")
    code, out, err = call(cli_home, clock, *args)
    assert code == 1 and not out and "--fact" in err and "1. 买家未提供" in err
    code, out, err = call(cli_home, clock, *args, "--fact", "2")
    assert code == 0, err
    assert "1. 我方询问具体问题" in out and "买家未提供" not in out
    code, _, err = call(cli_home, clock, *args, "--fact", "9")
    assert code == 1 and "--fact 9" in err
