"""Builders for dispute-summary layout tests: plain data, no register (no tests here)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from shopdesk.domain.case import Case
from shopdesk.domain.enums import CaseKind, CaseStatus, Cause, Outcome, Platform
from shopdesk.domain.evidence import Evidence, EvidenceCategory
from shopdesk.reports.summary_data import DisputeSummary, EvidenceEntry, TimelineEntry
from shopdesk.reports.summary_pdf import render_summaries

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def make_case(n: int = 1, **changes: object) -> Case:
    case = Case(platform=Platform.TAOBAO, order_no=f"37123456789{n:02d}",
                kind=CaseKind.RETURN_REFUND, shop="某某小店", buyer_nick=f"小蜜蜂{n}",
                buyer_name="张**", buyer_phone="138****5678", buyer_address="浙江省杭州市****",
                item_title="蓝牙耳机 Pro 降噪版", sku="BT-PRO-W", amount_paid=Decimal("299.00"),
                amount_claimed=Decimal("299.00"), cause=Cause.NOT_AS_DESCRIBED,
                id=n, case_no=f"SD-20261120-{n:04d}", status=CaseStatus.RESOLVED,
                outcome=Outcome.FULL_REFUND, amount_settled=Decimal("299.00"),
                created_at=T0, created_by="小王")
    return replace(case, **changes)


def notes(count: int, text: str = "跟进记录") -> tuple[TimelineEntry, ...]:
    """`count` notes a minute apart, each with a unique marker 'MARK0001' ..."""
    return tuple(TimelineEntry(T0 + timedelta(minutes=i), "小王", "note",
                               f"MARK{i:04d} {text}") for i in range(count))


def file_evidence(n: int, *, filename: str, mime: str = "image/jpeg",
                  category: EvidenceCategory = EvidenceCategory.ITEM_PHOTO,
                  caption: str = "") -> Evidence:
    return Evidence(id=n, case_id=1, kind="file", category=category, caption=caption,
                    filename=filename, sha256=f"{n:064d}", mime=mime, size=1234,
                    carrier=None, waybill_no=None, added_at=T0, added_by="小王",
                    removed_at=None, removed_by=None)


def entry(n: int, path: Path | None, **kw: object) -> EvidenceEntry:
    ev = file_evidence(n, **kw)  # type: ignore[arg-type]
    return EvidenceEntry(n, ev, path, bool(path is not None and path.is_file()))


def summary(case: Case | None = None, **changes: object) -> DisputeSummary:
    base = DisputeSummary(case=case or make_case(), shop_name="某某小店", tz="Asia/Shanghai",
                          generated_at=NOW, generated_by="小王",
                          facts="买家称耳机左耳无声，与描述不符。")
    return replace(base, **changes)


def render(summaries: list[DisputeSummary], **kw: object) -> tuple[bytes, list[str]]:
    """The PDF bytes and each page's extracted text."""
    out = io.BytesIO()
    render_summaries(summaries, out, **kw)  # type: ignore[arg-type]
    data = out.getvalue()
    return data, [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
