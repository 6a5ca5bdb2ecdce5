"""The export rows each case (m0024, m0026) or order (m0027) was last imported from, for
the re-import fast path.

An import stores, per case it created, updated or found unchanged, the hash of the file's
row (the parser's `row_hash`: the row's cells plus the mapping that read them). A later
import of a row with the same hash, whose case is still as that import left it, would
change nothing: the parser skips it before any conversion and the import counts it
unchanged.

"Still as the import left it" is the row being there: a trigger (m0026) deletes it when an
UPDATE changes any column the planning reads (matching, diff_case, diff_state), plus what
tells a case apart (id, number, creation time) and the trash mark, by anyone on any
connection; removing the case removes it too. The deadline and warning passes write other
columns and keep it. The import stores its rows after every write of its own.

Order exports' rows work the same way, with the hash kept on the order itself
(`OrderStore.stored_hashes`): only an order export's import writes orders, and merging a
row into the order it was merged into already changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from ..importers import RecordType
from ..storage.batches import in_batches
from ..storage.bulk_load import remeasure
from ..storage.database import Database
from ..storage.orders import OrderStore
from ..storage.schema.m0026_import_rows_stale import WATCHED
from ..storage.search import is_team

# The columns whose change sends a case's row through the full path again (m0026's
# trigger; a column the planning starts to read needs a new migration's trigger).
SIG_COLUMNS = WATCHED


# Rows stored at once from which the index by hash is made again after them instead of
# kept up (and only when they are at least 1/_SET_ASIDE_SHARE of the table).
_SET_ASIDE_ROWS = 2_000
_SET_ASIDE_SHARE = 8
_HASH_INDEX = "idx_import_rows_hash"


class KnownRows:
    """Reads and writes import_rows (and reads the orders' row hashes) in the caller's
    transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def mark(self) -> object:
        """Changes when anything is written to the register, on this connection or another
        (None on a team register: there the rows are always checked again)."""
        if is_team(self.db):
            return None
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return (self.db.conn.total_changes, int(version))

    def still_applied(self, hashes: Sequence[str],
                      record_type: RecordType = RecordType.REFUND) -> set[str]:
        """The hashes stored for a case (refund rows) or an order (order rows) that is
        still as its import left it (the parser's `known`)."""
        if record_type is RecordType.ORDER:
            return OrderStore(self.db).stored_hashes(hashes)
        return set(self.cases_of(hashes))

    def cases_of(self, hashes: Sequence[str]) -> dict[str, int]:
        """Row hash -> the case it was imported into, for cases still as the import left
        them (a live case: the trash mark is watched)."""
        out: dict[str, int] = {}
        for chunk, marks in in_batches(list(dict.fromkeys(hashes))):
            out.update(self.db.execute(
                f"SELECT row_hash, case_id FROM import_rows WHERE row_hash IN ({marks})",
                chunk).fetchall())
        return out

    def remember(self, pairs: Iterable[tuple[int, str]]) -> None:
        """Store (case id, row hash) for the live cases among them (call after every write
        of the import, the deadline and warning passes included: a write of a watched
        column drops the row again)."""
        rows = [(row_hash, case_id) for case_id, row_hash in dict(pairs).items()]
        with self._hash_index_set_aside(len(rows)):
            self.db.executemany(
                "INSERT INTO import_rows(case_id, row_hash) SELECT id, CAST(? AS TEXT) "
                "FROM cases WHERE id = ? AND deleted_at IS NULL "
                "ON CONFLICT(case_id) DO UPDATE SET row_hash = excluded.row_hash", rows)

    @contextmanager
    def _hash_index_set_aside(self, rows: int) -> Iterator[None]:
        """For many rows against the table (a first import of a shop's history), the
        index by hash dropped and made again after the block (inside the caller's
        transaction: a failure rolls the schema back too). Its keys are random, so kept up
        row by row each insert lands on a page of its own: storing a 50,000-row import's
        rows took 0.40 s of CPU that way, 0.25 s with the index made after. SQLite
        only."""
        if rows < _SET_ASIDE_ROWS or is_team(self.db):
            yield
            return
        found = self.db.execute("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                "AND name = ?", [_HASH_INDEX]).fetchone()
        stored = self.db.execute("SELECT count(*) FROM import_rows").fetchone()[0]
        if found is None or rows * _SET_ASIDE_SHARE < stored:
            yield
            return
        self.db.execute(f"DROP INDEX {_HASH_INDEX}")
        yield
        self.db.execute(found[0])
        remeasure(self.db, [_HASH_INDEX])
