"""Orders from platform order exports: upsert them, look them up, enrich cases from them.

A case opened by hand before its order export was imported has empty buyer and item
fields; the export's import fills them (`plan_fills`, `write_fills`). A case opened after
it is filled as it is opened, or as an edit moves it to the order (`CaseService`). A value
the user typed is never replaced (services/order_fill.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..domain.case import Case
from ..domain.clock import Clock, to_utc_iso
from ..domain.enums import Platform
from ..importers import OrderRecord
from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database
from ..storage.events import EventStore
from ..storage.orders import OrderStore, StoredOrder
from ..storage.search import reindex_cases
from .cases import PLACING_FIELDS
from .order_fill import ORDER_FILLABLE, OrderMismatch, fill_event, fill_from_order, mismatch

# Cases read and written at a time by an order export's fills.
FILL_CHUNK = 500


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
    same: list[StoredOrder] = field(default_factory=list)  # stored already as in the file
    # (platform, number) -> the hash of the file's row, for every order of the file read
    # with one (what the next import of the same row skips by).
    row_hashes: dict[tuple[Platform, str], str] = field(default_factory=dict)

    @property
    def unchanged(self) -> int:
        return len(self.same)

    def same_hashes(self) -> dict[tuple[Platform, str], str]:
        """The row hashes of the orders the file leaves as they are (stored so that the
        next import of the same rows skips them)."""
        return {key: self.row_hashes[key] for key in ((o.platform, o.order_no)
                                                      for o in self.same)
                if key in self.row_hashes}

    def orders_after(self) -> list[StoredOrder]:
        """Every order of the file as it is stored once the import is written."""
        return self.new + self.changed + self.same


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
            if record.row_hash:
                plan.row_hashes[(platform, record.order_no)] = record.row_hash
            incoming = order_from_record(record, imported_at)
            old = existing.get(record.order_no)
            if old is None:
                plan.new.append(incoming)
                existing[record.order_no] = incoming  # a repeat in the file merges into it
                continue
            if not old.changed_by(incoming):
                plan.same.append(old)
                continue
            merged = old.merged_with(incoming)
            plan.changed.append(replace(merged, imported_at=imported_at))
            existing[record.order_no] = merged
    return plan


@dataclass(frozen=True)
class OrderFill:
    """A live case (as it was) and its empty fields that its order fills (name -> value)."""

    case: Case
    fields: dict[str, str]

    @property
    def case_id(self) -> int:
        return self.case.id

    @property
    def moves_case(self) -> bool:
        """It changes the buyer or the product the case is judged with (its neighbours)."""
        return bool(PLACING_FIELDS.intersection(self.fields))


def plan_fills(db: Database, orders: Iterable[StoredOrder],
               stored: Iterable[tuple[Platform, str]] = (), *,
               mismatched: list[tuple[Case, OrderMismatch]] | None = None
               ) -> list[OrderFill]:
    """The live cases of these orders with empty fields the orders can fill, by case id
    (idx_cases_order finds them; cases in the trash are left alone). `stored`: more
    orders, by (platform, number), as the register holds them (read only for the cases
    they fill: a re-imported export's orders mostly fill none). A case whose buyer is
    not its order's is not filled: it goes to `mismatched` (when the order has something
    for it, and its timeline does not say so already)."""
    by_key: dict[tuple[str, str], StoredOrder | None] = {
        (str(p), no): None for p, no in stored}
    by_key.update({(str(o.platform), o.order_no): o for o in orders})
    if not by_key:
        return []
    store = CaseStore(db)
    withheld: list[tuple[Case, OrderMismatch]] = []  # not filled: another buyer's order
    ids = [case_id for case_id, platform, order_no, _refund, live in
           store.match_keys(order_nos={no for _, no in by_key})
           if live and (str(platform), order_no) in by_key]
    # Cases filled already (an export imported again) are not read whole.
    ids = store.with_empty(ids, ORDER_FILLABLE)
    fills = []
    for chunk in (ids[i:i + FILL_CHUNK] for i in range(0, len(ids), FILL_CHUNK)):
        cases = store.fetch(chunk)
        _read_stored(db, by_key, [(str(c.platform), c.order_no) for c in cases.values()])
        for case_id in chunk:
            case = cases[case_id]
            order = by_key[(str(case.platform), case.order_no)]
            if order is None:
                continue
            wrong = mismatch(case, order) if mismatched is not None else None
            if wrong is not None and fill_from_order(case, order, check_buyer=False):
                withheld.append((case, wrong))
            filled = fill_from_order(case, order)
            if filled:
                fills.append(OrderFill(case, filled))
    if mismatched is not None and withheld:
        # A case whose timeline says so already (its form asked, or an earlier import
        # listed it) is not listed on every import again.
        told = {(case_id, str(data.get("order_no", ""))) for case_id, data in
                EventStore(db).data_of_type([c.id for c, _w in withheld], "order_mismatch")}
        mismatched += [(c, w) for c, w in withheld if (c.id, w.order_no) not in told]
    return fills


def _read_stored(db: Database, by_key: dict[tuple[str, str], StoredOrder | None],
                 keys: Iterable[tuple[str, str]]) -> None:
    """Read the orders of these keys that `by_key` holds no order for yet."""
    wanted: dict[str, list[str]] = {}
    for platform, order_no in keys:
        if by_key.get((platform, order_no), False) is None:
            wanted.setdefault(platform, []).append(order_no)
    store = OrderStore(db)
    for platform, numbers in wanted.items():
        for order_no, order in store.get_many(platform, numbers).items():
            by_key[(platform, order_no)] = order


def write_fills(db: Database, fills: Sequence[OrderFill], actor: str, now: datetime, *,
                check: Callable[[], None] = lambda: None,
                progress: Callable[[int], None] = lambda done: None) -> None:
    """Write the fills (inside the caller's transaction), FILL_CHUNK cases at a time: each
    field audited, the case's timeline saying what was filled from which order, the
    search index rebuilt once per chunk. An open case's `updated_at` moves; a finished
    one's stays: filling in the buyer of a case closed long ago (an export's catch-up of
    the shop's history) is no reason to list it among the recently updated."""
    cases, events, audit = CaseStore(db), EventStore(db), AuditStore(db)
    stamp = to_utc_iso(now)
    for start in range(0, len(fills), FILL_CHUNK):
        check()
        chunk = fills[start:start + FILL_CHUNK]
        # One UPDATE per set of columns (most cases of an export fill the same ones).
        groups: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
        for fill in chunk:
            names = tuple(fill.fields)
            values = [fill.fields[n] for n in names]
            if fill.case.status.is_open:
                names, values = (*names, "updated_at"), [*values, stamp]
            groups.setdefault(names, []).append((fill.case_id, values))
        for names, rows in groups.items():
            cases.update_many(names, rows)
        reindex_cases(db, [f.case_id for f in chunk])
        audit.record_many([(now, actor, "case", f.case_id, "enrich", name, "", value)
                           for f in chunk for name, value in f.fields.items()])
        events.add_many([(f.case_id, now, actor, "enriched",
                          *fill_event(f.case.order_no, f.fields)) for f in chunk])
        progress(start + len(chunk))


class OrderService:
    """Look orders up."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self.store = OrderStore(db)

    def lookup_order(self, platform: Platform | str, order_no: str) -> StoredOrder | None:
        """The stored order, or None when no order export has mentioned it."""
        return self.store.get(Platform(str(platform)), order_no)
