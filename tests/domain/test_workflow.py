from decimal import Decimal

import pytest

from shopdesk.domain.enums import CaseStatus as S
from shopdesk.domain.enums import Outcome
from shopdesk.domain.errors import WorkflowError
from shopdesk.domain.workflow import Transition, allowed_targets, check_transition


def ok(current, t, paid=Decimal("100"), has_outcome=False):
    check_transition(current, t, amount_paid=paid, has_outcome=has_outcome)


def test_happy_path():
    ok(S.NEW, Transition(S.IN_PROGRESS))
    ok(S.IN_PROGRESS, Transition(S.WAITING_BUYER))
    ok(S.WAITING_BUYER, Transition(S.RESOLVED, Outcome.PARTIAL_REFUND, Decimal("30")))
    ok(S.RESOLVED, Transition(S.CLOSED), has_outcome=True)


def test_resolve_needs_outcome_and_money_outcomes_need_amount():
    with pytest.raises(WorkflowError, match="outcome"):
        ok(S.IN_PROGRESS, Transition(S.RESOLVED))
    with pytest.raises(WorkflowError, match="amount"):
        ok(S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.FULL_REFUND))
    ok(S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.EXCHANGED))


def test_refund_cannot_exceed_paid_but_compensation_is_separate():
    with pytest.raises(WorkflowError, match="exceed"):
        ok(S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.PARTIAL_REFUND, Decimal("100.01")))
    ok(S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.COMPENSATED, Decimal("20")))


def test_reopen_and_unresolved_close_need_a_reason():
    with pytest.raises(WorkflowError, match="Reopening"):
        ok(S.CLOSED, Transition(S.IN_PROGRESS))
    ok(S.CLOSED, Transition(S.IN_PROGRESS, note="买家又联系了"))
    with pytest.raises(WorkflowError, match="reason"):
        ok(S.NEW, Transition(S.CLOSED))
    ok(S.NEW, Transition(S.CLOSED, note="重复登记"))


def test_forbidden_moves():
    with pytest.raises(WorkflowError):
        ok(S.CLOSED, Transition(S.RESOLVED, Outcome.EXCHANGED))
    with pytest.raises(WorkflowError):
        ok(S.NEW, Transition(S.NEW))
    assert S.NEW not in allowed_targets(S.IN_PROGRESS)
    assert allowed_targets(S.CLOSED) == [S.IN_PROGRESS]


@pytest.mark.parametrize("current,t,field", [
    (S.NEW, Transition(S.NEW), "to"),
    (S.CLOSED, Transition(S.RESOLVED, Outcome.EXCHANGED), "to"),
    (S.IN_PROGRESS, Transition(S.RESOLVED), "outcome"),
    (S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.FULL_REFUND), "amount"),
    (S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.COMPENSATED, Decimal("-1")), "amount"),
    (S.IN_PROGRESS, Transition(S.RESOLVED, Outcome.FULL_REFUND, Decimal("101")), "amount"),
    (S.IN_PROGRESS, Transition(S.CLOSED), "note"),
    (S.CLOSED, Transition(S.IN_PROGRESS), "note"),
])
def test_a_refusal_names_the_field_to_fix(current, t, field):
    from shopdesk.domain.workflow import TransitionError

    with pytest.raises(TransitionError) as caught:
        ok(current, t)
    assert caught.value.field == field
