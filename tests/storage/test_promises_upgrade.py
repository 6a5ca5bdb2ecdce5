"""Upgrading a register written before promises existed (m0005) that already holds cases.

The file is built as that version left it: migrations up to 0004 only, cases inserted with
the columns of that schema. Opening it now must back it up, add the promises table and the
cases' next_promise_due column (NULL: no open promise), and promises must then work on the
old cases like on new ones.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from sqlite_utils import Database

from shopdesk.domain.case_query import CaseQuery, SortKey
from shopdesk.domain.promises import PromiseKind
from shopdesk.services.quick_filters import QuickFilter, apply_quick_filter
from shopdesk.services.register import open_register
from shopdesk.storage.migrations import migrations

from ..conftest import T0
from .upgrade_support import FIRST_NEW, make_register_before_promises


def _ids(register, quick, sort=SortKey.CASE_NO):
    query = apply_quick_filter(CaseQuery(sort=sort, descending=False), quick,
                               now=register.clock.now(),
                               tz=register.shop_tz, operator="小王")
    return register.cases.query_ids(query)


def test_the_old_file_really_predates_promises(data_paths):
    make_register_before_promises(data_paths)
    db = Database(sqlite3.connect(data_paths.database))
    try:
        assert "promises" not in db.table_names()
        assert "next_promise_due" not in db["cases"].columns_dict
        assert FIRST_NEW in [m.name for m in migrations.pending(db)]
    finally:
        db.close()


def test_an_old_register_with_cases_upgrades_with_no_promise_due(data_paths, clock):
    live_a, live_b, live_c, in_trash = make_register_before_promises(data_paths)
    register = open_register(data_paths, clock, daily_backup=False)
    try:
        assert not migrations.pending(register.db)
        backups = [b.path.name for b in register.list_backups()]
        assert any("pre-migration" in name and FIRST_NEW in name for name in backups)
        rows = register.db.execute("SELECT id, next_promise_due FROM cases ORDER BY id")
        assert rows.fetchall() == [(i, None) for i in (live_a, live_b, live_c, in_trash)]
        # Nothing owed yet: every list and count is empty, the column reads blank.
        assert register.promises.open_promises() == []
        assert register.promises.overdue_count() == 0
        assert register.promises.next_due([live_a, live_b, live_c, in_trash]) == {}
        assert _ids(register, QuickFilter.PROMISE_OVERDUE) == []
        assert _ids(register, QuickFilter.PROMISE_TODAY) == []
        assert sorted(_ids(register, QuickFilter.ALL, SortKey.PROMISE_DUE)) == \
            [live_a, live_b, live_c]

        # Promises work on the old cases like on new ones.
        register.staff.add("小王", actor="小王")
        due = T0 + timedelta(hours=2)
        made = register.promises.make(live_b, PromiseKind.CALL_BACK, due, "小王")
        assert register.promises.next_due([live_a, live_b]) == {live_b: due}
        assert _ids(register, QuickFilter.ALL, SortKey.PROMISE_DUE)[0] == live_b
        assert _ids(register, QuickFilter.PROMISE_TODAY) == [live_b]
        clock.set(due)
        assert _ids(register, QuickFilter.PROMISE_OVERDUE) == [live_b]
        assert register.promises.overdue_count() == 1
        register.promises.keep(made.id, "小王")
        assert register.promises.next_due([live_b]) == {}
        assert [e.type for e in register.cases.timeline(live_b)] == \
            ["promise_made", "promise_kept"]
        # An old case in the trash comes back able to take promises.
        register.cases.restore([in_trash], "小王")
        register.promises.make(in_trash, PromiseKind.REPLY, due + timedelta(hours=1), "小王")
        assert register.promises.next_due([in_trash]) == {in_trash: due + timedelta(hours=1)}
    finally:
        register.close()
