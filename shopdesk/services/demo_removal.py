"""Removing the demo in one action (File → 清除演示数据, `shopdesk demo --remove`): the demo
cases with everything hanging off them, the staff and list entry the demo added; never a case,
staff member or list entry the user made."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.audit import AuditStore
from ..storage.cases import CaseStore
from ..storage.demo import DemoStore
from .actor import require_actor
from .demo import DEMO_ADDED_KEY, DemoTarget


@dataclass(frozen=True)
class DemoRemoval:
    """What remove_demo took away."""

    cases: int
    staff: tuple[str, ...]
    blacklist: int


def demo_case_count(register: DemoTarget) -> int:
    """How many demo cases the register holds (live or in the trash)."""
    return DemoStore(register.db).count()


def remove_demo(register: DemoTarget, actor: str) -> DemoRemoval:
    """Delete every demo case for good (timeline, promises, warnings, evidence rows and audit
    rows go with it), deactivate the demo staff nobody else's case names, drop the demo's
    list entry; one audit row says it happened. One transaction."""
    actor = require_actor(actor)
    db, now = register.db, register.clock.now()
    demo, cases = DemoStore(db), CaseStore(db)
    added = register.settings.get(DEMO_ADDED_KEY, None) or {"staff": [], "blacklist": []}
    staff_gone: list[str] = []
    listed = 0
    evidence = register.evidence
    with db.atomic():
        ids = demo.ids()
        files = evidence.stored_files_of(ids)
        demo.forget_audit(ids)
        cases.purge(ids)
        demo.reset_numbers()
        for name in added.get("staff", []):
            member = register.staff.store.by_name(name)
            still_used = db.execute(
                "SELECT 1 FROM cases WHERE assignee = ? OR created_by = ? LIMIT 1",
                [name, name]).fetchone()
            if member and member.active and not still_used:
                register.staff.deactivate(member.id, actor)
                staff_gone.append(name)
        present = {e.id for e in register.blacklist.entries()}
        for entry_id in added.get("blacklist", []):
            if int(entry_id) in present:  # not already removed by hand
                register.blacklist.remove(int(entry_id), actor)
                listed += 1
        register.settings.set(DEMO_ADDED_KEY, {"staff": [], "blacklist": []})
        AuditStore(db).record(now, actor, "register", None, "demo_removed", None, None,
                              str(len(ids)))
        # Warnings of the user's own cases may have pointed at a demo case (same buyer):
        # every open case on every rule, not only what time changes.
        register.warnings.rejudge_open()
    # Photos added to demo cases while trying the app out: their bytes go too.
    evidence.discard_unreferenced(files)
    return DemoRemoval(len(ids), tuple(staff_gone), listed)
