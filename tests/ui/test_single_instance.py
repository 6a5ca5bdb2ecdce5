"""One window per data folder: the lock, the wake-up message and stale locks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from shopdesk.paths import DataPaths
from shopdesk.ui.single_instance import SingleInstanceGuard, server_name


def test_second_guard_is_refused_and_first_is_raised(qtbot, tmp_path):
    paths = DataPaths(tmp_path / "data")
    first = SingleInstanceGuard.for_paths(paths)
    second = SingleInstanceGuard.for_paths(paths)
    try:
        assert first.acquire()
        assert not second.acquire()
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert second.notify_running()
    finally:
        second.release()
        first.release()
    # Once the first lets go, the register can be opened again.
    third = SingleInstanceGuard.for_paths(paths)
    try:
        assert third.acquire()
    finally:
        third.release()


def test_other_data_folder_is_independent(tmp_path):
    a = SingleInstanceGuard.for_paths(DataPaths(tmp_path / "a"))
    b = SingleInstanceGuard.for_paths(DataPaths(tmp_path / "b"))
    try:
        assert a.acquire()
        assert b.acquire()
        assert a.name != b.name
    finally:
        a.release()
        b.release()


def test_no_running_instance_cannot_be_reached(tmp_path):
    guard = SingleInstanceGuard(tmp_path / "x.lock", server_name(tmp_path / "nobody"))
    assert not guard.notify_running(timeout_ms=300)


def test_lock_left_by_a_crashed_process_is_taken_over(tmp_path):
    paths = DataPaths(tmp_path / "data")
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from shopdesk.paths import DataPaths
        from shopdesk.ui.single_instance import SingleInstanceGuard
        app = QCoreApplication([])
        guard = SingleInstanceGuard.for_paths(DataPaths(Path({str(paths.root)!r})))
        assert guard.acquire()
        os._exit(0)  # die without unlocking, like a crash
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert paths.lock.exists()
    guard = SingleInstanceGuard.for_paths(paths)
    try:
        assert guard.acquire()
    finally:
        guard.release()
