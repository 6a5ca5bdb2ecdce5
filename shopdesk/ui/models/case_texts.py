"""The case list's texts: each plain column's display text, the tooltips, and the time
left to a deadline. Display texts are made from a list row's stored values (ListTexts,
no model state), so the model builds a row's texts once per case while its page is held
and never a Case for it; tooltips read a Case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from operator import itemgetter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.case import Case
from ...domain.case_list import CaseListRow, list_row
from ...domain.clock import local
from ...domain.enums import CaseKind, CaseStatus, Cause, Platform
from ...domain.labels import LabelledEnum
from ...domain.money import format_yuan, from_fen
from ...domain.platform_state import INTERVENTION_STAGES
from ...domain.urgency import format_span
from .case_columns import COLUMN_KEYS


def warnings_text(labels: list[str]) -> str:
    """The warnings column: the first rule that fired and how many more ("⚠ 问题复发 +1").
    Two names side by side were cut in a column of laptop width ("Recur…nvolved"); the
    tooltip and the case panel name them all."""
    if not labels:
        return ""
    more = f" +{len(labels) - 1}" if len(labels) > 1 else ""
    return f"⚠ {labels[0]}{more}"


def time_text(value: datetime | None, shop_tz: str, this_year: int) -> str:
    """A time in the shop's zone: 'MM-DD HH:MM' this year, 'YYYY-MM-DD' another year."""
    # strftime's "%Y-%m-%d" / "%m-%d %H:%M", at a third of its cost (two per row).
    return _shown_time(None if value is None else local(value, shop_tz), this_year)


class ListTexts:
    """The display texts of list rows in one language and shop zone. Made from the rows'
    stored values (domain/case_list.py); each enum value's label is looked up once."""

    def __init__(self, lang: str, shop_tz: str) -> None:
        self.lang = lang
        self.shop_tz = shop_tz
        self._zone = ZoneInfo(shop_tz)
        self._labels: dict[tuple[type[LabelledEnum], str], str] = {}
        self._years: tuple[int, datetime, datetime] | None = None  # this_year's
        # A row's cells by its stored values (equal values, equal texts): a case shown
        # again (the list after a search, a search after the list) is not formatted
        # again, and a case changed since has other values. This year's only.
        self._cells: dict[CaseListRow, tuple[tuple[str | None, ...], datetime | None]] = {}

    def label(self, enum: type[LabelledEnum], value: str | None) -> str:
        """The label of a stored enum value ('' for none)."""
        if not value:
            return ""
        key = (enum, value)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = enum(value).label(self.lang)
        return text

    def shop_time(self, stored: str | None) -> datetime | None:
        """A stored UTC time in the shop's zone (None stays None), as from_iso + local."""
        if not stored:
            return None
        value = datetime.fromisoformat(stored)
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(self._zone)

    def this_year(self, now: datetime) -> int:
        """The shop's current year at `now` (worked out again only when it changes)."""
        years = self._years
        if years is None or not years[1] <= now < years[2]:
            year = now.astimezone(self._zone).year
            self._cells.clear()  # times of last year show their year now
            # Its bounds in UTC, the clocks' zone: comparing a UTC time with one in the
            # shop's zone asks zoneinfo for an offset (1 us a row; 0.04 us in UTC).
            years = self._years = (
                year, datetime(year, 1, 1, tzinfo=self._zone).astimezone(UTC),
                datetime(year + 1, 1, 1, tzinfo=self._zone).astimezone(UTC))
        return years[0]

    def cells(self, row: CaseListRow, this_year: int
              ) -> tuple[tuple[str | None, ...], datetime | None]:
        """The display text of each column that reads only the case, in column order
        (None for the columns that read other sources), and the due time in the shop's
        zone."""
        found = self._cells.get(row)
        if found is not None and self._years is not None and this_year == self._years[0]:
            return found
        if self._years is None or this_year != self._years[0]:
            return self._new_cells(row, this_year)  # another year's: not kept
        if len(self._cells) >= _KEPT_CELLS:
            self._cells.clear()
        found = self._cells[row] = self._new_cells(row, this_year)
        return found

    def _new_cells(self, row: CaseListRow, this_year: int
                   ) -> tuple[tuple[str | None, ...], datetime | None]:
        # A dispute the platform is handling matters more than the refund's own words.
        if row.platform_stage in _INTERVENTION and row.intervention_status:
            platform_status = f"{row.intervention_status} · {row.platform_status}".strip(" ·")
        else:
            platform_status = row.platform_status
        label = self.label
        due = self.shop_time(row.due_at)
        return _IN_COLUMN_ORDER((
            row.case_no, label(Platform, row.platform), row.order_no, row.buyer_nick,
            row.item_title, label(CaseKind, row.kind), label(Cause, row.cause),
            label(CaseStatus, row.status), _yuan(row.amount_claimed_fen),
            _shown_time(due, this_year),
            _shown_time(self.shop_time(row.last_activity_at), this_year),
            row.assignee, platform_status, None)), due

    def texts(self, row: CaseListRow, this_year: int) -> tuple[str, ...]:
        """The display text of each column that reads only the case ('' for the others),
        in column order."""
        return tuple("" if t is None else t for t in self.cells(row, this_year)[0])


# The texts above, in this order (None last, for the columns that read other sources);
# picked into column order by one C call (a dict per row cost more than the texts).
_TEXT_KEYS = ("case_no", "platform", "order_no", "buyer", "item", "kind", "cause", "status",
              "amount", "due", "activity", "assignee", "platform_status", "")
_IN_COLUMN_ORDER = itemgetter(*(_TEXT_KEYS.index(k) if k in _TEXT_KEYS else -1
                                for k in COLUMN_KEYS))
_INTERVENTION = frozenset(s.value for s in INTERVENTION_STAGES)
_KEPT_CELLS = 4000  # rows' cells kept (the model holds at most 2,000 rows)


def _yuan(fen: int | None) -> str:
    """format_yuan(from_fen(fen)) without the Decimal: '¥1,234.50'; None -> ''."""
    if fen is None:
        return ""
    if fen < 0:  # never stored (a CHECK forbids it); shown as format_yuan would
        return format_yuan(from_fen(fen))
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def _shown_time(shown: datetime | None, this_year: int) -> str:
    """time_text of a time already in the shop's zone."""
    if shown is None:
        return ""
    if shown.year != this_year:
        return f"{shown.year:04d}-{shown.month:02d}-{shown.day:02d}"
    return f"{shown.month:02d}-{shown.day:02d} {shown.hour:02d}:{shown.minute:02d}"


def display_texts(case: Case, lang: str, shop_tz: str, now: datetime) -> tuple[str, ...]:
    """The display text of each column that reads only the case ('' for the others)."""
    return ListTexts(lang, shop_tz).texts(list_row(case), local(now, shop_tz).year)


def tooltip(case: Case, key: str, lang: str, shop_tz: str, now: datetime) -> str | None:
    """The tooltip of the case's cell in column `key` (None: none)."""
    if key == "case_no" and case.major_owner:
        return QCoreApplication.translate("CaseTableModel", "Major complaint, owner: %1"
                                          ).replace("%1", case.major_owner)
    if key in ("due", "activity"):
        value = case.due_at if key == "due" else case.last_activity_at
        if value is None:
            return None
        text = local(value, shop_tz).strftime("%Y-%m-%d %H:%M")
        if key == "due" and case.is_overdue(now):
            text += " — " + QCoreApplication.translate("CaseTableModel", "overdue")
        return text
    if key == "item":
        return "\n".join(t for t in (case.item_title, case.sku) if t) or None
    if key == "buyer":
        return case.buyer_nick or None
    if key == "platform_status":
        return case.platform_summary(lang) or None
    if key == "order_no":  # elided in the middle when the column is narrow
        return case.order_no or None
    return None


DEFAULT_DEADLINE_WINDOW = timedelta(hours=6)
SOURCE_TITLES = {
    "platform": QT_TRANSLATE_NOOP("CaseTableModel", "Platform deadline"),
    "rule": QT_TRANSLATE_NOOP("CaseTableModel", "Estimated from the rules"),
    "manual": QT_TRANSLATE_NOOP("CaseTableModel", "Set by hand"),
}


def time_left_text(left: timedelta, estimate: bool, lang: str) -> str:
    """'5小时12分' / '约2天3小时' / '已超时40分钟' ('5 h 12 min', '~2 d 3 h',
    'overdue 40 min')."""
    en = lang.startswith("en")
    if left.total_seconds() <= 0:
        span = format_span(-left, lang)
        return f"overdue {span}" if en else f"已超时{span}"
    span = format_span(left, lang)
    if estimate:
        return f"~{span}" if en else f"约{span}"
    return span
