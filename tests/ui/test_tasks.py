"""ui/tasks.py: the one task type (signals, progress, cancel, failure) and the one writer."""

from __future__ import annotations

import threading

import pytest

from shopdesk.ui.tasks import Task, Tasks

WAIT_MS = 10_000


def _collect(task: Task) -> dict[str, list]:
    seen: dict[str, list] = {"progress": [], "succeeded": [], "failed": [], "cancelled": [],
                             "order": []}
    task.progress.connect(lambda d, t: seen["progress"].append((d, t)))
    task.succeeded.connect(lambda r: (seen["succeeded"].append(r), seen["order"].append("ok")))
    task.failed.connect(lambda e: (seen["failed"].append(e), seen["order"].append("failed")))
    task.cancelled.connect(lambda: (seen["cancelled"].append(True),
                                    seen["order"].append("cancelled")))
    task.ended.connect(lambda: seen["order"].append("ended"))
    return seen


def test_a_task_reports_progress_then_its_result(qtbot, tasks):
    def work(progress, cancelled):
        for done in range(1001):
            progress(done, 1000)
        return "done"

    task = tasks.run(work, "count")
    seen = _collect(task)  # connected after it started: nothing is missed
    with qtbot.waitSignal(task.ended, timeout=WAIT_MS):
        pass
    assert seen["succeeded"] == ["done"] and task.result == "done"
    assert seen["order"] == ["ok", "ended"]
    # One report per percent, not one per row, and the last one says "all done".
    assert 50 <= len(seen["progress"]) <= 101
    assert seen["progress"][-1] == (1000, 1000)
    assert [d for d, _t in seen["progress"]] == sorted(d for d, _t in seen["progress"])


def test_a_failure_arrives_as_the_failed_signal(qtbot, tasks):
    def work(progress, cancelled):
        raise OSError("disk full")

    task = tasks.run(work)
    seen = _collect(task)
    with qtbot.waitSignal(task.ended, timeout=WAIT_MS):
        pass
    [error] = seen["failed"]
    assert isinstance(error, OSError) and str(error) == "disk full"
    assert seen["order"] == ["failed", "ended"] and seen["succeeded"] == []


def test_cancel_stops_the_work_at_its_next_check(qtbot, tasks):
    started = threading.Event()

    class Stopped(Exception):
        pass

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        raise Stopped()

    task = tasks.run(work)
    seen = _collect(task)
    assert started.wait(5)
    task.cancel()
    with qtbot.waitSignal(task.ended, timeout=WAIT_MS):
        pass
    assert seen["order"] == ["cancelled", "ended"] and seen["failed"] == []
    assert task.cancel_requested()


def test_work_that_finishes_although_cancel_was_asked_has_succeeded(qtbot, tasks):
    release = threading.Event()

    def work(progress, cancelled):
        release.wait(5)
        return 42  # never looked at cancelled(): it did all its work

    task = tasks.run(work)
    seen = _collect(task)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.ended, timeout=WAIT_MS):
        pass
    assert seen["succeeded"] == [42] and seen["cancelled"] == []


def test_the_writer_is_one_thread_with_its_own_connection(qtbot, register, tasks):
    first_running, release = threading.Event(), threading.Event()
    overlap = []
    running = []

    def slow(reg, progress, cancelled):
        running.append(1)
        first_running.set()
        release.wait(5)
        overlap.append(len(running))
        running.pop()
        return reg

    def quick(reg, progress, cancelled):
        overlap.append(len(running) + 1)
        return reg

    one = tasks.write(slow)
    assert first_running.wait(5)
    two = tasks.write(quick)
    threading.Event().wait(0.1)
    assert not two.is_done()  # queued behind the first, not run beside it
    release.set()
    with qtbot.waitSignal(two.ended, timeout=WAIT_MS):
        pass
    assert one.is_done() and overlap == [1, 1]
    assert one.thread_id == two.thread_id != threading.get_ident()
    writer = one.result
    assert writer is two.result  # opened once, kept for the next write
    assert writer.db.conn is not register.db.conn
    assert writer.paths.database == register.paths.database


def test_the_ui_connection_sees_only_what_the_writer_committed(qtbot, register, tasks):
    inside, release = threading.Event(), threading.Event()

    def add_staff(reg, progress, cancelled):
        with reg.db.atomic():
            reg.staff.add("小李", actor="小王")
            inside.set()
            release.wait(5)

    task = tasks.write(add_staff)
    assert inside.wait(5)
    assert "小李" not in [m.name for m in register.staff.list()]  # not committed yet
    release.set()
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS):
        pass
    assert "小李" in [m.name for m in register.staff.list()]


def test_other_work_does_not_queue_behind_the_writer(qtbot, tasks):
    release = threading.Event()
    blocked = tasks.write(lambda reg, p, c: release.wait(5))
    quick = tasks.run(lambda p, c: "free")
    with qtbot.waitSignal(quick.succeeded, timeout=WAIT_MS):
        pass
    assert not blocked.is_done()
    release.set()
    with qtbot.waitSignal(blocked.ended, timeout=WAIT_MS):
        pass


def test_a_writer_that_cannot_open_fails_the_task(qtbot, register):
    def cannot(_register):
        raise OSError("locked")

    runner = Tasks(register, open_writer=cannot)
    try:
        task = runner.write(lambda reg, p, c: "never")
        seen = _collect(task)
        with qtbot.waitSignal(task.ended, timeout=WAIT_MS):
            pass
        assert [str(e) for e in seen["failed"]] == ["locked"]
    finally:
        runner.shutdown()


def test_set_register_closes_the_writer_connection_and_opens_one_on_the_new(
        qtbot, register, data_paths, clock, tmp_path):
    from shopdesk.paths import DataPaths
    from shopdesk.services.register import open_register

    runner = Tasks(register)
    other = open_register(DataPaths(tmp_path / "other"), clock, daily_backup=False)
    try:
        first = runner.write(lambda reg, p, c: reg)
        with qtbot.waitSignal(first.ended, timeout=WAIT_MS):
            pass
        old_writer = first.result
        runner.set_register(other)
        with pytest.raises(Exception, match="closed"):
            old_writer.db.execute("select 1")
        second = runner.write(lambda reg, p, c: reg)
        with qtbot.waitSignal(second.ended, timeout=WAIT_MS):
            pass
        assert second.result.paths.database == other.paths.database
    finally:
        runner.shutdown()
        other.close()


def test_shutdown_cancels_and_waits_for_running_work(qtbot, register):
    runner = Tasks(register)
    started = threading.Event()
    stopped = []

    def work(reg, progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        stopped.append(True)
        raise RuntimeError("stopped")

    task = runner.write(work)
    try:
        assert started.wait(5)
    finally:
        runner.shutdown()  # even when the wait failed: the work loops until cancelled
    assert stopped == [True] and task.is_done() and task.cancel_requested()
