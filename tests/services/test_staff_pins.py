"""Staff PINs: asked to start a shift and acknowledge a hand-off; wrong ones refused and
audited, many wrong ones lock the name; changing or clearing needs the current PIN."""

from __future__ import annotations

import pytest

from shopdesk.domain.errors import ValidationError
from shopdesk.services.staff import PinError


@pytest.fixture
def team(register):
    register.staff.add("小李", actor="小王")
    register.staff.set_pin("小李", "2468", "小王")
    return register


def refusals(register):
    return [a for a in register.staff.audit.latest() if a.action == "pin_refused"]


def test_the_pin_is_stored_hashed_and_the_audit_never_holds_it(team):
    rows = team.db.execute("SELECT pin_hash FROM staff_pins").fetchall()
    assert len(rows) == 1 and rows[0][0].startswith("pbkdf2_sha256$")
    # The digits are nowhere else: not in the audit trail, the settings or the staff rows.
    for table in ("audit_log", "settings", "staff", "shift_events"):
        for row in team.db.execute(f"SELECT * FROM {table}").fetchall():
            assert "2468" not in repr(row), (table, row)
    [audit] = [a for a in team.staff.audit.latest() if a.action == "pin_set"]
    assert (audit.actor, audit.field, audit.old, audit.new) == ("小王", "pin", None, None)
    assert team.staff.has_pin("小李") and not team.staff.has_pin("小王")
    assert team.staff.staff_with_pins() == {"小李"}


def test_starting_a_shift_needs_the_right_pin(team):
    with pytest.raises(PinError) as refused:
        team.shifts.start("小李")
    assert refused.value.missing and refused.value.errors[0].field == "pin"
    assert refused.value.errors[0].zh == "小李 设置了 PIN，请输入 4 位 PIN"
    assert refusals(team) == []  # a missing PIN is not a wrong guess

    with pytest.raises(PinError) as refused:
        team.shifts.start("小李", pin="1357")
    assert refused.value.errors[0].zh == "小李 的 PIN 不正确"
    assert refused.value.errors[0].en == "Wrong PIN for 小李"
    [audit] = refusals(team)
    assert (audit.actor, audit.entity, audit.new) == ("小李", "staff", "shift_start")
    assert team.shifts.current() is None and team.staff.current_operator() == "小王"

    shift = team.shifts.start("小李", pin="2468")
    assert shift.staff == "小李" and team.staff.current_operator() == "小李"
    # Nobody without a PIN is asked for one.
    team.shifts.end("小李")
    assert team.shifts.start("小王").staff == "小王"


def test_acknowledging_needs_the_pin_too(team, clock):
    team.shifts.end("小王")
    with pytest.raises(PinError):
        team.shifts.acknowledge("小李", pin="0000")
    assert team.shifts.pending() is not None
    assert refusals(team)[0].new == "handoff_ack"
    done = team.shifts.acknowledge("小李", pin="2468")
    assert done.ack_by == "小李"


def test_five_wrong_pins_lock_the_name_for_fifteen_minutes(team, clock):
    for _ in range(5):
        with pytest.raises(PinError):
            team.staff.verify_pin("小李", "1111")
    with pytest.raises(PinError) as locked:
        team.staff.verify_pin("小李", "2468")  # even the right one, for now
    assert "错误次数过多" in locked.value.errors[0].zh and "10:15" in locked.value.errors[0].zh
    assert len(refusals(team)) == 5  # the lock itself is not another wrong guess
    clock.advance(minutes=15, seconds=1)
    team.staff.verify_pin("小李", "2468")


def test_changing_or_clearing_a_pin_needs_the_current_one(team):
    with pytest.raises(ValidationError) as refused:
        team.staff.set_pin("小李", "1234", "小王")
    assert refused.value.errors[0].field == "old_pin"
    with pytest.raises(ValidationError) as refused:
        team.staff.set_pin("小李", "1234", "小王", old_pin="9999")
    assert refused.value.errors[0].field == "old_pin"
    team.staff.set_pin("小李", "1234", "小李", old_pin="2468")
    team.staff.verify_pin("小李", "1234")
    with pytest.raises(ValidationError):
        team.staff.clear_pin("小李", "小王", old_pin="2468")
    team.staff.clear_pin("小李", "小王", old_pin="1234")
    assert not team.staff.has_pin("小李")
    team.staff.verify_pin("小李", None)  # no PIN: nothing asked
    actions = [a.action for a in team.staff.audit.latest() if a.entity == "staff"]
    assert {"pin_set", "pin_changed", "pin_cleared"} <= set(actions)


@pytest.mark.parametrize("bad", ["123", "12345", "abcd", "", "１２３４"])
def test_a_pin_must_be_four_ascii_digits(register, bad):
    with pytest.raises(ValidationError) as refused:
        register.staff.set_pin("小王", bad, "小王")
    assert refused.value.errors[0].field == "pin" and "4" in refused.value.errors[0].zh


def test_lock_window_counts_only_recent_refusals(team, clock):
    for _ in range(4):
        with pytest.raises(PinError):
            team.staff.verify_pin("小李", "1111")
    clock.advance(minutes=16)
    for _ in range(4):
        with pytest.raises(PinError):
            team.staff.verify_pin("小李", "1111")
    team.staff.verify_pin("小李", "2468")  # 4 in the last 15 minutes: not locked
    assert len(refusals(team)) == 8


def test_a_forgotten_pin_is_reset_with_a_reason_even_when_locked_out(team, clock):
    for _ in range(5):
        with pytest.raises(PinError):
            team.staff.verify_pin("小李", "1111")  # locked out now
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            team.staff.reset_pin("小李", "小李", reason)
        assert refused.value.errors[0].field == "reason"
    assert team.staff.has_pin("小李")
    team.staff.reset_pin("小李", "小李", "  忘记了\n PIN ")
    assert not team.staff.has_pin("小李")
    team.shifts.start("小李")  # no PIN asked any more, the lock is moot
    [audit] = [a for a in team.staff.audit.latest() if a.action == "pin_reset"]
    assert (audit.actor, audit.entity_id, audit.field, audit.new) == (
        "小李", team.staff.store.by_name("小李").id, "pin", "忘记了 PIN")
    # A new PIN is set without an old one, as for anyone without a PIN; the wrong tries
    # against the forgotten one do not lock it.
    clock.advance(minutes=1)
    team.staff.set_pin("小李", "1357", "小李")
    team.staff.verify_pin("小李", "1357")
    with pytest.raises(ValidationError) as refused:
        team.staff.reset_pin("小王", "小王", "试试")
    assert refused.value.errors[0].field == "staff" and "没有设置 PIN" in refused.value.errors[0].zh
    with pytest.raises(ValidationError):
        team.staff.reset_pin("小李", "小王", "x" * 201)
