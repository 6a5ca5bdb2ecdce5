"""Target fields and the column mapping (target field -> source header).

A ColumnMapping is what every import runs on: a preset resolved against a file's
header row produces one, and a user's own mapping for any other file is one. It
round-trips through a plain dict so it can be saved as a named profile.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ShopDeskError
from shopdesk.domain.platform_state import PlatformStateMap, StateTableError


class RecordType(StrEnum):
    """What one row of the file becomes."""

    REFUND = "refund"  # an after-sales request -> RefundRecord (a case to open or update)
    ORDER = "order"  # an order -> OrderRecord (to look up buyer, phone, address, waybill)


@dataclass(frozen=True)
class FieldSpec:
    """How a target field's cells are read, and its bilingual name."""

    kind: str  # "id", "text", "money", "datetime", "case_kind", "phone"
    zh: str
    en: str


def _f(kind: str, zh: str, en: str) -> FieldSpec:
    return FieldSpec(kind, zh, en)


# Fields of a refund / after-sales row. The first block matches CaseDraft.
REFUND_FIELDS: dict[str, FieldSpec] = {
    "order_no": _f("id", "订单号", "Order number"),
    "refund_no": _f("id", "退款/售后单号", "Refund number"),
    "kind": _f("case_kind", "售后类型", "Case kind"),
    "shop": _f("text", "店铺", "Shop"),
    "buyer_nick": _f("text", "买家昵称", "Buyer nickname"),
    "buyer_name": _f("text", "买家姓名", "Buyer name"),
    "buyer_phone": _f("phone", "买家电话", "Buyer phone"),
    "buyer_address": _f("text", "收货地址", "Address"),
    "item_title": _f("text", "商品标题", "Item title"),
    "sku": _f("text", "商品编码", "SKU"),
    "amount_paid": _f("money", "实付金额", "Amount paid"),
    "amount_claimed": _f("money", "退款金额", "Amount claimed"),
    "description": _f("text", "退款说明", "Description"),
    # Platform facts kept next to the case.
    "platform_status": _f("text", "平台售后状态", "Platform status"),
    "platform_reason": _f("text", "平台退款原因", "Platform reason"),
    "intervention_status": _f("text", "客服介入状态", "Intervention status"),
    "due_at": _f("datetime", "平台截止时间", "Platform deadline"),
    "applied_at": _f("datetime", "申请时间", "Applied at"),
    "paid_at": _f("datetime", "付款时间", "Paid at"),
    "finished_at": _f("datetime", "退款完结时间", "Refund finished at"),
    # Taobao has both 退款完结时间 and 完结时间; either tells when the request ended.
    "completed_at": _f("datetime", "完结时间", "Closed at"),
    "evidence_due_at": _f("datetime", "举证截止时间", "Evidence deadline"),
    "return_shipped_at": _f("datetime", "买家退货时间", "Return shipped at"),
    # Anything else worth keeping lands in RefundRecord.extra.
    "alipay_no": _f("id", "支付宝交易号", "Alipay transaction number"),
    "item_id": _f("id", "商品ID", "Item ID"),
    "sku_spec": _f("text", "商品规格", "Item variant"),
    "goods_status": _f("text", "货物状态", "Goods status"),
    "refund_mode": _f("text", "手工退款/系统退款", "Manual / system refund"),
    "refund_scope": _f("text", "部分退款/全部退款", "Partial / full refund"),
    "shipping_info": _f("text", "发货物流信息", "Shipping info"),
    "return_courier": _f("text", "退货物流公司", "Return courier"),
    "return_waybill": _f("id", "退货物流单号", "Return waybill number"),
    # The return parcel's tracking state (签收 moves return_to_check to return_delivered).
    "return_logistics": _f("text", "退货物流状态", "Return tracking status"),
    "seller_note": _f("text", "商家备注", "Seller note"),
    "responsible_party": _f("text", "责任方", "Responsible party"),
    "sale_phase": _f("text", "售中或售后", "During or after the sale"),
    "reason_tag": _f("text", "退款原因标签", "Refund reason tag"),
}

REFUND_CORE_FIELDS = ("order_no", "refund_no", "kind", "shop", "buyer_nick", "buyer_name",
                      "buyer_phone", "buyer_address", "item_title", "sku", "amount_paid",
                      "amount_claimed", "description", "platform_status", "platform_reason",
                      "intervention_status", "due_at", "applied_at", "paid_at", "finished_at",
                      "completed_at", "evidence_due_at", "return_shipped_at")
REFUND_EXTRA_FIELDS = tuple(f for f in REFUND_FIELDS if f not in REFUND_CORE_FIELDS)

ORDER_FIELDS: dict[str, FieldSpec] = {
    "order_no": _f("id", "订单号", "Order number"),
    "shop": _f("text", "店铺", "Shop"),
    "buyer_nick": _f("text", "买家昵称", "Buyer nickname"),
    "buyer_name": _f("text", "收货人姓名", "Recipient name"),
    "buyer_phone": _f("phone", "联系手机", "Phone"),
    "buyer_address": _f("text", "收货地址", "Address"),
    "item_title": _f("text", "商品标题", "Item title"),
    "sku": _f("text", "商品编码", "SKU"),
    "amount_paid": _f("money", "实付金额", "Amount paid"),
    "order_status": _f("text", "订单状态", "Order status"),
    "buyer_message": _f("text", "买家留言", "Buyer message"),
    "note": _f("text", "订单备注", "Order note"),
    "waybill_no": _f("id", "物流单号", "Waybill number"),
    "courier": _f("text", "物流公司", "Courier"),
    "created_at": _f("datetime", "下单时间", "Created at"),
    "paid_at": _f("datetime", "付款时间", "Paid at"),
    "shipped_at": _f("datetime", "发货时间", "Shipped at"),
    "confirmed_at": _f("datetime", "确认收货时间", "Received at"),
}

FIELDS: dict[RecordType, dict[str, FieldSpec]] = {
    RecordType.REFUND: REFUND_FIELDS,
    RecordType.ORDER: ORDER_FIELDS,
}
# Fields without which a row means nothing.
REQUIRED_FIELDS: dict[RecordType, tuple[str, ...]] = {
    RecordType.REFUND: ("order_no",),
    RecordType.ORDER: ("order_no",),
}


class MappingError(ShopDeskError, ValueError):
    """A mapping (or preset) that names unknown fields or values."""


def normalise_header(text: object) -> str:
    """Compare headers loosely: full-width -> half-width, no spaces or tabs, lower case."""
    value = "" if text is None else str(text)
    value = unicodedata.normalize("NFKC", value).replace("\ufeff", "")
    value = "".join(value.split()).strip('"').lower()
    return value


def normalise_value(text: str) -> str:
    """Compare cell values in value maps the same loose way."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass
class ColumnMapping:
    """Which source column feeds which target field, for one kind of file.

    `values` maps cell text to target values per field (e.g. 售后类型 仅退款 ->
    refund_only); `defaults` fill a field that has no column or an empty cell.
    """

    record_type: RecordType = RecordType.REFUND
    platform: Platform = Platform.OTHER
    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    name: str = ""

    def __post_init__(self) -> None:
        self.record_type = RecordType(self.record_type)
        self.platform = Platform(self.platform)
        self.check()

    def check(self) -> None:
        """Raise MappingError when a field, value or default is not one we know."""
        known = FIELDS[self.record_type]
        for group in (self.columns, self.values, self.defaults):
            for name in group:
                if name not in known:
                    raise MappingError(f"未知的目标字段：{name}", f"Unknown target field: {name}")
        for name, header in self.columns.items():
            if not isinstance(header, str) or not normalise_header(header):
                raise MappingError(f"字段 {name} 的列名为空", f"Field {name} has an empty header")
        targets = list(self.defaults.items())
        for name, table in self.values.items():
            targets.extend((name, target) for target in table.values())
        if self.record_type is RecordType.REFUND:
            try:  # platform states, intervention, refund scope, responsible party
                PlatformStateMap.from_tables(self.values)
            except StateTableError as exc:
                raise MappingError(exc.zh, exc.en) from None
        for name, target in targets:
            if known[name].kind == "case_kind":
                try:
                    CaseKind.parse(str(target))
                except ValueError:
                    raise MappingError(f"未知的售后类型：{target}",
                                       f"Unknown case kind: {target}") from None

    def to_dict(self) -> dict[str, object]:
        """A plain, JSON/TOML-friendly dict (the saved profile form)."""
        return {
            "version": 1,
            "name": self.name,
            "record_type": self.record_type.value,
            "platform": self.platform.value,
            "columns": dict(self.columns),
            "values": {k: dict(v) for k, v in self.values.items()},
            "defaults": dict(self.defaults),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> ColumnMapping:
        """Inverse of to_dict; raises MappingError for anything malformed."""
        if not isinstance(data, Mapping):
            raise MappingError("映射必须是字典", "A mapping must be a dict")
        version = data.get("version", 1)
        if version != 1:
            raise MappingError(f"不支持的映射版本：{version}",
                               f"Unsupported mapping version: {version}")
        try:
            record_type = RecordType(str(data.get("record_type", "refund")))
        except ValueError:
            raise MappingError(f"未知的记录类型：{data.get('record_type')}",
                               f"Unknown record type: {data.get('record_type')}") from None
        try:
            platform = Platform(str(data.get("platform", "other")))
        except ValueError:
            raise MappingError(f"未知的平台：{data.get('platform')}",
                               f"Unknown platform: {data.get('platform')}") from None
        columns = _str_dict(data.get("columns", {}), "columns")
        defaults = _str_dict(data.get("defaults", {}), "defaults")
        raw_values = data.get("values", {})
        if not isinstance(raw_values, Mapping):
            raise MappingError("values 必须是字典", "values must be a dict")
        values = {str(k): _str_dict(v, f"values.{k}") for k, v in raw_values.items()}
        return cls(record_type=record_type, platform=platform, columns=columns, values=values,
                   defaults=defaults, name=str(data.get("name", "")))


def _str_dict(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise MappingError(f"{where} 必须是 文本→文本 的字典", f"{where} must map text to text")
    return dict(value)
