"""The case list loads ids a batch at a time as the user scrolls (keyset on sort value, id).

A 10,000-case register where every sort column has long runs of equal values (copies of
the 60 demo cases), so a keyset that mishandles ties would skip or repeat rows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QTableView

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseKind
from shopdesk.services.quick_filters import QuickFilter
from shopdesk.storage.rows import CASE_COLUMNS
from shopdesk.ui.models.case_columns import CASE_ID_ROLE, COLUMNS, column_of
from shopdesk.ui.models.case_table import CaseTableModel

TOTAL = 10_000


def _grow(register, total: int):
    """`register` grown to `total` live cases by copying its rows."""
    db = register.db
    live = db.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL").fetchone()[0]
    cols = [c for c in CASE_COLUMNS if c not in ("id", "case_no")]
    copies = total - live
    with db.atomic():
        db.execute(
            f"INSERT INTO cases (case_no, {', '.join(cols)}) "
            f"SELECT 'T-' || n.v || '-' || c.id, {', '.join('c.' + c for c in cols)} "
            "FROM (WITH RECURSIVE r(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM r "
            "WHERE v < 200) SELECT v FROM r) n, "
            "(SELECT * FROM cases WHERE deleted_at IS NULL) c "
            f"ORDER BY n.v, c.id LIMIT {copies}")
    return register


@pytest.fixture
def big_register(demo_register):
    """The demo register grown to 10,000 live cases by copying its rows."""
    return _grow(demo_register, TOTAL)


def _scroll_to_end(qtbot, view: QTableView) -> None:
    """Press End until no more rows arrive, as a user holding End would."""
    view.setFocus()
    while True:
        before = view.model().rowCount()
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(1)
        if view.model().rowCount() == before and not view.model().canFetchMore(
                view.rootIndex()):
            return


@pytest.mark.parametrize(("sort", "descending"), [
    (SortKey.LAST_ACTIVITY, True), (SortKey.KIND, False), (SortKey.STATUS, True),
    (SortKey.AMOUNT, False), (SortKey.DUE, True), (SortKey.ITEM, False),
])
def test_scrolling_to_the_end_reaches_every_row_exactly_once(qtbot, big_register, sort,
                                                              descending):
    query = CaseQuery(sort=sort, descending=descending)
    model = CaseTableModel(big_register.cases, id_batch=500, first_batch=100)
    model.set_query(query)
    assert model.rowCount() == 100 and model.canFetchMore(model.index(-1, -1).parent())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    with qtbot.waitExposed(view):
        view.show()
    _scroll_to_end(qtbot, view)
    shown = [model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())]
    assert len(shown) == len(set(shown)) == TOTAL
    # Same rows, same order as the whole list in one query (today's path).
    assert shown == big_register.cases.query_ids(query)
    assert model.total() == TOTAL and model.is_complete()


def test_only_the_first_batch_is_loaded_until_the_user_scrolls(big_register):
    model = CaseTableModel(big_register.cases, id_batch=500, first_batch=300)
    model.set_query(CaseQuery())
    assert model.rowCount() == 300
    assert model.total() is None  # counted later, off the UI thread
    assert model.count_now() == TOTAL


def _header_click(qtbot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_sort_and_filter_changes_keep_the_selection(qtbot, make_window, big_register):
    window = make_window(big_register)
    view = window.case_list.table
    model = window.case_list.model
    qtbot.mouseClick(window.filter_bar.quick_buttons[QuickFilter.ALL],
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.query.statuses == ())
    _scroll_to_end(qtbot, view)
    # A refund-only case deep in the list, and one near the top, selected by the user.
    deep_row = next(r for r in range(model.rowCount() - 1, 0, -1)
                    if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).kind
                    == CaseKind.REFUND_ONLY)
    top_row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1).kind
                   == CaseKind.REFUND_ONLY)
    deep_id = model.index(deep_row, 0).data(CASE_ID_ROLE)
    top_id = model.index(top_row, 0).data(CASE_ID_ROLE)
    selection = view.selectionModel()
    # Ctrl+End moved the current row to the end; the list selects a current row that
    # nothing else selected (the panel shows it): start the user's selection afresh.
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(model.index(top_row, 0), flags)
    selection.setCurrentIndex(model.index(deep_row, 0), flags)
    assert sorted(window.case_list.selected_ids()) == sorted([deep_id, top_id])

    # Sort by item (a click on its header): fresh query, first batch only; both kept.
    _header_click(qtbot, view, column_of("item"))
    assert model.query.sort == COLUMNS[column_of("item")].sort
    assert sorted(window.case_list.selected_ids()) == sorted([deep_id, top_id])
    assert window.case_list.current_id() == deep_id

    # Filter to refund-only cases (both still listed): the selection stays.
    combo = window.filter_bar.kind_combo
    combo.setCurrentIndex(combo.findData(CaseKind.REFUND_ONLY.value))
    qtbot.waitUntil(lambda: model.query.kinds == (CaseKind.REFUND_ONLY,))
    assert sorted(window.case_list.selected_ids()) == sorted([deep_id, top_id])
    assert window.case_list.current_id() == deep_id
    expected = big_register.cases.count(model.query)
    qtbot.waitUntil(lambda: window.filter_bar.count_label.text() != ""
                    and str(expected) in window.filter_bar.count_label.text().replace(",", ""))


def test_a_view_taller_than_the_first_query_fills_itself(qtbot, big_register):
    """The first query is one page (FIRST_BATCH); a window with room for more rows than
    that asks for the next batch itself, without a scroll."""
    model = CaseTableModel(big_register.cases)
    model.set_query(CaseQuery())
    first = model.rowCount()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, (first + 20) * view.verticalHeader().defaultSectionSize())
    with qtbot.waitExposed(view):
        view.show()
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=2000)
    assert view.rowAt(view.viewport().height() - 1) >= 0  # rows to the bottom edge


def test_load_rest_loads_the_whole_list_only_under_its_limit(qtbot, big_register):
    model = CaseTableModel(big_register.cases, first_batch=50)
    model.set_query(CaseQuery(sort=SortKey.KIND))
    inserted = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    assert not model.load_rest(TOTAL - 51)  # one more than the limit
    assert model.rowCount() == 50 and model.canFetchMore() and not inserted
    assert model.load_rest(TOTAL - 50)
    assert inserted == [(50, TOTAL - 1)] and not model.canFetchMore()
    assert model.ids() == big_register.cases.query_ids(CaseQuery(sort=SortKey.KIND))
    assert model.total() == TOTAL


def test_ctrl_a_on_a_list_past_the_limit_selects_the_loaded_rows(qtbot, big_register,
                                                                 monkeypatch):
    from shopdesk.ui.views import case_list_view

    monkeypatch.setattr(case_list_view, "SELECT_ALL_LOADS", TOTAL - 51)
    view = case_list_view.CaseListView(big_register.cases, "zh", lambda: "小王")
    qtbot.addWidget(view)
    view.model.set_query(CaseQuery())
    view.show()
    view.table.setFocus()
    with qtbot.waitSignal(view.table.select_all_limited) as said:
        qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    loaded = view.model.ids()
    assert len(loaded) < TOTAL and view.selected_ids() == loaded
    assert said.args == [len(loaded), TOTAL, TOTAL - 51]  # what the status bar says
    monkeypatch.setattr(case_list_view, "SELECT_ALL_LOADS", TOTAL - len(loaded))
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_ids() == big_register.cases.query_ids(CaseQuery())


@pytest.mark.parametrize("column", ["item", "kind", "case_no", "amount"])
def test_select_all_then_sort_keeps_every_case_selected(qtbot, demo_register, column):
    """Qt keeps a selection of over 1,000 cells as ranges between two corners, which a
    sort moves: after Ctrl+A and a sort an arbitrary part of the list stayed selected."""
    from shopdesk.ui.views.case_list_view import CaseListView

    register = _grow(demo_register, 200)
    view = CaseListView(register.cases, "zh", lambda: "小王")
    qtbot.addWidget(view)
    view.model.set_query(CaseQuery())
    view.resize(900, 500)
    view.show()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    every = sorted(register.cases.query_ids(CaseQuery()))
    assert sorted(view.selected_ids()) == every
    header = view.table.horizontalHeader()
    section = header.sectionViewportPosition(column_of(column)) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section, 5))
    assert view.model.query.sort == COLUMNS[column_of(column)].sort
    assert sorted(view.selected_ids()) == every
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(section, 5))
    assert sorted(view.selected_ids()) == every  # and reversed


def test_a_sort_keeps_a_few_selected_cases_and_the_current_one(qtbot, demo_register):
    from shopdesk.ui.views.case_list_view import CaseListView

    register = _grow(demo_register, 200)
    view = CaseListView(register.cases, "zh", lambda: "小王")
    qtbot.addWidget(view)
    view.model.set_query(CaseQuery())
    view.show()
    chosen = [view.model.case_id_at(r) for r in (1, 4, 7)]
    view.select_case(chosen[0])
    for case_id in chosen[1:]:
        row = view.model.row_of(case_id)
        view.table.selectionModel().select(
            view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
            | QItemSelectionModel.SelectionFlag.Rows)
    view.table.sortByColumn(column_of("item"), Qt.SortOrder.AscendingOrder)
    assert sorted(view.selected_ids()) == sorted(chosen)
    assert view.current_id() == chosen[0]


def test_a_reload_keeps_a_selection_spread_down_a_long_list(qtbot, big_register):
    from shopdesk.ui.views.case_list_view import CaseListView

    view = CaseListView(big_register.cases, "zh", lambda: "小王")
    qtbot.addWidget(view)
    view.model.set_query(CaseQuery())
    view.show()
    while view.model.rowCount() < 2_000:
        view.model.fetchMore()
    chosen = [view.model.case_id_at(r) for r in (10, 700, 1_500, 1_999)]
    view.select_case(chosen[0])
    for case_id in chosen[1:]:
        view.table.selectionModel().select(
            view.model.index(view.model.row_of(case_id), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    view.reload()  # loads the first batch again, then down to the selected cases
    assert view.selected_ids() == chosen and view.current_id() == chosen[0]
    assert view.model.rowCount() < TOTAL  # not the whole list for four cases
