"""Export the case list to CSV (UTF-8 with BOM) or .xlsx, for a spreadsheet.

Contact fields are masked unless the caller asks for them in full (that export is
audited). Every text cell that a spreadsheet could run as a formula (it starts with
= + - @, a tab or a carriage return) is prefixed with a single quote.
"""

from __future__ import annotations

import contextlib
import csv
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.analysis import province_of
from ..domain.case import Case
from ..domain.case_query import CaseQuery
from ..domain.files import temp_beside
from ..domain.masking import mask_address, mask_name, mask_phone
from ..domain.text import is_english, pick
from ..storage.audit import AuditStore
from .actor import require_actor
from .cases import CaseService
from .serialize import free_text_masker

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
CHUNK = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# key, Chinese header, English header. Order = column order.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("case_no", "案件编号", "Case no."),
    ("platform", "平台", "Platform"),
    ("shop", "店铺", "Shop"),
    ("order_no", "订单号", "Order no."),
    ("refund_no", "售后单号", "Refund no."),
    ("kind", "售后类型", "Kind"),
    ("status", "状态", "Status"),
    ("platform_status", "平台售后状态", "Platform status"),
    ("cause", "原因", "Cause"),
    ("buyer_nick", "买家昵称", "Buyer nickname"),
    ("buyer_name", "买家姓名", "Buyer name"),
    ("buyer_phone", "买家电话", "Buyer phone"),
    ("buyer_address", "收货地址", "Address"),
    ("item_title", "商品", "Item"),
    ("sku", "商品编码", "SKU"),
    ("amount_paid", "实付金额", "Amount paid"),
    ("amount_claimed", "申请金额", "Amount claimed"),
    ("amount_settled", "结案金额", "Amount settled"),
    ("outcome", "处理结果", "Outcome"),
    ("customer_type", "客户类型", "Customer type"),
    ("priority", "优先级", "Priority"),
    ("due_at", "截止时间", "Due"),
    ("assignee", "负责人", "Assignee"),
    ("created_at", "创建时间", "Created"),
    ("created_by", "创建人", "Created by"),
    ("last_activity_at", "最近动态", "Last activity"),
    ("description", "问题描述", "Description"),
    # Added after the first version, at the end so a spreadsheet built on the columns
    # above keeps working: what an owner's month-end review reads (refund speed from the
    # request, where complaints come from, which cases are major and whose).
    ("applied_at", "申请时间", "Requested"),
    ("resolved_at", "结案时间", "Resolved"),
    ("province", "省份", "Province"),
    ("major_owner", "重大投诉负责人", "Major complaint owner"),
)
_MONEY = {"amount_paid", "amount_claimed", "amount_settled"}
_TIMES = {"due_at", "created_at", "last_activity_at", "applied_at", "resolved_at"}
_ENUMS = {"platform", "kind", "status", "cause", "outcome", "customer_type", "priority"}
# Excel shows a long digit string as 3.12611E+18 and drops a phone's leading 0; a trailing
# tab keeps such a CSV cell text (the platforms' own exports do the same).
_IDENTIFIERS = {"order_no", "refund_no", "buyer_phone", "sku"}
_WIDTHS = {"case_no": 18, "order_no": 22, "refund_no": 22, "item_title": 30, "buyer_address": 30,
           "description": 40, "platform_status": 24, "due_at": 17, "created_at": 17,
           "last_activity_at": 17, "applied_at": 17, "resolved_at": 17}


class ExportCancelled(Exception):
    """`cancelled()` asked to stop; no file was left behind."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    full_contact: bool


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would treat as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


# Typed text that may quote a phone number, a name or an address.
_FREE_TEXT = frozenset({"description", "platform_status"})


def headers(lang: str = "zh") -> list[str]:
    return [pick(lang, z, e) for _, z, e in COLUMNS]


def case_values(case: Case, *, lang: str, tz: str, full_contact: bool) -> list[Any]:
    """One row of typed values: str, Decimal (yuan), naive shop-local datetime or None."""
    zone = ZoneInfo(tz)
    mask = free_text_masker(case, full_contact=full_contact)
    out: list[Any] = []
    for key, _, _ in COLUMNS:
        value: Any
        if key == "province":  # not kept on a Case: from the address, as the analysis does
            value = province_of(case.buyer_address)
        elif key == "applied_at":  # as refund speed counts: a typed case from its creation
            value = case.applied_at or case.created_at
        else:
            value = getattr(case, key)
        if key in _ENUMS:
            value = value.label(lang) if value is not None else ""
        elif key in _TIMES:
            value = value.astimezone(zone).replace(tzinfo=None) if value else None
        elif key == "buyer_phone" and not full_contact:
            value = mask_phone(value)
        elif key == "buyer_name" and not full_contact:
            value = mask_name(value)
        elif key == "buyer_address" and not full_contact:
            value = mask_address(value)
        elif key in _FREE_TEXT:
            value = mask(value or "")
        out.append(value)
    return out


def _text(value: Any, key: str = "") -> str:
    if value is None:
        return ""
    if key in _IDENTIFIERS and isinstance(value, str) and value.isdigit() and (
            len(value) > 11 or value.startswith("0")):
        return value + "\t"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return neutralise(str(value))


def _rows(service: CaseService, ids: list[int], check: Callable[[], None],
          progress: ProgressFn) -> Iterator[Case]:
    total = len(ids)
    progress(0, total)
    for start in range(0, total, CHUNK):
        check()
        chunk = ids[start:start + CHUNK]
        cases = service.fetch(chunk)
        for case_id in chunk:
            yield cases[case_id]
        progress(start + len(chunk), total)


def export_cases(service: CaseService, query: CaseQuery, path: str | Path, *,
                 lang: str = "zh", full_contact: bool = False, actor: str = "",
                 progress: ProgressFn | None = None,
                 cancelled: CancelledFn | None = None) -> ExportResult:
    """Write the cases matching `query` (in its order) to .csv or .xlsx at `path`.

    The file is written beside the target and moved into place at the end, so a cancel
    or a failure never leaves half a file. A full-contact export needs `actor` and is
    audited (action export_full_contact).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"export to .csv or .xlsx, not {target.suffix or 'no extension'}")
    if full_contact:
        actor = require_actor(actor)
    stop = cancelled or (lambda: False)

    def check() -> None:
        if stop():
            raise ExportCancelled()

    ids = service.query_ids(query)
    rows = (case_values(c, lang=lang, tz=service.shop_tz, full_contact=full_contact)
            for c in _rows(service, ids, check, progress or (lambda d, t: None)))
    partial = temp_beside(target)  # unique and 0600: never a shared "<target>.part"
    try:
        if suffix == ".csv":
            _write_csv(partial, headers(lang), rows)
        else:
            _write_xlsx(partial, headers(lang), rows, lang)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    if full_contact:
        now = service.clock.now()
        with service.db.atomic():
            AuditStore(service.db).record(now, actor, "export", None, "export_full_contact",
                                          None, None, f"{len(ids)} → {target.name}")
    return ExportResult(target, len(ids), full_contact)


def _write_csv(path: Path, head: list[str], rows: Iterator[list[Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(head)
        for values in rows:
            writer.writerow([_text(v, key) for v, (key, _, _) in zip(values, COLUMNS,
                                                                      strict=True)])


def _write_xlsx(path: Path, head: list[str], rows: Iterator[list[Any]], lang: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Cases" if is_english(lang) else "售后登记")
    sheet.freeze_panes = "A2"
    for i, (key, _, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(key, 12)
    bold = Font(bold=True)
    title_cells = []
    for text in head:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        title_cells.append(cell)
    sheet.append(title_cells)
    try:
        for values in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in values])
    except BaseException:
        # Finish the worksheet's stream, or openpyxl complains when it is collected.
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    workbook.save(path)


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "0.00"
    elif isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
    else:
        # Control characters make openpyxl refuse the whole file; drop them. A plain
        # string starting with "=" would be stored as a formula: neutralise.
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value)) if value else ""
        cell = WriteOnlyCell(sheet, value=neutralise(text) if text else None)
    return cell
