"""A case that leaves a group (its buyer, product or cause edited, or moved to the trash)
re-judges the cases it left; the live reasons of a group follow its size (issue 14)."""

from __future__ import annotations

from shopdesk.domain.case import CaseDraft, draft_from_fields
from shopdesk.domain.enums import CaseStatus, Cause, Outcome
from shopdesk.domain.warnings import NEIGHBOUR_RULES, RuleKey
from shopdesk.domain.workflow import Transition

from .warning_support import recurring_on_the_second_time, spy_judged


def open_case(register, n: int, *, buyer: str | None = None, sku: str = "SKU-1",
              cause: str = "item_defective"):
    draft = draft_from_fields({"platform": "taobao", "order_no": f"T8{n:05d}",
                               "kind": "refund_only", "buyer_nick": buyer or f"买家{n}",
                               "sku": sku, "cause": cause, "amount_paid": "100",
                               "amount_claimed": "100"})
    return register.cases.open_case(draft, "小王")


def edit(register, case_id: int, **changes):
    case = register.cases.get(case_id)
    fields = {f: getattr(case, f) for f in CaseDraft.__dataclass_fields__}
    return register.cases.update(case_id, CaseDraft(**{**fields, **changes}), "小王")


def resolve(register, case_id: int) -> None:
    register.cases.change_status(case_id, Transition(CaseStatus.IN_PROGRESS), "小王")
    register.cases.change_status(
        case_id, Transition(CaseStatus.RESOLVED, outcome=Outcome.BUYER_WITHDREW), "小王")


def live(register, case_id) -> dict[RuleKey, str]:
    return {w.rule: w.reason_zh for w in register.warnings.live([case_id]).get(case_id, [])}


def rows(register, case_id, rule: RuleKey):
    return [w for w in register.warnings.for_case(case_id) if w.rule is rule]


def assert_same_as_judging_all_again(register, ids) -> None:
    """What the writes left (rules and wording) equals judging every case from scratch."""
    def state():
        return {i: {r: z for r, z in live(register, i).items() if r in NEIGHBOUR_RULES}
                for i in ids}
    before = state()
    register.warnings.evaluate(ids, siblings=False)
    assert state() == before


def test_a_closed_cases_cause_edited_clears_the_group_it_left_and_judges_the_new_one(
        register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    others = [open_case(register, 10 + i, cause="transit_damage").id for i in range(2)]
    clock.advance(hours=1)
    resolve(register, ids[2])  # the closed case still counts for the others' group
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids[:2])
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in others)
    clock.advance(hours=1)
    edit(register, ids[2], cause=Cause.TRANSIT_DAMAGE)
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids[:2])
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in others)
    assert_same_as_judging_all_again(register, [*ids, *others])


def test_a_closed_cases_product_edited_clears_the_group_it_left(register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    clock.advance(hours=1)
    resolve(register, ids[2])
    clock.advance(hours=1)
    edit(register, ids[2], sku="SKU-9")
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids[:2])
    assert all(w.cleared_at is not None for i in ids[:2]
               for w in rows(register, i, RuleKey.GROUP_COMPLAINT))
    assert_same_as_judging_all_again(register, ids)


def test_a_resolved_cases_cause_edited_ends_the_recurrence_after_it(register, clock):
    recurring_on_the_second_time(register)
    first = open_case(register, 0).id
    clock.advance(days=1)
    resolve(register, first)
    clock.advance(days=20)  # beyond the group window: read as a later recurrence
    later = open_case(register, 1).id
    assert "此前已解决1单" in live(register, later)[RuleKey.RECURRING_FAULT]
    clock.advance(hours=1)
    edit(register, first, cause=Cause.SLOW_DELIVERY)
    assert RuleKey.RECURRING_FAULT not in live(register, later)
    assert_same_as_judging_all_again(register, [first, later])


def test_a_buyer_changed_rejudges_the_old_buyers_cases_and_the_new_ones(register, clock):
    old = [open_case(register, i, buyer="回头客", sku=f"A{i}").id for i in range(3)]
    new = [open_case(register, 10 + i, buyer="新买家", sku=f"B{i}").id for i in range(2)]
    assert all(RuleKey.REPEAT_BUYER in live(register, i) for i in old)
    assert all(RuleKey.REPEAT_BUYER not in live(register, i) for i in new)
    clock.advance(hours=1)
    edit(register, old[2], buyer_nick="新买家")
    assert all(RuleKey.REPEAT_BUYER not in live(register, i) for i in old[:2])
    assert all(RuleKey.REPEAT_BUYER in live(register, i) for i in (*new, old[2]))
    assert_same_as_judging_all_again(register, [*old, *new])


def test_a_closed_cases_buyer_changed_rejudges_the_old_buyers_cases(register, clock):
    old = [open_case(register, i, buyer="回头客", sku=f"A{i}").id for i in range(3)]
    clock.advance(hours=1)
    resolve(register, old[2])
    assert all(RuleKey.REPEAT_BUYER in live(register, i) for i in old[:2])
    clock.advance(hours=1)
    edit(register, old[2], buyer_nick="别人")
    assert all(RuleKey.REPEAT_BUYER not in live(register, i) for i in old[:2])


def test_trash_ends_the_group_restore_forms_it_again_and_purge_keeps_it_ended(
        register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    for case_id in ids[:2]:
        register.warnings.acknowledge(case_id, "小王", "已排查")
    clock.advance(hours=1)
    register.cases.delete([ids[2]], "小王")
    assert all(w.cleared_at is not None for i in ids[:2]
               for w in rows(register, i, RuleKey.GROUP_COMPLAINT))
    assert_same_as_judging_all_again(register, ids[:2])
    clock.advance(hours=1)
    register.cases.restore([ids[2]], "小王")
    # The group ended and formed again: raised again, acknowledged or not.
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    assert_same_as_judging_all_again(register, ids)
    clock.advance(hours=1)
    register.cases.delete([ids[2]], "小王")
    register.cases.empty_trash("小王")
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids[:2])
    assert_same_as_judging_all_again(register, ids[:2])


def test_purging_a_case_trashed_without_rejudging_ends_its_group(register, clock):
    """A register trashed cases before trashing re-judged the others: emptying the trash
    judges the cases the purged ones were next to."""
    ids = [open_case(register, i).id for i in range(3)]
    clock.advance(hours=1)
    register.cases.store.set_deleted([ids[2]], clock.now())  # as an older version did
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids[:2])
    register.cases.empty_trash("小王")
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids[:2])
    assert_same_as_judging_all_again(register, ids[:2])


def test_trash_rejudges_the_buyers_other_cases(register, clock):
    ids = [open_case(register, i, buyer="回头客", sku=f"A{i}").id for i in range(3)]
    clock.advance(hours=1)
    register.cases.delete([ids[0]], "小王")
    assert all(RuleKey.REPEAT_BUYER not in live(register, i) for i in ids[1:])


def test_a_group_that_grows_and_shrinks_rewords_its_live_warnings(register, clock):
    ids = [open_case(register, i).id for i in range(3)]
    register.warnings.acknowledge(ids[0], "小王", "已排查批次")
    clock.advance(hours=1)
    fourth = open_case(register, 3).id
    for case_id in (*ids[1:], fourth):
        assert "4位买家" in live(register, case_id)[RuleKey.GROUP_COMPLAINT]
    # The acknowledged one is not raised again, and keeps what the person saw.
    [w] = rows(register, ids[0], RuleKey.GROUP_COMPLAINT)
    assert w.ack_at is not None and w.cleared_at is None and "3位买家" in w.reason_zh
    clock.advance(hours=1)
    register.cases.delete([fourth], "小王")
    for case_id in ids[1:]:
        assert "3位买家" in live(register, case_id)[RuleKey.GROUP_COMPLAINT]
        assert len(rows(register, case_id, RuleKey.GROUP_COMPLAINT)) == 1
    assert len(rows(register, ids[0], RuleKey.GROUP_COMPLAINT)) == 1
    assert_same_as_judging_all_again(register, ids)


def test_a_buyers_count_grows_in_the_wording_of_the_earlier_cases(register, clock):
    ids = [open_case(register, i, buyer="回头客", sku=f"A{i}").id for i in range(3)]
    clock.advance(days=1)
    ids.append(open_case(register, 3, buyer="回头客", sku="A3").id)
    for case_id in ids:
        assert "4单" in live(register, case_id)[RuleKey.REPEAT_BUYER]
    assert_same_as_judging_all_again(register, ids)


def test_an_edit_that_moves_nothing_does_not_rejudge_the_old_neighbours(register, clock,
                                                                       monkeypatch):
    ids = [open_case(register, i).id for i in range(3)]
    calls = []
    rejudge = register.warnings.rejudge_left
    monkeypatch.setattr(register.warnings, "rejudge_left",
                        lambda cases: calls.append(cases) or rejudge(cases))
    clock.advance(hours=1)
    edit(register, ids[0], description="买家说漏水")
    assert calls == []
    clock.advance(hours=1)
    edit(register, ids[0], cause=Cause.SLOW_DELIVERY)
    assert [[c.id for c in cases] for cases in calls] == [[ids[0]]]


def test_what_a_case_kept_is_not_judged_twice(register, clock):
    """An edit of the cause leaves the buyer: the buyer's other cases were judged by the
    write itself, not again for what the case left."""
    ids = [open_case(register, i).id for i in range(3)]
    elsewhere = open_case(register, 9, buyer="买家0", sku="SKU-7").id
    judged = spy_judged(register)
    clock.advance(hours=1)
    edit(register, ids[0], cause=Cause.SLOW_DELIVERY)
    assert len(judged) == 2  # the write, then what it left
    assert elsewhere in judged[0] and judged[1] == set(ids[1:])


def _an_item_group_without_sku(register) -> list[int]:
    """Three buyers, one item without SKU, one cause: a group complaint (orders ...01-03)."""
    ids = []
    for n in (1, 2, 3):
        draft = draft_from_fields({"platform": "taobao", "order_no": f"31261123000000000{n:02d}",
                                   "kind": "refund_only", "buyer_nick": f"买家{n}",
                                   "item_title": "保温杯", "sku": "",
                                   "cause": "item_defective", "amount_paid": "100"})
        ids.append(register.cases.open_case(draft, "小王").id)
    assert all(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids)
    return ids


def test_an_import_that_fills_a_cases_sku_rejudges_the_item_group_it_left(register,
                                                                          tmp_path):
    from tests.importers.helpers import taobao_refund_row
    from tests.services.imports_support import run, write_refunds

    ids = _an_item_group_without_sku(register)
    # The platform's export names the first case's SKU: it leaves the item's group.
    run(register.imports, write_refunds(tmp_path, [taobao_refund_row(1, 商品编码="SKU-NEW")]))
    assert register.cases.get(ids[0]).sku == "SKU-NEW"
    assert not any(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids[1:])
    assert_same_as_judging_all_again(register, ids)


def test_an_order_export_that_fills_a_cases_sku_rejudges_the_item_group_it_left(
        register, tmp_path):
    """The same move arriving through an order export's fill (services/orders.py)."""
    from tests.importers.helpers import csv_bytes
    from tests.services.test_orders import ORDER_HEADER, order_row

    ids = _an_item_group_without_sku(register)
    path = tmp_path / "orders.csv"
    # The order of the first case's buyer (another buyer's order fills nothing).
    path.write_bytes(csv_bytes([ORDER_HEADER, order_row(1, 买家会员名="买家1", 商家编码="SKU-NEW")],
                               "utf-8-sig"))
    report = register.imports.apply(register.imports.read(path), path.name, "小王")
    assert report.filled_cases == 1
    assert register.cases.get(ids[0]).sku == "SKU-NEW"
    assert not any(RuleKey.GROUP_COMPLAINT in live(register, i) for i in ids[1:])
    assert_same_as_judging_all_again(register, ids)


def test_an_acknowledged_case_moved_into_another_group_is_warned_anew(register, clock):
    """The acknowledgement was of the old group: in the new group (its cause corrected)
    the case's group and recurrence warnings are raised again, naming the new cause, and
    the acknowledged rows of the old group end."""
    recurring_on_the_second_time(register)
    transit = [open_case(register, i, cause="transit_damage").id for i in range(3)]
    defective = [open_case(register, 10 + i).id for i in range(3)]
    first = open_case(register, 20, cause="transit_damage").id
    resolve(register, first)
    old = open_case(register, 21).id
    resolve(register, old)
    clock.advance(hours=1)
    moved = open_case(register, 3, cause="transit_damage").id
    assert set(live(register, moved)) >= {RuleKey.GROUP_COMPLAINT, RuleKey.RECURRING_FAULT}
    register.warnings.acknowledge(moved, "小王", "已排查这批货")
    clock.advance(hours=1)
    edit(register, moved, cause=Cause.ITEM_DEFECTIVE)
    now = live(register, moved)
    group = now[RuleKey.GROUP_COMPLAINT]
    assert "宝贝有问题" in group and "5位买家" in group  # with the resolved one
    assert "宝贝有问题" in now[RuleKey.RECURRING_FAULT]
    for rule in (RuleKey.GROUP_COMPLAINT, RuleKey.RECURRING_FAULT):
        acked, new = rows(register, moved, rule)
        assert "运输破损" in acked.reason_zh and acked.ack_by == "小王"
        assert acked.cleared_at is not None and new.is_live
    assert_same_as_judging_all_again(register, [*transit, *defective, moved])


def test_an_acknowledged_case_moved_out_of_any_group_ends_its_warning(register, clock):
    """Corrected to a cause that makes no group (a lost parcel): the acknowledged group
    warning of the old cause ends; nothing stays standing with the old reason."""
    ids = [open_case(register, i, cause="transit_damage").id for i in range(3)]
    register.warnings.acknowledge(ids[0], "小王", "已排查")
    clock.advance(hours=1)
    edit(register, ids[0], cause=Cause.PARCEL_LOST)
    assert RuleKey.GROUP_COMPLAINT not in live(register, ids[0])
    assert all(w.cleared_at is not None for w in rows(register, ids[0],
                                                      RuleKey.GROUP_COMPLAINT))
    assert all(RuleKey.GROUP_COMPLAINT not in live(register, i) for i in ids[1:])
