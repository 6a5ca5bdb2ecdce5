"""Suggestion ranking: exact kind+cause > kind+any cause > general; ties by usage."""

from __future__ import annotations

from shopdesk.domain.enums import CaseKind, Cause, CustomerType
from shopdesk.domain.scripts import Channel, HandlingStep, ScriptLibrary, match_tier, suggest


def entry(sid, kinds, causes, *, step="propose", channel="chat", ctypes=()):
    return {
        "id": sid, "kinds": kinds, "causes": causes, "step": step, "channel": channel,
        "customer_types": list(ctypes),
        "title": {"zh": "t", "en": "t"}, "tone": {"zh": "t", "en": "t"},
        "text": {"zh": "正文", "en": "text"},
    }


LIB = ScriptLibrary.from_dicts([
    entry("general.any.1", ["any"], ["any"]),
    entry("general.cause.1", ["any"], ["item_defective"]),
    entry("kind.any_cause.1", ["return_refund"], ["any"]),
    entry("kind.any_cause.2", ["return_refund"], ["any"]),
    entry("kind.cause.1", ["return_refund", "exchange"], ["item_defective", "misuse"]),
    entry("kind.other_cause.1", ["return_refund"], ["changed_mind"]),
    entry("other_kind.1", ["complaint"], ["any"]),
    entry("kind.explain.1", ["return_refund"], ["any"], step="explain"),
    entry("kind.phone.1", ["return_refund"], ["any"], channel="phone"),
    entry("general.dominant.1", ["any"], ["any"], ctypes=["dominant"]),
])


def ids(scripts):
    return [s.id for s in scripts]


def test_ranking_tiers():
    got = ids(suggest(LIB, CaseKind.RETURN_REFUND, Cause.ITEM_DEFECTIVE, HandlingStep.PROPOSE))
    assert got == ["kind.cause.1", "kind.any_cause.1", "kind.any_cause.2", "kind.phone.1",
                   "general.cause.1", "general.any.1", "general.dominant.1"]


def test_excludes_other_kinds_other_causes_other_steps():
    got = ids(suggest(LIB, CaseKind.RETURN_REFUND, Cause.ITEM_DEFECTIVE, HandlingStep.PROPOSE))
    assert "other_kind.1" not in got
    assert "kind.other_cause.1" not in got
    assert "kind.explain.1" not in got


def test_unknown_cause_leaves_out_cause_specific_scripts():
    got = ids(suggest(LIB, CaseKind.RETURN_REFUND, None, HandlingStep.PROPOSE))
    assert got == ["kind.any_cause.1", "kind.any_cause.2", "kind.phone.1", "general.any.1",
                   "general.dominant.1"]


def test_usage_breaks_ties_within_a_tier_only():
    usage = {"kind.any_cause.2": 9, "general.any.1": 100}
    got = ids(suggest(LIB, CaseKind.RETURN_REFUND, Cause.ITEM_DEFECTIVE, HandlingStep.PROPOSE,
                      usage=usage))
    assert got[:4] == ["kind.cause.1", "kind.any_cause.2", "kind.any_cause.1", "kind.phone.1"]
    assert got.index("general.any.1") > got.index("kind.phone.1")


def test_customer_type_ranks_matching_scripts_first_within_tier():
    got = ids(suggest(LIB, CaseKind.COMPLAINT, None, HandlingStep.PROPOSE,
                      customer_type=CustomerType.DOMINANT))
    assert got == ["other_kind.1", "general.dominant.1", "general.any.1"]
    got = ids(suggest(LIB, CaseKind.COMPLAINT, None, HandlingStep.PROPOSE,
                      customer_type=CustomerType.SOCIAL))
    assert got == ["other_kind.1", "general.any.1", "general.dominant.1"]


def test_channel_filter_and_limit():
    got = ids(suggest(LIB, CaseKind.RETURN_REFUND, None, HandlingStep.PROPOSE,
                      channel=Channel.PHONE))
    assert got == ["kind.phone.1"]
    assert len(suggest(LIB, CaseKind.RETURN_REFUND, None, None, limit=2)) == 2


def test_match_tier():
    s = LIB.get("kind.cause.1")
    assert match_tier(s, CaseKind.EXCHANGE, Cause.MISUSE) == 0
    assert match_tier(s, CaseKind.EXCHANGE, Cause.CHANGED_MIND) is None
    assert match_tier(s, CaseKind.COMPLAINT, Cause.MISUSE) is None
    assert match_tier(LIB.get("general.cause.1"), CaseKind.COMPLAINT, Cause.ITEM_DEFECTIVE) == 2


def test_a_script_for_a_threat_comes_first_only_when_the_case_shows_one():
    lib = ScriptLibrary.from_dicts([
        {**entry("threat.1", ["platform_dispute"], ["any"], step="respond"),
         "tags": ["threat_12315_press", "major_complaint"]},
        entry("dispute.1", ["platform_dispute"], ["any"], step="respond"),
        entry("general.1", ["any"], ["any"], step="respond"),
        {**entry("major.1", ["platform_dispute"], ["any"], step="respond"),
         "tags": ["major_complaint"]},
    ])
    step = HandlingStep.RESPOND
    calm = ids(suggest(lib, CaseKind.PLATFORM_DISPUTE, None, step, usage={"threat.1": 9}))
    # No threat shown: listed, but after every script that fits (however often used).
    assert calm == ["dispute.1", "general.1", "threat.1", "major.1"]
    threat = ids(suggest(lib, CaseKind.PLATFORM_DISPUTE, None, step,
                         situations={"threat_12315_press", "major_complaint"}))
    assert threat == ["threat.1", "major.1", "dispute.1", "general.1"]
    major = ids(suggest(lib, CaseKind.PLATFORM_DISPUTE, None, step,
                        situations={"major_complaint"}))
    assert major == ["major.1", "dispute.1", "general.1", "threat.1"]
