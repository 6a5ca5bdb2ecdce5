"""Finding a call's person costs index lookups, not a read of every case or call: the
call form asks on every keystroke and the call light every 30 s, on the UI thread."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

import pytest

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import Platform

from .calls_support import call_service, open_case

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
# The tables a person's lookup reads; a SCAN of one is a read of every row.
TABLES = ("cases", "call_attempts", "audit_log", "buyers")


def _plans(register, action) -> list[str]:
    """EXPLAIN QUERY PLAN of every SELECT `action` runs."""
    seen: list[str] = []
    register.db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        register.db.conn.set_trace_callback(None)
    return [f"{sql} => " + " | ".join(str(r[-1]) for r in register.db.execute(
        f"EXPLAIN QUERY PLAN {sql}")) for sql in seen
        if sql.lstrip().upper().startswith("SELECT")]


@pytest.fixture
def people(register, clock):
    """Two platforms sharing one phone line, a renamed buyer, calls and a do-not-call."""
    calls = call_service(register)
    clock.set(MON_10)
    a = open_case(register, nick=" 甲 ", phone="13812345678", order="3700000000001")
    b = open_case(register, nick="乙", phone="+86 138-1234-5678", order="3700000000002",
                  platform=Platform.JD)
    c = open_case(register, nick="丙", phone="13900000003", order="3700000000003")
    calls.log_call(a.id, CallOutcome.NO_ANSWER, "小王")
    calls.set_do_not_call(c.id, True, "小王")
    fields = {f.name: getattr(c, f.name) for f in dataclasses.fields(CaseDraft)}
    register.cases.update(c.id, CaseDraft(**{**fields, "buyer_nick": "丙2"}), "小王")
    return calls, a, b, c


@pytest.mark.local_only("reads SQLite's EXPLAIN QUERY PLAN")
@pytest.mark.parametrize("ask", ["can_call", "buyer", "calls_for_buyer", "may_call_now",
                                 "log_call", "set_do_not_call"])
def test_a_call_decision_reads_the_person_by_index(register, people, ask):
    calls, a, b, c = people
    action = {
        "can_call": lambda: calls.can_call(b.id),
        "buyer": lambda: calls.buyer(c.id),
        "calls_for_buyer": lambda: calls.calls_for_buyer(a.id),
        # The list itself reads the open cases; finding their people must not read more.
        "may_call_now": calls.may_call_now,
        "log_call": lambda: calls.log_call(b.id, CallOutcome.NO_ANSWER, "小王",
                                           override_reason="买家要求回电"),
        "set_do_not_call": lambda: calls.set_do_not_call(b.id, True, "小王"),
    }[ask]
    plans = _plans(register, action)
    assert any("idx_cases_buyer_phone" in p for p in plans), plans
    assert any("idx_cases_buyer_nick" in p for p in plans), plans
    scans = [p for p in plans
             if any(re.search(rf"SCAN {t}\b", p.partition(" => ")[2])
                    for t in TABLES)
             and "status IN" not in p.partition(" => ")[0]]
    assert not scans, scans


def test_the_may_call_list_finds_the_people_can_call_finds(register, people, clock):
    calls, a, b, c = people
    clock.set(MON_10.replace(hour=8))
    listed = {cand.case.id: cand.decision for cand in calls.may_call_now()}
    # a and b are one person (one phone line): listed once; c's renamed buyer said no.
    assert set(listed) == {a.id}
    assert listed[a.id].remaining_24h == calls.can_call(a.id).remaining_24h == 1
    assert calls.buyer(c.id).do_not_call
