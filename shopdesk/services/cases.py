"""Case use cases: open, edit, move through the workflow, note, delete, list.

What a screen shows comes from here already masked (`get_for_screen`, `for_screen`,
`audit_for_screen`): the buyer's phone and address are shown as 138****5678 and the region
only; the full value is given by `reveal_phone` / `reveal_address`, and each reveal is
audited. `get` returns the stored case, for work that needs the data itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import fields as dc_fields
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..domain.case import EDITABLE_FIELDS, Case, CaseDraft, validate_draft
from ..domain.case_list import CaseListRow
from ..domain.case_query import CaseQuery
from ..domain.clock import SHOP_TZ_DEFAULT, Clock, local, to_utc_iso
from ..domain.enums import CaseStatus, Outcome, Platform
from ..domain.errors import FieldError, ShopDeskError, ValidationError
from ..domain.masking import mask_address, mask_phone, normalise_phone
from ..domain.workflow import Transition, check_transition, is_reopen
from ..storage.audit import AuditEntry, AuditStore
from ..storage.cases import CaseStore
from ..storage.database import Database, SqliteDatabase
from ..storage.events import EventStore, TimelineEvent
from ..storage.orders import OrderStore, StoredOrder
from ..storage.rows import case_to_row, field_text
from ..storage.uris import sqlite_uri
from .actor import require_actor
from .order_fill import (
    ORDER_FILLABLE,
    OrderMismatch,
    fill_event,
    fill_from_order,
    fit,
    mismatch,
)

_COLUMN_OF = {"amount_paid": "amount_paid_fen", "amount_claimed": "amount_claimed_fen",
              "amount_settled": "amount_settled_fen"}
# Case fields a screen shows masked until the user asks (audited) for the full value.
_MASKS = {"buyer_phone": mask_phone, "buyer_address": mask_address}
# The fields that place a case among others (same buyer, same product and cause): when
# one changes, the cases it leaves behind are judged again (`moved_from`).
# Numbers an import matches a case by: stored without the spaces a paste brings.
NUMBER_FIELDS = ("order_no", "refund_no")
PLACING_FIELDS = frozenset({"platform", "buyer_nick", "sku", "item_title", "cause"})


def for_screen(case: Case) -> Case:
    """The case as a screen may show it: phone and address masked, the rest as stored."""
    return case.with_changes(**{name: mask(getattr(case, name))
                                for name, mask in _MASKS.items()})


class EditConflictError(ShopDeskError):
    """Someone else saved the case after this editor opened it (its row version moved)."""


class CaseService:
    """The register's use cases. Every write is one transaction with its audit rows."""

    def __init__(self, db: Database, clock: Clock, *, shop_tz: str = SHOP_TZ_DEFAULT,
                 after_write: Callable[..., object] | None = None,
                 compensation_check: Callable[[Case, Decimal | None, str], None] | None = None,
                 ) -> None:
        self.db = db
        self.clock = clock
        self.shop_tz = shop_tz
        # Called in the write's transaction with the ids written (the early warnings).
        # Called as after_write(ids) or after_write(ids, siblings=False).
        self.after_write = after_write or (lambda ids, **_kw: None)
        # Called in the write's transaction with cases as they were before an edit moved
        # them to another buyer, product or cause, or before they went to the trash: the
        # cases they leave behind are judged again (the early warnings' groups).
        self.moved_from: Callable[[list[Case]], object] = lambda cases: None
        # Called in a status change's transaction with (before, after, actor, now): the
        # follow-ups schedule themselves on resolving (the register adds them).
        self.status_listeners: list[Callable[[Case, Case, str, datetime], object]] = []
        # Called before a case is resolved with an amount: a major complaint's owner must
        # approve compensation above the actor's limit (MajorService.check_compensation).
        self.compensation_check = compensation_check or (lambda case, amount, actor: None)
        self.store = CaseStore(db)
        self.events = EventStore(db)
        self.audit_log = AuditStore(db)

    # --- creating and editing --------------------------------------------
    def open_case(self, draft: CaseDraft, actor: str, *, at: datetime | None = None) -> Case:
        """Validate and store a new case; returns it with its case number. Its empty buyer,
        contact, item and SKU fields are filled from its order when an order export
        mentioned it (audited, and said on the timeline)."""
        actor = require_actor(actor)
        now = at or self.clock.now()
        errors = validate_draft(draft)
        if not errors:
            errors = self._applied_errors(draft.applied_at, now)
        if errors:
            raise ValidationError(errors)
        base = {f.name: getattr(draft, f.name) for f in dc_fields(CaseDraft)}
        if base["buyer_phone"]:
            base["buyer_phone"] = normalise_phone(base["buyer_phone"])
        # As the window and the command line type them: an import matches them exactly.
        for name in NUMBER_FIELDS:
            base[name] = base[name].strip()
        draft = replace(draft, **{name: base[name] for name in NUMBER_FIELDS})
        with self.db.atomic():
            # An order export imported before: its buyer and item fill what was left empty.
            filled, wrong = self._order_fill(draft)
            base.update(filled)
            day = now.astimezone(ZoneInfo(self.shop_tz)).date()
            case = Case(**base, case_no=self.store.next_case_no(day), status=CaseStatus.NEW,
                        created_at=now, created_by=actor, updated_at=now,
                        last_activity_at=now)
            case = self.store.insert(case)
            self.events.add(case.id, now, actor, "created", "")
            self.audit_log.record(now, actor, "case", case.id, "create", None, None,
                                  case.case_no)
            self._record_fill(case, filled, draft, actor, now)
            self._record_mismatch(case.id, wrong, actor, now)
            self.after_write([case.id])
        return case

    def _applied_errors(self, applied: datetime | None, now: datetime) -> list[FieldError]:
        """A buyer's application time later than now is a slip (another day, 21:00 for
        09:00): taken, it would push the platform's clock past when it really runs out."""
        if applied is None or applied <= now:
            return []
        shown = local(applied, self.shop_tz).strftime("%Y-%m-%d %H:%M")
        return [FieldError("applied_at", f"买家申请时间 {shown} 晚于现在，请检查日期",
                           f"The buyer's application time {shown} is in the future; "
                           "check the date")]

    def _order_fill(self, case: Case | CaseDraft, *, moved_from: Case | None = None,
                    edited: Collection[str] = ()) -> tuple[dict[str, str],
                                                            OrderMismatch | None]:
        """The buyer, contact, item and SKU fields of `case` its stored order fills (none
        without an order export that mentioned it): the empty ones, and for a case moved
        from another known order, those still holding that order's values and not edited
        in the same save (the new order's value, where it has one). Nothing, and the
        mismatch, when the buyer typed on the case is not the order's."""
        orders = OrderStore(self.db)
        order = orders.get(case.platform, case.order_no) if case.order_no.strip() else None
        if order is None:
            return {}, None
        old = orders.get(moved_from.platform, moved_from.order_no) \
            if moved_from is not None else None
        # What the previous order filled and still holds its value was not typed.
        inherited = set() if old is None or moved_from is None else \
            self._filled_from(moved_from, old, edited)
        wrong = mismatch(case, order, ignore=inherited)
        if wrong is not None:
            return {}, wrong
        out = fill_from_order(case, order, ignore=inherited)
        if old is not None:
            for name in ORDER_FILLABLE:
                was = fit(name, getattr(old, name) or "")
                new = fit(name, getattr(order, name) or "")
                if name not in out and name in inherited and new and new != was:
                    out[name] = new
        return out, None

    def _filled_from(self, case: Case, order: StoredOrder, edited: Collection[str]
                     ) -> set[str]:
        """The case's fields an order fill wrote last (its audit: `enrich` is the last
        change of the field) that still hold `order`'s value and were not `edited` now.
        A value the user typed that happens to equal the order's is theirs, not the
        order's: it stays when the case moves to another order."""
        last: dict[str, str] = {}
        for entry in self.audit_log.for_entity("case", case.id):
            if entry.field in ORDER_FILLABLE:
                last[entry.field] = entry.action
        return {name for name in ORDER_FILLABLE
                if name not in edited and last.get(name) == "enrich" and getattr(case, name)
                and getattr(case, name) == fit(name, getattr(order, name) or "")}

    def order_mismatch(self, draft: CaseDraft, case_id: int | None = None
                       ) -> OrderMismatch | None:
        """Would saving `draft` (a new case, or case `case_id` edited) meet an order whose
        buyer is not the one typed? Read-only: the form asks before saving."""
        # As open_case and update store them.
        draft = replace(draft, order_no=draft.order_no.strip(),
                        buyer_phone=normalise_phone(draft.buyer_phone)
                        if draft.buyer_phone else "")
        if case_id is None:
            return self._order_fill(draft)[1]
        case = self.store.get(case_id)
        if (draft.platform, draft.order_no) == (case.platform, case.order_no):
            return None  # an edit fills from its order only when moved to another
        edited = {name for name in EDITABLE_FIELDS if getattr(draft, name) != getattr(case, name)}
        return self._order_fill(draft, moved_from=case, edited=edited)[1]

    def open_for_order(self, platform: Platform, order_no: str, *,
                       other_than: int | None = None) -> list[Case]:
        """The live, still open cases of this order (by case number), but `other_than`:
        a second case for the same order is often one opened twice (the form asks)."""
        number = order_no.strip()
        if not number:
            return []
        ids = [case_id for case_id, p, no, _refund, live in
               self.store.match_keys(order_nos=[number])
               if live and no == number and str(p) == str(platform) and case_id != other_than]
        cases = self.store.fetch(ids)
        return sorted((c for c in cases.values() if c.status.is_open), key=lambda c: c.case_no)

    def _record_mismatch(self, case_id: int, wrong: OrderMismatch | None, actor: str,
                         now: datetime) -> None:
        """Say on the timeline why nothing was filled from the case's order."""
        if wrong is not None:
            self.events.add(case_id, now, actor, "order_mismatch", *wrong.event())

    def _record_fill(self, case: Case, filled: dict[str, str], before: Case | CaseDraft,
                     actor: str, now: datetime) -> None:
        """Audit a fill (each field's value `before` it) and say it on the timeline, as an
        order export's fill does."""
        if not filled:
            return
        self.events.add(case.id, now, actor, "enriched", *fill_event(case.order_no, filled))
        self.audit_log.record_many([
            (now, actor, "case", case.id, "enrich", name, field_text(getattr(before, name)),
             value) for name, value in filled.items()])

    def update(self, case_id: int, draft: CaseDraft, actor: str, *,
               expected_updated_at: datetime | None = None) -> Case:
        """Apply every editable field of `draft` that differs; audit each change.

        `expected_updated_at`: the case's `updated_at` when the editor opened it (its row
        version). When someone else saved the case since, the save is refused with
        EditConflictError naming who changed what; nothing is written.
        """
        actor = require_actor(actor)
        errors = validate_draft(draft)
        if errors:
            raise ValidationError(errors)
        now = self.clock.now()
        with self.db.atomic():
            case = self.store.get(case_id)
            if expected_updated_at is not None and case.updated_at != expected_updated_at:
                raise self._conflict(case, expected_updated_at)
            changes = {}
            for name in EDITABLE_FIELDS:
                new = getattr(draft, name)
                if name == "buyer_phone" and new:
                    new = normalise_phone(new)
                elif name in NUMBER_FIELDS:
                    new = new.strip()
                if getattr(case, name) != new:
                    changes[name] = (getattr(case, name), new)
            if not changes:
                return case
            if "applied_at" in changes:  # a stored one is not judged again by this clock
                errors = self._applied_errors(changes["applied_at"][1], now)
                if errors:
                    raise ValidationError(errors)
            updated = case.with_changes(**{k: v[1] for k, v in changes.items()},
                                        updated_at=now, last_activity_at=now)
            # Moved to an order an export mentioned: its buyer and item fill what is empty,
            # and replace what still holds the previous order's (another buyer's, often).
            before_fill = updated
            filled, wrong = self._order_fill(updated, moved_from=case, edited=set(changes)) \
                if {"order_no", "platform"} & set(changes) else ({}, None)
            if filled:
                updated = updated.with_changes(**filled)
            row = case_to_row(updated)
            cols = {_COLUMN_OF.get(k, k) for k in (*changes, *filled)} | {"updated_at",
                                                                          "last_activity_at"}
            self.store.update_columns(case_id, {c: row[c] for c in cols})
            for name, (old, new) in changes.items():
                # The audit keeps the full phone only as the field's change; lists never show it.
                self.audit_log.record(now, actor, "case", case_id, "update", name,
                                      field_text(old), field_text(new))
            self.events.add(case_id, now, actor, "edit", "",
                            {"fields": sorted(changes)})
            self._record_fill(updated, filled, before_fill, actor, now)
            self._record_mismatch(case_id, wrong, actor, now)
            self.after_write([case_id])
            if PLACING_FIELDS.intersection((*changes, *filled)):
                self.moved_from([case])
        return self.store.get(case_id)

    def _conflict(self, case: Case, since: datetime | None = None, *,
                  seen_status: CaseStatus | None = None,
                  seen_outcome: Outcome | None = None) -> EditConflictError:
        """The refusal of a save made on a stale screen: an edit opened at row version
        `since`, or a status change chosen while the case showed `seen_status` (and
        `seen_outcome`)."""
        if seen_status is not None:
            # The status moves, newest first, back to the one that left the status the
            # screen showed: their actors are who moved the case. In the order they were
            # written (ids), not by their times: two PCs' clocks need not agree.
            moves = sorted((e for e in self.events.for_case(case.id) if e.type == "status"),
                           key=lambda e: e.id)
            movers: list[str] = []
            for event in reversed(moves):
                movers.append(event.actor)
                if event.data.get("from") == seen_status.value:
                    break
            names = list(dict.fromkeys(reversed(movers))) or ["?"]
            was = (seen_status.zh, seen_status.en)
            now = (case.status.zh, case.status.en)
            if case.status == seen_status:  # resolved again meanwhile, another outcome
                was = (f"{seen_status.zh}（{seen_outcome.zh if seen_outcome else '无结果'}）",
                       f"{seen_status.en} ({seen_outcome.en if seen_outcome else 'no outcome'})")
                now = (f"{case.status.zh}（{case.outcome.zh if case.outcome else '无结果'}）",
                       f"{case.status.en} ({case.outcome.en if case.outcome else 'no outcome'})")
            return EditConflictError(
                f"没有更改：{'、'.join(names)} 在您打开之后把案件 {case.case_no} 从“{was[0]}”"
                f"改成了“{now[0]}”。",
                f"Not changed: {', '.join(names)} changed case {case.case_no} from {was[1]} "
                f"to {now[1]} after you opened it.")
        from .case_audit import FIELDS  # the audit's labels: only when an edit conflicts

        later = [e for e in self.audit_log.for_entity("case", case.id)
                 if since is None or to_utc_iso(e.at) > to_utc_iso(since)]
        who = sorted({e.actor for e in later}) or ["?"]
        fields = list(dict.fromkeys(e.field for e in later if e.field))
        zh_fields = "、".join(FIELDS[f].get("zh") if f in FIELDS else f for f in fields)
        en_fields = ", ".join(FIELDS[f].get("en") if f in FIELDS else f for f in fields)
        return EditConflictError(
            f"没有保存：{'、'.join(who)} 在您打开之后改了案件 {case.case_no}"
            f"（{zh_fields or '状态或备注'}）。您填写的内容还在，请核对后再点保存。",
            f"Not saved: {', '.join(who)} changed case {case.case_no} after you opened it "
            f"({en_fields or 'status or notes'}). What you typed is kept; check it and save "
            "again.")

    def change_status(self, case_id: int, transition: Transition, actor: str, *,
                      expected_status: CaseStatus | None = None,
                      expected_outcome: Outcome | None = None) -> Case:
        """Move a case through the workflow (validated by the domain rules).

        `expected_status` (with `expected_outcome`, the outcome shown beside it; None: no
        outcome): what the screen the choice was made on showed. When the case's status or
        outcome is no longer that, someone else moved it since and the change is refused
        with EditConflictError naming who and from what to what; nothing is written.
        Without it the change applies to the case as it is now (the command line, a
        follow-up's result). The status and outcome, not the row version: a note, a call
        or an edit of another field changes nothing the choice was made on, and values
        compare alike whatever the PCs' clocks say.
        """
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            case = self.store.get(case_id)
            if expected_status is not None and \
                    (case.status, case.outcome) != (expected_status, expected_outcome):
                raise self._conflict(case, seen_status=expected_status,
                                     seen_outcome=expected_outcome)
            check_transition(case.status, transition, amount_paid=case.amount_paid,
                             has_outcome=case.outcome is not None)
            if transition.to == CaseStatus.RESOLVED:
                self.compensation_check(case, transition.amount, actor)
            values: dict[str, object] = {"status": transition.to.value,
                                         "updated_at": now, "last_activity_at": now}
            outcome, settled = case.outcome, case.amount_settled
            resolved_at = case.resolved_at
            if transition.to == CaseStatus.RESOLVED:
                outcome, settled = transition.outcome, transition.amount
            elif is_reopen(case.status, transition.to):
                outcome, settled = None, None  # a reopened case will be resolved again
            if not transition.to.is_open and (case.status.is_open or resolved_at is None):
                resolved_at = now
            elif transition.to.is_open:
                resolved_at = None
            row = case_to_row(case.with_changes(status=transition.to, outcome=outcome,
                                                amount_settled=settled, updated_at=now,
                                                last_activity_at=now, resolved_at=resolved_at))
            values = {c: row[c] for c in ("status", "outcome", "amount_settled_fen",
                                          "updated_at", "last_activity_at", "resolved_at")}
            self.store.update_columns(case_id, values)
            for name, old, new in (("status", case.status, transition.to),
                                   ("outcome", case.outcome, outcome),
                                   ("amount_settled", case.amount_settled, settled)):
                if old != new:
                    self.audit_log.record(now, actor, "case", case_id, "status", name,
                                          field_text(old), field_text(new))
            self.events.add(case_id, now, actor, "status", transition.note.strip(), {
                "from": case.status.value, "to": transition.to.value,
                "outcome": outcome.value if outcome else None,
                "amount": str(settled) if settled is not None else None,
            })
            if self.status_listeners:
                after = self.store.get(case_id)
                for listener in self.status_listeners:
                    listener(case, after, actor, now)
            self.after_write([case_id])
        return self.store.get(case_id)

    def add_note(self, case_id: int, text: str, actor: str) -> TimelineEvent:
        """A progress note (备注进度) on the timeline; searchable."""
        actor = require_actor(actor)
        text = text.strip()
        if not text:
            raise ValidationError([FieldError("note", "备注不能为空", "The note is empty")])
        now = self.clock.now()
        with self.db.atomic():
            self.store.get(case_id)
            event_id = self.events.add(case_id, now, actor, "note", text)
            stamp = to_utc_iso(now)
            self.store.update_columns(case_id, {"last_activity_at": stamp, "updated_at": stamp})
            self.audit_log.record(now, actor, "case", case_id, "note", None, None, text)
            # A note changes no fact another case's rules read (buyer, product, cause,
            # status, times), so the cases around it are not re-judged: on a product with
            # thousands of cases that was 80% of a note's time (1.2 s → 0.3 s at 100k).
            self.after_write([case_id], siblings=False)
        return next(e for e in self.events.for_case(case_id) if e.id == event_id)

    def reveal_phone(self, case_id: int, actor: str) -> str:
        """The full phone number; the reveal itself is audited."""
        return self._reveal(case_id, actor, "buyer_phone", "reveal_phone")

    def reveal_address(self, case_id: int, actor: str) -> str:
        """The full address; the reveal itself is audited."""
        return self._reveal(case_id, actor, "buyer_address", "reveal_address")

    def _reveal(self, case_id: int, actor: str, field: str, action: str) -> str:
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            case = self.store.get(case_id, include_deleted=True)
            self.audit_log.record(now, actor, "case", case_id, action, field)
        return str(getattr(case, field))

    # --- trash -----------------------------------------------------------
    def delete(self, case_ids: Iterable[int], actor: str) -> int:
        """Move cases to the trash."""
        return self._set_deleted(list(case_ids), actor, deleted=True)

    def restore(self, case_ids: Iterable[int], actor: str) -> int:
        """Bring cases back from the trash."""
        return self._set_deleted(list(case_ids), actor, deleted=False)

    def _set_deleted(self, ids: list[int], actor: str, *, deleted: bool) -> int:
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            cases = self.store.fetch(ids)
            targets = [i for i, c in cases.items() if (c.deleted_at is None) == deleted]
            self.store.set_deleted(targets, now if deleted else None)
            for i in targets:
                action = "delete" if deleted else "restore"
                self.audit_log.record(now, actor, "case", i, action)
                self.events.add(i, now, actor, "deleted" if deleted else "restored")
            if deleted and targets:
                self.moved_from([cases[i] for i in targets])
            elif targets:
                self.after_write(targets)  # back among the others: judged as written
        return len(targets)

    def empty_trash(self, actor: str) -> int:
        """Remove trashed cases for good. Returns how many."""
        actor = require_actor(actor)
        now = self.clock.now()
        with self.db.atomic():
            ids = self.store.deleted_ids()
            cases = self.store.fetch(ids)
            for i in ids:
                self.audit_log.record(now, actor, "case", i, "purge", None, cases[i].case_no)
            self.store.purge(ids)
            if ids:  # trashed before trashing re-judged its neighbours: they are judged now
                self.moved_from([cases[i] for i in ids])
        return len(ids)

    # --- reading ---------------------------------------------------------
    def get(self, case_id: int, *, include_deleted: bool = False) -> Case:
        return self.store.get(case_id, include_deleted=include_deleted)

    def get_for_screen(self, case_id: int, *, include_deleted: bool = False) -> Case:
        """The case as a screen may show it (see `for_screen`); reveal_* for full values."""
        return for_screen(self.store.get(case_id, include_deleted=include_deleted))

    def for_screen(self, case: Case) -> Case:
        """`case` (already loaded, e.g. by a form that edits it) as a screen may show it."""
        return for_screen(case)

    def get_by_no(self, case_no: str) -> Case:
        from ..domain.case_no import normalise_case_no

        return self.store.get_by_no(normalise_case_no(case_no), include_deleted=True)

    def timeline(self, case_id: int) -> list[TimelineEvent]:
        """The case's history, oldest first. An overridden call logged before its event
        kept the reason carries it from the call log, so the timeline can say why."""
        events = self.events.for_case(case_id)
        missing = [e for e in events if e.type == "call" and e.data.get("overridden")
                   and "override_reason" not in e.data and e.data.get("call_id")]
        if not missing:
            return events
        from ..storage.calls import CallStore

        store, reasons = CallStore(self.db), {}
        for e in missing:
            try:
                reasons[e.id] = store.get(int(e.data["call_id"])).override_reason
            except LookupError:
                continue
        return [replace(e, data={**e.data, "override_reason": reasons[e.id]})
                if e.id in reasons else e for e in events]

    def audit(self, case_id: int) -> list[AuditEntry]:
        """The case's audit trail as stored (full values: for exports that ask for them)."""
        return self.audit_log.for_entity("case", case_id)

    def audit_for_screen(self, case_id: int) -> list[AuditEntry]:
        """The audit trail as a screen may show it: old and new phones and addresses
        masked (an edit of the phone must not show the number the case view hides)."""
        return [replace(e, old=_MASKS[e.field](e.old) if e.old else e.old,
                        new=_MASKS[e.field](e.new) if e.new else e.new)
                if e.field in _MASKS else e
                for e in self.audit_log.for_entity("case", case_id)]

    def query_ids(self, query: CaseQuery, *, limit: int | None = None) -> list[int]:
        return self.store.query_ids(query, limit=limit)

    def count(self, query: CaseQuery) -> int:
        return self.store.count(query)

    def query_page(self, query: CaseQuery, *, after: tuple[Any, int] | None = None,
                   through: tuple[Any, int] | None = None,
                   limit: int | None = None) -> list[tuple[int, Any]]:
        """One page of (id, sort value) pairs; see CaseStore.query_page."""
        return self.store.query_page(query, after=after, through=through, limit=limit)

    def sort_value(self, query: CaseQuery, case_id: int) -> tuple[Any, int] | None:
        return self.store.sort_value(query, case_id)

    def background_counter(self) -> Callable[[CaseQuery], int] | None:
        """A count of `query` that may run on a worker thread: it opens a read-only
        connection of its own for each call. None for an in-memory register (no file to
        open again), where the caller counts on its own thread."""
        name = next((r[2] for r in self.db.execute("PRAGMA database_list").fetchall()
                     if r[1] == "main"), "")
        if not name:
            return None
        uri = sqlite_uri(Path(name), "mode=ro")

        def count(query: CaseQuery) -> int:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                return CaseStore(SqliteDatabase(conn)).count(query)
            finally:
                conn.close()

        return count

    def fetch(self, case_ids: Sequence[int]) -> dict[int, Case]:
        return self.store.fetch(case_ids)

    def list_rows(self, case_ids: Sequence[int]) -> dict[int, CaseListRow]:
        """The list's columns of these cases (a page of the case list); see
        domain/case_list.py."""
        return self.store.list_rows(case_ids)
