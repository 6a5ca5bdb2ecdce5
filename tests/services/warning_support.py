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


def recurring_on_the_second_time(register) -> None:
    """The shop's rules file: a recurrence warns the second time (`times = 2`, the
    shipped rule is 3); the tests of how a recurrence follows resolving, reopening and
    editing cases need only one earlier case then."""
    (register.paths.root / "warning_rules.toml").write_text(
        "[recurring_fault]\ntimes = 2\n", encoding="utf-8")
