"""call_attempts and buyers tables; the policy kept in settings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shopdesk.domain.call_policy import CallOutcome
from shopdesk.domain.policy_presets import PolicyConfigError
from shopdesk.services.call_person import buyer_key
from shopdesk.storage.calls import CallStore
from shopdesk.storage.db import open_memory_database
from shopdesk.storage.migrations import migrations

from ..services.calls_support import call_service, open_case

AT = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def test_migration_creates_the_tables():
    db = open_memory_database()
    assert {"call_attempts", "buyers"} <= set(db.table_names())
    assert "0003_calls" in {m.name for m in migrations.applied(db)}


def test_purging_a_case_keeps_its_calls_counted(register):
    case = open_case(register)
    store = CallStore(register.db)
    with register.db.atomic():
        store.add(case_id=case.id, buyer_key=buyer_key(case), at=AT,
                  outcome=CallOutcome.NO_ANSWER, actor="小王", created_at=AT)
    register.cases.delete([case.id], "小王")
    register.cases.empty_trash("小王")
    kept = store.for_buyer("taobao:小蜜蜂")
    assert len(kept) == 1 and kept[0].case_id is None


def test_buyer_key_falls_back_to_the_phone(register):
    case = open_case(register, nick="", phone="13900001111")
    assert buyer_key(case) == "taobao:13900001111"


def test_policy_defaults_to_taobao_safe_and_round_trips(register):
    calls = call_service(register)
    assert calls.policy().name == "taobao_safe"
    calls.apply_preset("strict")
    assert calls.policy().name == "strict"
    changed = calls.set_policy_values({"caps.per_day": "1", "window.sun": "",
                                       "holidays.blackout_dates": "2026-12-24"})
    again = call_service(register).policy()
    assert again == changed and again.max_attempts_per_day == 1 and again.windows[6] == ()


@pytest.mark.parametrize("key,value", [("caps.per_dya", "2"), ("caps.per_day", "zero"),
                                       ("caps.per_day", "0"), ("quiet_hours.start", "9pm")])
def test_bad_policy_values_name_the_key(register, key, value):
    calls = call_service(register)
    with pytest.raises(PolicyConfigError) as exc:
        calls.set_policy_values({key: value})
    assert exc.value.errors[0].field == key
    assert calls.policy().name == "taobao_safe"
