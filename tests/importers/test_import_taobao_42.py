"""The real 42-column Taobao refund export: every state, every column a seller needs."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.enums import CaseKind, CaseStatus, CauseSide, Outcome
from shopdesk.domain.platform_state import Intervention, PlatformStage
from shopdesk.importers import parse_bytes

from .helpers import config, csv_bytes, taobao42_rows, xlsx_bytes

SH = ZoneInfo("Asia/Shanghai")
S = PlatformStage


def export(kind: str) -> bytes:
    rows = taobao42_rows()
    if kind == "gbk":
        return csv_bytes(rows, "gbk", before=("退款管理导出 2026-11-10",))
    # In a workbook the long numbers are text cells, not the CSV's ="..." guard.
    plain = [[c[2:-1] if isinstance(c, str) and c.startswith('="') else c for c in row]
             for row in rows]
    return xlsx_bytes(plain, title="退款明细")


@pytest.fixture(params=["gbk", "xlsx"])
def result(request):
    parsed = parse_bytes(export(request.param), config())
    assert parsed.ok, parsed.file_error
    assert parsed.errors == []
    return parsed


def test_the_42_column_layout_is_the_taobao_refund_export(result):
    assert result.preset == "taobao_refund"
    assert len(result.headers) == 42 and len(result.records) == 10
    assert result.missing_columns == []
    columns = result.mapping.columns
    assert (columns["evidence_due_at"], columns["return_shipped_at"]) == (
        "举证超时", "买家退货时间")
    assert (columns["finished_at"], columns["completed_at"]) == ("退款完结时间", "完结时间")
    assert (columns["responsible_party"], columns["sale_phase"], columns["reason_tag"]) == (
        "责任方", "售中或售后", "退款原因标签")
    assert (columns["return_waybill"], columns["return_courier"]) == (
        "退货物流单号", "退货物流公司")


def test_every_taobao_state_means_a_status_and_outcome(result):
    got = [(r.state.stage, r.state.status, r.state.outcome) for r in result.records]
    assert got == [
        (S.AWAITING_SELLER, CaseStatus.NEW, None),
        (S.AWAITING_RETURN, CaseStatus.WAITING_BUYER, None),
        (S.RETURN_TO_CHECK, CaseStatus.IN_PROGRESS, None),
        (S.SELLER_REFUSED, CaseStatus.WAITING_BUYER, None),
        (S.REFUNDED, CaseStatus.RESOLVED, Outcome.FULL_REFUND),
        (S.REFUNDED, CaseStatus.RESOLVED, Outcome.PARTIAL_REFUND),
        (S.CLOSED, CaseStatus.CLOSED, Outcome.BUYER_WITHDREW),
        (S.PLATFORM_INTERVENTION, CaseStatus.WAITING_PLATFORM, None),
        (S.PLATFORM_INTERVENTION, CaseStatus.WAITING_PLATFORM, None),
        (S.REFUNDED, CaseStatus.RESOLVED, Outcome.FULL_REFUND),
    ]
    involved = [r.state.platform_involved for r in result.records]
    assert involved == [False] * 7 + [True, True, True]
    assert result.records[8].state.intervention is Intervention.REQUESTED
    assert result.records[9].state.intervention is Intervention.FINISHED


def test_settled_amounts_and_when_the_refund_ended(result):
    full, partial, closed = result.records[4], result.records[5], result.records[6]
    assert full.state.amount_settled == Decimal("100.00")
    assert partial.state.amount_settled == Decimal("35.50")  # 买家退款金额, 部分退款
    assert closed.state.amount_settled is None
    assert full.ended_at == datetime(2026, 11, 3, 12, 0, tzinfo=SH)  # 退款完结时间
    assert partial.finished_at is None
    assert partial.ended_at == datetime(2026, 11, 6, 8, 30, tzinfo=SH)  # 完结时间
    assert closed.ended_at == datetime(2026, 11, 7, 20, 0, tzinfo=SH)


def test_the_columns_a_seller_needs_are_read(result):
    records = result.records
    returned = records[2]
    assert returned.kind is CaseKind.RETURN_REFUND
    assert returned.extra["return_waybill"] == "YT1234567890123"
    assert returned.extra["return_courier"] == "圆通速递"
    assert returned.return_shipped_at == datetime(2026, 11, 5, 18, 20, tzinfo=SH)
    disputed = records[7]
    assert disputed.evidence_due_at == datetime(2026, 11, 9, 9, 0, tzinfo=SH)  # 举证超时
    assert disputed.due_at == datetime(2026, 11, 4, 9, 0, tzinfo=SH)  # 超时时间, beside it
    assert disputed.extra["sale_phase"] == "售中"
    assert records[4].extra["reason_tag"] == "质量问题"
    assert records[0].applied_at == datetime(2026, 11, 2, 9, 0, tzinfo=SH)


def test_the_responsible_party_is_a_hint_beside_the_cause(result):
    refused, partial = result.records[3], result.records[5]
    assert refused.state.cause_side is CauseSide.BUYER
    assert refused.extra["responsible_party"] == "买家"
    assert partial.state.cause_side is CauseSide.SELLER
    assert result.records[0].state.cause_side is None  # empty cell: no hint
    assert partial.cause is not None  # the cause still comes from the buyer's reason


def test_an_unknown_wording_is_kept_and_flagged():
    rows = taobao42_rows([{"退款状态": "退款成功（极速退款）"}])
    (record,) = parse_bytes(csv_bytes(rows, "gbk"), config()).records
    assert record.platform_status == "退款成功（极速退款）"
    assert record.unknown_status and record.state.status is None


def test_wordings_match_loosely():
    rows = taobao42_rows([{"退款状态": " 买家已经申请退款,等待卖家同意 ",
                           "客服介入状态": "客服介入中 "}])
    (record,) = parse_bytes(csv_bytes(rows, "gbk"), config()).records
    assert record.state.stage is S.PLATFORM_INTERVENTION
