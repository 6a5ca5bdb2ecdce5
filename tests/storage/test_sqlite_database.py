"""SqliteDatabase keeps sqlite-utils' transaction rules without sqlite-utils."""

from __future__ import annotations

import sqlite3

import pytest

from shopdesk.storage.database import SqliteDatabase, first_keyword, split_statements


@pytest.fixture
def db():
    database = SqliteDatabase(memory=True)
    database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    yield database
    database.close()


def test_a_write_outside_a_transaction_is_committed_at_once(db):
    db.execute("INSERT INTO t (v) VALUES (?)", ["a"])
    assert not db.conn.in_transaction
    db.conn.rollback()  # nothing left to roll back
    assert db.execute("SELECT v FROM t").fetchall() == [("a",)]


def test_a_failed_write_leaves_no_transaction_open(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t (v) VALUES (NULL)")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO t (v) VALUES ('b')")
    assert db.execute("SELECT count(*) FROM t").fetchone() == (1,)


def test_atomic_rolls_back_on_error_and_nests_as_savepoints(db):
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t (v) VALUES ('gone')")
        raise RuntimeError
    with db.atomic():
        db.execute("INSERT INTO t (v) VALUES ('kept')")
        with pytest.raises(RuntimeError), db.atomic():
            db.execute("INSERT INTO t (v) VALUES ('inner')")
            raise RuntimeError
        assert db.conn.in_transaction
    assert [r[0] for r in db.execute("SELECT v FROM t")] == ["kept"]


def test_executescript_inside_a_transaction_does_not_commit_it(db):
    db.execute("BEGIN")
    db.executescript("INSERT INTO t (v) VALUES ('x;y'); INSERT INTO t (v) VALUES ('z');")
    assert db.conn.in_transaction
    db.rollback()
    assert db.execute("SELECT count(*) FROM t").fetchone() == (0,)


def test_split_statements_keeps_semicolons_in_strings_and_trigger_bodies():
    script = ("INSERT INTO t (v) VALUES ('a;b');\n"
              "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = v; END;\n"
              "-- a comment; with a semicolon\nSELECT 1")
    assert list(split_statements(script)) == [
        "INSERT INTO t (v) VALUES ('a;b');",
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET v = v; END;",
        "-- a comment; with a semicolon\nSELECT 1",
    ]


def test_first_keyword_skips_comments_and_marks():
    assert first_keyword("  -- x\n /* y */ ;\ufeffsavepoint a") == "SAVEPOINT"
    assert first_keyword("/* unterminated") == ""
    assert first_keyword("insert into t values (1)") == "INSERT"


def test_table_names_and_sqlite_utils_tables_on_the_same_connection(db):
    assert db.table_names() == ["t"]
    db["u"].insert({"id": 1, "name": "x"}, pk="id")  # sqlite-utils' table, same connection
    assert set(db.table_names()) == {"t", "u"}
    assert db.execute("SELECT name FROM u").fetchone() == ("x",)


def test_recursive_triggers_are_on_as_with_sqlite_utils(db):
    assert db.execute("PRAGMA recursive_triggers").fetchone() == (1,)


def test_executemany_runs_one_statement_over_many_rows(db):
    with db.atomic():
        db.executemany("INSERT INTO t (v) VALUES (?)", [("a",), ("b",), ("c",)])
    assert db.execute("SELECT count(*) FROM t").fetchone() == (3,)


def test_a_failed_automatic_commit_rolls_back_and_leaves_no_transaction_open(tmp_path):
    # A deferred foreign key fails at COMMIT (as a full disk or a busy file can): the
    # write must be undone and the connection left out of any transaction, or every
    # later atomic() would become a savepoint inside it and never be committed.
    database = SqliteDatabase(tmp_path / "fk.sqlite3")
    database.execute("PRAGMA foreign_keys = ON")
    database.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)")
    database.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p(id) "
                     "DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError):
        database.execute("INSERT INTO c (p) VALUES (42)")
    assert not database.conn.in_transaction
    assert database.execute("SELECT count(*) FROM c").fetchone() == (0,)
    with database.atomic():
        database.execute("INSERT INTO p (id) VALUES (1)")
    other = sqlite3.connect(tmp_path / "fk.sqlite3")  # committed: another connection sees it
    assert other.execute("SELECT count(*) FROM p").fetchone() == (1,)
    other.close()
    database.close()


def test_executemany_outside_a_transaction_commits_all_rows_or_none(db):
    db.executemany("INSERT INTO t (v) VALUES (?)", [("a",), ("b",)])
    assert not db.conn.in_transaction
    with pytest.raises(sqlite3.IntegrityError):
        db.executemany("INSERT INTO t (v) VALUES (?)", [("c",), (None,)])
    assert not db.conn.in_transaction
    assert db.execute("SELECT v FROM t ORDER BY id").fetchall() == [("a",), ("b",)]
