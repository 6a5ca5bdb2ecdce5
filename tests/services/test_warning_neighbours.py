"""A write re-judges the cases next to it on the rules that read other cases, and only a
warning that starts or stops firing is written for them (issue 14, per write)."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.case import CaseDraft, draft_from_fields
from shopdesk.domain.enums import CaseStatus, Cause, Outcome
from shopdesk.domain.warnings import NEIGHBOUR_RULES, RuleKey
from shopdesk.domain.workflow import Transition
from tests.importers.helpers import csv_bytes, taobao42_rows

from .warning_support import recurring_on_the_second_time, spy_judged


def open_case(register, n: int, *, buyer: str | None = None, sku: str = "SKU-1",
              cause: str = "item_defective"):
    draft = draft_from_fields({"platform": "taobao", "order_no": f"T9{n:05d}",
                               "kind": "refund_only", "buyer_nick": buyer or f"买家{n}",
                               "sku": sku, "cause": cause, "amount_paid": "100",
                               "amount_claimed": "100"})
    return register.cases.open_case(draft, "小王")


def live(register, case_id) -> set[RuleKey]:
    return {w.rule for w in register.warnings.live([case_id]).get(case_id, [])}


def rows(register, case_id, rule: RuleKey):
    return [w for w in register.warnings.for_case(case_id) if w.rule is rule]


def neighbour_rules(register, ids) -> dict[int, set[RuleKey]]:
    return {i: live(register, i) & NEIGHBOUR_RULES for i in ids}


def assert_same_as_judging_all_again(register, ids) -> None:
    """What the writes left equals judging every case again from scratch."""
    before = neighbour_rules(register, ids)
    register.warnings.evaluate(ids, siblings=False)
    assert neighbour_rules(register, ids) == before


def test_the_third_buyer_flags_the_first_two_and_a_fourth_raises_nothing_acknowledged(
        register, clock):
    ids = [open_case(register, i).id for i in range(2)]
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids)
    clock.advance(hours=1)
    ids.append(open_case(register, 2).id)
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    for case_id in ids:
        register.warnings.acknowledge(case_id, "小王", "已排查批次")
    clock.advance(hours=1)
    fourth = open_case(register, 3).id
    assert RuleKey.GROUP_COMPLAINT in live(register, fourth)
    [w] = rows(register, fourth, RuleKey.GROUP_COMPLAINT)
    assert "4位买家" in w.reason_zh
    for case_id in ids:  # the same group growing is not a new trigger
        assert RuleKey.GROUP_COMPLAINT not in live(register, case_id)
        assert len(rows(register, case_id, RuleKey.GROUP_COMPLAINT)) == 1
    # Writing an acknowledged case again does not raise it again for the larger count.
    register.cases.add_note(ids[0], "回访中", "小王")
    assert RuleKey.GROUP_COMPLAINT not in live(register, ids[0])
    assert_same_as_judging_all_again(register, [*ids, fourth])


def test_the_group_window_is_seven_days_inclusive(register, clock):
    start = clock.now()
    first = open_case(register, 0).id
    clock.set(start + timedelta(days=3))
    second = open_case(register, 1).id
    clock.set(start + timedelta(days=7))
    third = open_case(register, 2).id
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in (first, second, third))


def test_a_buyer_just_outside_the_group_window_does_not_count(register, clock):
    start = clock.now()
    first = open_case(register, 0).id
    clock.set(start + timedelta(days=3))
    second = open_case(register, 1).id
    clock.set(start + timedelta(days=7, seconds=1))
    third = open_case(register, 2).id
    for case_id in (first, second, third):
        assert RuleKey.GROUP_COMPLAINT not in live(register, case_id)
    # A fourth half a day later makes a window of three for all but the first.
    clock.set(start + timedelta(days=7, hours=12))
    fourth = open_case(register, 3).id
    assert RuleKey.GROUP_COMPLAINT not in live(register, first)
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in (second, third, fourth))
    assert_same_as_judging_all_again(register, [first, second, third, fourth])


def test_a_cause_corrected_out_of_the_group_clears_the_others(register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    case = register.cases.get(ids[2])
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    fields["cause"] = Cause.SLOW_DELIVERY
    clock.advance(minutes=5)
    register.cases.update(case.id, CaseDraft(**fields), "小王")
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids)
    assert rows(register, ids[0], RuleKey.GROUP_COMPLAINT)[0].cleared_at is not None
    assert_same_as_judging_all_again(register, ids)


def test_the_third_case_of_a_buyer_flags_the_earlier_two_within_30_days(register, clock):
    start = clock.now()
    old = open_case(register, 0, buyer="回头客", sku="A").id
    clock.set(start + timedelta(days=31))
    ids = [open_case(register, 1, buyer="回头客", sku="B").id]
    clock.set(start + timedelta(days=40))
    ids.append(open_case(register, 2, buyer="回头客", sku="C").id)
    assert all(RuleKey.REPEAT_BUYER not in live(register, i) for i in (old, *ids))
    clock.set(start + timedelta(days=50))
    ids.append(open_case(register, 3, buyer="回头客", sku="D").id)
    assert all(RuleKey.REPEAT_BUYER in live(register, i) for i in ids)
    assert RuleKey.REPEAT_BUYER not in live(register, old)  # 50 days before the third
    assert_same_as_judging_all_again(register, [old, *ids])


def resolve(register, case_id) -> None:
    register.cases.change_status(case_id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.change_status(
        case_id, Transition(CaseStatus.RESOLVED, outcome=Outcome.BUYER_WITHDREW), "小王")


def test_recurring_fault_follows_when_the_earlier_case_was_resolved(register, clock):
    recurring_on_the_second_time(register)
    first = open_case(register, 0).id
    clock.advance(days=1)
    before_fix = open_case(register, 1).id
    clock.advance(days=1)
    resolve(register, first)
    # Resolved after `before_fix` was opened: that one is not a recurrence.
    assert RuleKey.RECURRING_FAULT not in live(register, before_fix)
    clock.advance(days=1)
    again = open_case(register, 2).id
    assert RuleKey.RECURRING_FAULT in live(register, again)
    [w] = rows(register, again, RuleKey.RECURRING_FAULT)
    assert "此前已解决1单" in w.reason_zh
    # Reopened: nothing was resolved before `again` any more.
    clock.advance(hours=1)
    register.cases.change_status(first, Transition(CaseStatus.IN_PROGRESS, note="买家又来了"),
                                 "小王")
    assert RuleKey.RECURRING_FAULT not in live(register, again)
    assert_same_as_judging_all_again(register, [first, before_fix, again])


def test_a_case_of_another_product_or_far_away_is_left_alone(register, clock):
    start = clock.now()
    far = open_case(register, 0).id
    other = open_case(register, 1, sku="SKU-2").id
    judged = spy_judged(register)
    clock.set(start + timedelta(days=30))
    new = open_case(register, 2).id
    assert judged == [{new}]
    assert far not in judged[0] and other not in judged[0]


def test_similar_cases_are_read_within_their_window(register, clock):
    start = clock.now()
    old = open_case(register, 0).id
    clock.set(start + timedelta(days=31))
    recent = open_case(register, 1).id
    clock.set(start + timedelta(days=40))
    case = open_case(register, 2).id
    assert [f.case_id for f in register.warnings.similar(case)] == [recent]
    assert old not in [f.case_id for f in register.warnings.similar(recent)]


def test_reopening_an_old_case_ends_the_recurrence_of_a_case_weeks_later(register, clock):
    recurring_on_the_second_time(register)
    start = clock.now()
    first = open_case(register, 0).id
    clock.set(start + timedelta(days=20))
    resolve(register, first)
    clock.set(start + timedelta(days=25))
    later = open_case(register, 1).id
    assert RuleKey.RECURRING_FAULT in live(register, later)
    clock.set(start + timedelta(days=30))
    register.cases.change_status(first, Transition(CaseStatus.IN_PROGRESS, note="复发"), "小王")
    assert RuleKey.RECURRING_FAULT not in live(register, later)


def test_an_acknowledged_group_that_ends_and_forms_again_is_raised_again(register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    for case_id in ids:
        register.warnings.acknowledge(case_id, "小王", "已排查")
    case = register.cases.get(ids[2])
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    clock.advance(minutes=5)
    register.cases.update(case.id, CaseDraft(**{**fields, "cause": Cause.SLOW_DELIVERY}), "小王")
    assert all(w.cleared_at is not None for i in ids[:2]
               for w in rows(register, i, RuleKey.GROUP_COMPLAINT))
    clock.advance(minutes=5)
    register.cases.update(case.id, CaseDraft(**{**fields, "cause": Cause.ITEM_DEFECTIVE}), "小王")
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    assert_same_as_judging_all_again(register, ids)


def test_a_buyers_case_of_another_cause_keeps_its_group(register, clock):
    """The buyer's earlier case on the same product but another cause is read as the
    buyer's (for the repeat rule) without its own group around it: its group warning
    must not be judged from that partial view."""
    ids = [open_case(register, i, cause="transit_damage").id for i in range(3)]
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    clock.advance(hours=1)
    open_case(register, 7, buyer="买家0")  # same buyer and SKU as ids[0], item_defective
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)


def test_a_note_on_a_resolved_case_keeps_when_it_was_resolved(register, clock):
    """A recurrence counts the cases resolved before a case was opened by when they were
    resolved, not by their last update: a follow-up note on an old case must not end a
    later case's recurrence when that case is judged again."""
    recurring_on_the_second_time(register)
    first = open_case(register, 0).id
    clock.advance(days=1)
    resolve(register, first)
    clock.advance(days=1)
    again = open_case(register, 1).id
    assert RuleKey.RECURRING_FAULT in live(register, again)
    clock.advance(days=1)
    register.cases.add_note(first, "回访：买家说新换的没问题", "小王")
    register.warnings.evaluate([again], siblings=False)
    assert RuleKey.RECURRING_FAULT in live(register, again)
    clock.advance(days=1)
    later = open_case(register, 2).id
    [w] = rows(register, later, RuleKey.RECURRING_FAULT)
    assert "此前已解决1单" in w.reason_zh
    assert_same_as_judging_all_again(register, [first, again, later])


def _import_finished(register, tmp_path, ended="2026-11-22 10:00:00") -> int:
    """A refund of SKU-1 the platform finished at `ended`, imported now."""
    path = tmp_path / "refunds.csv"
    path.write_bytes(csv_bytes(taobao42_rows([{
        "商品编码": "SKU-1", "买家退款原因": "质量问题", "退款状态": "退款成功",
        "退款完结时间": ended, "完结时间": ended}]), "gbk"))
    report = register.imports.apply(register.imports.read(path), path.name, "小王")
    [case_id] = report.created_ids
    return case_id


def test_history_imported_after_a_case_was_opened_closes_when_imported(
        register, clock, tmp_path):
    """A case the platform finished before an open case was typed, imported after it,
    counts as closed when it was imported (never before it was registered): judging the
    open case at the import and at a later write agree, and trashing it leaves nothing."""
    recurring_on_the_second_time(register)
    typed = open_case(register, 0).id
    clock.advance(days=2)
    imported = _import_finished(register, tmp_path)
    case = register.cases.get(imported)
    assert case.resolved_at < register.cases.get(typed).created_at < case.created_at
    assert RuleKey.RECURRING_FAULT not in live(register, typed)
    register.cases.add_note(typed, "回访", "小王")
    assert RuleKey.RECURRING_FAULT not in live(register, typed)
    clock.advance(days=1)
    later = open_case(register, 1).id
    assert RuleKey.RECURRING_FAULT in live(register, later)
    register.cases.delete([imported], "小王")
    assert RuleKey.RECURRING_FAULT not in live(register, later)
    assert_same_as_judging_all_again(register, [typed, later])
