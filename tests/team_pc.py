"""One staff PC of the two-process team scenario (tests/services/test_team_scenario.py):
a process of its own holding one open team register, driven by small calls."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.domain.errors import ShopDeskError
from shopdesk.paths import DataPaths
from shopdesk.services.register import Register, open_register

_pc: dict[str, object] = {}


def start(home: str, url: str, now: str) -> bool:
    """Set this PC up for the team register at `url` and open it (as `team connect`)."""
    paths = DataPaths(Path(home))
    paths.ensure()
    (paths.root / "team.json").write_text(json.dumps({"url": url}), encoding="utf-8")
    clock = FixedClock(datetime.fromisoformat(now))
    _pc["clock"] = clock
    _pc["register"] = open_register(paths, clock, daily_backup=False)
    return _reg().is_team


def _reg() -> Register:
    return _pc["register"]  # type: ignore[return-value]


def set_now(now: str) -> None:
    _pc["clock"].set(datetime.fromisoformat(now))  # type: ignore[attr-defined]


def operator(name: str) -> None:
    if name not in [s.name for s in _reg().staff.list()]:
        _reg().staff.add(name, actor=name)
    _reg().staff.set_current_operator(name)


def add_case(order: str, nick: str, actor: str) -> int:
    case = _reg().cases.open_case(CaseDraft(
        platform=Platform.TAOBAO, order_no=order, kind=CaseKind.REFUND_ONLY, buyer_nick=nick,
        buyer_phone="13812345678"), actor)
    return case.id


def case_nos() -> list[str]:
    reg = _reg()
    return sorted(c.case_no for c in reg.cases.fetch(
        reg.cases.query_ids(_query())).values())


def _query():
    from shopdesk.domain.case_query import CaseQuery
    return CaseQuery()


def version(case_id: int) -> str:
    return _reg().cases.get(case_id).updated_at.isoformat()


def edit(case_id: int, opened_at: str, actor: str, **changes: str) -> str:
    """'ok', or the refusal's Chinese text."""
    reg = _reg()
    case = reg.cases.get(case_id)
    base = {f.name: getattr(case, f.name) for f in dataclasses.fields(CaseDraft)}
    try:
        reg.cases.update(case_id, CaseDraft(**{**base, **changes}), actor,
                         expected_updated_at=datetime.fromisoformat(opened_at))
    except ShopDeskError as exc:
        return exc.zh
    return "ok"


def log_call(case_id: int, actor: str, reason: str | None = None) -> str:
    try:
        _reg().calls.log_call(case_id, CallOutcome.NO_ANSWER, actor, override_reason=reason)
    except ShopDeskError as exc:
        return "refused: " + exc.zh
    return "ok"


def calls_logged(case_id: int) -> int:
    return int(_reg().db.execute("SELECT count(*) FROM call_attempts WHERE case_id = ?",
                                 [case_id]).fetchone()[0])


def start_shift(staff: str) -> None:
    _reg().shifts.start(staff)


def end_shift(actor: str) -> int:
    return _reg().shifts.end(actor, "交接：两个退款待跟进").id


def pending_handoff() -> int | None:
    shift = _reg().shifts.pending()
    return shift.id if shift else None


def acknowledge(staff: str) -> str | None:
    return _reg().shifts.acknowledge(staff).ack_by


def data_version() -> int:
    return _reg().data_version()


def stop() -> None:
    _reg().close()
