"""Times in call-policy messages name the zone as a person does, or not at all for shop time."""

from shopdesk.domain.zone_names import zone_name, zone_suffix


def test_shop_time_needs_no_zone():
    assert zone_suffix("Asia/Shanghai", "Asia/Shanghai", "zh") == ""
    assert zone_suffix("", "Asia/Shanghai", "en") == ""


def test_another_zone_is_named_in_the_window_language():
    assert zone_suffix("Asia/Tokyo", "Asia/Shanghai", "zh") == "（东京时间）"
    assert zone_suffix("Asia/Tokyo", "Asia/Shanghai", "en") == " (Tokyo time)"
    assert zone_name("America/Los_Angeles", "zh") == "洛杉矶时间"
    assert zone_name("America/Los_Angeles", "en") == "Los Angeles time"
    assert zone_name("Asia/Shanghai", "en") == "Beijing time"
    assert zone_name("Africa/Nairobi", "zh") == "Nairobi当地时间"


def test_a_reason_names_the_buyers_zone_and_omits_the_shops():
    from datetime import UTC, datetime, timedelta

    from shopdesk.domain.call_policy import (
        BuyerCallProfile,
        CallPolicy,
        CaseCallContext,
        HolidayMode,
        evaluate,
    )

    policy = CallPolicy(holiday_mode=HolidayMode.IGNORE, min_gap=timedelta(0))
    at = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 22:00 Shanghai, 06:00 Los Angeles
    la = evaluate(at, BuyerCallProfile("b", tz="America/Los_Angeles"), CaseCallContext(1), [],
                  policy)
    text_zh = " ".join(r.message("zh") for r in la.reasons)
    text_en = " ".join(r.message("en") for r in la.reasons)
    assert "（洛杉矶时间）" in text_zh and "(Los Angeles time)" in text_en
    assert "America/" not in text_zh + text_en
    home = evaluate(at, BuyerCallProfile("c"), CaseCallContext(1), [], policy)
    assert "Asia/Shanghai" not in " ".join(r.message("en") for r in home.reasons)
