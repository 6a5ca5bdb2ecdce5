"""The shared fixtures that save time must not change what a test sees.

`register` copies one migrated template: each test must still get its own file, and the copy
must be what opening a fresh data folder gives. The shipped scripts and the CLI parser are
built once per run: they must equal a fresh build and keep nothing between uses.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from shopdesk import cli
from shopdesk.domain.case import CaseDraft
from shopdesk.domain.enums import CaseKind, Platform
from shopdesk.paths import DataPaths, resource_path
from shopdesk.services.register import open_register


def snapshot(path: Path) -> dict[str, object]:
    """Schema, stamps and every row except when each migration ran."""
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            "schema": conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                   "ORDER BY type, name").fetchall(),
            "application_id": conn.execute("PRAGMA application_id").fetchone(),
            "user_version": conn.execute("PRAGMA user_version").fetchone(),
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone(),
            "migrations": conn.execute(
                "SELECT migration_set, name FROM _sqlite_migrations ORDER BY name").fetchall(),
            "rows": {t: conn.execute(f'SELECT * FROM "{t}"').fetchall()
                     for t in tables if t != "_sqlite_migrations"},
        }
    finally:
        conn.close()


def case_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def test_the_template_is_what_a_fresh_data_folder_opens_to(register_template, seed_register,
                                                           tmp_path, clock):
    fresh = open_register(DataPaths(tmp_path / "fresh"), clock)
    fresh.close()
    seeded = open_register(seed_register(DataPaths(tmp_path / "seeded")), clock)
    seeded.close()
    assert snapshot(seeded.paths.database) == snapshot(fresh.paths.database)
    assert snapshot(register_template) == snapshot(fresh.paths.database)


def test_each_register_is_a_file_of_its_own(register, register_template, data_paths,
                                            seed_register, tmp_path, clock):
    assert register.paths.database == data_paths.database
    assert register.paths.database.parent.is_relative_to(tmp_path)
    draft = CaseDraft(Platform.TAOBAO, "3712345678901", CaseKind.REFUND_ONLY,
                      amount_paid=Decimal("9.90"))
    register.cases.open_case(draft, "小王")
    other = open_register(seed_register(DataPaths(tmp_path / "other")), clock)
    try:
        assert other.staff.list() == []  # not even the fixture's operator
    finally:
        other.close()
    assert case_count(other.paths.database) == 0
    assert case_count(register.paths.database) == 1
    assert case_count(register_template) == 0


def test_seeding_never_overwrites_a_register(seed_register, register, data_paths):
    with pytest.raises(FileExistsError):
        seed_register(data_paths)


def test_the_shipped_scripts_are_parsed_once_and_as_the_files_say(
        register, shipped_scripts_parsed_once, seed_register, tmp_path, clock):
    other = open_register(seed_register(DataPaths(tmp_path / "other")), clock)
    try:
        assert other.scripts.catalog is register.scripts.catalog
    finally:
        other.close()
    fresh = shipped_scripts_parsed_once(resource_path("scripts"))
    assert fresh is not register.scripts.catalog
    assert fresh == register.scripts.catalog


def test_the_cli_parser_is_built_once_and_keeps_nothing_between_commands(cli_parser_built_once):
    parser = cli.build_parser()
    assert cli.build_parser() is parser
    assert cli_parser_built_once() is not parser
    first = parser.parse_args(["--as", "小李", "cases", "list", "--json", "--search", "杯"])
    second = parser.parse_args(["cases", "list"])
    assert (first.actor, first.json, first.search) == ("小李", True, "杯")
    assert (second.actor, second.json, second.search) == (None, False, "")
