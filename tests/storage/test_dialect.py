"""The SQLite -> PostgreSQL statement translation (no server needed)."""

from __future__ import annotations

import pytest

from shopdesk.storage.dialect import (
    explicit_id_table,
    inserted_table,
    returning_id,
    split_code,
    to_postgres,
)


def test_placeholders_become_psycopg_ones_and_literal_percent_is_doubled():
    assert to_postgres("SELECT * FROM t WHERE a = ? AND b LIKE '%x%'") == \
        "SELECT * FROM t WHERE a = %s AND b ILIKE '%%x%%'"


def test_without_parameters_the_text_is_left_for_psycopg_as_is():
    assert to_postgres("SELECT '%' || ?", with_params=False) == "SELECT '%' || ?"


def test_question_marks_and_keywords_inside_strings_and_comments_are_kept():
    sql = "SELECT 'is it? LIKE group_concat(x)' AS \"a?\" -- why?\nFROM t WHERE x = ?"
    out = to_postgres(sql)
    assert "'is it? LIKE group_concat(x)'" in out
    assert '"a?"' in out and "-- why?" in out
    assert out.endswith("WHERE x = %s")


def test_doubled_quotes_stay_inside_one_string():
    pieces = split_code("SELECT 'it''s ?' , ?")
    assert pieces == [(True, "SELECT "), (False, "'it''s ?'"), (True, " , ?")]


def test_insert_or_ignore_becomes_on_conflict_do_nothing():
    assert to_postgres("INSERT OR IGNORE INTO buyers(buyer_key) VALUES (?)") == \
        "INSERT INTO buyers(buyer_key) VALUES (%s) ON CONFLICT DO NOTHING"


def test_on_conflict_goes_before_returning():
    assert to_postgres("INSERT OR IGNORE INTO t(a) VALUES (?) RETURNING id") == \
        "INSERT INTO t(a) VALUES (%s) ON CONFLICT DO NOTHING RETURNING id"


@pytest.mark.parametrize(("sqlite", "postgres"), [
    ("group_concat(e.text, ' ')", "string_agg(e.text, ' ')"),
    ("group_concat(e.text)", "string_agg(e.text, ',')"),
    ("a || char(10) || b", "a || chr(10) || b"),
    ("x NOT LIKE ?", "x NOT ILIKE %s"),
    ("x IS ?", "x IS NOT DISTINCT FROM %s"),
    ("x IS NOT ?", "x IS DISTINCT FROM %s"),
    ("x IS NOT NULL", "x IS NOT NULL"),
    ("json_extract(c.extra, '$.intervention_status')",
     "(c.extra::jsonb #>> '{intervention_status}')"),
    ("json_extract(data, '$.a.b')", "(data::jsonb #>> '{a,b}')"),
])
def test_sqlite_only_spellings(sqlite, postgres):
    assert to_postgres(f"SELECT {sqlite}") == f"SELECT {postgres}"


def test_inserts_into_id_tables_return_the_new_id():
    assert returning_id("INSERT INTO cases (a) VALUES (%s)") == \
        "INSERT INTO cases (a) VALUES (%s) RETURNING id"
    assert returning_id("INSERT INTO settings(key, value) VALUES (%s, %s)") is None
    assert returning_id("UPDATE cases SET a = 1") is None
    assert returning_id("INSERT INTO cases (a) VALUES (1) RETURNING id") is None
    assert inserted_table("  insert or ignore into Buyers(x) values (1)") == "buyers"


def test_explicit_ids_are_noticed_so_the_sequence_can_move_past_them():
    assert explicit_id_table("INSERT INTO cases (id, case_no) VALUES (%s, %s)") == "cases"
    assert explicit_id_table("INSERT INTO cases(id) VALUES (1)") == "cases"
    assert explicit_id_table("INSERT INTO cases (idx) VALUES (1)") is None
    assert explicit_id_table("INSERT INTO settings (id) VALUES (1)") is None


@pytest.mark.parametrize(("sqlite", "postgres"), [
    ("min(a, b)", "least(a, b)"),
    ("MAX(0.0, x, ?)", "greatest(0.0, x, %s)"),
    ("min(coalesce(c.a, c.b), coalesce(c.b, c.a))",
     "least(coalesce(c.a, c.b), coalesce(c.b, c.a))"),
    ("max(min(a, b), c)", "greatest(least(a, b), c)"),
    ("min(x, ')'), 'max(a, b)'", "least(x, ')'), 'max(a, b)'"),
    ("min(due_at), max(id)", "min(due_at), max(id)"),  # the aggregates stay
    ("coalesce(max(id), 0)", "coalesce(max(id), 0)"),
])
def test_scalar_min_and_max_become_least_and_greatest(sqlite, postgres):
    assert to_postgres(f"SELECT {sqlite}") == f"SELECT {postgres}"


def test_julianday_counts_days_from_the_same_origin():
    out = to_postgres("SELECT (julianday(resolved_at) - julianday(coalesce(a, ?))) * 24")
    assert out == ("SELECT ((extract(epoch FROM (resolved_at)::timestamptz) / 86400.0 "
                   "+ 2440587.5) - (extract(epoch FROM (coalesce(a, %s))::timestamptz) "
                   "/ 86400.0 + 2440587.5)) * 24")
    assert "julianday" not in to_postgres("SELECT max(0.0, julianday(x) - julianday(y))")


def test_planner_hints_are_dropped():
    assert to_postgres("SELECT id FROM cases INDEXED BY idx_live_analysis WHERE a = ?") == \
        "SELECT id FROM cases WHERE a = %s"
    assert to_postgres("SELECT id FROM cases NOT INDEXED WHERE a = 1", with_params=False) == \
        "SELECT id FROM cases WHERE a = 1"
