"""A shipped preset edited in any way is stored as "custom", whoever edits it."""

from __future__ import annotations

from dataclasses import replace

from shopdesk.services.call_policy_settings import CUSTOM_NAME

from .calls_support import call_service


def policy_audit(register):
    return [(a.old, a.new) for a in register.calls.audit_log.latest()
            if a.action == "call_policy" and a.field == "call_policy"]


def test_a_value_set_on_a_preset_makes_it_custom(register):
    calls = call_service(register)
    assert calls.policy().name == "taobao_safe"
    stored = calls.set_policy_values({"caps.per_day": "1"}, "小王")
    assert (stored.name, stored.label_zh, stored.label_en) == (CUSTOM_NAME, "自定义", "Custom")
    again = call_service(register).policy()
    assert again == stored and again.max_attempts_per_day == 1
    assert policy_audit(register) == [("taobao_safe", "custom")]


def test_an_edited_policy_passed_whole_becomes_custom_too(register):
    calls = call_service(register)
    strict = calls.policies.preset("strict")
    stored = calls.set_policy(replace(strict, require_chat_first=not strict.require_chat_first))
    assert stored.name == "custom" and calls.policy().name == "custom"
    assert calls.policy().require_chat_first is not strict.require_chat_first


def test_a_preset_unchanged_keeps_its_name(register):
    calls = call_service(register)
    assert calls.apply_preset("strict").name == "strict"
    assert calls.policy() == calls.policies.preset("strict")
    # A value equal to the preset's is no edit.
    same = calls.policies.preset("strict").max_attempts_per_day
    assert calls.set_policy_values({"caps.per_day": str(same)}).name == "strict"


def test_labels_the_editor_gave_and_other_names_are_kept(register):
    calls = call_service(register)
    mine = calls.set_policy_values({"caps.per_case": "2", "label_zh": "我家的规矩"})
    assert (mine.name, mine.label_zh, mine.label_en) == ("custom", "我家的规矩", "Custom")
    named = calls.set_policy_values({"name": "weekend_team", "caps.per_day": "1"})
    assert named.name == "weekend_team" and named.label_zh == "我家的规矩"
