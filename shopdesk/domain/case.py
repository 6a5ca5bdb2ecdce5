"""The after-sales case: the record at the heart of the register."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from .enums import CaseKind, CaseStatus, Cause, CustomerType, Outcome, Platform, Priority
from .errors import FieldError, ValidationError
from .masking import is_valid_phone, normalise_phone
from .money import MoneyError, format_yuan, parse_yuan
from .platform_state import PlatformStage, describe_platform_state

_ORDER_NO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{2,63}$")
MAX_TEXT = {"buyer_nick": 64, "buyer_name": 64, "item_title": 200, "sku": 64, "shop": 64,
            "description": 5000, "refund_no": 64, "assignee": 64}


@dataclass
class CaseDraft:
    """What a person (or an importer) provides to open a case."""

    platform: Platform
    order_no: str
    kind: CaseKind
    shop: str = ""
    refund_no: str = ""
    buyer_nick: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    item_title: str = ""
    sku: str = ""
    amount_paid: Decimal | None = None
    amount_claimed: Decimal | None = None
    cause: Cause | None = None
    customer_type: CustomerType = CustomerType.UNKNOWN
    priority: Priority = Priority.NORMAL
    due_at: datetime | None = None
    description: str = ""
    assignee: str = ""
    # When the buyer asked on the platform: the platform's clock starts then (a refund's
    # auto-approval counts from it). An import takes it from the export; a case typed by
    # hand has it when the seller says it (None: unknown, rules count from the logging).
    applied_at: datetime | None = None


@dataclass
class Case(CaseDraft):
    """A case as stored, with its identity, status and bookkeeping."""

    id: int = 0
    case_no: str = ""
    status: CaseStatus = CaseStatus.NEW
    outcome: Outcome | None = None
    amount_settled: Decimal | None = None
    # When it was resolved or closed (None while open); from the platform when it ended there.
    resolved_at: datetime | None = None
    # The platform's own state, as its export said it (set by imports only).
    platform_status: str = ""  # the platform's words, e.g. 退款成功
    intervention_status: str = ""  # e.g. 客服介入中
    platform_stage: PlatformStage | None = None  # what those words mean
    platform_involved: bool = False  # the platform's customer service was called in
    created_at: datetime | None = None
    created_by: str = ""
    updated_at: datetime | None = None
    last_activity_at: datetime | None = None
    deleted_at: datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)
    # A major complaint (重大投诉) names its owner ('' when the case is not major).
    major_owner: str = ""

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def is_major(self) -> bool:
        return bool(self.major_owner)

    def is_overdue(self, now: datetime) -> bool:
        """Open and past its due time."""
        return self.is_open and self.due_at is not None and self.due_at < now

    def platform_summary(self, lang: str = "zh") -> str:
        """The platform's state in a line ('' for a case no export has touched)."""
        return describe_platform_state(self.platform_status, self.platform_stage,
                                       self.intervention_status, lang)

    def with_changes(self, **changes: object) -> Case:
        return replace(self, **changes)


# Fields a user may edit after creation (status has its own workflow).
EDITABLE_FIELDS = (
    "platform", "shop", "order_no", "refund_no", "buyer_nick", "buyer_name", "buyer_phone",
    "buyer_address", "item_title", "sku", "amount_paid", "amount_claimed", "kind", "cause",
    "customer_type", "priority", "due_at", "description", "assignee", "applied_at",
)


def _err(field_name: str, zh: str, en: str) -> FieldError:
    return FieldError(field_name, zh, en)


def validate_draft(draft: CaseDraft) -> list[FieldError]:
    """Every rule a case must satisfy; an empty list means it is valid."""
    errors: list[FieldError] = []
    order = draft.order_no.strip()
    if not order:
        errors.append(_err("order_no", "订单号不能为空", "Order number is required"))
    elif not _ORDER_NO.match(order):
        errors.append(_err("order_no", "订单号只能包含字母、数字、-和_（3-64位）",
                           "Order number may contain only letters, digits, - and _ (3-64)"))
    if draft.refund_no and not _ORDER_NO.match(draft.refund_no.strip()):
        errors.append(_err("refund_no", "售后单号只能包含字母、数字、-和_",
                           "Refund number may contain only letters, digits, - and _"))
    if draft.buyer_phone and not is_valid_phone(draft.buyer_phone):
        errors.append(_err("buyer_phone", "手机号格式不正确（如 13812345678）",
                           "Malformed phone number (e.g. 13812345678)"))
    for name in ("amount_paid", "amount_claimed"):
        value = getattr(draft, name)
        if value is not None and value < 0:
            errors.append(_err(name, "金额不能为负数", "Amount cannot be negative"))
    if (draft.amount_paid is not None and draft.amount_claimed is not None
            and draft.amount_claimed > draft.amount_paid):
        # Both amounts said: in an import's error list the row shows only one of them.
        claimed, paid = format_yuan(draft.amount_claimed), format_yuan(draft.amount_paid)
        errors.append(_err("amount_claimed", f"申请金额 {claimed} 不能超过实付金额 {paid}",
                           f"Amount claimed {claimed} cannot exceed amount paid {paid}"))
    if draft.due_at is not None and draft.due_at.tzinfo is None:
        errors.append(_err("due_at", "截止时间缺少时区", "Due time has no time zone"))
    if draft.applied_at is not None and draft.applied_at.tzinfo is None:
        errors.append(_err("applied_at", "买家申请时间缺少时区",
                           "The buyer's application time has no time zone"))
    for name, limit in MAX_TEXT.items():
        if len(getattr(draft, name) or "") > limit:
            errors.append(_err(name, f"内容过长（最多{limit}字）",
                               f"Too long (at most {limit} characters)"))
    return errors


def _parse_enum(errors: list[FieldError], name: str, enum: type, raw: str | None,
                zh_name: str, en_name: str):
    if raw is None or str(raw).strip() == "":
        return None
    try:
        return enum.parse(str(raw))
    except ValueError:
        keys = ", ".join(m.value for m in enum)
        errors.append(_err(name, f"未知的{zh_name}：{raw}（可选：{keys}）",
                           f"Unknown {en_name}: {raw} (one of: {keys})"))
        return None


def _parse_money(errors: list[FieldError], name: str, raw: str | Decimal | None
                 ) -> Decimal | None:
    # A Decimal is never blank: not formatted to text only to be tested (per imported row).
    if raw is None or (not isinstance(raw, Decimal) and str(raw).strip() == ""):
        return None
    try:
        # An importer's amount is a Decimal already: checked as it is, not via its text.
        return parse_yuan(raw if isinstance(raw, Decimal) else str(raw))
    except MoneyError as exc:
        text = str(exc)
        if text.startswith("negative"):
            errors.append(_err(name, "金额不能为负数", "Amount cannot be negative"))
        elif text.startswith("more than two"):
            errors.append(_err(name, "金额最多两位小数", "At most two decimals"))
        else:
            errors.append(_err(name, f"金额格式不正确：{raw}", f"Not a valid amount: {raw}"))
        return None


_QUICK_TEXT = ("order_no", "shop", "refund_no", "buyer_nick", "buyer_name", "buyer_phone",
               "buyer_address", "item_title", "sku", "description", "assignee")


# What quick_draft read before: enum words (per enum) and amounts. parse_yuan of an amount
# depends on its value alone (1.5 and 1.50 both give 1.50), so equal keys may share.
_QUICK_ENUMS: dict[type, dict[str, object]] = {}
_QUICK_AMOUNTS: dict[Decimal, Decimal] = {}
_QUICK_KEPT = 4096


def quick_enum(enum: type, value: object) -> Any:
    """enum.parse(str(value or "").strip()), remembered; raises ValueError as parse does."""
    seen = _QUICK_ENUMS.setdefault(enum, {})
    key = value if type(value) is str else str(value or "")
    found = seen.get(key)
    if found is None:
        found = enum.parse(key.strip())  # type: ignore[attr-defined]
        if len(seen) < _QUICK_KEPT:
            seen[key] = found
    return found


# What quick_amount returns for a value that needs draft_from_fields's full reading.
QUICK_REFUSED: Any = object()


def quick_amount(value: object) -> Decimal | None:
    """parse_yuan of an importer's amount (None stays None), remembered; QUICK_REFUSED
    for anything but a finite Decimal that parse_yuan takes (a signalling NaN: no hash)."""
    if value is None:
        return None
    if type(value) is not Decimal or not value.is_finite():
        return QUICK_REFUSED
    found = _QUICK_AMOUNTS.get(value)
    if found is None:
        try:
            found = parse_yuan(value)
        except MoneyError:
            return QUICK_REFUSED
        if len(_QUICK_AMOUNTS) >= _QUICK_KEPT:
            _QUICK_AMOUNTS.clear()
        _QUICK_AMOUNTS[value] = found
    return found


def quick_order_no(text: str) -> bool:
    """An order or refund number validate_draft takes as it is (stripped text)."""
    return _ORDER_NO.match(text) is not None


def quick_phone(text: str) -> str | None:
    """The stored form of a stripped phone text quick_draft takes, or None."""
    normal = normalise_phone(text)
    if not (is_valid_phone(text) and is_valid_phone(normal)):
        return None
    return normal


def quick_draft(fields: Mapping[str, object]) -> CaseDraft | None:
    """`draft_from_fields(fields)` for fields an importer already cleaned, when they are
    valid as they are; None when anything needs draft_from_fields's full reading (a
    problem to report, a value not of the usual type). An import reads tens of thousands
    of rows: the full reading was a fifth of its parsing, for rows that pass it.

    Only ever returns what draft_from_fields returns for the same fields (see
    tests/domain/test_case_quick_draft.py)."""
    texts: dict[str, str] = {}
    for name in _QUICK_TEXT:
        value = fields.get(name)
        if value is None:
            texts[name] = ""
        elif type(value) is str:
            texts[name] = value.strip()
        else:
            return None
    for name in ("platform", "kind", "cause", "customer_type", "priority"):
        value = fields.get(name)
        if value is not None and type(value) is not str:
            return None
    try:
        platform = quick_enum(Platform, fields.get("platform"))
        kind = quick_enum(CaseKind, fields.get("kind"))
        cause = quick_enum(Cause, fields.get("cause")) if fields.get("cause") else None
    except ValueError:
        return None
    if fields.get("customer_type") or fields.get("priority"):
        return None  # never given by an importer: the full reading
    paid = quick_amount(fields.get("amount_paid"))
    claimed = quick_amount(fields.get("amount_claimed"))
    if paid is QUICK_REFUSED or claimed is QUICK_REFUSED:
        return None
    if paid is not None and claimed is not None and claimed > paid:
        return None
    due = fields.get("due_at")
    if due is not None and (not isinstance(due, datetime) or due.tzinfo is None):
        return None
    applied = fields.get("applied_at")
    if applied is not None and (not isinstance(applied, datetime) or applied.tzinfo is None):
        return None
    order = texts["order_no"]
    if not order or not _ORDER_NO.match(order):
        return None
    refund = texts["refund_no"]
    if refund and not _ORDER_NO.match(refund):
        return None
    phone = texts["buyer_phone"]
    if phone:
        normal = quick_phone(phone)
        if normal is None:
            return None
        texts["buyer_phone"] = normal
    for name, limit in MAX_TEXT.items():
        if len(texts[name]) > limit:
            return None
    return CaseDraft(platform=platform, kind=kind, cause=cause, amount_paid=paid,  # type: ignore[arg-type]
                     amount_claimed=claimed, due_at=due,  # type: ignore[arg-type]
                     applied_at=applied, **texts)  # type: ignore[arg-type]


def draft_from_fields(fields: Mapping[str, object]) -> CaseDraft:
    """Build a validated draft from raw text fields (form, CLI, importer).

    Raises ValidationError listing every bad field at once.
    """
    errors: list[FieldError] = []

    def text(name: str) -> str:
        value = fields.get(name)
        return "" if value is None else str(value).strip()

    def money(name: str) -> str | Decimal:
        value = fields.get(name)
        return value if isinstance(value, Decimal) else text(name)

    platform = _parse_enum(errors, "platform", Platform, text("platform"), "平台", "platform")
    if platform is None and not any(e.field == "platform" for e in errors):
        errors.append(_err("platform", "请选择平台", "Platform is required"))
    kind = _parse_enum(errors, "kind", CaseKind, text("kind"), "售后类型", "case kind")
    if kind is None and not any(e.field == "kind" for e in errors):
        errors.append(_err("kind", "请选择售后类型", "Case kind is required"))
    cause = _parse_enum(errors, "cause", Cause, text("cause"), "原因", "cause")
    ctype = _parse_enum(errors, "customer_type", CustomerType, text("customer_type"),
                        "客户类型", "customer type")
    priority = _parse_enum(errors, "priority", Priority, text("priority"), "优先级", "priority")
    paid = _parse_money(errors, "amount_paid", money("amount_paid"))
    claimed = _parse_money(errors, "amount_claimed", money("amount_claimed"))
    due = fields.get("due_at")
    if due is not None and not isinstance(due, datetime):
        errors.append(_err("due_at", "截止时间格式不正确", "Due time is not a date and time"))
        due = None
    applied = fields.get("applied_at")
    if applied is not None and not isinstance(applied, datetime):
        errors.append(_err("applied_at", "买家申请时间格式不正确",
                           "The buyer's application time is not a date and time"))
        applied = None
    phone = text("buyer_phone")
    draft = CaseDraft(
        platform=platform or Platform.OTHER,
        order_no=text("order_no"),
        kind=kind or CaseKind.REFUND_ONLY,
        shop=text("shop"),
        refund_no=text("refund_no"),
        buyer_nick=text("buyer_nick"),
        buyer_name=text("buyer_name"),
        buyer_phone=normalise_phone(phone) if phone else "",
        buyer_address=text("buyer_address"),
        item_title=text("item_title"),
        sku=text("sku"),
        amount_paid=paid,
        amount_claimed=claimed,
        cause=cause,
        customer_type=ctype or CustomerType.UNKNOWN,
        priority=priority or Priority.NORMAL,
        due_at=due,  # type: ignore[arg-type]
        description=text("description"),
        assignee=text("assignee"),
        applied_at=applied,  # type: ignore[arg-type]
    )
    # Raw phone text is validated, not the normalised one, so "138-1234" is judged as typed.
    if phone and not is_valid_phone(phone):
        draft.buyer_phone = phone
    errors.extend(e for e in validate_draft(draft) if e.field not in {x.field for x in errors})
    if errors:
        raise ValidationError(errors)
    return draft
