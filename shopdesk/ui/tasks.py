"""Background work for the window: one task type, one writer thread for the register.

A `Task` wraps `work(progress, cancelled)` (the callbacks every long service call takes)
and reports back through signals on the UI thread: progress(done, total), then exactly
one of succeeded(result), failed(exception) or cancelled(), then ended().

`Tasks` is created once by the main window and runs them:
- `write(work)` on the writer: one thread with a register connection of its own. Every
  database write that leaves the UI thread goes through here, so there is one writer, and
  under WAL the UI's connection sees only what the writer has committed (an import that
  is cancelled or fails is never seen by the case list).
- `run(work)` on a small pool for work that touches no database (laying out and printing
  a PDF).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from ..services.register import Register

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]
WriterWork = Callable[[Register, Progress, Cancelled], Any]


class Task(QObject):
    """One piece of background work. Its signals are emitted on the UI thread, always
    after the call that started it has returned, so connecting right after `write()` or
    `run()` never misses one.

    An exception raised after `cancel()` was asked for counts as a cancellation (the
    services stop by raising their own "cancelled" error); work that returns normally
    succeeded, even when cancel came too late to stop it.
    """

    progress = Signal(int, int)  # done, total: at most once per percent
    succeeded = Signal(object)  # the work's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()
    ended = Signal()  # after any of the three
    _relay = Signal(str, object)  # from the worker; re-emitted on the task's (UI) thread

    def __init__(self, work: Work, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name or "task")
        self._work = work
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._shown: tuple[int, int] = (-1, -1)
        self.result: Any = None
        self.error: BaseException | None = None
        self.thread_id = 0  # the thread that ran it (the writer is always the same one)
        self._runnable: QRunnable | None = None  # alive while queued
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    # --- on the UI thread ----------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work to stop at its next `cancelled()` check."""
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        """The work has returned or raised (its signals may still be on their way)."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work has returned or raised; False when `timeout` ran out."""
        return self._done.wait(timeout)

    def _deliver(self, which: str, value: Any) -> None:
        if which == "progress":
            self.progress.emit(*value)
            return
        if which == "succeeded":
            self.succeeded.emit(value)
        elif which == "failed":
            self.failed.emit(value)
        else:
            self.cancelled.emit()
        self.ended.emit()

    # --- on the worker thread ------------------------------------------------------
    def _progress(self, done: int, total: int) -> None:
        percent = done * 100 // total if total > 0 else 0
        if (percent, total) != self._shown:  # a hundred signals, not one per row
            self._shown = (percent, total)
            self._relay.emit("progress", (done, total))

    def execute(self) -> None:
        """Run the work here and now (the pools call this on their thread)."""
        self.thread_id = threading.get_ident()
        try:
            result = self._work(self._progress, self._cancel.is_set)
        except Exception as exc:  # reported through a signal, never lost
            self.error = exc
            outcome = ("cancelled", None) if self._cancel.is_set() else ("failed", exc)
        else:
            self.result = result
            outcome = ("succeeded", result)
        self._done.set()
        self._relay.emit(*outcome)


class _Runnable(QRunnable):
    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the task holds it; Python frees both
        self._run = run

    def run(self) -> None:
        self._run()


class Tasks(QObject):
    """The window's background work: `write` for the register, `run` for the rest.

    Created once; `set_register` follows a restore, `shutdown` ends it all at close.
    """

    def __init__(self, register: Register, parent: QObject | None = None, *,
                 open_writer: Callable[[Register], Register] | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._open_writer = open_writer or (lambda r: r.open_second())
        self._writer_register: Register | None = None
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)  # the one writer
        self._writer.setExpiryTimeout(-1)  # the same thread for the window's lifetime
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[Task] = set()  # kept alive until their last signal is handled

    @property
    def register(self) -> Register:
        return self._register

    def write(self, work: WriterWork, name: str = "") -> Task:
        """Run `work(register, progress, cancelled)` on the writer thread, on the writer's
        own connection to the register."""
        def bound(progress: Progress, cancelled: Cancelled) -> Any:
            # Opening the writer's connection can fail too (file gone): the task fails.
            return work(self._writer_side(), progress, cancelled)

        return self._start(Task(bound, name), self._writer)

    def run(self, work: Work, name: str = "") -> Task:
        """Run `work(progress, cancelled)` on the pool; it must not touch the database."""
        return self._start(Task(work, name), self._pool)

    def _start(self, task: Task, pool: QThreadPool) -> Task:
        self._live.add(task)
        task.ended.connect(self._forget)
        task._runnable = _Runnable(task.execute)
        pool.start(task._runnable)
        return task

    def _forget(self) -> None:
        self._live.discard(self.sender())  # type: ignore[arg-type]

    def _writer_side(self) -> Register:
        """The writer's register, opened on the writer thread when first needed."""
        if self._writer_register is None:
            self._writer_register = self._open_writer(self._register)
        return self._writer_register

    def busy(self) -> bool:
        return any(not t.is_done() for t in self._live)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for every queued and running task; False when `msecs` ran out."""
        return self._writer.waitForDone(msecs) and self._pool.waitForDone(msecs)

    def close_writer(self) -> None:
        """Let queued writes finish, then close the writer's connection (a restore is about
        to replace the file). The next write opens a new one."""
        self._writer.waitForDone()
        if self._writer_register is not None:
            self._writer_register.close()
            self._writer_register = None

    def set_register(self, register: Register) -> None:
        """Write to `register` from now on (the window switched to it after a restore)."""
        self.close_writer()
        self._register = register

    def shutdown(self) -> None:
        """Ask every task to stop, wait for them, close the writer's connection."""
        for task in list(self._live):
            task.cancel()
        self._pool.waitForDone()
        self.close_writer()

