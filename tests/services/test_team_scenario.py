"""Two staff PCs (two processes) on one team register: create, a conflicting edit, the
last allowed call, a shift handed over and acknowledged, each seeing the other's changes."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from shopdesk.storage.pg.db import open_team_database
from tests import pg_support, team_pc

MON_10 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def two_pcs(tmp_path):
    with pg_support.scratch_database("sdpcs") as url:
        open_team_database(url, listen=False).close()
        spawn = multiprocessing.get_context("spawn")
        pcs = [ProcessPoolExecutor(max_workers=1, mp_context=spawn) for _ in range(2)]
        try:
            for n, pc in enumerate(pcs):
                assert pc.submit(team_pc.start, str(tmp_path / f"pc{n}"), url,
                                 MON_10.isoformat()).result(timeout=60)
            yield pcs
            for pc in pcs:
                pc.submit(team_pc.stop).result(timeout=60)
        finally:
            for pc in pcs:
                pc.shutdown()


def _on(pc, fn, *args, **kwargs):
    return pc.submit(fn, *args, **kwargs).result(timeout=60)


def _sees_change(pc, before: int) -> bool:
    """Polls the PC's change counter as the window does; within the issue's two seconds."""
    deadline = time.monotonic() + 2.0
    while time.monotonic() < deadline:
        if _on(pc, team_pc.data_version) != before:
            return True
        time.sleep(0.1)
    return False


def _at_both(pcs, when: datetime) -> None:
    for pc in pcs:
        _on(pc, team_pc.set_now, when.isoformat())


def test_two_pcs_share_one_register(two_pcs):
    wang, li = two_pcs
    _on(wang, team_pc.operator, "小王")
    _on(li, team_pc.operator, "小李")

    # Created on one PC, seen on the other.
    seen = _on(li, team_pc.data_version)
    case_id = _on(wang, team_pc.add_case, "3712345678901", "小蜜蜂", "小王")
    assert _sees_change(li, seen)
    assert _on(li, team_pc.case_nos) == _on(wang, team_pc.case_nos) != []

    # Both open the case; 小李 saves first; 小王's save is refused, naming 小李's change.
    opened_wang = _on(wang, team_pc.version, case_id)
    opened_li = _on(li, team_pc.version, case_id)
    _at_both(two_pcs, MON_10 + timedelta(minutes=5))
    assert _on(li, team_pc.edit, case_id, opened_li, "小李", description="买家已寄回") == "ok"
    refused = _on(wang, team_pc.edit, case_id, opened_wang, "小王", buyer_nick="改名")
    assert "小李" in refused and "问题描述" in refused

    # The case cap (3 calls) counts both PCs' calls; the last one goes to one PC only.
    _at_both(two_pcs, MON_10 + timedelta(minutes=10))
    assert _on(wang, team_pc.log_call, case_id, "小王") == "ok"
    _at_both(two_pcs, MON_10 + timedelta(days=1))
    assert _on(li, team_pc.log_call, case_id, "小李") == "ok"
    _at_both(two_pcs, MON_10 + timedelta(days=2))
    racing = [pc.submit(team_pc.log_call, case_id, who, "买家要求今天回电")
              for pc, who in ((wang, "小王"), (li, "小李"))]
    results = sorted(f.result(timeout=60) for f in racing)
    assert results[0] == "ok" and results[1].startswith("refused")
    assert _on(wang, team_pc.calls_logged, case_id) == 3

    # A shift ended on one PC is acknowledged on the other, and the first sees that.
    _on(wang, team_pc.start_shift, "小王")
    _at_both(two_pcs, MON_10 + timedelta(days=2, hours=8))
    seen = _on(li, team_pc.data_version)
    shift_id = _on(wang, team_pc.end_shift, "小王")
    assert _sees_change(li, seen)
    assert _on(li, team_pc.pending_handoff) == shift_id
    seen = _on(wang, team_pc.data_version)
    assert _on(li, team_pc.acknowledge, "小李") == "小李"
    assert _sees_change(wang, seen)
    assert _on(wang, team_pc.pending_handoff) is None
