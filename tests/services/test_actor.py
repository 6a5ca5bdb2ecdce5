"""require_actor: one check, the same refusal from every service that writes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.errors import FieldError, ValidationError
from shopdesk.domain.promises import PromiseKind
from shopdesk.services.actor import require_actor

from ..conftest import T0
from .calls_support import open_case

REFUSAL = FieldError("actor", "请先选择操作人", "Choose who you are first")


def test_the_name_comes_back_without_surrounding_spaces():
    assert require_actor("  小王 ") == "小王"


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_nobody_chosen_is_refused_in_both_languages(blank):
    with pytest.raises(ValidationError) as refused:
        require_actor(blank)
    assert refused.value.errors == [REFUSAL]
    assert refused.value.errors[0].message("en") == "Choose who you are first"


def test_the_field_named_can_be_another_persons():
    with pytest.raises(ValidationError) as refused:
        require_actor(" ", "staff")
    assert refused.value.errors == [FieldError("staff", REFUSAL.zh, REFUSAL.en)]


def test_every_writing_service_refuses_a_blank_operator_the_same_way(register):
    case = open_case(register)
    writes = [
        lambda: register.cases.add_note(case.id, "note", " "),
        lambda: register.calls.log_call(case.id, CallOutcome.NO_ANSWER, " ", T0),
        lambda: register.promises.make(case.id, PromiseKind.CALL_BACK,
                                       T0 + timedelta(hours=2), " "),
        lambda: register.evidence.add_waybill(case.id, "顺丰速运", "SF1234567890", " "),
        lambda: register.shifts.end(" "),
    ]
    for write in writes:
        with pytest.raises(ValidationError) as refused:
            write()
        assert refused.value.errors == [REFUSAL]
