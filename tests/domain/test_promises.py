"""Promise rules: overdue at exactly the due time, describe, validation, resolvability."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from shopdesk.domain.promises import (
    Promise,
    PromiseKind,
    PromiseState,
    check_resolvable,
    parse_kind,
    state_label,
    validate_new_promise,
)

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _promise(**changes) -> Promise:
    base = dict(id=7, case_id=1, kind=PromiseKind.CALL_BACK, text="确认补发时间",
                due_at=NOW, made_by="小王", made_at=NOW - timedelta(hours=2))
    base.update(changes)
    return Promise(**base)


def test_overdue_exactly_at_the_due_time_not_a_second_before():
    p = _promise()
    assert not p.is_overdue(NOW - timedelta(seconds=1))
    assert p.is_overdue(NOW)
    assert p.is_overdue(NOW + timedelta(days=3))


def test_kept_or_broken_promises_are_never_overdue():
    for state in (PromiseState.KEPT, PromiseState.BROKEN):
        p = _promise(state=state, resolved_at=NOW, resolved_by="小王")
        assert not p.is_overdue(NOW + timedelta(days=1))


def test_describe_joins_the_kind_and_the_text_in_either_language():
    assert _promise().describe() == "回电：确认补发时间"
    assert _promise().describe("en") == "Call back: 确认补发时间"
    assert _promise(text="").describe() == "回电"
    assert _promise(kind=PromiseKind.SEND_TRACKING, text="").describe("en") == \
        "Send tracking number"
    # "Other" says nothing: the text alone is the promise.
    assert _promise(kind=PromiseKind.OTHER, text="周五前寄小样").describe() == "周五前寄小样"


def test_was_late_compares_resolution_and_due_time():
    assert not _promise(state=PromiseState.KEPT, resolved_at=NOW).was_late()
    assert _promise(state=PromiseState.KEPT, resolved_at=NOW + timedelta(minutes=1)).was_late()
    assert not _promise().was_late()


def test_validation_names_each_problem():
    fields = {e.field for e in validate_new_promise(None, "", None, NOW)}
    assert fields == {"kind", "due_at"}
    errors = validate_new_promise(PromiseKind.OTHER, "  ", NOW + timedelta(hours=1), NOW)
    assert [e.field for e in errors] == ["text"] and "其他" in errors[0].zh
    errors = validate_new_promise(PromiseKind.REPLY, "", NOW - timedelta(hours=1), NOW)
    assert [e.field for e in errors] == ["due_at"] and "过去" in errors[0].zh
    assert "past" in errors[0].en
    naive = datetime(2026, 11, 24, 12, 0)
    assert [e.field for e in validate_new_promise(PromiseKind.REPLY, "", naive, NOW)] == \
        ["due_at"]
    assert validate_new_promise(PromiseKind.REPLY, "x" * 501, NOW, NOW)[0].field == "text"
    # A template with no text, due a minute ago (typed just now): fine.
    assert validate_new_promise(PromiseKind.REPLY, "", NOW - timedelta(minutes=1), NOW) == []


def test_only_open_promises_can_be_resolved():
    assert check_resolvable(_promise(), "keep") == []
    kept = _promise(state=PromiseState.KEPT, resolved_at=NOW)
    [error] = check_resolvable(kept, "break")
    assert "#7" in error.zh and "已兑现" in error.zh and "already kept" in error.en
    broken = _promise(state=PromiseState.BROKEN, resolved_at=NOW)
    [error] = check_resolvable(broken, "keep")
    assert "未兑现" in error.zh and "already broken" in error.en


def test_kind_parsing_and_labels():
    assert parse_kind("call_back") is PromiseKind.CALL_BACK
    assert parse_kind("回电") is PromiseKind.CALL_BACK
    assert parse_kind("send tracking number") is PromiseKind.SEND_TRACKING
    assert state_label(PromiseState.OPEN) == "待兑现"
    assert state_label(PromiseState.BROKEN, "en") == "Broken"


def test_quick_due_times_in_the_shop_zone():
    from shopdesk.domain.promises import QuickDue, quick_due

    tz = "Asia/Shanghai"
    now = NOW + timedelta(seconds=42)  # 10:00:42 in Shanghai
    assert quick_due(QuickDue.IN_ONE_HOUR, now, tz) == NOW + timedelta(hours=1)
    assert quick_due(QuickDue.TODAY_18, now, tz) == NOW + timedelta(hours=8)
    assert quick_due(QuickDue.TOMORROW_12, now, tz) == NOW + timedelta(hours=26)
    evening = NOW + timedelta(hours=9)  # 19:00: 18:00 today has passed
    assert quick_due(QuickDue.TODAY_18, evening, tz) is None
    # Just after midnight UTC is still the same Shanghai day for "tomorrow".
    late = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)  # 23:30 Shanghai
    assert quick_due(QuickDue.TOMORROW_12, late, tz) == datetime(2026, 11, 24, 4, 0,
                                                                  tzinfo=UTC)
