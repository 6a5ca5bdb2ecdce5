"""Column widths are kept per language (widths saved in Chinese cut English labels);
the column order, hidden columns and sort are shared by both languages."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from shopdesk.ui.models.case_columns import column_of

EN = {"SHOPDESK_LANG": "en"}


def _width(window, key: str) -> int:
    return window.case_list.table.columnWidth(column_of(key))


def test_widths_are_kept_per_language_and_the_order_is_shared(make_window, demo_register):
    zh = make_window(demo_register)
    status = column_of("status")
    header = zh.case_list.table.horizontalHeader()
    header.resizeSection(status, 41)  # narrow: fits 处理中, not "In progress"
    header.moveSection(header.visualIndex(column_of("amount")), 1)
    zh.close()

    en = make_window(demo_register, env=EN)
    en_header = en.case_list.table.horizontalHeader()
    assert en_header.visualIndex(column_of("amount")) == 1  # the order followed
    fresh_en = en.case_list.default_widths()[status]
    assert _width(en, "status") == fresh_en > 41
    longest = max(en.case_list.table.fontMetrics().horizontalAdvance(s)
                  for s in ("In progress", "Waiting for buyer"))
    assert _width(en, "status") >= longest
    en_header.resizeSection(status, 230)
    en.close()

    zh_again = make_window(demo_register)
    assert _width(zh_again, "status") == 41
    assert zh_again.case_list.table.horizontalHeader().visualIndex(column_of("amount")) == 1
    zh_again.close()
    en_again = make_window(demo_register, env=EN)
    assert _width(en_again, "status") == 230


def test_the_time_left_column_fits_a_case_days_overdue_in_either_language(make_window,
                                                                         demo_register):
    """English 'overdue 29 d 23 h' is wider than 已超时29天23小时: cut in the middle, the
    days went missing ('overdue… d 12 h')."""
    for env, text in (({}, "已超时29天23小时"), (EN, "overdue 29 d 23 h")):
        window = make_window(demo_register, env=env)
        bold = QFont(window.case_list.table.font())
        bold.setBold(True)  # as overdue cells are drawn
        assert window.case_list.default_widths()[column_of("deadline")] > \
            QFontMetrics(bold).horizontalAdvance(text)
        window.close()
