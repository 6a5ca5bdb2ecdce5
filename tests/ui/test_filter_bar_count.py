"""The list's count reads as a person would say it."""

from __future__ import annotations

from datetime import date

from shopdesk.ui.views.filter_bar import FilterBar


def test_one_case_is_not_one_cases(qtbot):
    bar = FilterBar("en", date(2026, 12, 5))
    qtbot.addWidget(bar)
    bar.set_count(1)
    assert bar.count_label.text() == "1 case"
    bar.set_count(1200)
    assert bar.count_label.text() == "1,200 cases"
    bar.set_count(0)
    assert bar.count_label.text() == "0 cases"
