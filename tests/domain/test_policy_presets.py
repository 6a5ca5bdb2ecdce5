"""Policy presets: the shipped TOML files and the TOML -> CallPolicy loader."""

from __future__ import annotations

import tomllib
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from shopdesk.domain.call_policy import CallPolicy, CapCounting, HolidayMode, TimeWindow
from shopdesk.domain.policy_presets import (
    PRESET_FILES,
    PolicyConfigError,
    load_policy_file,
    load_preset,
    policy_from_dict,
    policy_to_dict,
)

POLICIES = Path(__file__).resolve().parents[2] / "resources" / "policies"


def errors_of(data) -> dict:
    with pytest.raises(PolicyConfigError) as info:
        policy_from_dict(data)
    return info.value.by_field()


def test_every_shipped_preset_file_is_listed_and_loads():
    assert sorted(p.name for p in POLICIES.glob("*.toml")) == sorted(PRESET_FILES.values())
    for name in PRESET_FILES:
        policy = load_preset(name, POLICIES)
        assert policy.name == name
        assert policy.label_zh and policy.label_en


def test_taobao_safe_is_the_documented_defaults():
    policy = load_preset("taobao_safe", POLICIES)
    assert policy == CallPolicy()
    assert policy.windows[0] == (TimeWindow(time(10), time(18)),)
    assert policy.end_margin == timedelta(minutes=10)
    assert (policy.quiet_start, policy.quiet_end) == (time(21), time(8))
    assert (policy.max_attempts_per_day, policy.max_attempts_per_case) == (2, 3)
    assert policy.min_gap == timedelta(hours=2)
    assert policy.cooldown_after_talk == timedelta(hours=24)
    assert policy.day_counting is CapCounting.ROLLING


def test_strict_preset_caps():
    policy = load_preset("strict", POLICIES)
    assert (policy.max_attempts_per_day, policy.max_attempts_per_case) == (1, 2)


def test_cross_border_preset_window_and_holidays():
    policy = load_preset("cross_border", POLICIES)
    assert set(policy.windows) == {(TimeWindow(time(9), time(20)),)}
    assert policy.holiday_mode is HolidayMode.IGNORE


@pytest.mark.parametrize("name", sorted(PRESET_FILES))
def test_round_trip_through_dict(name):
    policy = load_preset(name, POLICIES)
    assert policy_from_dict(policy_to_dict(policy)) == policy


def test_round_trip_of_a_custom_policy():
    policy = CallPolicy(
        windows=((TimeWindow(time(9, 30), time(12)), TimeWindow(time(14), time(17, 30, 15))),)
        * 5 + ((), ()),
        blackout_dates=frozenset({date(2026, 6, 18), date(2026, 11, 11)}),
        day_counting=CapCounting.CALENDAR_DAY,
        holiday_mode=HolidayMode.AVOID_REST_DAYS,
        cooldown_after_talk=timedelta(minutes=90),
        require_chat_first=True,
    )
    assert policy_from_dict(policy_to_dict(policy)) == policy


def test_partial_dict_takes_defaults_and_weekday_overrides_default():
    policy = policy_from_dict({"window": {"default": ["09:00-17:00"], "sun": []},
                               "caps": {"per_day": 1}})
    assert policy.windows[0] == (TimeWindow(time(9), time(17)),)
    assert policy.windows[6] == ()
    assert policy.max_attempts_per_day == 1
    assert policy.max_attempts_per_case == 3


def test_toml_dates_and_times_native_or_text():
    data = tomllib.loads('[holidays]\nblackout_dates = [2026-06-18, "2026-11-11"]\n'
                        '[quiet_hours]\nstart = 22:00:00\nend = "07:30"\n')
    policy = policy_from_dict(data)
    assert policy.blackout_dates == {date(2026, 6, 18), date(2026, 11, 11)}
    assert (policy.quiet_start, policy.quiet_end) == (time(22), time(7, 30))


def test_unknown_keys_are_named():
    errors = errors_of({"caps": {"per_dya": 2}, "colour": "red"})
    assert set(errors) == {"caps.per_dya", "colour"}
    assert "caps.per_dya" in errors["caps.per_dya"].en
    assert "caps.per_dya" in errors["caps.per_dya"].zh


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"caps": {"per_day": 0}}, "caps.per_day"),
        ({"caps": {"per_case": "3"}}, "caps.per_case"),
        ({"caps": {"min_gap_minutes": -5}}, "caps.min_gap_minutes"),
        ({"caps": {"counting": "weekly"}}, "caps.counting"),
        ({"caps": {"cooldown_after_talk_minutes": True}}, "caps.cooldown_after_talk_minutes"),
        ({"holidays": {"mode": "sometimes"}}, "holidays.mode"),
        ({"holidays": {"blackout_dates": ["soon"]}}, "holidays.blackout_dates[0]"),
        ({"window": {"mon": ["18:00-10:00"]}}, "window.mon[0]"),
        ({"window": {"tue": ["10:00"]}}, "window.tue[0]"),
        ({"window": {"default": "10:00-18:00"}}, "window.default"),
        ({"window": {"end_margin_minutes": 1440}}, "window.end_margin_minutes"),
        ({"quiet_hours": {"start": "25:00"}}, "quiet_hours.start"),
        ({"quiet_hours": {"start": "08:00", "end": "08:00"}}, "quiet_hours.start"),
        ({"shop_timezone": "Asia/Nowhere"}, "shop_timezone"),
        ({"preparation": {"require_checklist": "yes"}}, "preparation.require_checklist"),
        ({"caps": 3}, "caps"),
    ],
)
def test_bad_values_name_the_key(data, key):
    errors = errors_of(data)
    assert key in errors, errors
    assert key in str(errors[key].en)


def test_choices_are_listed_in_the_message():
    errors = errors_of({"holidays": {"mode": "sometimes"}})
    assert "avoid_statutory" in errors["holidays.mode"].en


def test_all_errors_are_reported_at_once():
    errors = errors_of({"caps": {"per_day": 0, "per_case": 0}, "window": {"mon": ["x"]}})
    assert set(errors) == {"caps.per_day", "caps.per_case", "window.mon[0]"}


def test_toml_syntax_error_is_a_config_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[caps\nper_day = 2\n", encoding="utf-8")
    with pytest.raises(PolicyConfigError, match=r"bad\.toml"):
        load_policy_file(bad)


def test_unknown_preset_name():
    with pytest.raises(ValueError, match="taobao_safe"):
        load_preset("lenient", POLICIES)
