"""Order rows -> OrderRecord: the buyer, phone, address, item and waybill of an order.

Orders are not cases: a later step uses them to find and enrich the case an order
belongs to. They are checked by the domain's rules for what they share with a case
(order number, phone, amount); free text is kept whole (the enrichment step decides
what fits into a case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from shopdesk.domain.case import CaseDraft, validate_draft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.masking import is_valid_phone, normalise_phone

from .cells import Cell
from .errors import RowError
from .rows import BoundMapping

_CHECKED = ("order_no", "buyer_phone", "amount_paid")


@dataclass
class OrderRecord:
    """One order from a platform's order export."""

    row_number: int
    platform: Platform
    order_no: str
    shop: str = ""
    buyer_nick: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""  # a callable number, normalised; "" when absent or masked
    buyer_phone_masked: str = ""  # what the platform showed when it masked the number
    buyer_address: str = ""
    item_title: str = ""
    sku: str = ""
    amount_paid: Decimal | None = None
    order_status: str = ""
    buyer_message: str = ""
    note: str = ""
    waybill_no: str = ""
    courier: str = ""
    created_at: datetime | None = None
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    confirmed_at: datetime | None = None
    raw: dict[str, str] = field(default_factory=dict)
    # The parser's hash of the row (its cells and what read them), when asked for.
    row_hash: str = field(default="", compare=False, repr=False)


def convert_order_row(number: int, cells: Sequence[Cell],
                      bound: BoundMapping) -> tuple[OrderRecord | None, list[RowError]]:
    """One data row -> (record, []) or (None, every problem found in the row)."""
    values, errors = bound.read(number, cells)
    failed = {e.field for e in errors}
    order_no = str(values.get("order_no") or "")
    phone = str(values.get("buyer_phone") or "")
    amount = values.get("amount_paid")
    probe = CaseDraft(platform=bound.mapping.platform, order_no=order_no,
                      kind=CaseKind.REFUND_ONLY, buyer_phone=phone,
                      amount_paid=amount)  # type: ignore[arg-type]
    for problem in validate_draft(probe):
        if problem.field in _CHECKED and problem.field not in failed:
            shown = {"order_no": order_no, "buyer_phone": phone}.get(problem.field, str(amount))
            errors.append(RowError(number, bound.header_for(problem.field), problem.field,
                                   problem.zh, problem.en, shown))
    if errors:
        return None, errors

    def text(name: str) -> str:
        return str(values.get(name) or "")

    record = OrderRecord(
        row_number=number, platform=bound.mapping.platform, order_no=order_no.strip(),
        shop=text("shop"), buyer_nick=text("buyer_nick"), buyer_name=text("buyer_name"),
        buyer_phone=normalise_phone(phone) if phone and is_valid_phone(phone) else "",
        buyer_phone_masked=text("buyer_phone_masked"), buyer_address=text("buyer_address"),
        item_title=text("item_title"), sku=text("sku"),
        amount_paid=amount,  # type: ignore[arg-type]
        order_status=text("order_status"), buyer_message=text("buyer_message"),
        note=text("note"), waybill_no=text("waybill_no"), courier=text("courier"),
        created_at=values.get("created_at"),  # type: ignore[arg-type]
        paid_at=values.get("paid_at"),  # type: ignore[arg-type]
        shipped_at=values.get("shipped_at"),  # type: ignore[arg-type]
        confirmed_at=values.get("confirmed_at"),  # type: ignore[arg-type]
        raw=bound.raw(cells),
    )
    return record, []
