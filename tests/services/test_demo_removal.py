"""The demo is marked, numbered apart from real cases, mostly not overdue, and removable
in one action that leaves the user's own cases, staff and list entries alone."""

from __future__ import annotations

from decimal import Decimal

from shopdesk.domain.case_query import CaseQuery, Scope
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.cases import CaseDraft
from shopdesk.services.demo import generate_demo
from shopdesk.services.demo_removal import demo_case_count, remove_demo

from .evidence_support import png_bytes, write


def draft() -> CaseDraft:
    return CaseDraft(platform=Platform.TAOBAO, order_no="3712345678901",
                     kind=CaseKind.REFUND_ONLY, buyer_nick="小蜜蜂",
                     amount_paid=Decimal("59.00"))


def all_cases(register):
    ids = register.cases.query_ids(CaseQuery()) + register.cases.query_ids(
        CaseQuery(scope=Scope.TRASH))
    return list(register.cases.fetch(ids).values())


def test_demo_uses_its_own_numbers_not_todays_real_ones(register):
    generate_demo(register, 40, seed=3)
    numbers = [c.case_no for c in all_cases(register)]
    assert all(n.startswith("DEMO-") for n in numbers)
    # The first real case of the day is still number 1.
    assert register.cases.open_case(draft(), "小王").case_no == "SD-20261123-0001"
    demo_no = next(n for n in numbers)
    assert register.cases.get_by_no(demo_no.lower()).case_no == demo_no


def test_most_open_demo_deadlines_lie_ahead(register, clock):
    generate_demo(register, 300, seed=7)
    open_cases = [c for c in all_cases(register) if c.status.is_open and c.due_at]
    overdue = [c for c in open_cases if c.due_at < clock.now()]
    assert open_cases and len(overdue) <= len(open_cases) * 0.2, (len(overdue), len(open_cases))
    # The platform's stage clocks too (24-48 h from the buyer's request): not a wall of red.
    with_deadline = register.deadlines.list()
    passed = register.deadlines.list(overdue=True)
    assert with_deadline and len(passed) <= len(with_deadline) * 0.2, (len(passed),
                                                                      len(with_deadline))


def test_remove_demo_keeps_the_users_own_cases_staff_and_list(register, clock):
    mine = register.cases.open_case(draft(), "小王")
    register.blacklist.add(platform="jd", buyer_nick="我加的", reason="恶意退款", actor="小王")
    generate_demo(register, 50, seed=5)
    assert demo_case_count(register) == 50
    trashed = next(c for c in all_cases(register) if c.case_no.startswith("DEMO-"))
    register.cases.delete([trashed.id], "小王")  # a demo case in the trash goes too

    done = remove_demo(register, "小王")

    assert done.cases == 50 and demo_case_count(register) == 0
    left = all_cases(register)
    assert [c.case_no for c in left] == [mine.case_no]
    assert register.cases.timeline(mine.id)  # its history is intact
    # Demo staff are deactivated; 小王 existed before the demo and stays.
    active = {m.name for m in register.staff.list()}
    assert "小王" in active and not {"小李", "阿珍"} & active
    assert set(done.staff) == {"小李", "阿珍"}
    assert [e.buyer_nick for e in register.blacklist.entries()] == ["我加的"]
    assert register.promises.overdue() == []
    # The demo series starts again; removing twice is harmless.
    assert remove_demo(register, "小王").cases == 0
    generate_demo(register, 2, seed=1)
    assert min(c.case_no for c in all_cases(register)
               if c.case_no.startswith("DEMO-")).endswith("-0001")


def test_remove_demo_deletes_photos_only_demo_cases_held(register, tmp_path):
    generate_demo(register, 5, seed=2)
    demo_case = next(c for c in all_cases(register) if c.case_no.startswith("DEMO-"))
    mine = register.cases.open_case(draft(), "小王")
    only_demo = register.evidence.add_file(
        demo_case.id, write(tmp_path / "a", "leak.png", png_bytes(3)), "小王")
    shared_src = write(tmp_path / "b", "box.png", png_bytes(5))
    register.evidence.add_file(demo_case.id, shared_src, "小王")
    shared = register.evidence.add_file(mine.id, shared_src, "小王")
    demo_bytes = register.evidence.file_path(only_demo)
    assert demo_bytes is not None and demo_bytes.exists()

    remove_demo(register, "小王")

    # The photo only the demo held is gone with its thumbnail; the one the user's own case
    # also holds stays readable.
    assert not demo_bytes.exists()
    assert not register.evidence.thumbnails.path_for(only_demo.sha256).exists()
    kept = register.evidence.file_path(register.evidence.get(shared.id))
    assert kept is not None and kept.read_bytes() == shared_src.read_bytes()
