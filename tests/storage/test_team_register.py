"""The team register on a real PostgreSQL server: the same schema as the local one, the
same search results, and a local register moved to it with every row (counts and
checksums per table). Skipped without a server, failing under CI=true (tests/pg_support)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from shopdesk.domain.case import CaseDraft
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.services.register import Register, open_register
from shopdesk.storage.analysis import daily_recount, daily_totals
from shopdesk.storage.pg.db import open_team_database
from shopdesk.storage.pg.transfer import copy_register, table_checksums
from tests import pg_support
from tests.services.evidence_support import png_bytes

_TYPES = {"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision"}
_SQLITE_ONLY = ("sqlite_", "cases_fts", "cases_bigram", "_sqlite_migrations")


@pytest.fixture
def team_url():
    with pg_support.scratch_database("sdteam") as url:
        yield url


def _sqlite_schema(db) -> tuple[dict, set]:
    tables = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if name.startswith(_SQLITE_ONLY):
            continue
        tables[name] = {(r[1], _TYPES[r[2]], bool(r[3]) or bool(r[5]))
                        for r in db.execute(f"PRAGMA table_info({name})")}
    indexes = {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' "
        "AND tbl_name != '_sqlite_migrations'")}
    return tables, indexes


def _pg_schema(db) -> tuple[dict, set]:
    tables: dict = {}
    for table, col, dtype, nullable in db.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM "
            "information_schema.columns WHERE table_schema = current_schema()"):
        if table.startswith(("team_", "_shopdesk", "cases_search")):
            continue
        if table == "audit_log" and col == "pc":
            continue  # the team register also records the PC
        tables.setdefault(table, set()).add((col, dtype, nullable == "NO"))
    indexes = {r[0] for r in db.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        if r[0].startswith("idx_") and r[0] != "idx_cases_search_trgm"}
    return tables, indexes


def test_both_migration_sets_make_the_same_logical_schema(register_template, team_url):
    from shopdesk.storage.transactions import connect

    local = connect(str(register_template))
    team = open_team_database(team_url, listen=False)
    try:
        assert _pg_schema(team) == _sqlite_schema(local)
    finally:
        local.close()
        team.close()


CORPUS = ["蓝牙耳机左耳没声音", "退款没到账 耳机", "Red SHOES size 42", "红色 T恤 起球",
          "100% 纯棉_毛巾", "耳", "手机壳碎了"]
QUERIES = ["耳", "耳机", "蓝牙耳机", "red", "SHOES", "shoes 42", "T恤", "%", "_", "100%",
           "纯棉_", "机", "没", "到账", "手机 碎", "不存在", "e", "42"]


def _fill(reg: Register, clock) -> None:
    if "小王" not in [s.name for s in reg.staff.list()]:
        reg.staff.add("小王", actor="小王")
    for n, text in enumerate(CORPUS):
        case = reg.cases.open_case(CaseDraft(
            platform=Platform.TAOBAO, order_no=f"31261123{n:011d}", kind=CaseKind.REFUND_ONLY,
            item_title=text, buyer_nick=f"buyer{n}"), "小王")
        reg.cases.add_note(case.id, f"备注{n} 已联系", "小王")
    clock.advance(minutes=1)


def test_search_finds_the_same_cases_on_both_back_ends(data_paths, clock, seed_register,
                                                      team_url):
    local = open_register(seed_register(data_paths), clock)
    team = Register(paths=data_paths, db=open_team_database(team_url, listen=False),
                    clock=clock)
    try:
        _fill(local, clock)
        _fill(team, clock)
        for q in [*QUERIES, "备注3", "已联系", "BUYER1"]:
            found = [sorted(r.cases.query_ids(CaseQuery(search=q)))
                     for r in (local, team)]
            assert found[0] == found[1], q
    finally:
        local.close()
        team.close()


def test_a_local_register_moves_to_the_server_with_every_row(data_paths, clock, seed_register,
                                                            team_url):
    local = open_register(seed_register(data_paths), clock)
    _fill(local, clock)
    case = local.cases.query_ids(CaseQuery())[0]
    local.cases.delete([case], "小王")  # the trash moves too
    local_sums = table_checksums(local.db)
    team = open_team_database(team_url, listen=False)
    try:
        copied = copy_register(local.db, team)
        assert copied["cases"] == len(CORPUS)
        assert table_checksums(team) == local_sums
        # The analysis day totals are summed again by the server's triggers, not copied.
        assert daily_totals(team) == daily_totals(local.db) == daily_recount(team) != set()
        assert all(n > 0 for t, (n, _) in local_sums.items()
                   if t in ("cases", "case_events", "audit_log", "staff"))
        # New rows after the copy get fresh ids (the id sequences moved past the copied ones).
        reg = Register(paths=data_paths, db=team, clock=clock)
        new = reg.cases.open_case(CaseDraft(platform=Platform.JD, order_no="9999999",
                                            kind=CaseKind.REFUND_ONLY), "小王")
        assert new.id == len(CORPUS) + 1
        assert table_checksums(local.db) == local_sums  # the local register only read
    finally:
        team.close()
        local.close()



def test_audit_rows_record_the_pc(data_paths, clock, team_url):
    import socket

    team = Register(paths=data_paths, db=open_team_database(team_url, listen=False),
                    clock=clock)
    try:
        team.staff.add("小王", actor="小王")
        _fill(team, clock)
        pcs = {r[0] for r in team.db.execute("SELECT pc FROM audit_log").fetchall()}
        assert pcs == {socket.gethostname()}
    finally:
        team.close()


def test_backup_is_a_pg_dump_archive_or_else_a_local_register_with_every_row(
        data_paths, clock, team_url):
    from shopdesk.storage.pg.backup import team_backup
    from shopdesk.storage.transactions import connect

    team = Register(paths=data_paths, db=open_team_database(team_url, listen=False),
                    clock=clock)
    try:
        _fill(team, clock)
        dump = team.back_up_now()
        assert dump.suffix == ".dump" and dump.read_bytes()[:5] == b"PGDMP"
        # Named on the shop's clock with its offset, as a local backup (not in UTC).
        shop = clock.now().astimezone(ZoneInfo(team.shop_tz))
        assert dump.name == f"shopdesk-team-{shop:%Y%m%d-%H%M%S%z}.dump"
        export = team_backup(team.db, data_paths.backups, clock.now(), "Asia/Shanghai",
                             pg_dump="")
        assert export.suffix == ".sqlite3"
        assert export.name.startswith(f"shopdesk-{shop:%Y%m%d-%H%M%S}+0800-")
        assert any(b.path == export for b in team.list_backups())
        copy = connect(str(export))
        try:
            assert table_checksums(copy) == table_checksums(team.db)
        finally:
            copy.close()
    finally:
        team.close()


def test_a_cut_connection_is_said_once_then_connected_again(team_url):
    import psycopg

    from shopdesk.storage.pg.connection import TeamOfflineError

    db = open_team_database(team_url)
    try:
        pid = db.conn.info.backend_pid
        with psycopg.connect(team_url, autocommit=True, connect_timeout=3) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        with pytest.raises(TeamOfflineError) as cut:
            db.execute("SELECT count(*) FROM cases").fetchone()
        assert "无法连接团队登记簿服务器" in cut.value.zh and "nothing was written" in \
            cut.value.en.lower().replace("nothing was saved, and ", "")
        assert db.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
        assert db.conn.info.backend_pid != pid
    finally:
        db.close()


def test_executemany_outside_a_transaction_writes_all_rows_or_none(team_url):
    # As on the local register (SqliteDatabase.executemany). The connection is in
    # autocommit; psycopg sends the rows in one pipeline, which the server runs as one
    # implicit transaction, so a failing row leaves none of the batch written.
    import psycopg

    db = open_team_database(team_url, listen=False)
    try:
        sql = "INSERT INTO settings(key, value) VALUES (?, ?)"
        db.executemany(sql, [("x-a", "1"), ("x-b", "2")])
        with pytest.raises(psycopg.errors.UniqueViolation):
            db.executemany(sql, [("x-c", "3"), ("x-a", "again")])  # x-a exists
        keys = [r[0] for r in db.execute(
            "SELECT key FROM settings WHERE key LIKE 'x-%' ORDER BY key").fetchall()]
        assert keys == ["x-a", "x-b"]
    finally:
        db.close()


def test_evidence_added_on_one_pc_opens_on_another(tmp_path, clock, team_url):
    from shopdesk.paths import DataPaths

    pcs = [Register(paths=DataPaths(tmp_path / f"pc{n}"),
                    db=open_team_database(team_url, listen=False), clock=clock)
           for n in range(2)]
    try:
        _fill(pcs[0], clock)
        photo = tmp_path / "破损.png"
        photo.write_bytes(png_bytes(120, 90))  # a picture that decodes (added ones must)
        case_id = pcs[0].cases.query_ids(CaseQuery())[0]
        added = pcs[0].evidence.add_file(case_id, photo, "小王")
        [seen] = [e for e in pcs[1].evidence.for_case(case_id) if e.id == added.id]
        path = pcs[1].evidence.file_path(seen)
        assert path is not None and path.read_bytes() == photo.read_bytes()
        assert str(tmp_path / "pc1") in str(path)
    finally:
        for pc in pcs:
            pc.close()


def test_write_transactions_queue_register_wide_as_on_the_local_file(team_url):
    import threading

    first = open_team_database(team_url, listen=False)
    second = open_team_database(team_url, listen=False)
    order: list[str] = []
    entered = threading.Event()

    def other_pc() -> None:
        entered.wait()
        with second.atomic():
            order.append("second")

    thread = threading.Thread(target=other_pc)
    thread.start()
    try:
        with first.atomic():
            entered.set()
            thread.join(timeout=1.0)  # cannot get in while this transaction is open
            assert thread.is_alive()
            order.append("first")
        thread.join(timeout=10)
        assert order == ["first", "second"]
    finally:
        first.close()
        second.close()


@pytest.mark.parametrize("sql", [
    "SELECT (julianday('2026-11-24T02:00:00+00:00') - julianday('2026-11-23T10:30:00+08:00'))"
    " * 24",
    "SELECT julianday(?)",
    "SELECT min('2026-11-24', coalesce(NULL, '2026-11-23')), max(0.0, -3.5), max(2, 7, 5)",
])
def test_translated_functions_give_what_sqlite_gives(team_url, sql):
    import sqlite3

    params = ["2026-11-23T02:00:00+00:00"] if "?" in sql else []
    want = sqlite3.connect(":memory:").execute(sql, params).fetchone()
    team = open_team_database(team_url, listen=False)
    try:
        got = team.execute(sql, params).fetchone()
    finally:
        team.close()
    assert got == pytest.approx(want) if isinstance(want[0], float) else got == want


@pytest.mark.parametrize(("sql", "index"), [
    ("SELECT id FROM cases WHERE deleted_at IS NULL "
     "ORDER BY coalesce(deadline_at, '9999'), id LIMIT 100", "idx_live_deadline_sort"),
    ("SELECT id FROM cases WHERE refund_no = 'R1'", "idx_cases_refund_no"),
    ("SELECT case_id FROM promises WHERE state = 'open' AND kind = 'refund'",
     "idx_promises_open_refund"),
    # A call's person (storage/calls.py buyers_of), as it asks.
    ("SELECT id FROM cases WHERE platform = 'taobao' AND trim(buyer_nick) IN ('甲', '乙')",
     "idx_cases_buyer_nick"),
    ("SELECT id FROM cases WHERE buyer_phone IN ('13812345678', '+8613812345678')",
     "idx_cases_buyer_phone"),
])
def test_the_new_queries_can_use_their_indexes_on_the_server(team_url, sql, index):
    # An empty table is read whole by the planner: with that choice taken away, the plan
    # shows whether the index matches the query (an expression index must match exactly).
    team = open_team_database(team_url, listen=False)
    try:
        team.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in team.execute(f"EXPLAIN {sql}").fetchall())
    finally:
        team.close()
    assert index in plan


def test_every_table_with_a_database_made_id_returns_it(team_url):
    from shopdesk.storage.dialect import ID_TABLES

    team = open_team_database(team_url, listen=False)
    try:
        made = {r[0] for r in team.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND column_name = 'id' AND is_identity = 'YES'").fetchall()}
    finally:
        team.close()
    assert made == set(ID_TABLES)  # an insert into one of them gives its lastrowid


def test_a_team_register_gets_the_review_due_backfill_on_open(data_paths, clock,
                                                               seed_register, team_url,
                                                               tmp_path):
    """Reviews saved before the reply due was kept on the case, moved to the server:
    opening the team register gives them the review's window, as a local start does."""
    import json
    from datetime import timedelta


    local = open_register(seed_register(data_paths), clock)
    case = local.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="3700000000001",
                                           kind=CaseKind.BAD_REVIEW), "小王")
    local.reviews.save(case.id, "小王", reviewed_at=clock.now() - timedelta(days=10))
    stored = local.cases.get(case.id)
    old_extra = {k: v for k, v in stored.extra.items() if k != "review_reply_due"}
    with local.db.atomic():  # as an older ShopDesk left it
        local.cases.store.update_columns(case.id, {"extra": json.dumps(old_extra)},
                                         reindex=False)
        local.deadlines.recompute([case.id])
        local.settings.set("reviews/reply_due_backfilled", None)
    opened = _moved_to_the_team(local, team_url, tmp_path, clock)
    try:
        assert opened.is_team
        assert opened.deadlines.for_case(case.id).due_at == clock.now() + timedelta(days=20)
    finally:
        opened.close()


def test_a_team_register_recomputes_deadlines_when_the_rules_changed(data_paths, clock,
                                                                      seed_register,
                                                                      team_url, tmp_path):
    """A new version ships other time limits: opening the team register computes the open
    cases' deadlines again, as a local start does (it never did on a team register)."""
    from datetime import timedelta


    local = open_register(seed_register(data_paths), clock)
    case = local.cases.open_case(CaseDraft(platform=Platform.TAOBAO, order_no="3700000000001",
                                           kind=CaseKind.REFUND_ONLY), "小王")
    right = local.deadlines.for_case(case.id).due_at
    with local.db.atomic():  # as computed under other rules by an older ShopDesk
        local.db.execute("UPDATE cases SET deadline_at = ? WHERE id = ?",
                         ["2026-01-01T00:00:00+00:00", case.id])
        local.settings.set("deadline_rules_fingerprint", "older-rules")
    opened = _moved_to_the_team(local, team_url, tmp_path, clock)
    try:
        assert opened.is_team
        assert right is not None and right > clock.now() - timedelta(days=1)
        assert opened.deadlines.for_case(case.id).due_at == right
        assert opened.deadlines.ensure_current() == 0  # recorded: the next PC finds it done
    finally:
        opened.close()


def _moved_to_the_team(local: Register, team_url: str, tmp_path, clock) -> Register:
    """`local` copied to the team server (then closed), opened from a new team PC."""
    import json

    from shopdesk.paths import DataPaths

    team = open_team_database(team_url, listen=False)
    try:
        copy_register(local.db, team)
    finally:
        team.close()
        local.close()
    pc = DataPaths(tmp_path / "pc")
    pc.ensure()
    (pc.root / "team.json").write_text(json.dumps({"url": team_url}), encoding="utf-8")
    return open_register(pc, clock, daily_backup=False)

