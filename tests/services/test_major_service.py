"""Major complaints: marking with an owner, the suggestion, major-first queues, limits and
the owner's approval of compensation (with PIN), recorded on the timeline and audit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shopdesk.domain.case import draft_from_fields
from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseStatus, Outcome
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.warnings import RuleKey
from shopdesk.domain.workflow import Transition
from shopdesk.services.major import ApprovalNeeded
from shopdesk.services.staff import PinError


def open_case(register, order="T200001", description="", amount="300"):
    draft = draft_from_fields({"platform": "taobao", "order_no": order, "kind": "refund_only",
                               "buyer_nick": f"买家{order}", "sku": f"SKU-{order}",
                               "cause": "item_defective", "description": description,
                               "amount_paid": amount, "amount_claimed": amount})
    return register.cases.open_case(draft, "小王")


def resolve(register, case_id, amount, actor="小王"):
    return register.cases.change_status(
        case_id, Transition(CaseStatus.RESOLVED, outcome=Outcome.PARTIAL_REFUND,
                            amount=Decimal(amount)), actor)


@pytest.fixture
def boss(register):
    register.staff.add("老板", actor="小王")
    return "老板"


def test_a_safety_warning_suggests_major_but_marks_nothing(register):
    case = open_case(register, description="孩子手被割伤了")
    assert [w.rule for w in register.major.suggestion(case.id)] == [RuleKey.SAFETY]
    assert register.cases.get(case.id).major_owner == ""
    plain = open_case(register, order="T200002")
    assert register.major.suggestion(plain.id) == []


def test_marking_major_names_an_owner_on_timeline_and_audit(register, boss):
    case = open_case(register, description="割伤")
    marked = register.major.mark(case.id, boss, "小王", "买家受伤，老板跟进")
    assert marked.major_owner == "老板" and marked.is_major
    assert register.major.suggestion(case.id) == []  # already major
    event = register.cases.timeline(case.id)[-1]
    assert (event.type, event.text, event.data["owner"]) == ("major", "买家受伤，老板跟进", "老板")
    audit = [a for a in register.cases.audit(case.id) if a.action == "major"]
    assert (audit[0].field, audit[0].old, audit[0].new) == ("major_owner", None, "老板")
    with pytest.raises(ValidationError) as refused:
        register.major.mark(case.id, "路人甲", "小王")
    assert refused.value.errors[0].field == "owner"


def test_unmarking_needs_a_reason(register, boss):
    case = open_case(register)
    register.major.mark(case.id, boss, "小王")
    with pytest.raises(ValidationError) as refused:
        register.major.unmark(case.id, "小王", "")
    assert refused.value.errors[0].field == "note"
    assert register.major.unmark(case.id, "小王", "误判").major_owner == ""
    with pytest.raises(ValidationError):
        register.major.unmark(case.id, "小王", "again")


@pytest.mark.parametrize("sort", [SortKey.LAST_ACTIVITY, SortKey.CREATED, SortKey.AMOUNT,
                                  SortKey.CASE_NO])
@pytest.mark.parametrize("descending", [True, False])
def test_major_cases_come_first_in_every_sort_and_page(register, boss, clock, sort,
                                                       descending):
    ids = []
    for i in range(7):
        clock.advance(minutes=1)
        ids.append(open_case(register, order=f"T2100{i:02d}", amount=str(100 + i)).id)
    register.major.mark(ids[2], boss, "小王")
    register.major.mark(ids[5], boss, "小王")
    query = CaseQuery(sort=sort, descending=descending)
    order = register.cases.query_ids(query)
    assert set(order[:2]) == {ids[2], ids[5]} and len(order) == 7
    # Keyset pages of two give the same order, across the tier boundary.
    paged, after = [], None
    while page := register.cases.query_page(query, after=after, limit=2):
        paged += [case_id for case_id, _v in page]
        after = (page[-1][1], page[-1][0])
    assert paged == order
    # A row is found (and loaded up to) by its keyset, in either tier.
    for target in (ids[5], ids[0]):
        key = register.cases.sort_value(query, target)
        through = register.cases.query_page(query, through=key)
        assert through[-1][0] == target
    assert register.cases.query_ids(query.with_changes(major_first=False))[:2] != order[:2] \
        or sort == SortKey.CASE_NO


def test_compensation_above_the_limit_needs_the_owners_approval(register, boss):
    register.major.set_limit(None, Decimal(100), "老板")
    case = open_case(register, description="要曝光")
    register.major.mark(case.id, boss, "小王")
    with pytest.raises(ApprovalNeeded) as refused:
        resolve(register, case.id, "250")
    assert refused.value.owner == "老板" and refused.value.limit == Decimal(100)
    assert refused.value.errors[0].field == "approval"
    assert register.cases.get(case.id).status == CaseStatus.NEW  # nothing changed
    approval = register.major.approve(case.id, Decimal(250), "老板", "小王", note="同意")
    assert approval.approved_by == "老板" and approval.amount == Decimal("250.00")
    assert resolve(register, case.id, "250").status == CaseStatus.RESOLVED
    types = [e.type for e in register.cases.timeline(case.id)]
    assert "approval" in types
    audit = [a for a in register.cases.audit(case.id) if a.action == "approve"]
    assert (audit[0].actor, audit[0].new) == ("老板", "250.00")


def test_within_the_limit_or_by_the_owner_no_approval_is_needed(register, boss):
    register.major.set_limit(None, Decimal(100), "老板")
    register.major.set_limit("小王", Decimal(300), "老板")
    case = open_case(register)
    register.major.mark(case.id, boss, "小王")
    assert register.major.needs_approval(register.cases.get(case.id), Decimal(300),
                                         "小王") is None
    assert register.major.needs_approval(register.cases.get(case.id), Decimal(301),
                                         "小王") == Decimal(300)
    assert register.major.needs_approval(register.cases.get(case.id), Decimal(999),
                                         "老板") is None
    # A case that is not major never needs one.
    other = open_case(register, order="T200009")
    assert resolve(register, other.id, "290", actor="小王").status == CaseStatus.RESOLVED


def test_an_approval_below_the_amount_does_not_cover_it(register, boss):
    register.major.set_limit(None, Decimal(50), "老板")
    case = open_case(register)
    register.major.mark(case.id, boss, "小王")
    register.major.approve(case.id, Decimal(100), "老板", "小王")
    with pytest.raises(ApprovalNeeded):
        resolve(register, case.id, "150")


def test_approval_by_someone_else_or_with_a_wrong_pin_is_refused(register, boss):
    register.staff.set_pin("老板", "2468", "老板")
    case = open_case(register)
    register.major.mark(case.id, boss, "小王")
    with pytest.raises(ValidationError) as refused:
        register.major.approve(case.id, Decimal(100), "小王", "小王", pin="2468")
    assert refused.value.errors[0].field == "owner"
    with pytest.raises(PinError):
        register.major.approve(case.id, Decimal(100), "老板", "小王", pin="1111")
    with pytest.raises(PinError) as missing:
        register.major.approve(case.id, Decimal(100), "老板", "小王")
    assert missing.value.missing
    assert register.major.approvals(case.id) == []
    register.major.approve(case.id, Decimal(100), "老板", "小王", pin="2468")
    assert len(register.major.approvals(case.id)) == 1


def test_limits_default_and_per_staff_are_audited(register, boss):
    assert register.major.limits().default == Decimal(200)
    limits = register.major.set_limit("小王", Decimal("80.5"), "老板")
    assert limits.for_staff("小王") == Decimal("80.50") and limits.for_staff("老板") == 200
    limits = register.major.set_limit("小王", None, "老板")
    assert limits.for_staff("小王") == Decimal(200)
    with pytest.raises(ValidationError):
        register.major.set_limit("路人甲", Decimal(1), "老板")
    with pytest.raises(ValidationError):
        register.major.set_limit(None, Decimal(-1), "老板")
    actions = [r[0] for r in register.db.execute(
        "SELECT field FROM audit_log WHERE action = 'compensation_limit'").fetchall()]
    assert actions == ["小王", "小王"]


@pytest.mark.parametrize("sort", [SortKey.PLATFORM, SortKey.ITEM, SortKey.LAST_ACTIVITY])
def test_pages_of_the_rest_skip_the_majors_yet_stay_full(register, boss, clock, sort):
    """The rest tier reads as many more rows as there are majors and drops them: pages
    stay full when the majors would have been the first rows of the rest (equal sort
    values, ties broken by id)."""
    ids = []
    for i in range(9):
        clock.advance(minutes=1)
        ids.append(open_case(register, order=f"T2200{i:02d}").id)
    for case_id in ids[:3]:
        register.major.mark(case_id, boss, "小王")
    query = CaseQuery(sort=sort, descending=False)
    order = register.cases.query_ids(query)
    assert set(order[:3]) == set(ids[:3]) and sorted(order[3:]) == ids[3:]
    paged, after = [], None
    while page := register.cases.query_page(query, after=after, limit=2):
        assert len(page) == 2 or len(paged) + len(page) == 9
        paged += [case_id for case_id, _v in page]
        after = (page[-1][1], page[-1][0])
    assert paged == order
    assert [i for i, _ in register.cases.query_page(query, limit=5)] == order[:5]
