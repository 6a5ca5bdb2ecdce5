"""Register builds every service once, wires the services to each other, and no service
imports the module that builds them (the old `for_register` factories made a circle)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import shopdesk.services as services_pkg
from shopdesk.services.calls import CallService
from shopdesk.services.cases import CaseService
from shopdesk.services.evidence import EvidenceService
from shopdesk.services.form_memory import FormMemory
from shopdesk.services.imports import ImportService
from shopdesk.services.promises import PromiseService
from shopdesk.services.scripts import ScriptService
from shopdesk.services.shifts import ShiftService
from shopdesk.services.staff import StaffService
from shopdesk.services.summary import SummaryService

SERVICES = {
    "cases": CaseService, "staff": StaffService, "calls": CallService,
    "evidence": EvidenceService, "promises": PromiseService, "shifts": ShiftService,
    "summary": SummaryService, "form_memory": FormMemory, "imports": ImportService,
    "scripts": ScriptService,
}


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_each_service_is_one_object_on_every_access(register, name):
    first = getattr(register, name)
    assert isinstance(first, SERVICES[name])
    assert getattr(register, name) is first
    assert getattr(register, name) is first


def test_services_share_their_collaborators(register):
    assert register.shifts.staff is register.staff
    assert register.shifts.settings is register.settings
    assert register.staff.settings is register.settings
    summary = register.summary
    assert summary.cases is register.cases and summary.calls is register.calls
    assert summary.promises is register.promises and summary.evidence is register.evidence
    assert register.shifts.builder.calls is register.calls
    assert register.imports.shop_tz == register.shop_tz == register.staff.shop_tz


def test_the_import_service_is_built_only_when_first_used(register):
    assert register._imports is None
    service = register.imports
    assert register._imports is service
    assert [p.key for p in service.config.presets]  # the shipped presets, loaded


@pytest.mark.local_only("a team register is restored on its server (pg_restore)")
def test_a_restored_register_builds_its_own_services(register, clock):
    backup = register.back_up_now()
    old_shifts, old_imports = register.shifts, register.imports
    restored, _kept = register.restore(backup)
    try:
        assert restored.shifts is not old_shifts and restored.imports is not old_imports
        assert restored.shifts.staff is restored.staff
        assert restored.shifts.db is restored.db
    finally:
        restored.close()


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, as 'shopdesk.services.x' for relative imports too
    (TYPE_CHECKING and function-level imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                base = "shopdesk.services" + (f".{node.module}" if node.module else "")
                names.add(base)
                if node.module is None:
                    names.update(f"shopdesk.services.{a.name}" for a in node.names)
            elif node.level == 0 and node.module:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_no_service_imports_the_register():
    folder = Path(services_pkg.__file__).parent
    offenders = [p.name for p in sorted(folder.glob("*.py"))
                 if p.name != "register.py"
                 and "shopdesk.services.register" in _imported_modules(p)]
    assert offenders == []


def test_no_service_has_a_for_register_factory():
    for cls in (CallService, ImportService, SummaryService, ShiftService, StaffService):
        assert not hasattr(cls, "for_register"), cls
