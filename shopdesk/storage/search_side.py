"""The search index of a big load into an empty register, built beside the load in a
second process (issue 13: a 1M demo register in minutes).

Indexing is a third of a big demo's time (trigram tokens, bigram text in Python, FTS5's
segment merges) and the machine has a second core. While the loading process makes and
writes the cases, a worker process fills both search tables (the same CREATE statements)
in a scratch file from the (id, search text) rows the loader sends it. At the end the
loader copies the worker's FTS5 shadow tables into the register (a copy in id order,
about a fifteenth of building them) inside its own transaction.

Only for a register whose search tables hold nothing yet: the copy replaces their
contents whole. The register's own FTS5 tables are dropped and created again before the
copy, because a connection keeps the index structure it last read and would not see the
copied one. Not in a frozen bundle (a spawned child there starts the application).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .database import Database
from .dialect import is_postgres
from .worker_process import failure, spawn

# A load smaller than this indexes in its own process (starting the worker, copying the
# tables, is not worth it below).
SIDE_MIN_ROWS = 50_000
SEARCH_TABLES = ("cases_fts", "cases_bigram")
_ALIAS = "side_index"
# Chunks of rows waiting for the worker at most (each a few MB).
_QUEUE_CHUNKS = 8
_WORKER_CACHE_KIB = 64 * 1024


class SideIndex:
    """A worker process building the search index of the rows it is sent.

    The rows go to its standard input as length-prefixed pickles, written by a thread of
    ours from a short queue, so that the loader never waits for the worker to read."""

    def __init__(self, path: Path, process: subprocess.Popen, errors: BinaryIO) -> None:
        self.path = path
        self._process = process
        self._errors = errors
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUE_CHUNKS)
        self._failed: BaseException | None = None
        self._writer = threading.Thread(target=self._write, name="search-index-feed",
                                        daemon=True)
        self._writer.start()

    @classmethod
    def start(cls, db: Database, *, rows: int, min_rows: int | None = None
              ) -> SideIndex | None:
        """A worker for a load of `rows` cases into `db`, or None where the load indexes
        itself (PostgreSQL, a load under `min_rows` (default SIDE_MIN_ROWS), a register
        already holding search rows, a frozen bundle)."""
        least = SIDE_MIN_ROWS if min_rows is None else min_rows
        if (is_postgres(db) or rows < least or getattr(sys, "frozen", False)
                or any(db.execute(f"SELECT EXISTS (SELECT 1 FROM {t}_docsize)").fetchone()[0]
                       for t in SEARCH_TABLES)):
            return None
        handle, name = tempfile.mkstemp(prefix="shopdesk-search-", suffix=".sqlite3")
        os.close(handle)
        path = Path(name)
        try:
            process, errors = spawn(__name__, str(path),
                                    *(_create_sql(db, t) for t in SEARCH_TABLES),
                                    stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        except BaseException:  # no process: nothing of ours left behind
            path.unlink(missing_ok=True)
            raise
        return cls(path, process, errors)

    def _write(self) -> None:
        stream = self._process.stdin
        assert stream is not None
        try:
            while (data := self._queue.get()) is not None:
                stream.write(struct.pack("<Q", len(data)))
                stream.write(data)
            stream.close()
        except BaseException as exc:  # the worker died: finish() reports it
            self._failed = exc
            while self._queue.get() is not None:  # let the loader go on to finish()
                pass

    def add(self, rows: list[tuple[int, str]]) -> None:
        """Index these (case id, search text) rows (they reach the worker in order)."""
        self.add_pickled(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))

    def add_pickled(self, data: bytes) -> None:
        """`add` for rows pickled already (by the process that made them)."""
        self._queue.put(data)

    def finish(self, db: Database) -> None:
        """Wait for the worker, then put what it built into the register's search tables
        (inside the caller's write transaction)."""
        self._queue.put(None)
        self._writer.join()
        code = self._process.wait()
        if code != 0 or self._failed is not None:
            raise failure("search index worker", code, self._errors, self._failed)
        db.execute(f"ATTACH DATABASE ? AS {_ALIAS}", [str(self.path)])
        for table in SEARCH_TABLES:
            create = _create_sql(db, table)
            # A new table: this connection's FTS5 forgets the structure it had read.
            db.execute(f'DROP TABLE main."{table}"')
            db.execute(create)
            for (shadow,) in db.execute(
                    f"SELECT name FROM {_ALIAS}.sqlite_master WHERE type = 'table' "
                    "AND name LIKE ? ESCAPE '\\'", [table.replace("_", "\\_") + "\\_%"]
                    ).fetchall():
                db.execute(f'DELETE FROM main."{shadow}"')
                db.execute(f'INSERT INTO main."{shadow}" SELECT * FROM {_ALIAS}."{shadow}"')

    def close(self, db: Database) -> None:
        """Stop the worker if still running, detach and delete its file (outside the
        write transaction)."""
        try:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait()
            if self._writer.is_alive():  # the loader failed before finish(): let it end
                with contextlib.suppress(queue.Full):
                    self._queue.put(None, timeout=5)
                self._writer.join(timeout=5)
            self._errors.close()
            attached = [r[1] for r in db.execute("PRAGMA database_list").fetchall()]
            if _ALIAS in attached and not db.conn.in_transaction:
                db.execute(f"DETACH DATABASE {_ALIAS}")
        finally:
            self.path.unlink(missing_ok=True)


def _create_sql(db: Database, table: str) -> str:
    return str(db.execute("SELECT sql FROM main.sqlite_master WHERE name = ?",
                          [table]).fetchone()[0])


def _chunks(stream: BinaryIO) -> Iterator[list[tuple[int, str]]]:
    while header := stream.read(8):
        (size,) = struct.unpack("<Q", header)
        yield pickle.loads(stream.read(size))  # from the loader that started us


def _fill(path: str, creates: list[str], chunks: Iterable[list[tuple[int, str]]]) -> None:
    from .search import bigram_text

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # A scratch file: no journal, no flush; rebuilt if anything goes wrong.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA cache_size = -{_WORKER_CACHE_KIB}")
        for sql in creates:
            conn.execute(sql)
        conn.execute("BEGIN")
        for chunk in chunks:
            conn.executemany("INSERT INTO cases_fts(rowid, body) VALUES (?, ?)", chunk)
            conn.executemany("INSERT INTO cases_bigram(rowid, grams) VALUES (?, ?)",
                             [(rowid, bigram_text(body)) for rowid, body in chunk])
        conn.execute("COMMIT")
    finally:
        conn.close()


# How much lower the worker's priority is than the loader's (POSIX nice steps).
_NICER = 5

if __name__ == "__main__":  # the worker: python -m shopdesk.storage.search_side FILE SQL...
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The loader, and a demo's row worker (services/demo_side.py), come first: the load
    # waits for them, while this worker's index is needed only at the end of the load,
    # after the case indexes, and catches up then on the core they leave idle.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(_NICER)
    _fill(sys.argv[1], sys.argv[2:], _chunks(sys.stdin.buffer))
