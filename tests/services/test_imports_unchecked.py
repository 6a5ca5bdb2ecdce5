"""A large import writes with foreign keys unchecked (every row it writes points at a case
of the same transaction) and leaves them checked again; a small one keeps checking."""

from __future__ import annotations

from shopdesk.services import imports
from shopdesk.storage import events as events_module
from tests.services.imports_support import run, write_refunds
from tests.services.test_imports_bulk import open_local, varied_row


def _spy(monkeypatch, reg) -> list[int]:
    """foreign_keys as each chunk's timeline rows are written."""
    seen: list[int] = []
    real = events_module.EventStore.add_stored

    def add_stored(self, rows):
        seen.append(reg.db.execute("PRAGMA foreign_keys").fetchone()[0])
        return real(self, rows)
    monkeypatch.setattr(events_module.EventStore, "add_stored", add_stored)
    return seen


def test_large_import_unchecks_references_while_it_writes(tmp_path, clock, seed_register,
                                                          monkeypatch):
    reg = open_local(tmp_path, "r", clock, seed_register)
    if getattr(reg.db, "dialect", "sqlite") == "postgresql":  # pragma: no cover
        return
    seen = _spy(monkeypatch, reg)
    monkeypatch.setattr(imports, "UNCHECKED_ROWS", 50)
    run(reg.imports, write_refunds(tmp_path, [varied_row(i) for i in range(1, 61)]))
    assert seen and set(seen) == {0}
    assert reg.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    seen.clear()
    run(reg.imports, write_refunds(tmp_path, [varied_row(i) for i in range(61, 81)], "b.csv"))
    assert seen and set(seen) == {1}  # under UNCHECKED_ROWS: checked as ever
    assert reg.db.execute("PRAGMA foreign_key_check").fetchall() == []
    reg.close()
