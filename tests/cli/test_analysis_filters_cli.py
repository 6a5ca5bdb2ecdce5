"""`shopdesk analysis pareto --platform P --sku SKU`: one platform's or product's causes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from shopdesk.cli import run


@pytest.fixture
def cli(cli_home, clock):
    env = {"SHOPDESK_HOME": str(cli_home)}

    def call(*argv, lang=None):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", *argv], clock=clock,
                   env={**env, **({"SHOPDESK_LANG": lang} if lang else {})}, out=out, err=err)
        return code, out.getvalue(), err.getvalue()
    return call


@pytest.fixture
def cases(cli):
    for platform, cause, sku, n in (("aliexpress", "slow_delivery", "CUP-1", 3),
                                    ("aliexpress", "item_defective", "BED-2", 1),
                                    ("taobao", "item_defective", "CUP-1", 4)):
        for _ in range(n):
            code, _, err = cli("cases", "add", "--platform", platform, "--order", "T100001",
                               "--kind", "refund_only", "--cause", cause, "--sku", sku)
            assert code == 0, err


def rows(out):
    data = json.loads(out)
    return data, [(r["key"], r["count"]) for r in data["rows"]]


def test_platform_filter_json(cli, cases):
    code, out, err = cli("analysis", "pareto", "--by", "cause", "--platform", "aliexpress",
                         "--json")
    assert code == 0, err
    data, got = rows(out)
    assert got == [("slow_delivery", 3), ("item_defective", 1)]
    assert (data["total"], data["platform"], data["sku"]) == (4, "aliexpress", None)


def test_platform_label_and_sku_together(cli, cases):
    code, out, err = cli("analysis", "pareto", "--by", "cause", "--platform", "速卖通",
                         "--sku", "CUP-1", "--json")
    assert code == 0, err
    data, got = rows(out)
    assert got == [("slow_delivery", 3)]
    assert (data["platform"], data["sku"]) == ("aliexpress", "CUP-1")


def test_unfiltered_json_says_no_filter(cli, cases):
    code, out, _ = cli("analysis", "pareto", "--by", "cause", "--json")
    data, got = rows(out)
    assert got == [("item_defective", 5), ("slow_delivery", 3)]
    assert (data["platform"], data["sku"]) == (None, None)


def test_text_output_names_the_filter(cli, cases):
    code, out, _ = cli("analysis", "pareto", "--by", "cause", "--sku", "BED-2", lang="en")
    assert code == 0
    assert "filter: Item / SKU: BED-2" in out
    assert "total 1" in out.splitlines()[0]


def test_unknown_platform_is_refused_naming_the_option(cli, cases):
    code, _, err = cli("analysis", "pareto", "--by", "cause", "--platform", "ebay", lang="en")
    assert code == 1
    assert err.startswith("shopdesk: --platform: unknown platform: ebay")


def test_exported_table_is_the_filtered_one(cli, cases, tmp_path):
    path = tmp_path / "ali.csv"
    code, _, err = cli("analysis", "pareto", "--by", "cause", "--platform", "aliexpress",
                       "-o", str(path), lang="en")
    assert code == 0, err
    table = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert [r[:2] for r in table[1:3]] == [["Slow delivery", "3"], ["Item defective", "1"]]
    assert table[-1] == ["Only: Platform: AliExpress"]
