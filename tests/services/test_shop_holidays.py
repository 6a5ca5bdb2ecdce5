"""Holiday years the shop enters while chinese-calendar lacks them, and their coverage."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime

import pytest

from shopdesk.cli import run
from shopdesk.domain.call_policy import HolidayMode, ReasonCode
from shopdesk.domain.clock import FixedClock
from shopdesk.domain.errors import ValidationError
from shopdesk.domain.holidays import InMemoryHolidayCalendar, parse_dates, year_holidays
from shopdesk.services.calls import CallService
from shopdesk.services.holidays import ShopHolidays
from shopdesk.storage.audit import AuditStore

from .calls_support import open_case

# The library as shipped: 2026 covered (Labour Day 2026-05-01..05), 2027 not.
LIBRARY = InMemoryHolidayCalendar.of(holidays=[date(2026, 5, d) for d in range(1, 6)],
                                     years=[2026])
NOTICE_2027 = "2027-01-01, 2027-02-06..2027-02-12, 2027-05-01~2027-05-05"


@pytest.fixture
def holidays(register) -> ShopHolidays:
    return ShopHolidays(register.db, register.settings, register.clock, LIBRARY)


def test_dates_and_ranges_are_read_as_typed_from_the_notice():
    days = parse_dates("2027-01-01，2027-02-06..2027-02-08 2027-10-01至2027-10-02", 2027, "h")
    assert sorted(days) == [date(2027, 1, 1), date(2027, 2, 6), date(2027, 2, 7),
                            date(2027, 2, 8), date(2027, 10, 1), date(2027, 10, 2)]


@pytest.mark.parametrize(("days", "makeup", "field", "words"), [
    ("2027-13-01", "", "holidays", "2027-13-01"),
    ("2026-12-31", "", "holidays", "不在 2027 年内"),
    ("2027-02-12..2027-02-06", "", "holidays", "结束早于开始"),
    ("", "", "holidays", "至少"),
    ("2027-02-06..2027-02-12", "2027-02-15", "makeup_workdays", "周六或周日"),
    ("2027-02-06..2027-02-13", "2027-02-13", "makeup_workdays", "既放假又上班"),
])
def test_a_bad_year_is_refused_naming_the_field(days, makeup, field, words):
    with pytest.raises(ValidationError) as caught:
        year_holidays(2027, days, makeup)
    error = caught.value.errors[0]
    assert error.field == field and words in error.zh


def test_coverage_says_next_year_is_missing_until_the_shop_enters_it(holidays):
    assert [(c.year, c.source) for c in holidays.coverage()] == [(2026, "library"),
                                                                  (2027, "none")]
    assert holidays.missing_years() == [2027]
    assert not holidays.covers(2027)
    holidays.set_year(2027, NOTICE_2027, "2027-02-14", "小王")
    assert holidays.missing_years() == []
    shop = holidays.coverage()[1]
    assert (shop.year, shop.source, shop.holidays, shop.makeup_workdays) == (2027, "shop", 13, 1)
    assert holidays.is_statutory_holiday(date(2027, 2, 8))
    assert holidays.is_makeup_workday(date(2027, 2, 14))
    assert not holidays.is_statutory_holiday(date(2027, 2, 13))


def test_the_library_wins_for_a_year_it_covers(holidays):
    # Entered before the library update shipped 2026: the library's data is used.
    holidays.set_year(2026, "2026-06-01", "", "小王")
    assert not holidays.is_statutory_holiday(date(2026, 6, 1))
    assert holidays.is_statutory_holiday(date(2026, 5, 3))
    assert holidays.coverage()[0].source == "library"


def test_entering_and_clearing_a_year_is_audited(register, holidays):
    holidays.set_year(2027, NOTICE_2027, "", "小王")
    assert holidays.clear_year(2027, "小李")
    assert not holidays.clear_year(2027, "小李")
    rows = [(e.actor, e.field, e.old, e.new) for e in reversed(AuditStore(register.db).latest())
            if e.field == "holidays.2027"]
    assert [r[0] for r in rows] == ["小王", "小李"]
    assert rows[0][3] == "holidays=13 makeup_workdays=0" and rows[1][3] is None


def test_the_call_policy_uses_the_entered_year(register):
    # 2027-02-08 10:30 Shanghai, a Monday in the Spring Festival holiday of the notice.
    clock = FixedClock(datetime(2027, 2, 8, 2, 30, tzinfo=UTC))
    holidays = ShopHolidays(register.db, register.settings, clock, LIBRARY)
    calls = CallService(register.db, clock, register.settings, holidays,
                        shop_tz=register.shop_tz)
    policy = calls.policy()
    assert policy.holiday_mode is HolidayMode.AVOID_STATUTORY
    case = open_case(register)
    before = calls.can_call(case.id)
    assert before.warnings  # not covered: weekends stand in, and it says so
    assert ReasonCode.HOLIDAY not in {r.code for r in before.reasons}
    holidays.set_year(2027, NOTICE_2027, "", "小王")
    after = calls.can_call(case.id)
    assert ReasonCode.HOLIDAY in {r.code for r in after.reasons}
    assert not after.warnings


def test_cli_policy_holidays_shows_coverage_and_enters_a_year(tmp_path):
    env = {"SHOPDESK_HOME": str(tmp_path / "home")}
    clock = FixedClock(datetime(2026, 12, 3, 2, 0, tzinfo=UTC))

    def cli(*args):
        out, err = io.StringIO(), io.StringIO()
        code = run(["--as", "小王", "policy", "holidays", *args], clock=clock, env=env,
                   out=out, err=err)
        return code, out.getvalue(), err.getvalue()

    code, out, _ = cli()
    assert code == 0 and "2026  chinese-calendar" in out
    assert "2027  未覆盖" in out
    code, _, err = cli("--year", "2027", "--holidays", "2027-02-06..2027-02-12",
                       "--makeup", "2027-02-15")
    assert code == 1 and err.startswith("shopdesk: --makeup: 调休上班日应为周六或周日")
    code, _, err = cli("--year", "2027")
    assert code == 1 and "--holidays" in err
    code, out, _ = cli("--year", "2027", "--holidays", NOTICE_2027, "--makeup",
                       "2027-02-14", "--json")
    data = json.loads(out)
    assert data["missing"] == [] and data["library_last_year"] == 2026
    year = data["years"][1]
    assert year["source"] == "shop" and year["makeup_workdays"] == ["2027-02-14"]
    assert len(year["holidays"]) == 13
    code, _, err = cli("--clear", "2030")
    assert code == 1 and "--clear" in err
    assert cli("--clear", "2027")[0] == 0
    assert json.loads(cli("--json")[1])["missing"] == [2027]
