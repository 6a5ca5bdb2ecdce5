"""ScriptStore: the rows behind script edits, shop scripts, usage, favourites and steps."""

from __future__ import annotations

from datetime import timedelta

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.storage.scripts import ScriptStore


def test_migration_creates_the_tables(register):
    names = set(register.db.table_names())
    assert {"script_overrides", "shop_scripts", "script_usage", "script_favourites",
            "case_steps"} <= names


def test_override_upsert_and_delete(register, clock):
    store = ScriptStore(register.db)
    store.set_override("general.respond.1", {"id": "general.respond.1", "v": 1}, clock.now(), "a")
    store.set_override("general.respond.1", {"id": "general.respond.1", "v": 2}, clock.now(), "b")
    [row] = store.overrides()
    assert '"v": 2' in row.data and row.by == "b"
    assert store.delete_override("general.respond.1") is True
    assert store.delete_override("general.respond.1") is False
    assert store.overrides() == []


def test_shop_scripts_soft_delete_and_undelete(register, clock):
    store = ScriptStore(register.db)
    store.put_shop_script("shop.respond.1", {"x": 1}, clock.now(), "a")
    assert store.shop_script_state("shop.respond.1") == "live"
    assert store.delete_shop_script("shop.respond.1", clock.now())
    assert store.shop_scripts() == []
    assert store.shop_script_state("shop.respond.1") == "deleted"
    store.put_shop_script("shop.respond.1", {"x": 2}, clock.now(), "a")
    assert [r.data for r in store.shop_scripts()] == ['{"x": 2}']


def test_usage_counts_and_favourites(register, clock):
    store = ScriptStore(register.db)
    for _ in range(3):
        store.bump_usage("a.b.1", clock.now())
    store.bump_usage("a.b.2", clock.now())
    assert store.usage() == {"a.b.1": 3, "a.b.2": 1}
    store.set_favourite("a.b.1", True, clock.now())
    store.set_favourite("a.b.1", True, clock.now())
    assert store.favourites() == {"a.b.1"}
    store.set_favourite("a.b.1", False, clock.now())
    assert store.favourites() == set()


def test_steps_tick_once_and_cascade_with_the_case(register, clock):
    case = register.cases.open_case(CaseDraft(Platform.TAOBAO, "1001", CaseKind.REFUND_ONLY),
                                    "小王")
    store = ScriptStore(register.db)
    assert store.tick(case.id, "respond", clock.now(), "小王") is True
    assert store.tick(case.id, "respond", clock.now() + timedelta(hours=1), "x") is False
    done = store.steps_done(case.id)["respond"]
    assert done.done_by == "小王" and done.done_at == clock.now()
    assert store.untick(case.id, "respond") and store.steps_done(case.id) == {}
    store.tick(case.id, "listen", clock.now(), "小王")
    register.db.execute("DELETE FROM cases WHERE id = ?", [case.id])
    assert store.steps_done(case.id) == {}
