"""The command line's own sentences follow the language: Chinese by default, English with
SHOPDESK_LANG=en. One test per command group not covered in its own file."""

from __future__ import annotations

import io

import pytest

from shopdesk.cli import run
from shopdesk.domain.text import pick
from tests.cli.test_import import REFUNDS


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    assert call("staff", "add", "小王")[0] == 0
    return call


@pytest.mark.parametrize("lang", [None, "en"])
def test_improvement_plans(cli, lang):
    code, out, err = cli("plans", "add", "--by", "cause", "--category", "slow_delivery",
                         "--cause", "爆仓", "--plan", "换快递", lang=lang)
    assert (code, out) == (0, pick(lang, "已添加改进计划 #1：送货慢（slow_delivery）\n",
                                   "plan #1 added: Slow delivery (slow_delivery)\n")), err
    code, out, err = cli("plans", "update", "1", "--status", "doing", lang=lang)
    assert (code, out) == (0, pick(lang, "已更新改进计划 #1\n", "plan #1 updated\n")), err
    code, out, _ = cli("plans", "list", lang=lang)
    assert out.endswith(pick(lang, "\n共 1 个改进计划\n", "\n1 plan(s)\n"))
    code, _, err = cli("plans", "add", "--by", "cause", "--category", "slow_delivery",
                       "--cause", "c", "--plan", "p", "--due", "明年", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --due: 不是日期（YYYY-MM-DD）：明年\n",
                                   "shopdesk: --due: not a date (YYYY-MM-DD): 明年\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_analysis_and_report_refusals(cli, tmp_path, lang):
    code, _, err = cli("analysis", "pareto", "--by", "kind", "--from", "2026-11-20", "--to",
                       "2026-11-01", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --to: 早于 --from\n",
                                   "shopdesk: --to: is before --from\n"))
    code, _, err = cli("report", "monthly", "--month", "2026-11", "-o",
                       str(tmp_path / "r.txt"), lang=lang)
    txt = tmp_path / "r.txt"
    assert (code, err) == (1, pick(lang, f"shopdesk: -o: 月报必须是 .pdf 文件：{txt}\n",
                                   f"shopdesk: -o: the report is a .pdf file: {txt}\n"))
    code, _, err = cli("report", "monthly", "--month", "2026-13", "-o", "r.pdf", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --month: 不是月份（YYYY-MM）：2026-13\n",
                                   "shopdesk: --month: not a month (YYYY-MM): 2026-13\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_demo_adds_cases_and_names_the_register(cli, cli_home, lang):
    code, out, err = cli("demo", "--cases", "2", "--seed", "1", lang=lang)
    where = cli_home / "shopdesk.sqlite3"
    assert (code, out) == (0, pick(lang, f"已向 {where} 添加 2 个演示案件\n",
                                   f"added 2 demo cases to {where}\n")), err
    code, _, err = cli("demo", "--cases", "0", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --cases 必须在 1 到 1000000 之间\n",
                                   "shopdesk: --cases must be between 1 and 1000000\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_reminder_settings_and_refusals(cli, lang):
    code, out, _ = cli("reminders", "settings", lang=lang)
    assert code == 0 and out.splitlines()[0] == pick(lang, "平台期限：提前 120 分钟",
                                                     "Platform deadline: 120 min")
    code, _, err = cli("reminders", "due", "--within", "soon", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --within: 应为时长，例如 2h、90m 或 1d，"
                                         "而不是 'soon'\n",
                                   "shopdesk: --within: expected a duration like 2h, 90m or "
                                   "1d, got 'soon'\n"))
    code, _, err = cli("reminders", "settings", "--quiet", "22:00", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --quiet: 应为 HH:MM-HH:MM，而不是 '22:00'\n",
                                   "shopdesk: --quiet: expected HH:MM-HH:MM, got '22:00'\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_import_refusals_and_the_saved_rows(cli, tmp_path, lang):
    code, _, err = cli("import", REFUNDS, "--preset", "taobao_refund", "--profile", "x",
                       lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --preset 和 --profile 不能一起用\n",
                                   "shopdesk: --preset and --profile cannot be used together\n"))
    saved = tmp_path / "skipped.csv"
    code, out, _ = cli("import", REFUNDS, "--skip-bad-rows", "--dry-run", "--save-skipped",
                       str(saved), lang=lang)
    assert code == 0 and out.endswith(pick(lang, f"未导入的 4 行已保存到 {saved}\n",
                                           f"{saved}: 4\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_policy_refusals(cli, lang):
    code, _, err = cli("policy", "set", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: policy set: 请给出 --preset NAME 或 "
                                         "KEY=VALUE，二者选一\n",
                                   "shopdesk: policy set: give either --preset NAME or "
                                   "KEY=VALUE pairs\n"))
    code, _, err = cli("policy", "holidays", "--year", "2027", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --year 和 --holidays 要一起给"
                                         "（--makeup 可选）\n",
                                   "shopdesk: --year and --holidays go together (--makeup is "
                                   "optional)\n"))
    code, _, err = cli("policy", "holidays", "--clear", "2031", lang=lang)
    assert (code, err) == (1, pick(lang, "shopdesk: --clear: 2031 年没有录入过节假日\n",
                                   "shopdesk: --clear: nothing was entered for 2031\n"))


@pytest.mark.parametrize("lang", [None, "en"])
def test_acting_as_someone_with_a_pin_names_whose_pin(cli, lang):
    assert cli("staff", "add", "小李")[0] == 0
    assert cli("staff", "pin", "--staff", "小李", "--set", "2468")[0] == 0
    code, _, err = cli("--as", "小李", "cases", "list", lang=lang)
    assert code == 1 and err.endswith(pick(lang, "（--as 小李 需要 小李 的 PIN 码）\n",
                                           " (--as 小李 needs 小李's PIN)\n"))
