"""Orders from platform order exports: upsert them, look them up, enrich cases from them.

A case opened by hand before its order export was imported has empty buyer and item
fields; the export's import fills them (`plan_fills`, `write_fills`), as `enrich_case`
does for one case. A value the user typed is never replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..domain.clock import Clock, to_utc_iso
from ..domain.enums import Platform
from ..importers import OrderRecord
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.orders import OrderStore, StoredOrder
from .actor import require_actor
from .import_apply import fill_from_order

_FIELD_ZH = {"buyer_nick": "买家昵称", "buyer_name": "买家姓名", "buyer_phone": "买家电话",
             "buyer_address": "收货地址", "item_title": "商品标题", "sku": "商品编码"}


def order_from_record(record: OrderRecord, imported_at: datetime) -> StoredOrder:
    """An imported order row in the form the register keeps."""
    extra = {k: getattr(record, k) for k in ("buyer_message", "note", "buyer_phone_masked")
             if getattr(record, k)}
    for name in ("shipped_at", "confirmed_at"):
        value = getattr(record, name)
        if value is not None:
            extra[name] = to_utc_iso(value)
    return StoredOrder(
        platform=record.platform, order_no=record.order_no, buyer_nick=record.buyer_nick,
        buyer_name=record.buyer_name, buyer_phone=record.buyer_phone,
        buyer_address=record.buyer_address, item_title=record.item_title, sku=record.sku,
        amount_paid=record.amount_paid, waybill=record.waybill_no, courier=record.courier,
        status=record.order_status, shop=record.shop,
        paid_at=record.paid_at.replace(microsecond=0) if record.paid_at else None,
        created_at=record.created_at.replace(microsecond=0) if record.created_at else None,
        imported_at=imported_at, extra=extra)


@dataclass
class OrderPlan:
    """What an order import would do: new orders, changed ones, how many are the same."""

    new: list[StoredOrder] = field(default_factory=list)
    changed: list[StoredOrder] = field(default_factory=list)  # already merged with the old
    unchanged: int = 0


def plan_orders(db: Database, records: list[OrderRecord], imported_at: datetime) -> OrderPlan:
    """Compare incoming orders with the stored ones (an empty new value keeps the old)."""
    store = OrderStore(db)
    plan = OrderPlan()
    by_platform: dict[Platform, list[OrderRecord]] = {}
    for record in records:
        by_platform.setdefault(record.platform, []).append(record)
    for platform, group in by_platform.items():
        existing = store.get_many(platform, [r.order_no for r in group])
        for record in group:
            incoming = order_from_record(record, imported_at)
            old = existing.get(record.order_no)
            if old is None:
                plan.new.append(incoming)
                existing[record.order_no] = incoming  # a repeat in the file merges into it
                continue
            merged = old.merged_with(incoming)
            if merged.same_content(old):
                plan.unchanged += 1
            else:
                plan.changed.append(replace(merged, imported_at=imported_at))
                existing[record.order_no] = merged
    return plan


@dataclass(frozen=True)
class OrderFill:
    """A live case's empty fields that its order fills (name -> value)."""

    case_id: int
    order_no: str
    fields: dict[str, str]


def plan_fills(db: Database, orders: Iterable[StoredOrder]) -> list[OrderFill]:
    """The live cases of these orders with empty fields the orders can fill, by case id
    (idx_cases_order finds them; cases in the trash are left alone)."""
    by_key = {(str(o.platform), o.order_no): o for o in orders}
    if not by_key:
        return []
    store = CaseStore(db)
    ids = [case_id for case_id, platform, order_no, _refund, live in
           store.match_keys(order_nos={no for _, no in by_key})
           if live and (str(platform), order_no) in by_key]
    cases = store.fetch(ids)
    fills = []
    for case_id in ids:
        case = cases[case_id]
        filled = fill_from_order(case, by_key[(str(case.platform), case.order_no)])
        if filled:
            fills.append(OrderFill(case_id, case.order_no, filled))
    return fills


def write_fills(db: Database, fills: Iterable[OrderFill], actor: str, now: datetime) -> None:
    """Write the fills (inside the caller's transaction): each field audited, and the
    case's timeline says what was filled from which order."""
    cases, events, audit = CaseStore(db), EventStore(db), AuditStore(db)
    stamp = to_utc_iso(now)
    for fill in fills:
        cases.update_columns(fill.case_id, {**fill.fields, "updated_at": stamp,
                                            "last_activity_at": stamp})
        for name, value in fill.fields.items():
            audit.record(now, actor, "case", fill.case_id, "enrich", name, "", value)
        events.add(fill.case_id, now, actor, "enriched",
                   "从订单补全：" + "、".join(_FIELD_ZH[n] for n in fill.fields),
                   {"order_no": fill.order_no, "fields": sorted(fill.fields)})


class OrderService:
    """Look orders up and fill a case's empty buyer fields from its order."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.store = OrderStore(db)

    def lookup_order(self, platform: Platform | str, order_no: str) -> StoredOrder | None:
        """The stored order, or None when no order export has mentioned it."""
        return self.store.get(Platform(str(platform)), order_no)

    def enrich_case(self, case_id: int, actor: str) -> list[str]:
        """Fill the case's EMPTY buyer / phone / address / item / SKU fields from its order.

        Never overwrites a value; each filled field is audited and the timeline says what
        was filled. Returns the names of the fields filled (empty: nothing to do).
        """
        actor = require_actor(actor)
        with self.db.atomic():
            case = CaseStore(self.db).get(case_id)
            order = self.store.get(case.platform, case.order_no)
            if order is None:
                return []
            fills = plan_fills(self.db, [order])
            fills = [f for f in fills if f.case_id == case_id]
            write_fills(self.db, fills, actor, self.clock.now())
        return list(fills[0].fields) if fills else []
