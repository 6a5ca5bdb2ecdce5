"""The orders table: what platform order exports say about each order (upserted), and the
hash of the export row each order was last imported from (m0027)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from ..domain.clock import from_iso, to_utc_iso
from ..domain.enums import Platform
from ..domain.money import from_fen, to_fen
from .batches import in_batches
from .database import Database


@dataclass(frozen=True)
class StoredOrder:
    """One order as kept in the register (the shape lookup_order returns)."""

    platform: Platform
    order_no: str
    buyer_nick: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    item_title: str = ""
    sku: str = ""
    amount_paid: Decimal | None = None
    waybill: str = ""
    courier: str = ""
    status: str = ""
    shop: str = ""
    paid_at: datetime | None = None
    created_at: datetime | None = None
    imported_at: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def merged_with(self, newer: StoredOrder) -> StoredOrder:
        """`newer` over this one, except that an empty newer value keeps the old one.

        A later export often masks the phone or drops the address; that is not a change.
        """
        values: dict[str, Any] = {}
        for name in _CONTENT:
            new = getattr(newer, name)
            if name == "extra":
                new = {**self.extra, **{k: v for k, v in newer.extra.items() if v}}
            elif new in (None, ""):
                new = getattr(self, name)
            values[name] = new
        return replace(self, **values)

    def changed_by(self, newer: StoredOrder) -> bool:
        """Whether `merged_with(newer)` would differ from this order in content: a
        re-imported export's unchanged orders are told apart without building a merge."""
        for name in _CONTENT:
            new = getattr(newer, name)
            if name == "extra":
                if any(v and self.extra.get(k) != v for k, v in new.items()):
                    return True
            elif new not in (None, "") and new != getattr(self, name):
                return True
        return False


# What an export says about an order (not which order, nor when it was imported).
_CONTENT = tuple(f.name for f in fields(StoredOrder)
                 if f.name not in ("platform", "order_no", "imported_at"))

_COLUMNS = ("platform", "order_no", "buyer_nick", "buyer_name", "buyer_phone", "buyer_address",
            "item_title", "sku", "amount_paid_fen", "waybill", "courier", "status", "shop",
            "paid_at", "created_at", "imported_at", "extra")
_SELECT = "SELECT " + ", ".join(_COLUMNS) + " FROM orders"
_WRITTEN = (*_COLUMNS, "row_hash")
_UPSERT = (f"INSERT INTO orders ({', '.join(_WRITTEN)}) "
           f"VALUES ({', '.join('?' for _ in _WRITTEN)}) "
           "ON CONFLICT(platform, order_no) DO UPDATE SET "
           + ", ".join(f"{c} = excluded.{c}" for c in _WRITTEN[2:]))
# (platform, order number) -> the hash of the export row that order was imported from.
RowHashes = Mapping[tuple[Platform, str], str]


def _time(value: datetime | None) -> str | None:
    return to_utc_iso(value) if value is not None else None


def order_to_row(order: StoredOrder) -> list[Any]:
    return [order.platform.value, order.order_no, order.buyer_nick, order.buyer_name,
            order.buyer_phone, order.buyer_address, order.item_title, order.sku,
            to_fen(order.amount_paid), order.waybill, order.courier, order.status, order.shop,
            _time(order.paid_at), _time(order.created_at), _time(order.imported_at),
            json.dumps(order.extra, ensure_ascii=False, sort_keys=True)]


def order_from_row(row: Sequence[Any]) -> StoredOrder:
    r = dict(zip(_COLUMNS, row, strict=True))
    return StoredOrder(
        platform=Platform(r["platform"]), order_no=r["order_no"], buyer_nick=r["buyer_nick"],
        buyer_name=r["buyer_name"], buyer_phone=r["buyer_phone"],
        buyer_address=r["buyer_address"], item_title=r["item_title"], sku=r["sku"],
        amount_paid=from_fen(r["amount_paid_fen"]), waybill=r["waybill"],
        courier=r["courier"], status=r["status"], shop=r["shop"],
        paid_at=from_iso(r["paid_at"]), created_at=from_iso(r["created_at"]),
        imported_at=from_iso(r["imported_at"]), extra=json.loads(r["extra"] or "{}"))


class OrderStore:
    """Row access to orders. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, platform: Platform | str, order_no: str) -> StoredOrder | None:
        row = self.db.execute(_SELECT + " WHERE platform = ? AND order_no = ?",
                              [str(platform), order_no.strip()]).fetchone()
        return order_from_row(row) if row else None

    def get_many(self, platform: Platform | str,
                 order_nos: Iterable[str]) -> dict[str, StoredOrder]:
        """Orders of one platform by number, for the numbers that exist."""
        wanted = sorted({n for n in order_nos if n})
        out: dict[str, StoredOrder] = {}
        for chunk, marks in in_batches(wanted):
            for row in self.db.execute(
                    _SELECT + f" WHERE platform = ? AND order_no IN ({marks})",
                    [str(platform), *chunk]).fetchall():
                order = order_from_row(row)
                out[order.order_no] = order
        return out

    def upsert(self, orders: Iterable[StoredOrder], row_hashes: RowHashes | None = None
               ) -> None:
        """Insert or replace whole rows (merge first: see StoredOrder.merged_with), each
        with the hash of the export row it came from (none: it did not come from one)."""
        hashes = row_hashes or {}
        self.db.executemany(_UPSERT, [[*order_to_row(o), hashes.get((o.platform, o.order_no))]
                                      for o in orders])

    def remember_rows(self, row_hashes: RowHashes) -> None:
        """Store the row hash of orders an export left as they were (the next import of
        the same row skips it before converting it)."""
        self.db.executemany(
            "UPDATE orders SET row_hash = ? WHERE platform = ? AND order_no = ? "
            "AND row_hash IS NOT ?",
            [(h, str(platform), order_no, h) for (platform, order_no), h in row_hashes.items()])

    def stored_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Those of these row hashes an order was last imported from (so is still as that
        row left it: only an order export's import writes orders)."""
        out: set[str] = set()
        for chunk, marks in in_batches(list(dict.fromkeys(hashes))):
            out.update(r[0] for r in self.db.execute(
                f"SELECT row_hash FROM orders WHERE row_hash IN ({marks})", chunk).fetchall())
        return out

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM orders").fetchone()[0])
