"""CaseTableModel without widgets: Qt's model checks, lazy paging, SQL sorting, colours."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from shopdesk.domain.case_query import CaseQuery, Scope, SortKey
from shopdesk.domain.enums import CaseKind, CaseStatus
from shopdesk.ui.models.case_columns import CASE_ID_ROLE, CASE_ROLE, COLUMNS, column_of
from shopdesk.ui.models.case_table import CaseTableModel


class CountingSource:
    """The real CaseService, with page fetches recorded: list rows (what the list
    paints) in `fetched`, whole cases in `cases_fetched`."""

    def __init__(self, service):
        self._service = service
        self.clock = service.clock
        self.shop_tz = service.shop_tz
        self.fetched: list[list[int]] = []
        self.cases_fetched: list[list[int]] = []

    def __getattr__(self, name):  # query_page, sort_value, count: the service's own
        return getattr(self._service, name)

    def list_rows(self, ids):
        self.fetched.append(list(ids))
        return self._service.list_rows(ids)

    def fetch(self, ids):
        self.cases_fetched.append(list(ids))
        return self._service.fetch(ids)


@pytest.fixture
def source(demo_register) -> CountingSource:
    return CountingSource(demo_register.cases)


def test_passes_qt_model_checks(qtmodeltester, demo_register):
    model = CaseTableModel(demo_register.cases, page_size=16, max_pages=2)
    model.set_query(CaseQuery())
    qtmodeltester.check(model, force_py=True)


def test_rows_are_the_query_ids_in_order(demo_register):
    query = CaseQuery(kinds=(CaseKind.REFUND_ONLY,), sort=SortKey.CASE_NO, descending=False)
    model = CaseTableModel(demo_register.cases)
    model.set_query(query)
    ids = demo_register.cases.query_ids(query)
    assert model.rowCount() == len(ids) == demo_register.cases.count(query) > 0
    assert [model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())] == ids
    first = demo_register.cases.get(ids[0])
    assert model.index(0, column_of("case_no")).data() == first.case_no
    assert model.index(0, column_of("kind")).data() == "仅退款"


def test_rows_are_fetched_lazily_a_page_at_a_time(source):
    model = CaseTableModel(source, page_size=20, max_pages=10, first_batch=100)
    model.set_query(CaseQuery())
    assert model.rowCount() == 60
    assert source.fetched == []  # the query loads ids only
    model.index(0, 0).data(CASE_ID_ROLE)
    assert source.fetched == []  # ids need no row fetch
    model.index(0, 0).data()
    model.index(19, 3).data()
    assert len(source.fetched) == 1 and len(source.fetched[0]) == 20
    model.index(45, 0).data()
    assert len(source.fetched) == 2
    assert source.fetched[1] == model.ids()[40:60]


def test_page_cache_is_bounded(source):
    model = CaseTableModel(source, page_size=10, max_pages=2)
    model.set_query(CaseQuery())
    for row in (0, 10, 20):  # three pages, room for two
        model.index(row, 0).data()
    assert model.cached_pages() == [1, 2]
    model.index(0, 0).data()  # page 0 was evicted: fetched again
    assert len(source.fetched) == 4
    model.index(25, 0).data()  # page 2 is still cached
    assert len(source.fetched) == 4


def test_a_view_fetches_only_visible_pages(qtbot, source):
    from PySide6.QtWidgets import QTableView

    model = CaseTableModel(source, page_size=10, max_pages=10)
    model.set_query(CaseQuery())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)  # room for a handful of rows
    with qtbot.waitExposed(view):
        view.show()
    qtbot.wait(50)
    fetched = {i for batch in source.fetched for i in batch}
    assert fetched and fetched <= set(model.ids()[:20])
    assert source.cases_fetched == []  # painting reads list rows, never whole cases
    view.scrollToBottom()
    qtbot.wait(50)
    fetched = {i for batch in source.fetched for i in batch}
    assert set(model.ids()[-5:]) <= fetched
    assert not fetched & set(model.ids()[20:40])  # the middle was never shown


def test_whole_cases_are_fetched_only_when_asked_for(source, demo_register):
    """Texts, colours and alignment come from the list rows; a tooltip or CASE_ROLE
    fetches the page's cases once, and they are the row's own."""
    model = CaseTableModel(source, page_size=20, max_pages=10, first_batch=100)
    model.set_query(CaseQuery())
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
             Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
             Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole)
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            for role in roles:
                model.index(row, col).data(role)
    assert source.cases_fetched == [] and len(source.fetched) == 3
    item = column_of("item")
    tip = model.index(21, item).data(Qt.ItemDataRole.ToolTipRole)
    case = demo_register.cases.get(model.case_id_at(21))
    assert tip == "\n".join(t for t in (case.item_title, case.sku) if t)
    assert source.cases_fetched == [model.ids()[20:40]]
    assert model.index(22, 0).data(CASE_ROLE) == demo_register.cases.get(model.case_id_at(22))
    assert len(source.cases_fetched) == 1  # the page's cases, kept with the page


def test_sort_changes_the_sql_order(source, demo_register):
    model = CaseTableModel(source, first_batch=100)  # every demo case
    model.set_query(CaseQuery())
    col = column_of("amount")
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert model.query.sort == SortKey.AMOUNT and not model.query.descending
    expected = demo_register.cases.query_ids(CaseQuery(sort=SortKey.AMOUNT, descending=False))
    assert model.ids() == expected
    cases = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(model.rowCount())]
    majors = sum(1 for c in cases if c.major_owner)  # on top in every order (the demo's one)
    assert all(c.major_owner for c in cases[:majors])
    known = [c.amount_claimed for c in cases[majors:] if c.amount_claimed is not None]
    assert known == sorted(known)
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert model.ids()[:majors] == expected[:majors]
    assert model.ids()[majors:] == list(reversed(expected[majors:]))


def test_every_column_sorts(demo_register):
    model = CaseTableModel(demo_register.cases, first_batch=100)  # every demo case
    model.set_query(CaseQuery())
    for col in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(col, order)
            assert model.query.sort == COLUMNS[col].sort
            assert sorted(model.ids()) == sorted(demo_register.cases.query_ids(CaseQuery()))


def test_sort_keeps_persistent_indexes_on_the_same_case(demo_register):
    model = CaseTableModel(demo_register.cases)
    model.set_query(CaseQuery())
    case_id = model.ids()[3]
    kept = QPersistentModelIndex(model.index(3, 2))
    model.sort(column_of("case_no"), Qt.SortOrder.AscendingOrder)
    assert kept.isValid() and kept.column() == 2
    assert model.index(kept.row(), 0).data(CASE_ID_ROLE) == case_id


def test_overdue_open_cases_are_red_and_bold(demo_register):
    model = CaseTableModel(demo_register.cases)
    now = demo_register.clock.now()
    model.set_query(CaseQuery())
    due = column_of("due")
    seen_overdue = seen_closed = False
    for row in range(model.rowCount()):
        case = model.case_at(row)
        idx = model.index(row, due)
        if case.is_overdue(now):
            seen_overdue = True
            assert idx.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150
            assert idx.data(Qt.ItemDataRole.FontRole).bold()
        else:
            assert idx.data(Qt.ItemDataRole.FontRole) is None
            if not case.is_open and case.due_at is not None and case.due_at < now:
                seen_closed = True  # past due but closed: not an alarm
    assert seen_overdue and seen_closed


def test_amount_and_labels_follow_the_language(demo_register):
    query = CaseQuery(statuses=(CaseStatus.CLOSED,), sort=SortKey.CASE_NO)
    zh = CaseTableModel(demo_register.cases, "zh")
    en = CaseTableModel(demo_register.cases, "en")
    zh.set_query(query)
    en.set_query(query)
    case = zh.case_at(0)
    assert zh.index(0, column_of("status")).data() == "已关闭"
    assert en.index(0, column_of("status")).data() == "Closed"
    assert en.index(0, column_of("platform")).data() == case.platform.en
    text = zh.index(0, column_of("amount")).data()
    if case.amount_claimed is not None:
        assert text.startswith("¥") and Decimal(text[1:].replace(",", "")) == case.amount_claimed


def test_trash_scope_and_refresh(demo_register):
    model = CaseTableModel(demo_register.cases)
    model.set_query(CaseQuery(scope=Scope.TRASH))
    assert model.rowCount() == 0
    some = demo_register.cases.query_ids(CaseQuery(), limit=3)
    demo_register.cases.delete(some, "小王")
    model.refresh()
    assert sorted(model.ids()) == sorted(some)
    assert model.index(0, 0).data()  # trashed cases still show their rows


def test_headers_and_bad_indexes(demo_register):
    model = CaseTableModel(demo_register.cases)
    model.set_query(CaseQuery())
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Case no."  # no translator here
    assert model.headerData(99, Qt.Orientation.Horizontal) is None
    assert model.data(QModelIndex()) is None
    assert model.case_id_at(10_000) is None and model.case_at(-1) is None
    # The case's own due time and the platform deadline differ by design: the headers say so.
    tip = Qt.ItemDataRole.ToolTipRole
    assert "due time set on the case" in model.headerData(column_of("due"),
                                                          Qt.Orientation.Horizontal, tip)
    assert "platform stage's deadline" in model.headerData(column_of("deadline"),
                                                           Qt.Orientation.Horizontal, tip)
    assert model.headerData(column_of("buyer"), Qt.Orientation.Horizontal, tip) is None


def test_a_page_fetched_before_its_last_rows_loaded_shows_them_later(source, demo_register):
    """The first batch (10 ids) is smaller than a page (20 rows): the page is fetched with
    10 cases, and the rows loaded by scrolling still show their cases."""
    model = CaseTableModel(source, page_size=20, id_batch=10, first_batch=10)
    model.set_query(CaseQuery())
    assert model.rowCount() == 10
    model.index(0, 0).data()
    model.fetchMore()
    assert model.rowCount() == 20
    shown = [model.index(r, column_of("case_no")).data() for r in range(20)]
    cases = demo_register.cases.fetch(model.ids())
    assert shown == [cases[i].case_no for i in model.ids()]
    assert [len(batch) for batch in source.fetched] == [10, 10]  # the rest, once


def test_display_texts_are_each_cases_own_in_every_order(demo_register):
    """Texts are kept per case: after a sort, a refresh or an edit every row shows its
    own case's values."""
    model = CaseTableModel(demo_register.cases, page_size=16, max_pages=2)
    model.set_query(CaseQuery())
    keys = ("case_no", "order_no", "buyer", "item", "status")

    def check() -> None:
        for row in range(model.rowCount()):
            case = demo_register.cases.get(model.case_id_at(row))
            shown = [model.index(row, column_of(k)).data() for k in keys]
            assert shown == [case.case_no, case.order_no, case.buyer_nick, case.item_title,
                             model.index(row, column_of("status")).data(CASE_ROLE)
                             .status.label("zh")]

    check()
    model.sort(column_of("buyer"), Qt.SortOrder.AscendingOrder)
    check()
    case_id = model.case_id_at(0)
    with demo_register.db.atomic():
        demo_register.cases.store.update_columns(case_id, {"buyer_nick": "改过的名字"})
    model.refresh()
    check()


def test_time_texts_alignment_and_colours_per_cell(demo_register):
    """Times read as strftime wrote them ('%m-%d %H:%M' this year, else '%Y-%m-%d');
    only the amount is right-aligned; only due and status cells carry colours."""
    from shopdesk.domain.clock import local

    model = CaseTableModel(demo_register.cases, first_batch=100)
    model.set_query(CaseQuery())
    tz = demo_register.cases.shop_tz
    year = local(demo_register.clock.now(), tz).year
    seen_other_year = False
    for row in range(model.rowCount()):
        case = model.case_at(row)
        for key, value in (("due", case.due_at), ("activity", case.last_activity_at)):
            shown = model.index(row, column_of(key)).data()
            if value is None:
                assert shown == ""
                continue
            when = local(value, tz)
            seen_other_year |= when.year != year
            assert shown == when.strftime("%m-%d %H:%M" if when.year == year else "%Y-%m-%d")
        for col, column in enumerate(COLUMNS):
            index = model.index(row, col)
            align = index.data(Qt.ItemDataRole.TextAlignmentRole)
            assert (align is not None) == (column.key == "amount")
            if column.key not in ("due", "status", "promise", "warnings", "deadline"):
                assert index.data(Qt.ItemDataRole.ForegroundRole) is None
                assert index.data(Qt.ItemDataRole.FontRole) is None
    assert model.rowCount() == 60 and not seen_other_year  # the demo is this year's


def test_a_time_from_another_year_shows_its_year(demo_register):
    model = CaseTableModel(demo_register.cases)
    model.set_query(CaseQuery())
    case_id = model.case_id_at(0)
    with demo_register.db.atomic():
        demo_register.cases.store.update_columns(
            case_id, {"due_at": "2019-03-04T04:00:00+00:00"})
    model.refresh()
    row = model.row_of(case_id)
    assert model.index(row, column_of("due")).data() == "2019-03-04"
