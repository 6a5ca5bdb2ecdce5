"""StaffService: deactivating by name and who a case may be handed to."""

import pytest

from shopdesk.domain.errors import ValidationError


def _refusal(call) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        call()
    (error,) = caught.value.errors
    return error.field, error.en


def test_deactivate_by_name_is_audited_and_keeps_the_name(register):
    register.staff.add("小李", actor="小王")
    member = register.staff.deactivate_named(" 小李 ", "小王")
    assert (member.name, member.active) == ("小李", False)
    assert "小李" not in [m.name for m in register.staff.list()]
    assert "小李" in [m.name for m in register.staff.list(include_inactive=True)]
    audit = register.staff.audit.latest(1)[0]
    assert (audit.entity, audit.entity_id, audit.action, audit.actor) == (
        "staff", member.id, "deactivate", "小王")


def test_deactivating_an_unknown_or_inactive_name_is_refused(register):
    assert _refusal(lambda: register.staff.deactivate_named("无名", "小王")) == (
        "name", "No such staff member: 无名")
    register.staff.add("小李", actor="小王")
    register.staff.deactivate_named("小李", "小王")
    assert _refusal(lambda: register.staff.deactivate_named("小李", "小王")) == (
        "name", "小李 is already inactive")
    # Adding the name again brings them back.
    register.staff.add("小李", actor="小王")
    assert "小李" in [m.name for m in register.staff.list()]


def test_only_active_staff_can_be_handed_a_case(register):
    assert register.staff.require_active(" 小王 ") == "小王"
    assert _refusal(lambda: register.staff.require_active("阿珍")) == (
        "assignee", "No such staff member: 阿珍")
    register.staff.add("小李", actor="小王")
    register.staff.deactivate_named("小李", "小王")
    field, text = _refusal(lambda: register.staff.require_active("小李", field="staff"))
    assert field == "staff" and "no longer active" in text
