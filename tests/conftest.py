"""Shared fixtures: a register of each test's own on a temporary data folder, a settable clock.

Setup was nearly half of the suite's time; what every test used to rebuild (a migrated
register, the shipped scripts, the CLI parser) is built once per run and copied or shared.
tests/test_shared_fixtures.py checks that none of it changes what a test sees.
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shopdesk import cli
from shopdesk.domain.clock import FixedClock
from shopdesk.paths import DataPaths, resource_path
from shopdesk.services import script_catalog
from shopdesk.services.register import Register, open_register
from shopdesk.storage.db import open_database

# Tests never need a screen; set before any Qt import happens.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A test still running after this long has hung (the slowest takes about 20 s): every
# thread's stack is printed and the process ends, so CI fails naming the test (xdist
# reports its worker crashed while running it) instead of waiting out its own limit.
# faulthandler's watchdog is C: it works even when a hang inside Qt's C++ holds the
# interpreter, where a Python timer thread could not run.
HANG_LIMIT_S = 300
_HANG_FD = pytest.StashKey[int]()


def pytest_configure(config: pytest.Config) -> None:
    # The real stderr, kept before capturing redirects it: a dump written into a test's
    # captured output would be lost with the process.
    config.stash[_HANG_FD] = os.dup(2)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True,
                                      file=item.config.stash[_HANG_FD])
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


# 2026-11-23 10:00 in Shanghai.
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def cheap_pin_hashes(request, monkeypatch):
    """PIN hashes at 1,000 rounds instead of 600,000, so the suite stays fast; a test marked
    `real_pin_cost` keeps the shipped cost (it checks that cost)."""
    if request.node.get_closest_marker("real_pin_cost") is None:
        monkeypatch.setattr("shopdesk.domain.pins.ITERATIONS", 1_000)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def data_paths(tmp_path) -> DataPaths:
    return DataPaths(tmp_path / "data")


@pytest.fixture(autouse=True, scope="session")
def shipped_scripts_parsed_once():
    """Parse the shipped reply-script library once per run (per xdist worker).

    Every register that shows scripts loads it (about 0.1 s of TOML and validation), which a
    window test does each time. The catalog is immutable (frozen dataclasses and tuples), so
    one copy can serve every test. Loads of any other folder, and the loader's own tests
    (they import `load_catalog` into `tests.*` modules, which are left alone), read the files.
    """
    original = script_catalog.load_catalog
    shipped = resource_path("scripts").resolve()
    parsed: list[script_catalog.ScriptCatalog] = []

    def load_catalog(folder, *extra_folders):
        if extra_folders or Path(folder).resolve() != shipped:
            return original(folder, *extra_folders)
        if not parsed:
            parsed.append(original(folder))
        return parsed[0]

    patch = pytest.MonkeyPatch()
    for module in list(sys.modules.values()):
        if (getattr(module, "__name__", "").startswith("shopdesk")
                and getattr(module, "load_catalog", None) is original):
            patch.setattr(module, "load_catalog", load_catalog)
    yield original
    patch.undo()


@pytest.fixture(autouse=True, scope="session")
def cli_parser_built_once():
    """Build the `shopdesk` argument parser once per run (per xdist worker).

    `cli.run` builds it on every call (~40 ms of argparse for a process that runs one command),
    and the CLI tests run a few hundred commands. Parsing does not change a parser, so one
    serves them all; a build_parser that takes arguments is left uncached.
    """
    original = cli.build_parser
    built: list = []

    def build_parser(*args, **kwargs):
        if args or kwargs:
            return original(*args, **kwargs)
        if not built:
            built.append(original())
        return built[0]

    patch = pytest.MonkeyPatch()
    patch.setattr(cli, "build_parser", build_parser)
    yield original
    patch.undo()


@pytest.fixture(scope="session")
def register_template(tmp_path_factory) -> Path:
    """One freshly migrated, empty register file per test run (per xdist worker).

    Migrating costs far more than copying a file (sqlite-utils splits every script statement
    by statement), and most tests start from an empty register: they get a copy of this one.
    """
    path = DataPaths(tmp_path_factory.mktemp("register-template")).database
    db = open_database(path)
    # Fold the write-ahead log into the file so a plain copy of the file is the whole register.
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def seed_register(register_template) -> Callable[[DataPaths], DataPaths]:
    """Put a copy of the migrated empty register into a data folder, as if opened before.

    For tests that open a register their own way (the CLI's SHOPDESK_HOME, a reopened
    folder) but do not test creating one. Each call makes a file of its own.
    """
    def seed(paths: DataPaths) -> DataPaths:
        paths.ensure()
        if paths.database.exists():
            raise FileExistsError(paths.database)
        shutil.copyfile(register_template, paths.database)
        return paths

    return seed


@pytest.fixture
def cli_home(tmp_path, seed_register) -> Path:
    """SHOPDESK_HOME for a CLI test: tmp_path/"home", holding what a first command creates.

    Tests of that first command itself run on a folder of their own.
    """
    home = tmp_path / "home"
    seed_register(DataPaths(home))
    return home


@pytest.fixture
def register(data_paths, clock, seed_register) -> Register:
    """An empty register of this test's own (a copy of the template) with operator 小王."""
    reg = open_register(seed_register(data_paths), clock)
    reg.staff.add("小王", actor="小王")
    reg.staff.set_current_operator("小王")
    yield reg
    reg.close()
