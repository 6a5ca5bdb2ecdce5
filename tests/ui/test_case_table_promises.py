"""The case list's promise column: next open promise due, red once due, sorted in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.promises import PromiseKind
from shopdesk.ui.models.case_columns import CASE_ID_ROLE, COLUMNS, PROMISE_OVERDUE_ROLE, column_of
from shopdesk.ui.models.case_table import CaseTableModel

from ..conftest import T0
from ..services.calls_support import open_case


class CountingPromises:
    def __init__(self, service):
        self._service = service
        self.calls: list[list[int]] = []

    def next_due(self, ids):
        self.calls.append(list(ids))
        return self._service.next_due(ids)


def _model(register, **kw):
    model = CaseTableModel(register.cases, "zh", **kw)
    model.set_promise_source(register.promises)
    model.set_query(CaseQuery(sort=SortKey.CASE_NO, descending=False))
    return model


def test_column_shows_the_next_open_promise_and_turns_red_when_due(register, clock):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    register.promises.make(a.id, PromiseKind.REPLY, T0 + timedelta(hours=5), "小王")
    register.promises.make(a.id, PromiseKind.CALL_BACK, T0 + timedelta(hours=1), "小王")
    model = _model(register)
    col = column_of("promise")
    assert model.index(0, col).data() == "11-23 11:00"  # the earlier one, shop time
    assert model.index(1, col).data() is None  # b has no promise
    assert model.index(0, col).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, col).data(PROMISE_OVERDUE_ROLE) is False

    clock.set(T0 + timedelta(hours=1))  # exactly due
    brush = model.index(0, col).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().red() > 150
    assert model.index(0, col).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, col).data(Qt.ItemDataRole.ToolTipRole) == \
        "2026-11-23 11:00 — promise overdue"
    assert model.index(0, column_of("case_no")).data(PROMISE_OVERDUE_ROLE) is True
    assert model.index(1, col).data(PROMISE_OVERDUE_ROLE) is False
    assert b.id == model.index(1, 0).data(CASE_ID_ROLE)


def test_promise_dues_are_fetched_a_page_at_a_time(register):
    cases = [open_case(register, order=f"37000000000{i:02d}") for i in range(25)]
    for c in cases[::2]:
        register.promises.make(c.id, PromiseKind.REPLY, T0 + timedelta(hours=2), "小王")
    counting = CountingPromises(register.promises)
    model = CaseTableModel(register.cases, "zh", page_size=10, max_pages=2)
    model.set_promise_source(counting)
    model.set_query(CaseQuery(sort=SortKey.CASE_NO, descending=False))
    col = column_of("promise")
    shown = [model.index(r, col).data() for r in range(10)]
    assert shown.count("11-23 12:00") == 5 and len(counting.calls) == 1
    assert len(counting.calls[0]) == 10
    model.index(24, col).data()
    model.index(15, col).data()  # evicts page 0 (two pages kept)
    model.index(0, col).data()
    assert [len(c) for c in counting.calls] == [10, 5, 10, 10]


def test_header_sorts_by_promise_due_in_sql(register):
    a = open_case(register, order="3700000000001")
    b = open_case(register, order="3700000000002")
    c = open_case(register, order="3700000000003")
    register.promises.make(c.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    register.promises.make(a.id, PromiseKind.REPLY, T0 + timedelta(hours=3), "小王")
    model = _model(register)
    model.sort(column_of("promise"), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == SortKey.PROMISE_DUE
    assert [model.index(r, 0).data(CASE_ID_ROLE) for r in range(3)] == [c.id, a.id, b.id]


def test_without_a_promise_source_the_column_is_blank(register):
    case = open_case(register)
    register.promises.make(case.id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    model = CaseTableModel(register.cases, "zh")
    model.set_query(CaseQuery())
    assert model.index(0, column_of("promise")).data() is None
    assert model.index(0, column_of("case_no")).data() == case.case_no


def test_a_header_state_saved_before_the_promise_column_still_restores(qtbot, register):
    """Users upgrading keep their column widths: Qt restores a 12-section state into the
    13-column header and the new column still shows."""
    older = QStandardItemModel(0, len(COLUMNS) - 1)
    old = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(old)
    old.setModel(older)
    old.resizeSection(column_of("item"), 321)
    old.moveSection(column_of("status"), 1)
    state = old.saveState()
    fresh = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(fresh)
    fresh.setModel(_model(register))
    fresh.restoreState(state)
    assert fresh.count() == len(COLUMNS)
    assert fresh.sectionSize(column_of("item")) == 321
    assert not fresh.isSectionHidden(column_of("promise"))
    assert fresh.sectionSize(column_of("promise")) > 0


@pytest.fixture
def upgraded_register(data_paths, clock):
    """A register written before promises existed (three live cases, one in the trash),
    opened and migrated now."""
    from shopdesk.services.register import open_register
    from tests.storage.upgrade_support import make_register_before_promises

    make_register_before_promises(data_paths)
    reg = open_register(data_paths, clock, daily_backup=False)
    yield reg
    reg.close()


def test_an_upgraded_register_shows_a_blank_promise_column_and_no_banner(
        qtbot, upgraded_register, make_window):
    window = make_window(upgraded_register)
    model = window.case_list.model
    col = column_of("promise")
    assert model.rowCount() == 3
    assert [model.index(r, col).data() for r in range(3)] == [None, None, None]
    assert [model.index(r, col).data(PROMISE_OVERDUE_ROLE) for r in range(3)] == [False] * 3
    assert window.promises.banner.isHidden()
    # The first promise on an old case shows up in its row.
    case_id = model.case_id_at(1)
    upgraded_register.promises.make(case_id, PromiseKind.REPLY, T0 + timedelta(hours=1), "小王")
    window.case_list.reload()
    assert model.index(model.row_of(case_id), col).data() == "11-23 11:00"


def _older_header_state(qtbot) -> object:
    """The case table's header as saved by the version before the promise column."""
    older = QStandardItemModel(0, column_of("promise"))  # the 12 columns before it
    old = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(old)
    old.setModel(older)
    # That version's default order: what the next shift scans first right after the number.
    for visual, key in enumerate(("case_no", "status", "due", "kind", "platform", "order_no",
                                  "buyer", "item", "cause", "amount", "activity",
                                  "assignee")):
        old.moveSection(old.visualIndex(column_of(key)), visual)
    old.resizeSection(column_of("item"), 321)
    return old.saveState()


def test_upgrading_users_get_the_promise_column_beside_the_status_once(
        qtbot, make_window, demo_register):
    """Restoring a header saved before the column existed puts it last, off screen at
    1366 px; it is moved beside the status once, and where the user puts it later stays."""
    from shopdesk.ui.window_state import HEADER, app_settings

    settings = app_settings()
    settings.setValue(HEADER, _older_header_state(qtbot))
    settings.sync()
    window = make_window(demo_register)
    header = window.case_list.table.horizontalHeader()
    promise, status = column_of("promise"), column_of("status")
    assert header.visualIndex(promise) == header.visualIndex(status) + 1
    assert header.sectionSize(column_of("item")) == 321  # the user's widths are kept
    assert window.case_list.table.columnViewportPosition(promise) < 1366 // 2
    # The user moves it to the far right on purpose: it stays there next time.
    header.moveSection(header.visualIndex(promise), header.count() - 1)
    window.save_state()
    again = make_window(demo_register)
    moved = again.case_list.table.horizontalHeader()
    assert moved.visualIndex(promise) == moved.count() - 1


def test_the_placed_column_survives_a_window_that_never_closes(qtbot, make_window,
                                                                demo_register):
    """Killed before closing (no closeEvent, no save_state): the next start must not keep
    the 'placed' flag with the old header, leaving the column off screen for good."""

    from shopdesk.ui.header_state import restore_header_state
    from shopdesk.ui.window_state import HEADER, app_settings

    settings = app_settings()
    settings.setValue(HEADER, _older_header_state(qtbot))
    settings.sync()
    make_window(demo_register)  # places the column; never closed nor saved by the test
    stored = app_settings().value(HEADER)
    header = QHeaderView(Qt.Orientation.Horizontal)
    qtbot.addWidget(header)
    model = QStandardItemModel(0, header_count := len(COLUMNS))
    header.setModel(model)
    restore_header_state(header, stored)
    assert header_count == header.count()
    assert header.visualIndex(column_of("promise")) == header.visualIndex(
        column_of("status")) + 1


def test_a_header_restored_from_before_the_column_saves_a_state_that_restores(qtbot,
                                                                              register):
    """Qt appends the new column on restore but the header's next saved state is refused;
    restore_header_state leaves one that restores with the user's layout."""
    from shopdesk.ui.header_state import restore_header_state

    def fresh() -> QHeaderView:
        header = QHeaderView(Qt.Orientation.Horizontal)
        qtbot.addWidget(header)
        header.setModel(_model(register))
        return header

    upgraded = fresh()
    upgraded.setSectionsMovable(True)
    assert restore_header_state(upgraded, _older_header_state(qtbot))
    order = [upgraded.logicalIndex(v) for v in range(upgraded.count())]
    assert upgraded.sectionSize(column_of("item")) == 321
    assert not upgraded.isSectionHidden(column_of("promise")) and upgraded.sectionsMovable()
    again = fresh()
    assert again.restoreState(upgraded.saveState())  # plain Qt: False for the same steps
    assert [again.logicalIndex(v) for v in range(again.count())] == order
    assert again.sectionSize(column_of("item")) == 321
    assert not restore_header_state(fresh(), b"not a header state")
