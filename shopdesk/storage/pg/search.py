"""Search on a team register: one text per case in `cases_search`, pg_trgm GIN indexed.

The same results as the local register's FTS5 search (storage/search.py) for the same
cases: every whitespace-separated term must occur in the case's text (its searched
columns and its notes), letters matched without regard to case. pg_trgm's GIN index
answers `ILIKE '%term%'` for terms of three or more characters; for one and two
characters PostgreSQL reads the search texts (a scan of one narrow table; measured in
bench/bench_team.py), which is what the SQLite side avoids with its bigram index.
"""

from __future__ import annotations

from typing import Any

SEARCHED_COLUMNS = ("case_no", "order_no", "refund_no", "buyer_nick", "item_title", "sku",
                    "description")


def body_sql() -> str:
    """The search text of case `c` (PostgreSQL spelling of search._body_sql)."""
    cols = " || chr(10) || ".join(f"coalesce(c.{c}, '')" for c in SEARCHED_COLUMNS)
    return (f"{cols} || chr(10) || coalesce((SELECT string_agg(e.text, chr(10) ORDER BY e.id) "
            "FROM case_events e WHERE e.case_id = c.id AND e.type = 'note'), '')")


def reindex_cases(db: Any, case_ids: list[int]) -> None:
    """Rebuild the search text of these cases (inside the writing transaction)."""
    if not case_ids:
        return
    db.execute("DELETE FROM cases_search WHERE case_id = ANY(?)", [list(case_ids)])
    db.execute(f"INSERT INTO cases_search(case_id, body) SELECT c.id, {body_sql()} "
               "FROM cases c WHERE c.id = ANY(?)", [list(case_ids)])


def reindex_all(db: Any) -> None:
    db.execute("DELETE FROM cases_search")
    db.execute(f"INSERT INTO cases_search(case_id, body) SELECT c.id, {body_sql()} FROM cases c")


def delete_from_index(db: Any, case_ids: list[int]) -> None:
    if case_ids:
        db.execute("DELETE FROM cases_search WHERE case_id = ANY(?)", [list(case_ids)])


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_clause(text: str) -> tuple[str, list[str]] | None:
    """SQL (conditions on `cases`) and params for a search box text; None for no terms."""
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    conds = " AND ".join(["body ILIKE ?"] * len(terms))
    return (f"id IN (SELECT case_id FROM cases_search WHERE {conds})",
            [f"%{_escape_like(t)}%" for t in terms])
