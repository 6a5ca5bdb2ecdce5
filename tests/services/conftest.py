"""The services suite runs against both back ends: every test that takes `register` runs
once on a local register (SQLite) and once on a team register (PostgreSQL), whose data
folder is set up for that team register (open_register and the CLI reach it too).

The team database is created and migrated once per run (per xdist worker) and emptied
before each test; it is dropped at the end. Without a server the `[pg]` runs are skipped
with a message (and fail under CI=true; see tests/pg_support.py).
"""

from __future__ import annotations

import pytest

from shopdesk.services import team
from shopdesk.services.register import Register, open_register
from shopdesk.storage.pg.db import open_team_database
from tests import pg_support


@pytest.fixture(scope="session")
def team_database_url():
    """One migrated team register database for this run (this worker)."""
    pg_support.require_server()
    name = pg_support.create_database("sdsvc")
    url = pg_support.url_for(name)
    open_team_database(url, listen=False).close()
    yield url
    pg_support.drop_database(name)


@pytest.fixture(params=["sqlite", "pg"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def register(backend, request, data_paths, clock, seed_register) -> Register:
    """An empty register of this test's own with operator 小王, on each back end."""
    local_only = request.node.get_closest_marker("local_only")
    if backend == "pg" and local_only is not None:
        pytest.skip(f"local register only: {local_only.args[0]}")
    if backend == "sqlite":
        reg = open_register(seed_register(data_paths), clock)
    else:
        url = request.getfixturevalue("team_database_url")
        pg_support.truncate_all(url)
        # This PC is set up for the team register, so what opens the register again from
        # its folder (a restart, the CLI) reaches the same server, as for a real PC.
        team.connect(data_paths, url)
        reg = Register(paths=data_paths, db=open_team_database(url, listen=False), clock=clock)
    reg.staff.add("小王", actor="小王")
    reg.staff.set_current_operator("小王")
    yield reg
    reg.close()
