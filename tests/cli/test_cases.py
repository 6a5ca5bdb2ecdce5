import io
import json
import subprocess
import sys

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        e = dict(env)
        if lang:
            e["SHOPDESK_LANG"] = lang
        code = run(list(argv), clock=clock, env=e, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def test_add_then_show_and_list(cli):
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "3712345678901", "--kind", "return_refund", "--cause", "item_defective",
                       "--buyer", "小蜜蜂", "--phone", "13812345678", "--amount", "¥59.90",
                       "--item", "保温杯")
    assert code == 0
    case_no = out.strip()
    assert case_no == "SD-20261123-0001"
    code, out, _ = cli("cases", "show", case_no, "--json")
    data = json.loads(out)["case"]
    assert data["buyer_phone"] == "138****5678"
    assert data["amount_paid"] == "59.90" and data["kind"] == "return_refund"
    assert data["created_by"] == "小王"
    assert data["timeline"][0]["type"] == "created"
    code, out, _ = cli("cases", "list", "--json", "--search", "保温")
    listed = json.loads(out)
    assert listed["count"] == 1 and listed["cases"][0]["case_no"] == case_no


def test_full_contact_is_explicit_and_audited(cli, tmp_path, clock):
    _, out, _ = cli("cases", "add", "--platform", "jd", "--order", "123456", "--kind",
                    "exchange", "--phone", "13812345678")
    case_no = out.strip()
    _, out, _ = cli("cases", "show", case_no, "--json", "--full-contact")
    assert json.loads(out)["case"]["buyer_phone"] == "13812345678"
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    reg = open_register(DataPaths(tmp_path / "home"), clock)
    case = reg.cases.get_by_no(case_no)
    assert any(a.action == "reveal_phone" for a in reg.cases.audit(case.id))
    reg.close()


@pytest.mark.parametrize("args,option", [
    (["--amount", "-3"], "--amount"),
    (["--phone", "12345"], "--phone"),
    (["--order", ""], "--order"),
])
def test_bad_values_exit_non_zero_naming_the_option(cli, args, option):
    base = {"--platform": "taobao", "--order": "3712345678901", "--kind": "refund_only"}
    for k, v in zip(args[::2], args[1::2], strict=True):
        base[k] = v
    argv = ["cases", "add"] + [x for kv in base.items() for x in kv]
    code, out, err = cli(*argv)
    assert code == 1 and out == ""
    assert option in err
    assert cli("cases", "list", "--json")[1].count('"case_no"') == 0


def test_messages_follow_the_language(cli):
    _, _, err_zh = cli("cases", "add", "--platform", "taobao", "--order", "", "--kind", "x")
    _, _, err_en = cli("cases", "add", "--platform", "taobao", "--order", "", "--kind", "x",
                       lang="en")
    assert "订单号" in err_zh and "Order number" in err_en


def test_unknown_case_number(cli):
    code, _, err = cli("cases", "show", "SD-20260101-0001")
    assert code == 1 and err == "shopdesk: 没有这个案件：SD-20260101-0001\n"
    code, _, err = cli("cases", "show", "SD-20260101-0001", lang="en")
    assert code == 1 and err == "shopdesk: no such case: SD-20260101-0001\n"


def test_demo_and_filters(cli):
    assert cli("demo", "--cases", "50", "--seed", "3")[0] == 0
    _, out, _ = cli("cases", "list", "--json")
    assert json.loads(out)["count"] == 50
    _, out, _ = cli("cases", "list", "--json", "--status", "open", "--kind", "bad_review")
    cases = json.loads(out)["cases"]
    assert all(c["kind"] == "bad_review" and c["status"] not in ("resolved", "closed")
               for c in cases)


def test_backup_now_and_list(cli):
    cli("demo", "--cases", "5", "--seed", "1")
    code, out, _ = cli("backup")
    assert code == 0 and out.strip().endswith(".sqlite3")
    _, out, _ = cli("backup", "--list")
    assert "manual" in out


def test_version_runs_as_a_real_process(tmp_path):
    result = subprocess.run([sys.executable, "-m", "shopdesk", "--version"],
                            capture_output=True, text=True, env={"SHOPDESK_HOME": str(tmp_path),
                                                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0 and result.stdout.startswith("ShopDesk ")


def test_newer_database_is_a_message_not_a_traceback(cli, tmp_path):
    cli("demo", "--cases", "1")
    import sqlite3

    conn = sqlite3.connect(tmp_path / "home" / "shopdesk.sqlite3")
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                 "VALUES ('shopdesk', '9999_new', 'x')")
    conn.commit()
    conn.close()
    code, _, err = cli("cases", "list")
    assert code == 1 and "ShopDesk" in err and "Traceback" not in err


def test_a_reader_that_closes_the_pipe_early_is_not_an_error(tmp_path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "SHOPDESK_HOME": str(tmp_path / "home")}
    cmd = [sys.executable, "-m", "shopdesk"]
    subprocess.run([*cmd, "demo", "--cases", "20"], env=env, check=True, capture_output=True)
    listing = subprocess.Popen([*cmd, "cases", "list", "--json"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert listing.stdout is not None
    # Hang up before the listing is written, like `| head -c 0`.
    listing.stdout.close()
    _out, err = listing.communicate(timeout=60)
    assert listing.returncode == 0
    assert b"Traceback" not in err


def test_add_says_what_the_order_filled(cli, tmp_path):
    from tests.services.test_orders import ORDER_HEADER, order_row, write

    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    assert cli("--as", "小王", "import", str(path))[0] == 0
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "3126112300000000001", "--kind", "refund_only", "--buyer", "TB_Buyer_1")
    assert code == 0
    case_no, filled = out.splitlines()[:2]
    assert filled == ("从订单 3126112300000000001 补全：收货地址、买家姓名、买家电话、"
                      "商品标题、商品编码")
    code, out, _ = cli("cases", "show", case_no, "--json")
    data = json.loads(out)["case"]
    assert (data["buyer_nick"], data["sku"]) == ("TB_Buyer_1", "TS-WHITE-L")  # as typed
    # Another buyer's order (a mistyped number): nothing filled, and it says why.
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "3126112300000000001", "--kind", "refund_only", "--buyer", "小蜜蜂")
    assert code == 0
    case_no, why = out.splitlines()[:2]
    assert why == ("未从订单 3126112300000000001 补全：订单的买家 tb_buyer_1 与本案件不同"
                   "（买家昵称），请核对订单号")
    data = json.loads(cli("cases", "show", case_no, "--json")[1])["case"]
    assert (data["buyer_nick"], data["buyer_phone"], data["sku"]) == ("小蜜蜂", "", "")
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "3126112300000000001", "--kind", "refund_only", "--buyer", "小蜜蜂",
                       "--json")
    assert json.loads(out)["case"]["order_events"] == [
        {"type": "order_mismatch", "order_no": "3126112300000000001",
         "fields": ["buyer_nick"], "order_buyer": "tb_buyer_1"}]


def test_edit_says_what_a_move_to_a_known_order_did(cli, tmp_path):
    from tests.services.test_orders import ORDER_HEADER, order_row, write

    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1), order_row(2)])
    assert cli("--as", "小王", "import", str(path))[0] == 0
    code, out, _ = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                       "9999999999", "--kind", "refund_only", "--buyer", "tb_buyer_2")
    case_no = out.splitlines()[0]
    code, out, _ = cli("--as", "小王", "cases", "edit", case_no, "--order",
                       "3126112300000000001")
    assert code == 0
    assert out.splitlines()[-1] == (f"{case_no}：未从订单 3126112300000000001 补全：订单的买家 "
                                    "tb_buyer_1 与本案件不同（买家昵称），请核对订单号")
    code, out, _ = cli("--as", "小王", "cases", "edit", case_no, "--order",
                       "3126112300000000002", "--json")
    data = json.loads(out)
    assert data["order_events"][0]["type"] == "enriched"
    assert "buyer_phone" in data["changed"]


def test_add_notes_an_open_case_of_the_same_order(cli):
    args = ("--as", "小王", "cases", "add", "--platform", "taobao", "--order", "123456789",
            "--kind", "refund_only")
    code, out, _ = cli(*args)
    first = out.splitlines()[0]
    assert code == 0 and len(out.splitlines()) == 1
    code, out, _ = cli(*args)
    assert code == 0
    assert out.splitlines()[1] == f"注意：订单 123456789 已有未结案件：{first}（新建）"
    data = json.loads(cli(*args, "--json")[1])["case"]
    assert len(data["same_order_open"]) == 2 and data["same_order_open"][0] == first


def test_edit_notes_an_open_case_of_the_order_it_moves_to(cli):
    add = ("--as", "小王", "cases", "add", "--platform", "taobao", "--kind", "refund_only")
    first = cli(*add, "--order", "123456789")[1].splitlines()[0]
    other = cli(*add, "--order", "987654321")[1].splitlines()[0]
    code, out, _ = cli("--as", "小王", "cases", "edit", other, "--order", "123456789")
    assert code == 0
    assert out.splitlines()[-1] == f"{other}：注意：订单 123456789 已有未结案件：{first}（新建）"
    code, out, _ = cli("--as", "小王", "cases", "edit", other, "--buyer", "小蜜蜂", "--json")
    assert json.loads(out)["same_order_open"] == []  # not moved: nothing to note


def test_what_add_and_edit_say_about_the_order_in_english(cli, tmp_path):
    from tests.services.test_orders import ORDER_HEADER, order_row, write

    path = write(tmp_path, "orders.csv", [ORDER_HEADER, order_row(1)])
    assert cli("--as", "小王", "import", str(path))[0] == 0
    add = ("--as", "小王", "cases", "add", "--platform", "taobao", "--kind", "refund_only",
           "--order", "3126112300000000001")
    code, out, _ = cli(*add, "--buyer", "TB_Buyer_1", lang="en")
    first, filled = out.splitlines()
    assert code == 0 and filled == ("filled from order 3126112300000000001: buyer_address, "
                                    "buyer_name, buyer_phone, item_title, sku")
    code, out, _ = cli(*add, "--buyer", "小蜜蜂", lang="en")
    assert code == 0 and out.splitlines()[1:] == [
        "not filled from order 3126112300000000001: it names another buyer tb_buyer_1 "
        "(buyer_nick); check the order number",
        f"note: order 3126112300000000001 already had open case(s): {first} (New)"]


def test_show_reads_as_a_person_reads_it(cli):
    """Labels and values in the CLI's language and shop time, the timeline in the words the
    window uses (it printed `platform: taobao`, `status: in_progress`, UTC times and bare
    event types with empty text)."""
    code, out, err = cli("--as", "小王", "cases", "add", "--platform", "taobao", "--order",
                         "3712345678901", "--kind", "refund_only", "--amount", "59",
                         "--cause", "slow_delivery", "--json")
    assert code == 0, err
    case_no = json.loads(out)["case"]["case_no"]
    assert cli("--as", "小王", "cases", "status", case_no, "--to", "in_progress")[0] == 0
    _, text, _ = cli("cases", "show", case_no)
    assert "淘宝/天猫" in text and "仅退款" in text and "处理中" in text
    assert "taobao" not in text and "in_progress" not in text and "+00:00" not in text
    assert "处理经过：" in text and "新建 → 处理中" in text
    _, text, _ = cli("cases", "show", case_no, lang="en")
    assert "Taobao/Tmall" in text and "Refund only" in text and "New → In progress" in text
    assert "Timeline:" in text and "状态" not in text
