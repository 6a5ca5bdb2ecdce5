"""A big demo's rows made in a second process while the loader writes them (issue 13: a 1M
demo register in minutes).

Making the rows (services/demo_rows.py: drawing the cases, their stages, numbers, promises,
timelines and search text) was about half of the loader's time, all of it Python on one
core while the machine has two. The loader starts this worker with the DemoJob (pickled on
its standard input); the worker sends each chunk's DemoRows back on its standard output as
length-prefixed pickles, then the DemoEnd, and the loader writes every chunk as it comes.
A thread of the loader reads the pipe into a short queue, so the worker keeps a few chunks
ahead. The worker is a plain `python -m` process (as storage/search_side.py's): started the
same way on every platform, never in a frozen bundle (a spawned child there starts the
application), where the loader makes the rows itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import marshal
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from ..domain.gc_pause import no_cyclic_gc
from ..storage.database import Database
from ..storage.dialect import is_postgres
from ..storage.worker_process import failure, spawn
from .demo_rows import DemoEnd, DemoJob, DemoRows, make_demo_rows

# A demo smaller than this makes its rows in the loader (starting a process, importing the
# generator there, sending the rows: not worth it below).
MIN_ROWS = 50_000
# Chunks made ahead of the loader at most (each some MB of rows).
_AHEAD_CHUNKS = 3
_HEADER = struct.Struct("<Q")


class DemoRowMaker:
    """A worker process making a demo's rows; `rows()` yields them as they come."""

    def __init__(self, process: subprocess.Popen, errors: BinaryIO) -> None:
        self._process = process
        self._errors = errors
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_AHEAD_CHUNKS)
        self._failed: BaseException | None = None
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, name="demo-rows-feed",
                                        daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, db: Database, job: DemoJob) -> DemoRowMaker | None:
        """A worker for `job`, or None where the loader makes the rows itself (a small
        demo, a team register, a frozen bundle)."""
        if job.n < MIN_ROWS or getattr(sys, "frozen", False) or is_postgres(db):
            return None
        process, errors = spawn(__name__, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdin is not None
        try:
            process.stdin.write(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL))
            process.stdin.close()
        except OSError:  # it died at once: rows() reports why
            pass
        return cls(process, errors)

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        try:
            while not self._stop.is_set() and (header := stream.read(_HEADER.size)):
                if len(header) < _HEADER.size:
                    raise EOFError("a cut header")
                (size,) = _HEADER.unpack(header)
                data = stream.read(size)
                if len(data) < size:
                    raise EOFError("a cut chunk")
                self._queue.put(data)
        except BaseException as exc:  # rows() reports it
            self._failed = exc
        finally:
            self._queue.put(None)

    def rows(self) -> Iterator[DemoRows | DemoEnd]:
        """Each chunk's rows as the worker sends them, then the DemoEnd; raises
        RuntimeError if the worker fails."""
        ended = False
        while (data := self._queue.get()) is not None:
            item = _decode(data)
            ended = isinstance(item, DemoEnd)
            yield item
        code = self._process.wait()
        if code != 0 or self._failed is not None or not ended:
            raise failure("demo row worker", code, self._errors, self._failed)

    def close(self) -> None:
        """Stop the worker if still running and let the reading thread end."""
        self._stop.set()
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        while self._reader.is_alive():  # it may wait on a full queue
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.1)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._errors.close()


def _encode(item: DemoRows | DemoEnd) -> bytes:
    """A chunk's rows in marshal's format (three times as fast to write as a pickle: no
    memo, only tuples, lists, strings and numbers), the end as a pickle."""
    if isinstance(item, DemoEnd):
        return b"E" + pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    fields = [getattr(item, f.name) for f in dataclasses.fields(item)]
    fields[0] = [(day.toordinal(), count, first) for day, count, first in item.numbers]
    return b"R" + marshal.dumps(fields)


def _decode(data: bytes) -> DemoRows | DemoEnd:
    """What `_encode` made (in the worker we started: the same interpreter)."""
    if data[:1] == b"E":
        return pickle.loads(data[1:])  # from the worker we started
    fields = marshal.loads(memoryview(data)[1:])
    fields[0] = [(date.fromordinal(day), count, first) for day, count, first in fields[0]]
    return DemoRows(*fields)


def _serve(job_stream: BinaryIO, out: BinaryIO) -> None:
    job = pickle.load(job_stream)  # from the loader that started us
    for item in make_demo_rows(job):
        if isinstance(item, DemoEnd):  # for the build benchmark
            item.worker_cpu = time.process_time()
        data = _encode(item)
        out.write(_HEADER.pack(len(data)))
        out.write(data)
    out.flush()


if __name__ == "__main__":  # the worker: python -m shopdesk.services.demo_side
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    rows_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed may mix with the rows
    with no_cyclic_gc():  # as in the loader: the cases of a chunk all stay alive
        _serve(sys.stdin.buffer, rows_out)
