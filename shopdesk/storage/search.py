"""Full-text search over cases: FTS5 trigram, with a LIKE path for 1-2 character terms."""

from __future__ import annotations

from sqlite_utils import Database

from .batches import in_batches

# Fields whose text the search box finds; notes are added from the timeline.
SEARCHED_COLUMNS = ("case_no", "order_no", "refund_no", "buyer_nick", "item_title", "sku",
                    "description")


def _body_sql() -> str:
    """The search text of case `c`: its searched columns plus its notes."""
    cols = " || char(10) || ".join(f"coalesce(c.{c}, '')" for c in SEARCHED_COLUMNS)
    return (f"{cols} || char(10) || coalesce((SELECT group_concat(e.text, char(10)) "
            "FROM case_events e WHERE e.case_id = c.id AND e.type = 'note'), '')")


def reindex_cases(db: Database, case_ids: list[int]) -> None:
    """Rebuild the search text of these cases (inside the writing transaction)."""
    body = _body_sql()
    for chunk, marks in in_batches(case_ids):
        db.execute(f"DELETE FROM cases_fts WHERE rowid IN ({marks})", chunk)
        db.execute(f"INSERT INTO cases_fts(rowid, body) SELECT c.id, {body} FROM cases c "
                   f"WHERE c.id IN ({marks})", chunk)


def reindex_case(db: Database, case_id: int) -> None:
    """Rebuild one case's search text (call inside the writing transaction)."""
    reindex_cases(db, [case_id])


def reindex_all(db: Database) -> None:
    """Rebuild the whole index (after bulk loads)."""
    db.execute("DELETE FROM cases_fts")
    db.execute(f"INSERT INTO cases_fts(rowid, body) SELECT c.id, {_body_sql()} FROM cases c")


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_clause(text: str) -> tuple[str, list[str]] | None:
    """SQL (a `cases.id IN (...)` condition) and params for a search box text.

    Whitespace separates terms; every term must match. Terms of three or more
    characters use the trigram index; shorter ones fall back to LIKE, because a
    trigram index cannot answer them.
    """
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    long_terms = [t for t in terms if len(t) >= 3]
    short_terms = [t for t in terms if len(t) < 3]
    conds: list[str] = []
    params: list[str] = []
    if long_terms:
        conds.append("cases_fts MATCH ?")
        params.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms))
    for t in short_terms:
        conds.append("body LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(t)}%")
    return f"id IN (SELECT rowid FROM cases_fts WHERE {' AND '.join(conds)})", params
