from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, CaseStatus, Platform
from shopdesk.services.demo import generate_demo


def test_demo_data_is_varied_and_consistent(register, clock):
    generate_demo(register, 300, seed=7)
    ids = register.cases.query_ids(CaseQuery())
    cases = list(register.cases.fetch(ids).values())
    assert len(cases) == 300
    assert {c.kind for c in cases} == set(CaseKind)
    assert {c.platform for c in cases} >= {Platform.TAOBAO, Platform.JD, Platform.PINDUODUO}
    assert {c.status for c in cases} >= {CaseStatus.NEW, CaseStatus.IN_PROGRESS,
                                         CaseStatus.RESOLVED, CaseStatus.CLOSED}
    assert all(c.created_at <= clock.now() for c in cases)
    assert (clock.now() - min(c.created_at for c in cases)).days <= 91
    assert len({c.case_no for c in cases}) == 300
    for c in cases:
        if c.status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
            assert c.outcome is not None
        if c.amount_claimed is not None:
            assert c.amount_claimed <= c.amount_paid
    # Demo notes are searchable like typed ones.
    assert register.cases.count(CaseQuery(search="快递")) > 0


def test_demo_numbers_continue_after_typed_cases(register):
    generate_demo(register, 20, seed=1)
    generate_demo(register, 20, seed=1)
    ids = register.cases.query_ids(CaseQuery())
    numbers = [c.case_no for c in register.cases.fetch(ids).values()]
    assert len(set(numbers)) == 40
