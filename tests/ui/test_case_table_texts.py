"""The case list's display texts are made once per row and kept across queries by the
row's stored values: a case changed since it was last shown, a new year, another
language or a sort still show what the case holds now."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.enums import CaseStatus
from shopdesk.ui.models.case_columns import CASE_ROLE, COLUMNS, column_of
from shopdesk.ui.models.case_table import CaseTableModel


def _shown(model: CaseTableModel, row: int) -> list:
    return [model.index(row, c).data() for c in range(len(COLUMNS))]


def test_a_case_changed_between_queries_shows_its_new_values(demo_register):
    model = CaseTableModel(demo_register.cases, "zh")
    model.set_query(CaseQuery())
    case_id = model.case_id_at(0)
    before = _shown(model, 0)  # formatted (and kept) once
    with demo_register.db.atomic():
        demo_register.cases.store.update_columns(
            case_id, {"buyer_nick": "改过的名字", "status": CaseStatus.CLOSED.value})
    model.set_query(CaseQuery(search="改过的名字"))
    assert model.ids() == [case_id]
    after = _shown(model, 0)
    assert after[column_of("buyer")] == "改过的名字" != before[column_of("buyer")]
    assert after[column_of("status")] == "已关闭"
    # ... and so does the list it came from, shown again.
    model.set_query(CaseQuery())
    row = model.row_of(case_id)
    assert _shown(model, row) == after
    assert model.index(row, column_of("status")).data(Qt.ItemDataRole.ForegroundRole) \
        is not None  # closed: greyed, from the same fresh row


def test_times_show_their_year_once_the_year_turns(demo_register, clock):
    model = CaseTableModel(demo_register.cases, "zh")
    model.set_query(CaseQuery())
    activity = column_of("activity")
    case = model.index(0, 0).data(CASE_ROLE)
    this_year = model.index(0, activity).data()
    assert not this_year.startswith("2026-")  # this year's: month and day, no year
    clock.set(datetime(2027, 1, 5, 2, 0, tzinfo=UTC))
    model.touch_time_columns()  # the window's timer, once a minute
    shown = model.index(0, activity).data()
    assert shown.startswith("2026-") and shown != this_year
    model.set_query(CaseQuery(search=case.case_no))  # a new query: last year's too
    assert model.index(0, activity).data() == shown


def test_texts_follow_the_rows_after_a_sort_and_in_each_language(demo_register):
    zh = CaseTableModel(demo_register.cases, "zh")
    en = CaseTableModel(demo_register.cases, "en")
    for lang, model in (("zh", zh), ("en", en)):
        model.set_query(CaseQuery())
        _shown(model, 0)
        model.sort(column_of("case_no"), Qt.SortOrder.AscendingOrder)
        assert model.query.sort == SortKey.CASE_NO
        for row in range(model.rowCount()):
            case = model.index(row, 0).data(CASE_ROLE)
            shown = _shown(model, row)
            assert shown[column_of("case_no")] == case.case_no
            assert shown[column_of("kind")] == case.kind.label(lang)
    status = column_of("status")
    assert {zh.index(r, status).data() for r in range(zh.rowCount())}.isdisjoint(
        {en.index(r, status).data() for r in range(en.rowCount())})
