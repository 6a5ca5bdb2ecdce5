"""Every timeline event type the app writes has a printed name on the dispute summary, in
both languages, and the bad-review and follow-up lines print in the document's language."""

from __future__ import annotations

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest

from shopdesk.reports.summary_data import TimelineEntry
from shopdesk.reports.summary_labels import LABELS, Labels
from shopdesk.reports.summary_timeline import timeline_content
from tests.reports.summary_support import NOW, T0

ROOT = Path(__file__).resolve().parents[2] / "shopdesk"
# Written with the type in a variable (PromiseService._trail, demo_promises.promise_steps).
VIA_VARIABLES = {"promise_made", "promise_kept", "promise_broken", "promise_cancelled"}
_TYPE = re.compile(r"^[a-z][a-z_]*$")
_WRITERS = {"add", "add_many", "add_stored", "append", "extend"}


def _constants(node: ast.AST) -> set[str]:
    """The string(s) an argument can be: "x", or "a" if flag else "b"."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _constants(node.body) | _constants(node.orelse)
    return set()


def _receiver_is_events(func: ast.Attribute) -> bool:
    target = func.value
    if isinstance(target, ast.Call):  # EventStore(db).add_many(...)
        return isinstance(target.func, ast.Name) and target.func.id == "EventStore"
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    return "events" in name


def written_event_types() -> set[str]:
    """The event types the services and the storage write to a case's timeline: the type
    argument of EventStore.add and stored_event, and the type in the event tuples handed
    to add_many / add_stored (or collected in an `events` list first)."""
    found: set[str] = set()
    for path in [*ROOT.joinpath("services").rglob("*.py"),
                 *ROOT.joinpath("storage").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id == "stored_event" and len(node.args) > 3:
                found |= _constants(node.args[3])
                continue
            if not (isinstance(func, ast.Attribute) and func.attr in _WRITERS
                    and _receiver_is_events(func)):
                continue
            if func.attr == "add" and len(node.args) > 3:
                found |= _constants(node.args[3])
                continue
            for arg in node.args:
                for sub in ast.walk(arg):
                    if isinstance(sub, ast.Tuple) and len(sub.elts) >= 5:
                        for elt in sub.elts[2:4]:  # (case, at, actor, TYPE, ..) / (at, who, TYPE..)
                            found |= {t for t in _constants(elt) if _TYPE.match(t)}
    return {t for t in found if _TYPE.match(t)}


def test_the_scan_finds_the_event_types_it_should():
    types = written_event_types()
    # One from each way of writing them: add(), an events list, add_many, the demo rows.
    assert {"created", "note", "review", "review_contact", "followup_scheduled",
            "platform_update", "enriched", "order_mismatch", "stage", "deleted",
            "restored", "warning_ack"} <= types


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_event_type_written_has_a_printed_name(lang):
    words = LABELS[lang]
    missing = sorted(t for t in written_event_types() | VIA_VARIABLES
                     if f"ev_{t}" not in words)
    assert missing == [], f"summary_labels.py has no ev_<type> ({lang}) for {missing}"


def _content(type_: str, text: str, data: dict, lang: str) -> str:
    entry = TimelineEntry(T0, "小王", type_, text, data)
    return timeline_content(entry, Labels(lang), "Asia/Shanghai", NOW)


def test_bad_review_lines_read_as_the_window_says_them():
    assert _content("review", "更新差评信息", {"fields": ["stars", "text"], "outcome": None},
                    "zh") == "更新了差评信息：星级、评价内容"
    assert _content("review", "已发出评价解释", {"fields": ["replied_at", "reply_text"]},
                    "en") == "Public reply posted"
    assert _content("review", "评价结果：买家已修改评价",
                    {"fields": ["outcome"], "outcome": "revised"},
                    "en") == "Review outcome: Revised by the buyer"
    contact = {"contact_id": 1, "channel": "chat", "number": 1}
    assert _content("review_contact", "差评跟进联系 1/2（在线聊天）：问了耳机的问题", contact,
                    "zh") == "差评跟进联系第 1 次（在线聊天）\n问了耳机的问题"
    en = _content("review_contact", "差评跟进联系 1/2（在线聊天）：问了耳机的问题", contact, "en")
    assert en.startswith("Follow-up contact 1 of 2 about the review (Chat)")


def test_follow_up_and_stage_lines_are_in_the_document_language():
    due = (T0 + timedelta(days=3)).isoformat()
    assert _content("followup_scheduled", "2026-11-23 回访", {"due_at": due},
                    "en") == "Follow-up due 2026-11-23 10:00"
    assert _content("followup_done", "满意：好评", {"result": "satisfied", "note": "好评"},
                    "en") == "Follow-up result: Satisfied\n好评"
    assert "回访取消" in _content("followup_cancelled", "案件重新打开，回访取消", {}, "zh")
    assert not re.search(r"[\u4e00-\u9fff]",
                         _content("followup_cancelled", "案件重新打开，回访取消", {}, "en"))
    assert _content("stage", "阶段：待买家退货", {"to": "awaiting_return", "tracking": "SF1"},
                    "en") == "Stage: Awaiting the buyer's return (tracking no. SF1)"
