"""Which cases are demo cases (the demo_cases table) and the demo's own number series."""

from __future__ import annotations

from collections.abc import Iterable

from .batches import in_batches
from .database import Database


class DemoStore:
    """Marks on demo cases. Callers own the transaction (db.atomic())."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def mark(self, case_ids: Iterable[int]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO demo_cases(case_id) VALUES (?)",
                            ((i,) for i in case_ids))

    def ids(self) -> list[int]:
        return [int(r[0]) for r in
                self.db.execute("SELECT case_id FROM demo_cases ORDER BY case_id").fetchall()]

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM demo_cases").fetchone()[0])

    def is_demo(self, case_id: int) -> bool:
        return self.db.execute("SELECT 1 FROM demo_cases WHERE case_id = ?",
                               [case_id]).fetchone() is not None

    def forget_audit(self, case_ids: list[int]) -> None:
        """Drop the made-up history of removed demo cases from the audit log."""
        for chunk, marks in in_batches(case_ids):
            self.db.execute(f"DELETE FROM audit_log WHERE entity = 'case' AND entity_id IN "
                            f"({marks})", chunk)

    def reset_numbers(self) -> None:
        """Start the demo series again (only once no demo case is left)."""
        self.db.execute("DELETE FROM case_counters WHERE day LIKE 'demo:%'")
