from decimal import Decimal

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery, Scope
from shopdesk.domain.enums import CaseKind, Platform


def _open(register, **kw):
    base = dict(platform=Platform.TAOBAO, order_no="100200300", kind=CaseKind.REFUND_ONLY)
    base.update(kw)
    return register.cases.open_case(CaseDraft(**base), "小王")


@pytest.fixture
def populated(register):
    a = _open(register, order_no="3712345678901", buyer_nick="快乐的小蜜蜂",
              item_title="无线蓝牙耳机 降噪", description="买家说左耳没有声音")
    b = _open(register, order_no="3799999999999", buyer_nick="tb_老王",
              item_title="纯棉四件套", amount_paid=Decimal("259"))
    c = _open(register, order_no="4400000000001", buyer_nick="橘子",
              item_title="保温杯 316不锈钢", description="Lid leaks")
    return register, a, b, c


def ids(register, text):
    return set(register.cases.query_ids(CaseQuery(search=text)))


def test_chinese_substring_search(populated):
    reg, a, b, c = populated
    assert ids(reg, "蓝牙耳机") == {a.id}
    assert ids(reg, "不锈钢") == {c.id}


def test_one_and_two_character_queries_still_work(populated):
    reg, a, b, c = populated
    assert ids(reg, "耳机") == {a.id}
    assert ids(reg, "橘") == {c.id}
    assert ids(reg, "37") == {a.id, b.id}


def test_order_number_and_case_insensitive_latin(populated):
    reg, a, b, c = populated
    assert ids(reg, "3799999") == {b.id}
    assert ids(reg, "lid LEAKS") == {c.id}
    assert ids(reg, "TB_老王") == {b.id}


def test_notes_are_searchable(populated):
    reg, a, b, c = populated
    reg.cases.add_note(b.id, "快递单号 SF1234567 已告知买家", "小王")
    assert ids(reg, "SF1234567") == {b.id}


def test_edits_update_the_index(populated):
    reg, a, b, c = populated
    draft = reg.cases.get(c.id)
    draft.item_title = "玻璃水杯"
    reg.cases.update(c.id, draft, "小王")
    assert ids(reg, "不锈钢") == set()
    assert ids(reg, "玻璃水杯") == {c.id}


def test_several_terms_must_all_match_and_quotes_are_safe(populated):
    reg, a, b, c = populated
    assert ids(reg, "耳机 左耳") == {a.id}
    assert ids(reg, "耳机 不锈钢") == set()
    assert ids(reg, '"; DROP TABLE cases; --') == set()
    assert ids(reg, "100%") == set()


def test_deleted_cases_leave_the_active_search(populated):
    reg, a, b, c = populated
    reg.cases.delete([a.id], "小王")
    assert ids(reg, "耳机") == set()
    assert set(reg.cases.query_ids(CaseQuery(search="耳机", scope=Scope.TRASH))) == {a.id}


def test_order_and_refund_numbers_find_their_cases(populated):
    reg, a, b, c = populated
    d = _open(reg, order_no="5500000000001", refund_no="20261203-778899", item_title="茶杯")
    assert ids(reg, "371234") == {a.id}  # the start of an order number
    assert ids(reg, "20261203-77") == {d.id}  # of a refund number, with its dash
    assert ids(reg, "2345678901") == {a.id}  # inside one: the text index, as before
    assert ids(reg, "3799999 纯棉") == {b.id}  # with a word
    assert ids(reg, "3799999 橘子") == set()


def _plans(reg, text):
    """EXPLAIN QUERY PLAN of every statement the list runs for its first page."""
    seen: list[str] = []
    reg.db.conn.set_trace_callback(seen.append)
    try:
        reg.cases.query_page(CaseQuery(search=text))
    finally:
        reg.db.conn.set_trace_callback(None)
    return [" | ".join(str(r[-1]) for r in reg.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def test_a_number_query_uses_the_order_and_refund_indexes(populated):
    reg, a, b, c = populated
    plans = " || ".join(_plans(reg, "3712345678901"))
    assert "idx_cases_order" in plans and "idx_cases_refund_no" in plans, plans
    assert "cases_fts" not in plans, plans  # the text index is not asked
