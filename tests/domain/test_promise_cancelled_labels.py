"""A promise no longer needed (state 'cancelled') in the domain's rules and wordings: not
overdue, never late, refused a second resolution, named apart in hand-off lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from shopdesk.domain.handoff import PromiseLine
from shopdesk.domain.handoff_labels import promise_state_text, promise_text
from shopdesk.domain.promises import (
    Promise,
    PromiseKind,
    PromiseState,
    check_resolvable,
    state_label,
)
from shopdesk.domain.text import Text

T = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_a_cancelled_promise_is_settled_never_overdue_nor_late():
    p = Promise(7, 1, PromiseKind.CALL_BACK, "", T, "小王", T - timedelta(hours=1),
                PromiseState.CANCELLED, T + timedelta(days=2), "小李", "买家撤销")
    assert not p.is_open and not p.is_overdue(T + timedelta(days=3)) and not p.was_late()
    assert (state_label(p.state), state_label(p.state, "en")) == ("不再需要", "No longer needed")
    for action in ("keep", "break", "cancel"):
        [error] = check_resolvable(p, action)
        assert "#7" in error.zh and "不再需要" in error.zh
        assert "already marked no longer needed" in error.en
    opened = replace(p, state=PromiseState.OPEN, resolved_at=None)
    assert check_resolvable(opened, "cancel") == []
    [error] = check_resolvable(replace(p, state=PromiseState.KEPT), "cancel")
    assert "标记为不再需要" in error.zh and "can be marked no longer needed" in error.en


def test_the_hand_off_names_a_cancelled_promise_with_its_reason():
    line = PromiseLine(7, "SD-1", "小蜜蜂", Text("回电", "Call back"), T, "小王", "cancelled",
                       resolved_by="小李", reason="买家撤销")
    assert promise_state_text(line, "zh") == "不再需要（买家撤销）"
    # Worded as a broken one's: the label, then the reason in brackets (paren()).
    en = promise_state_text(replace(line, reason="buyer withdrew"), "en")
    assert en.startswith("no longer needed") and en.endswith("(buyer withdrew)")
    assert promise_text(line, "Asia/Shanghai", "zh").endswith("不再需要（买家撤销）")
