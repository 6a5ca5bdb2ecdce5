"""Shared by the warning service tests."""

from __future__ import annotations


def spy_judged(register) -> list[set[int]]:
    """Record the case ids each warnings write judged (one set per `sync_many` call)."""
    judged: list[set[int]] = []
    sync = register.warnings.store.sync_many

    def spy(found, *args, **kw):
        judged.append(set(found))
        return sync(found, *args, **kw)

    register.warnings.store.sync_many = spy
    return judged
