"""The export rows each case was last imported from (m0024), for the re-import fast path.

An import stores, per case it created, updated or found unchanged, the hash of the file's
row (the parser's `row_hash`: the row's cells plus the mapping that read them) and a digest
of the case's columns an import reads (`case_sig`). A later import of a row with the same
hash, whose case still has the same digest, would change nothing: the parser skips it
before any conversion and the import counts it unchanged.

Every column the planning reads (matching, diff_case, diff_state) is in the digest, plus
what tells a case apart (id, number, creation time) and the trash mark: any write to those
columns since the import, by anyone, sends the row through the full path again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from hashlib import blake2b

from sqlite_utils import Database

from ..storage.batches import in_batches
from ..storage.search import is_team

SIG_COLUMNS = (
    "id", "case_no", "created_at", "deleted_at", "platform", "order_no", "refund_no", "kind",
    "shop", "buyer_nick", "buyer_name", "buyer_phone", "buyer_address", "item_title", "sku",
    "amount_paid_fen", "amount_claimed_fen", "amount_settled_fen", "extra", "platform_status",
    "intervention_status", "platform_stage", "platform_involved", "applied_at", "due_at",
    "status", "outcome", "resolved_at",
)
# The columns as one text (made by the database: one value to fetch per case, not 28); a
# NULL is char(1), apart from every text.
_SIG_TEXT = " || char(31) || ".join(f"coalesce(CAST(c.{c} AS TEXT), char(1))"
                                    for c in SIG_COLUMNS)


def case_sig(text: str) -> str:
    """The digest of one case's SIG_COLUMNS (their _SIG_TEXT)."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class KnownRows:
    """Reads and writes import_rows in the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def mark(self) -> object:
        """Changes when anything is written to the register, on this connection or another
        (None on a team register: there the rows are always checked again)."""
        if is_team(self.db):
            return None
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        return (self.db.conn.total_changes, int(version))

    def still_applied(self, hashes: Sequence[str]) -> set[str]:
        """The hashes stored for a case that is still as its import left it."""
        return set(self.cases_of(hashes))

    def cases_of(self, hashes: Sequence[str]) -> dict[str, int]:
        """Row hash -> the case it was imported into, for cases still as the import left
        them (a live case: the trash mark is in the digest)."""
        out: dict[str, int] = {}
        for chunk, marks in in_batches(list(dict.fromkeys(hashes))):
            for row_hash, stored, case_id, text in self.db.execute(
                    f"SELECT r.row_hash, r.case_sig, c.id, {_SIG_TEXT} FROM import_rows r "
                    "JOIN cases c ON c.id = r.case_id "
                    f"WHERE c.deleted_at IS NULL AND r.row_hash IN ({marks})",
                    chunk).fetchall():
                # case_sig inlined: a call per known row is a tenth of a re-import's time
                if blake2b(text.encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest() == stored:
                    out[row_hash] = case_id
        return out

    def remember(self, pairs: Iterable[tuple[int, str]]) -> None:
        """Store (case id, row hash) with the case's digest as it is now (call after every
        write of the import, the deadline and warning passes included)."""
        by_case = dict(pairs)
        ids = list(by_case)
        rows = []
        for chunk, marks in in_batches(ids):
            for case_id, text in self.db.execute(
                    f"SELECT c.id, {_SIG_TEXT} FROM cases c WHERE c.id IN ({marks})",
                    chunk).fetchall():
                rows.append((case_id, by_case[case_id], case_sig(text)))
        self.db.executemany(
            "INSERT INTO import_rows(case_id, row_hash, case_sig) VALUES (?, ?, ?) "
            "ON CONFLICT(case_id) DO UPDATE SET row_hash = excluded.row_hash, "
            "case_sig = excluded.case_sig", rows)
