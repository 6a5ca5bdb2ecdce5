"""`shopdesk import-history`: who imported which export when and what it did, newest first
(text and --json); `import` names an earlier import of a file of the same name."""

from __future__ import annotations

import io
import json

import pytest

from shopdesk.cli import run
from tests.cli.test_import import REFUNDS


@pytest.fixture
def cli(cli_home, clock):
    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        env = {"SHOPDESK_HOME": str(cli_home), **({"SHOPDESK_LANG": lang} if lang else {})}
        code = run(list(argv), clock=clock, env=env, out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    return call


def test_an_empty_history_says_so(cli):
    assert cli("import-history") == (0, "还没有导入过平台导出的文件。\n", "")
    code, out, _ = cli("import-history", "--json")
    assert code == 0 and json.loads(out) == {"schema": 1, "count": 0, "total": 0,
                                             "imports": []}


def test_the_history_lists_imports_newest_first(cli, clock):
    assert cli("--as", "小王", "import", REFUNDS, "--skip-bad-rows")[0] == 0
    clock.advance(hours=1)
    assert cli("--as", "小李", "import", REFUNDS, "--skip-bad-rows")[0] == 0
    code, out, _ = cli("import-history")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("  小李  taobao_refund_gbk.csv  淘宝/天猫 售后单")
    assert lines[1] == "    新建 0，更新 0，未变 3，跳过 4 行"
    assert "  小王  taobao_refund_gbk.csv" in lines[2]
    assert lines[3] == "    新建 3，更新 0，未变 0，跳过 4 行；平台已完结 1"
    code, out, _ = cli("import-history", "--limit", "1", lang="en")
    assert out.splitlines()[1] == "    0 new, 0 updated, 3 unchanged, 4 row(s) skipped"
    assert out.splitlines()[2] == "(2 imports in all, the last 1 shown; see --limit)"
    data = json.loads(cli("import-history", "--json")[1])
    assert (data["count"], data["total"]) == (2, 2)
    assert [(i["actor"], i["created"], i["unchanged"]) for i in data["imports"]] == \
        [("小李", 0, 3), ("小王", 3, 0)]
    assert data["imports"][1]["resolved_by_platform"] == 1


def test_a_bad_limit_is_named(cli):
    code, _, err = cli("import-history", "--limit", "0")
    assert code != 0 and "--limit: 不能小于 1，现在是 0" in err
    code, _, err = cli("import-history", "--limit", "0", lang="en")
    assert code != 0 and "--limit: must be 1 or more, not 0" in err


def test_import_names_an_earlier_import_of_the_same_file(cli):
    code, out, _ = cli("import", REFUNDS, "--skip-bad-rows", "--dry-run")
    assert code == 0 and "同名文件" not in out
    assert cli("--as", "小王", "import", REFUNDS, "--skip-bad-rows")[0] == 0
    code, out, _ = cli("import", REFUNDS, "--skip-bad-rows", "--dry-run")
    assert code == 0
    assert out.splitlines()[-1].startswith("注意：这个文件已于 ")
    assert out.splitlines()[-1].endswith(" 由 小王 导入过。")
    data = json.loads(cli("import", REFUNDS, "--skip-bad-rows", "--dry-run", "--json")[1])
    assert data["previous_import"]["actor"] == "小王"
