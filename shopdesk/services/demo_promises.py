"""The demo's promises to buyers: open ones still owed, kept and broken ones in the history
of settled cases, with the timeline events and audit rows the service writes."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..domain.case import Case
from ..domain.enums import CaseKind
from ..domain.promises import Promise, PromiseKind, PromiseState
from .promises import audit_values, event_data, event_text

# Promises to buyers: what each kind of case usually gets promised, and why one was broken.
PROMISE_KINDS = {
    CaseKind.REFUND_ONLY: (PromiseKind.REFUND, PromiseKind.REPLY, PromiseKind.CHECK_WAREHOUSE),
    CaseKind.RETURN_REFUND: (PromiseKind.REFUND, PromiseKind.REPLY),
    CaseKind.EXCHANGE: (PromiseKind.RESHIP, PromiseKind.SEND_TRACKING),
    CaseKind.RESHIP_REPAIR: (PromiseKind.RESHIP, PromiseKind.SEND_TRACKING,
                             PromiseKind.CHECK_WAREHOUSE),
    CaseKind.BAD_REVIEW: (PromiseKind.CALL_BACK, PromiseKind.REPLY),
    CaseKind.COMPLAINT: (PromiseKind.CALL_BACK, PromiseKind.REPLY, PromiseKind.CHECK_WAREHOUSE),
    CaseKind.PLATFORM_DISPUTE: (PromiseKind.REPLY, PromiseKind.SEND_TRACKING),
}
PROMISE_TEXTS = {
    PromiseKind.REPLY: ("答复质检结果", "回复处理方案", ""),
    PromiseKind.CALL_BACK: ("确认补发时间", "确认退货地址", ""),
    PromiseKind.RESHIP: ("补发缺少的配件", "重新发一件新的", ""),
    PromiseKind.REFUND: ("退还差价", "仓库收到退货后退款", ""),
    PromiseKind.SEND_TRACKING: ("告知补发单号", ""),
    PromiseKind.CHECK_WAREHOUSE: ("核实发货时是否漏装", "查库存和到货时间", ""),
}
BROKEN_REASONS = ("仓库缺货，改为退款", "快递停发，延后一天", "买家电话一直未接通",
                  "主管未批准补偿")
OPEN_PROMISE_SHARE = 0.2  # of open cases
SETTLED_PROMISE_SHARE = 0.3  # of resolved and closed cases
BROKEN_SHARE = 0.25  # of those settled promises
# Open demo promises fall due two or three shop days ahead: none is overdue when the demo is
# made (nor a day later), so the red banner shows only once that time really passes.
OPEN_DUE_DAYS = (2, 3)
OPEN_DUE_HOURS = (10, 12, 15, 18)


def build_demo_promises(cases: Sequence[tuple[int, Case]], now: datetime, tz: str,
                        seed: int | None = None, *, rng: random.Random | None = None,
                        fallback_actor: str = "") -> list[Promise]:
    """Promises for some of the (id, case) pairs: open ones on open cases (due two or three
    shop days after `now`), kept or broken ones inside the history of settled cases.
    `rng`: the generator to draw from (one for all the chunks of a demo), else one from
    `seed`. `fallback_actor` makes a promise on a case nobody handles or made."""
    if rng is None:
        rng = random.Random(None if seed is None else f"promises-{seed}")
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    out: list[Promise] = []
    for case_id, case in cases:
        share = OPEN_PROMISE_SHARE if case.status.is_open else SETTLED_PROMISE_SHARE
        if rng.random() >= share or case.created_at is None or case.last_activity_at is None:
            continue
        kind = rng.choice(PROMISE_KINDS[case.kind])
        text = rng.choice(PROMISE_TEXTS[kind])
        actor = case.assignee or case.created_by or fallback_actor
        first, last = case.created_at, case.last_activity_at
        if case.status.is_open:  # promised at the last contact, still owed
            day = today + timedelta(days=rng.choice(OPEN_DUE_DAYS))
            due = datetime.combine(day, time(rng.choice(OPEN_DUE_HOURS)), tzinfo=zone)
            out.append(Promise(0, case_id, kind, text, due.astimezone(UTC), actor, last))
            continue
        made = first + (last - first) * rng.uniform(0.1, 0.6)
        due = made + timedelta(hours=rng.choice((2, 4, 8, 24)))
        if rng.random() < BROKEN_SHARE:
            resolved = min(last, due + timedelta(hours=rng.randint(1, 6)))
            out.append(Promise(0, case_id, kind, text, due, actor, made, PromiseState.BROKEN,
                               resolved, actor, rng.choice(BROKEN_REASONS)))
        else:  # most kept in time, some late
            resolved = min(last, made + (due - made) * rng.uniform(0.3, 1.2))
            out.append(Promise(0, case_id, kind, text, due, actor, made, PromiseState.KEPT,
                               resolved, actor))
    return out


# The event a settled promise's step writes, per state (as PromiseService writes it).
_SETTLED_EVENT = {PromiseState.KEPT: "promise_kept", PromiseState.BROKEN: "promise_broken",
                  PromiseState.CANCELLED: "promise_cancelled"}


def promise_steps(p: Promise, tz: str) -> Iterator[tuple[datetime, str, str, str,
                                                         dict[str, object], tuple]]:
    """The timeline events and audit rows the service writes for a stored promise `p`
    (`tz`: the shop's zone) when it was made and, unless open, settled: per step (at,
    actor, event type, event text, event data, the audit row after its at and actor)."""
    made = replace(p, state=PromiseState.OPEN, resolved_at=None, resolved_by=None,
                   broken_reason=None)  # as it stood when it was made
    steps = [(made, "promise_made", p.made_at, p.made_by)]
    if not p.is_open:
        steps.append((p, _SETTLED_EVENT[p.state], p.resolved_at, p.resolved_by))
    for shown, type_, at, actor in steps:
        yield (at, actor, type_, event_text(shown, type_, tz), event_data(shown),
               ("case", p.case_id, type_, f"promise:{p.id}", *audit_values(shown, type_)))
