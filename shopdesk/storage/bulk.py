"""Bulk loading (demo data, benchmarks): many cases in one transaction, indexed once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.case import Case
from ..domain.case_no import format_case_no
from .rows import case_to_row
from .search import reindex_all


def bulk_insert_cases(db: Database, items: Sequence[tuple[Case, date, list[dict[str, Any]]]],
                      ) -> list[int]:
    """Insert cases with their timeline events; numbers them per shop-local day.

    `items` are (case, shop-local creation day, events) where each event is a dict
    with at (UTC ISO), actor, type, text, data (JSON text). Returns the new ids.
    """
    ids: list[int] = []
    with db.atomic():
        counters: dict[str, int] = {
            r[0]: r[1] for r in db.execute("SELECT day, last_seq FROM case_counters").fetchall()
        }
        columns = [c for c in case_to_row(items[0][0]) if c != "id"] if items else []
        insert_sql = (f"INSERT INTO cases ({', '.join(columns)}) "
                      f"VALUES ({', '.join('?' for _ in columns)})")
        event_rows = []
        audit_rows = []
        for case, day, events in items:
            key = day.isoformat()
            counters[key] = counters.get(key, 0) + 1
            case.case_no = format_case_no(day, counters[key])
            row = case_to_row(case)
            cursor = db.execute(insert_sql, [row[c] for c in columns])
            case_id = int(cursor.lastrowid or 0)
            ids.append(case_id)
            audit_rows.append((row["created_at"], case.created_by, "case", case_id, "create",
                               None, None, case.case_no))
            for e in events:
                event_rows.append((case_id, e["at"], e["actor"], e["type"], e.get("text", ""),
                                   e.get("data", "{}")))
        db.conn.executemany(
            "INSERT INTO case_events(case_id, at, actor, type, text, data) "
            "VALUES (?, ?, ?, ?, ?, ?)", event_rows)
        db.conn.executemany(
            "INSERT INTO audit_log(at, actor, entity, entity_id, action, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", audit_rows)
        db.conn.executemany(
            "INSERT INTO case_counters(day, last_seq) VALUES (?, ?) "
            "ON CONFLICT(day) DO UPDATE SET last_seq = excluded.last_seq",
            list(counters.items()))
        reindex_all(db)
    return ids
