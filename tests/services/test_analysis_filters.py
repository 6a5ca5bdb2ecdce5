"""The complaint analysis filtered to one platform and/or one product ("which causes drive
my AliExpress complaints?"): the same figures as a plain count of those cases in both
periods, drill-downs that list exactly them, the filter in the export."""

from __future__ import annotations

import csv
from datetime import timedelta
from decimal import Decimal

import pytest

from shopdesk.domain.analysis import AnalysisFilter, Dimension, Group, pareto
from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import to_utc_iso
from shopdesk.domain.enums import Cause
from shopdesk.domain.money import from_fen

from .test_analysis_drill import fill

FILTERS = [AnalysisFilter(platform="aliexpress"), AnalysisFilter(product="CUP-1"),
           AnalysisFilter(product="保温杯"),  # a title: the cases with no SKU
           AnalysisFilter(platform="taobao", product="CUP-1")]


def reference(register, by, start, end, only):
    """The filtered table as a plain GROUP BY over the cases, filter written out."""
    key = {Dimension.CAUSE: "coalesce(cause, '')", Dimension.CAUSE_GROUP: "coalesce(cause, '')",
           Dimension.KIND: "kind", Dimension.PLATFORM: "platform",
           Dimension.SKU: "CASE WHEN sku != '' THEN sku ELSE item_title END",
           Dimension.PROVINCE: "province", Dimension.STAFF: "assignee",
           Dimension.OUTCOME: "coalesce(outcome, '')"}[by]
    product = "CASE WHEN sku != '' THEN sku ELSE item_title END"

    def groups(a, b):
        rows = register.db.execute(
            f"SELECT {key}, count(*), coalesce(sum(amount_settled_fen), 0) FROM cases "
            "WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ? "
            f"AND (? = '' OR platform = ?) AND (? = '' OR {product} = ?) GROUP BY 1",
            [to_utc_iso(a), to_utc_iso(b), only.platform, only.platform, only.product,
             only.product]).fetchall()
        out = []
        for k, n, fen in rows:
            k = k or ""
            if by is Dimension.CAUSE_GROUP:
                k = Cause(k).side.value if k else "other"
            out.append(Group(k, n, from_fen(fen) or Decimal(0)))
        return out

    return pareto(by, start, end, groups(start, end),
                  groups(*register.analysis.previous_bounds(start, end)))


def figures(result):
    return [(r.key, r.count, r.share, r.cumulative, r.amount, r.previous) for r in result.rows]


@pytest.mark.parametrize("only", FILTERS, ids=lambda f: f"{f.platform}-{f.product}")
@pytest.mark.parametrize("by", [Dimension.CAUSE, Dimension.CAUSE_GROUP, Dimension.SKU,
                                Dimension.PLATFORM, Dimension.PROVINCE])
def test_filtered_pareto_counts_only_those_cases_in_both_periods(register, clock, by, only):
    start, end = fill(register, clock, n=120)
    got = register.analysis.pareto(by, start, end, filter=only)
    want = reference(register, by, start, end, only)
    assert figures(got) == figures(want)
    assert 0 < got.total < register.analysis.pareto(by, start, end).total
    assert got.filter == only


def add(register, at, platform, cause, n=1):
    for _ in range(n):
        register.cases.open_case(draft_from_fields({
            "platform": platform, "order_no": "T100001", "kind": "refund_only",
            "cause": cause, "sku": "CUP-1"}), "小王", at=at)


def test_the_change_compares_the_same_platform(register):
    start, end = register.analysis.month(2026, 11)
    add(register, start + timedelta(days=2), "aliexpress", "item_defective", 3)
    add(register, start + timedelta(days=2), "taobao", "item_defective", 5)
    add(register, start - timedelta(days=20), "aliexpress", "item_defective", 1)
    add(register, start - timedelta(days=20), "taobao", "item_defective", 4)
    only = AnalysisFilter(platform="aliexpress")
    [row] = register.analysis.pareto(Dimension.CAUSE, start, end, filter=only).rows
    assert (row.count, row.previous, row.change) == (3, 1, 2)
    [row] = register.analysis.pareto(Dimension.CAUSE, start, end).rows
    assert (row.count, row.previous) == (8, 5)


def test_unfiltered_pareto_is_unchanged(register, clock):
    start, end = fill(register, clock, n=120)
    assert figures(register.analysis.pareto(Dimension.CAUSE, start, end)) == figures(
        reference(register, Dimension.CAUSE, start, end, AnalysisFilter()))


@pytest.mark.parametrize("only", FILTERS, ids=lambda f: f"{f.platform}-{f.product}")
def test_a_filtered_drill_down_lists_exactly_the_cases_its_row_counts(register, clock, only):
    start, end = fill(register, clock, n=120)
    result = register.analysis.pareto(Dimension.CAUSE, start, end, filter=only)
    listed = set()
    for row in result.rows:
        group = register.analysis.drill_down(Dimension.CAUSE, row.key, start, end,
                                             filter=only)
        assert (group.platform, group.product) == (only.platform, only.product)
        ids = register.cases.query_ids(CaseQuery(group=group))
        assert len(ids) == row.count, row.key
        listed |= set(ids)
    assert len(listed) == result.total


def test_drill_down_label_names_the_filter(register):
    start, end = register.analysis.month(2026, 11)
    only = AnalysisFilter(platform="aliexpress", product="CUP-1")
    group = register.analysis.drill_down(Dimension.CAUSE, "item_defective", start, end,
                                         "en", filter=only)
    assert group.label == "Cause: Item defective · AliExpress · CUP-1"
    plain = register.analysis.drill_down(Dimension.CAUSE, "item_defective", start, end)
    assert plain != group  # the list runs the filter too, not only says it


def test_products_are_those_of_the_period_by_name(register, clock):
    start, end = fill(register, clock, n=120)
    assert register.analysis.products(start, end) == ["BED-2", "CUP-1", "保温杯", "四件套"]
    assert register.analysis.products(end + timedelta(days=400),
                                      end + timedelta(days=401)) == []


@pytest.mark.parametrize("lang, line", [("zh", "仅统计：平台：速卖通"),
                                        ("en", "Only: Platform: AliExpress")])
def test_the_exported_table_says_its_filter(register, clock, tmp_path, lang, line):
    start, end = fill(register, clock, n=120)
    only = AnalysisFilter(platform="aliexpress")
    result = register.analysis.pareto(Dimension.CAUSE, start, end, lang, filter=only)
    path = register.analysis.export_table(result, tmp_path / "t.csv", lang)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows[-1] == [line]
    assert int(rows[-3][1]) == result.total
    plain = register.analysis.pareto(Dimension.CAUSE, start, end, lang)
    rows = list(csv.reader(register.analysis.export_table(
        plain, tmp_path / "u.csv", lang).open(encoding="utf-8-sig")))
    assert not rows[-1][0].startswith(line[:3])
