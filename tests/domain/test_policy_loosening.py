"""loosenings(): which policy changes allow calls past the shipped safe preset."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

from shopdesk.domain.call_policy import CallPolicy, loosenings

SAFE = CallPolicy()  # the defaults are the Taobao-safe preset


def codes(new: CallPolicy, current: CallPolicy = SAFE) -> list[str]:
    return [n.code for n in loosenings(new, current, SAFE)]


def test_switching_the_policy_off_lists_every_rule():
    off = replace(SAFE, quiet_start=time(23, 59), quiet_end=time(0), max_attempts_per_day=50,
                  max_attempts_per_case=50, max_attempts_per_span=50, min_gap=timedelta(0),
                  cooldown_after_talk=timedelta(0))
    assert codes(off) == ["quiet_hours", "cap_24h", "cap_case", "cap_span", "min_gap",
                          "cooldown"]
    assert "23:59–00:00" in loosenings(off, SAFE, SAFE)[0].zh


def test_stricter_values_and_moved_but_wider_quiet_hours_are_free():
    stricter = replace(SAFE, quiet_start=time(20), quiet_end=time(9), max_attempts_per_day=1,
                       max_attempts_per_case=2, min_gap=timedelta(hours=4))
    assert codes(stricter) == []
    assert codes(replace(SAFE, quiet_start=time(22))) == ["quiet_hours"]  # an hour shorter


def test_a_looser_value_the_shop_already_had_is_not_asked_again():
    loose = replace(SAFE, max_attempts_per_day=4)
    assert codes(replace(loose, max_attempts_per_case=2), current=loose) == []
    assert codes(replace(loose, max_attempts_per_day=5), current=loose) == ["cap_24h"]
