"""A case edited after its import sends its row through the full path on the next
re-import, whichever way the edit was made (m0026's trigger drops the case's import_rows
row); what the import does not read (warnings, stages and deadlines, the priority) keeps
the shortcut."""

from __future__ import annotations

import sqlite3

import pytest

from shopdesk.domain.enums import CaseStatus, Outcome, Priority
from shopdesk.domain.workflow import Transition
from shopdesk.services.import_known import SIG_COLUMNS
from tests.importers.helpers import taobao_refund_row
from tests.services.imports_support import run, write_refunds

ROWS = [taobao_refund_row(i) for i in range(1, 6)]
NUMBERS = ("amount_paid_fen", "amount_claimed_fen", "amount_settled_fen", "platform_involved")
# Written by the deadline and warning passes, the list, the case screen: not read by an import.
UNWATCHED = ("warning_count", "stage", "stage_origin", "stage_since", "stage_synced",
             "deadline_at", "deadline_source", "deadline_estimate", "priority", "assignee",
             "description", "updated_at", "last_activity_at", "cause", "province")


@pytest.fixture
def imported(register, tmp_path):
    """The register after importing ROWS: (file, case ids in row order)."""
    path = write_refunds(tmp_path, ROWS)
    ids = run(register.imports, path).created_ids
    assert len(ids) == 5 and _full_path_rows(register, path) == []
    return path, ids


def _full_path_rows(register, path) -> list[int]:
    """The file rows a reading of `path` converts (the others are skipped as known)."""
    return [r.row_number for r in register.imports.read(path).records]


def test_an_edit_in_the_case_form_sends_the_row_through_the_full_path(register, imported):
    path, ids = imported
    case = register.cases.get(ids[1])
    case.buyer_name = "改过的名字"
    register.cases.update(ids[1], case, "小王")
    assert _full_path_rows(register, path) == [3]
    report = run(register.imports, path)
    assert (report.updated, report.unchanged) == (0, 5)  # the import leaves the buyer's name
    assert _full_path_rows(register, path) == []  # and stores the row again


def test_an_edit_of_what_the_import_does_not_read_keeps_the_shortcut(register, imported):
    path, ids = imported
    case = register.cases.get(ids[1])
    case.priority = Priority.URGENT
    register.cases.update(ids[1], case, "小王")
    assert register.cases.get(ids[1]).priority is Priority.URGENT
    assert _full_path_rows(register, path) == []


def test_a_status_change_sends_the_row_through_the_full_path(register, imported):
    path, ids = imported
    register.cases.change_status(ids[2], Transition(CaseStatus.IN_PROGRESS), "小王")
    assert _full_path_rows(register, path) == [4]
    register.cases.change_status(ids[3], Transition(CaseStatus.CLOSED, Outcome.CLAIM_REJECTED,
                                                         note="买家不回复"),
                                 "小王")
    assert _full_path_rows(register, path) == [4, 5]


def test_trash_and_restore_send_the_row_through_the_full_path(register, imported):
    path, ids = imported
    register.cases.delete([ids[0]], "小王")
    assert _full_path_rows(register, path) == [2]
    register.cases.restore([ids[0]], "小王")
    assert _full_path_rows(register, path) == [2]
    assert run(register.imports, path).unchanged == 5
    assert _full_path_rows(register, path) == []


def _local_only(register) -> None:
    if getattr(register.db, "dialect", "sqlite") == "postgresql":
        pytest.skip("a second connection to the register file")


@pytest.mark.parametrize("column", [c for c in SIG_COLUMNS if c != "id"])
def test_a_direct_update_of_any_watched_column_is_seen(register, imported, column):
    path, ids = imported
    new = f"coalesce({column}, 0) + 1" if column in NUMBERS else f"coalesce({column}, '') || 'x'"
    with register.db.atomic():
        register.db.execute(f"UPDATE cases SET {column} = {new} WHERE id = ?", [ids[2]])
    assert _full_path_rows(register, path) == [4]


def test_a_direct_update_of_what_imports_do_not_read_keeps_the_shortcut(register, imported):
    path, ids = imported
    assert not set(UNWATCHED) & set(SIG_COLUMNS)
    sets = ", ".join(f"{c} = {c} + 1" if c in ("warning_count", "deadline_estimate")
                     else f"{c} = coalesce({c}, '') || 'x'" for c in UNWATCHED)
    with register.db.atomic():
        register.db.execute(f"UPDATE cases SET {sets} WHERE id = ?", [ids[2]])
    assert _full_path_rows(register, path) == []


def test_a_direct_sql_update_on_another_connection_is_seen(register, imported, data_paths):
    """Even by a tool that knows nothing of ShopDesk (the trigger lives in the file)."""
    _local_only(register)
    path, ids = imported
    other = sqlite3.connect(data_paths.database)
    other.execute("UPDATE cases SET extra = '{\"x\": 1}' WHERE id = ?", [ids[4]])
    other.commit()
    other.close()
    assert _full_path_rows(register, path) == [6]


def test_a_case_removed_for_good_without_foreign_keys_leaves_no_row(register, imported,
                                                                    data_paths):
    """The sqlite3 shell's default: no ON DELETE CASCADE; the delete trigger still runs,
    so a case given the removed case's id later (the largest id is given again) is not
    taken for it."""
    _local_only(register)
    path, ids = imported
    other = sqlite3.connect(data_paths.database)
    assert other.execute("PRAGMA foreign_keys").fetchone()[0] == 0
    other.execute("DELETE FROM cases WHERE id = ?", [ids[4]])
    other.commit()
    other.close()
    assert register.db.execute("SELECT count(*) FROM import_rows WHERE case_id = ?",
                               [ids[4]]).fetchone()[0] == 0
    assert _full_path_rows(register, path) == [6]


def test_emptying_the_trash_removes_the_rows(register, imported):
    path, ids = imported
    register.cases.delete(ids[:2], "小王")
    register.cases.empty_trash("小王")
    assert register.db.execute("SELECT count(*) FROM import_rows").fetchone()[0] == 3
    assert _full_path_rows(register, path) == [2, 3]


def test_warning_and_deadline_refreshes_keep_the_shortcut(register, imported, clock):
    """They write the warning count and the stage and deadline columns of cases the
    import left alone; a later reading still skips every row."""
    path, ids = imported
    counts = "SELECT warning_count FROM cases ORDER BY id"
    before = register.db.execute(counts).fetchall()
    clock.advance(days=20)
    register.warnings.rejudge_open()
    assert register.db.execute(counts).fetchall() != before  # warnings were written
    with register.db.atomic():
        register.deadlines.recompute(ids)  # writes every case's stage and deadline columns
    assert _full_path_rows(register, path) == []
    assert run(register.imports, path).unchanged == 5


def test_writing_a_watched_column_with_its_own_value_keeps_the_shortcut(register, imported):
    path, ids = imported
    with register.db.atomic():
        register.db.execute("UPDATE cases SET status = status, extra = extra, "
                            "amount_paid_fen = amount_paid_fen WHERE id = ?", [ids[0]])
    assert _full_path_rows(register, path) == []
