"""Connecting to a team register: TLS options reach the server, and what refuses a
connection is said plainly (login, TLS, database, version, address), never a traceback.

The TLS and password tests run against a throwaway cluster of their own (tests/tls_server)
so the shared test server (ssl=off, trust) is never changed; they skip with the reason
where one cannot be started.
"""

from __future__ import annotations

import json
import os
import subprocess

import psycopg
import pytest

from shopdesk.paths import TEAM_FILE, DataPaths
from shopdesk.services import team
from shopdesk.storage.pg.connection import (
    PgDatabase,
    TeamConnectError,
    TeamOfflineError,
    check_server_version,
)
from tests import pg_support, tls_server


@pytest.fixture(scope="module")
def tls():
    problem = tls_server.why_not()
    if problem:
        pytest.skip(f"no throwaway TLS cluster: {problem}")
    try:
        with tls_server.tls_server() as server:
            yield server
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"no throwaway TLS cluster: {exc.cmd[-1]} failed: "
                    f"{(exc.stderr or b'').decode(errors='replace').strip()[:300]}")


def test_tls_is_used_and_the_certificate_is_checked(tls, cli_home, clock, monkeypatch):
    # Without a keyring on this PC the password comes from libpq's password file.
    pgpass = cli_home.parent / "pgpass"
    pgpass.write_text(f"127.0.0.1:{tls.port}:*:postgres:{tls_server.PASSWORD}\n",
                      encoding="utf-8")
    os.chmod(pgpass, 0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with psycopg.connect(tls.url(), autocommit=True, connect_timeout=3) as admin:
        admin.execute("DROP DATABASE IF EXISTS shop")
        admin.execute("CREATE DATABASE shop")
    paths = DataPaths(cli_home)
    report = team.init(paths, clock, tls.url("shop", password=None))
    assert report.checksums_match
    status = team.status(paths)
    assert status.reachable and status.encrypted is True and status.tls_mode == "verify-full"
    saved = json.loads((cli_home / TEAM_FILE).read_text(encoding="utf-8"))["url"]
    assert "sslmode=verify-full" in saved and "password" not in saved
    # A root certificate that did not sign the server's: refused, and said why.
    with pytest.raises(TeamConnectError) as refused:
        PgDatabase(tls.url("shop", root_cert=tls.other_cert))
    assert "TLS" in refused.value.message("en") and "certificate" in refused.value.message("en")


def test_a_wrong_password_is_said_as_such(tls):
    with pytest.raises(TeamConnectError) as refused:
        PgDatabase(tls.url(password="not-the-password"))
    text = refused.value.message("en")
    assert "refused user postgres's login" in text and "not-the-password" not in text
    assert "拒绝了用户 postgres 的登录" in refused.value.message("zh")


def test_tls_required_of_a_server_without_it_is_said_plainly():
    pg_support.require_server()
    url = team.with_tls(pg_support.server_url(), "require", None)
    with pytest.raises(TeamConnectError) as refused:
        PgDatabase(url)
    assert "does not accept TLS" in refused.value.message("en")


def test_tls_options_reach_the_connection():
    pg_support.require_server()
    url = team.build_url("127.0.0.1", "test", "postgres", tls_mode="disable")
    db = PgDatabase(url)
    try:
        assert db.conn.info.get_parameters()  # connected
        assert db.conn.info.dsn.count("sslmode=disable") == 1
        # A link that dies silently is noticed in seconds, not after minutes of TCP retries.
        assert "tcp_user_timeout=15000" in db.conn.info.dsn
        assert "keepalives_idle=10" in db.conn.info.dsn
    finally:
        db.close()
    with pytest.raises(TeamConnectError):
        team.build_url("127.0.0.1", "test", "postgres", tls_mode="sometimes")


@pytest.mark.parametrize(("url", "kind", "words"), [
    ("postgresql://u:pw@[oops/db", TeamConnectError, "address is not valid"),
    ("host=127.0.0.1 port=1 dbname=x user=postgres connect_timeout=2", TeamOfflineError,
     "Cannot reach"),
])
def test_what_refuses_a_connection_is_named(url, kind, words):
    with pytest.raises(kind) as refused:
        PgDatabase(url)
    assert words in refused.value.message("en") and "pw@" not in refused.value.message("en")


def test_a_server_older_than_15_is_refused_with_its_version():
    with pytest.raises(TeamConnectError) as refused:
        check_server_version(140011, "db:5432/shop")
    assert "PostgreSQL 14.11" in refused.value.message("en")
    assert "15" in refused.value.message("zh")
    check_server_version(150004, "db:5432/shop")  # 15 is fine


def test_a_lost_server_is_told_once_retried_after_a_pause_and_told_back(monkeypatch):

    with pg_support.scratch_database("sdlost") as url:
        db = PgDatabase(url)
        heard: list[object] = []
        db.listeners.append(heard.append)
        tries: list[str] = []
        real_connect = psycopg.connect

        def counting_connect(*args, **kwargs):
            tries.append(args[0])
            return real_connect(*args, **kwargs)
        monkeypatch.setattr(psycopg, "connect", counting_connect)
        try:
            db.url = "postgresql://postgres@127.0.0.1:1/gone"  # where it cannot get back
            with psycopg.connect(pg_support.server_url(), autocommit=True,
                                 connect_timeout=3) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [db.conn.info.backend_pid])
            with pytest.raises(TeamOfflineError):
                db.execute("SELECT 1")  # the statement that meets the cut
            with pytest.raises(TeamOfflineError):
                db.execute("SELECT 1")  # one reconnect try...
            with pytest.raises(TeamOfflineError):
                db.execute("SELECT 1")  # ...then none until RETRY_AFTER_S has passed
            assert [t for t in tries if "gone" in str(t)] == [db.url]
            assert len(heard) == 1 and isinstance(heard[0], TeamOfflineError)
            db.url = url
            db._retry_at = 0.0  # the pause is over
            assert db.execute("SELECT 1").fetchone() == (1,)
            assert heard[-1] is None and len(heard) == 2
        finally:
            db.close()


def test_a_probe_asks_a_fresh_connection_and_ends_the_pause_when_answered():
    with pg_support.scratch_database("sdprobe") as url:
        db = PgDatabase(url)
        try:
            own = db.conn
            db.url = "postgresql://postgres@127.0.0.1:1/gone"
            db._retry_at = float("inf")  # in the pause after a failed reconnect
            assert db.probe() is False and db._retry_at == float("inf")
            db.url = url
            assert db.probe() is True and db._retry_at == 0.0
            assert db.conn is own  # its own connection was never touched
        finally:
            db.close()
