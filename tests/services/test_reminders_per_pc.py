"""On a team register each staff PC's tray announces every reminder: what was said is
remembered per PC. A shared "tray" channel let whichever PC polled first take it — a
call-back 小王 promised on PC2 popped up only on 小李's PC1 (team walkthrough, session 17)."""

from __future__ import annotations

import socket
from datetime import timedelta

from shopdesk.domain.case import draft_from_fields
from shopdesk.services.reminders import TRAY


def _overdue_refund(register, clock):
    register.cases.open_case(draft_from_fields({"platform": "taobao", "order_no": "TB300001",
                                                "kind": "refund_only", "description": ""}),
                             "小王")
    clock.advance(days=2)


def test_each_pc_is_told_once(register, clock):
    _overdue_refund(register, clock)
    service = register.reminders
    service.pc = "PC1"
    first = service.take(TRAY)
    assert first is not None and service.take(TRAY) is None  # told once on PC1
    service.pc = "PC2"
    second = service.take(TRAY)
    assert second is not None and second.title == first.title  # and once on PC2
    assert service.take(TRAY) is None


def test_a_team_register_remembers_per_pc_and_a_local_one_as_before(register):
    expected = (socket.gethostname() or "?") if register.is_team else ""
    assert register.reminders.pc == expected


def test_the_command_line_channel_is_per_pc_too(register, clock):
    _overdue_refund(register, clock)
    service = register.reminders
    service.pc = "PC1"
    assert service.due_new(timedelta(hours=2))
    assert service.due_new(timedelta(hours=2)) == []
    service.pc = "PC2"
    assert service.due_new(timedelta(hours=2))
