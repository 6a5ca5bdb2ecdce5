"""The PostgreSQL server team tests run against, and databases of their own on it.

`SHOPDESK_TEST_PG` names the server (a URL whose database is used only to create and drop
others); without it the local server is tried (this project's machines have one). Every
run creates databases with unique names and drops them, so parallel runs never collide.
Without a server the team tests are skipped with a message, except under CI=true, where
they fail: CI never skips them (see README, "Team mode").
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"


def server_url() -> str:
    return os.environ.get("SHOPDESK_TEST_PG") or DEFAULT_URL


def _admin() -> psycopg.Connection:
    return psycopg.connect(server_url(), autocommit=True, connect_timeout=3)


def server_problem() -> str | None:
    """None when the test server answers, else why not."""
    try:
        with _admin():
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def require_server() -> None:
    """Skip (or, under CI=true, fail) the calling test when the server is unreachable."""
    problem = server_problem()
    if problem is None:
        return
    message = (f"no PostgreSQL server for the team tests at {server_url()} ({problem}); "
               "set SHOPDESK_TEST_PG=postgresql://user@host:port/db")
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def url_for(name: str) -> str:
    """The test server's URL with database `name`."""
    info = conninfo_to_dict(server_url())
    info["dbname"] = name
    return make_conninfo(**info)


def create_database(prefix: str = "sdtest") -> str:
    """A new empty database of a unique name; returns its name."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"
    with _admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8')
    return name


def drop_database(name: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def scratch_database(prefix: str = "sdtest") -> Iterator[str]:
    """A database of this test's own, dropped afterwards; yields its URL."""
    require_server()
    name = create_database(prefix)
    try:
        yield url_for(name)
    finally:
        drop_database(name)


def truncate_all(url: str) -> None:
    """Empty every table of a migrated team register (ids restart at 1), keeping its schema."""
    with psycopg.connect(url, autocommit=True, connect_timeout=3) as conn:
        # TRUNCATE waits for every other session's lock: a session left holding one
        # fails the test after 15 s instead of hanging it.
        conn.execute("SET lock_timeout = '15s'")
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename != '_shopdesk_migrations'")]
        conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)
                     + " RESTART IDENTITY CASCADE")
