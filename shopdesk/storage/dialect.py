"""SQLite SQL as the storage modules write it, translated for PostgreSQL.

The storage modules keep one SQL text per query (written for SQLite). On a team register
(PostgreSQL) `to_postgres` rewrites the few SQLite-only spellings they use:

- `?` placeholders become `%s` (and a literal `%` becomes `%%`, as psycopg needs);
- `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`;
- `group_concat(x, sep)` becomes `string_agg(x, sep)`, `char(n)` becomes `chr(n)`;
- `json_extract(col, '$.a.b')` becomes `(col::jsonb #>> '{a,b}')` (text, as SQLite returns
  for strings);
- `LIKE` becomes `ILIKE` (SQLite's LIKE ignores ASCII case; PostgreSQL's does not);
- `IS ?` / `IS NOT ?` become `IS [NOT] DISTINCT FROM` (SQLite's null-safe equality);
- the scalar `min(a, b, ...)` / `max(a, b, ...)` (two or more arguments) become `least` /
  `greatest` (the one-argument aggregates stay). Unlike SQLite's, these skip a NULL
  argument rather than return NULL: storage passes them non-null values (coalesce);
- `julianday(x)` of an ISO time becomes the same day number computed from the epoch;
- `INDEXED BY idx` / `NOT INDEXED` (SQLite's planner hints) are dropped.

Quoted strings, quoted identifiers and comments are never rewritten. What cannot be
translated this simply is written per dialect in the storage module (`db.dialect`).
The functions here are pure (no database) so they are tested on their own.
"""

from __future__ import annotations

import functools
import re
from typing import Any

SQLITE = "sqlite"
POSTGRES = "postgresql"


def dialect_of(db: Any) -> str:
    """SQLITE or POSTGRES: a team register's connection says so, the local file does not."""
    return getattr(db, "dialect", SQLITE)


def is_postgres(db: Any) -> bool:
    """True for a team register (PostgreSQL)."""
    return dialect_of(db) == POSTGRES

# Tables whose rows get an integer `id` from the database: an INSERT into one of them
# returns the new id (RETURNING id) where SQLite gives `cursor.lastrowid`.
ID_TABLES = frozenset({
    "cases", "case_events", "audit_log", "staff", "orders", "import_profiles", "import_log",
    "call_attempts", "promises", "shifts", "shift_events", "evidence", "blacklist",
    "improvement_plans", "case_warnings", "followups", "review_contacts",
    "compensation_approvals",
})

_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)
_INSERT_INTO = re.compile(r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+([A-Za-z_][A-Za-z0-9_]*)", re.I)
_RETURNING = re.compile(r"\bRETURNING\b", re.I)
_WORD_SUBS = [
    (re.compile(r"\bgroup_concat\s*\(", re.I), "string_agg("),
    (re.compile(r"\bchar\s*\(\s*(\d+)\s*\)", re.I), r"chr(\1)"),
    (re.compile(r"\bNOT\s+LIKE\b", re.I), "NOT ILIKE"),
    (re.compile(r"(?<!NOT )\bLIKE\b", re.I), "ILIKE"),
    (re.compile(r"\bIS\s+NOT\s+\?", re.I), "IS DISTINCT FROM ?"),
    (re.compile(r"\bIS\s+\?", re.I), "IS NOT DISTINCT FROM ?"),
]
_JSON_EXTRACT = re.compile(
    r"\bjson_extract\s*\(\s*([A-Za-z_][A-Za-z0-9_.]*)\s*,\s*'\$\.([A-Za-z0-9_.]+)'\s*\)", re.I)
_GROUP_CONCAT_ONE = re.compile(r"\bstring_agg\(([^,()]+)\)")
_CALL = re.compile(r"\b(min|max|julianday)\s*\(", re.I)
_SCALAR = {"min": "least", "max": "greatest"}
_PLANNER_HINT = re.compile(r"\s+(?:INDEXED\s+BY\s+[A-Za-z_][A-Za-z0-9_]*|NOT\s+INDEXED)\b",
                           re.I)
# Julian day number of 1970-01-01T00:00:00Z (what SQLite's julianday counts from).
_UNIX_EPOCH_JD = "2440587.5"


def split_code(sql: str) -> list[tuple[bool, str]]:
    """Split `sql` into (is_code, text) pieces: quoted strings, quoted identifiers and
    comments are not code and are never rewritten."""
    pieces: list[tuple[bool, str]] = []
    i, start, n = 0, 0, len(sql)
    while i < n:
        ch = sql[i]
        end = -1
        if ch in "'\"":
            end = i + 1
            while end < n:
                if sql[end] == ch:
                    if end + 1 < n and sql[end + 1] == ch:  # doubled quote inside
                        end += 2
                        continue
                    break
                end += 1
            end = min(end + 1, n)
        elif sql.startswith("--", i):
            nl = sql.find("\n", i)
            end = n if nl < 0 else nl
        elif sql.startswith("/*", i):
            close = sql.find("*/", i + 2)
            end = n if close < 0 else close + 2
        if end >= 0:
            if start < i:
                pieces.append((True, sql[start:i]))
            pieces.append((False, sql[i:end]))
            i = start = end
        else:
            i += 1
    if start < n:
        pieces.append((True, sql[start:]))
    return pieces


def _masked(sql: str) -> str:
    """`sql` with every quoted string, quoted identifier and comment blanked out (same
    length), so parentheses and commas found in it are code."""
    return "".join(text if is_code else " " * len(text) for is_code, text in split_code(sql))


def _call_args(mask: str, open_at: int) -> tuple[list[tuple[int, int]], int] | None:
    """The (start, end) span of each argument of the call whose "(" is at `open_at`,
    and the index of its ")"; None when it is not closed."""
    depth, start, spans = 0, open_at + 1, []
    for i in range(open_at + 1, len(mask)):
        ch = mask[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                spans.append((start, i))
                return spans, i
            depth -= 1
        elif ch == "," and depth == 0:
            spans.append((start, i))
            start = i + 1
    return None


def _rewrite_calls(sql: str) -> str:
    """Scalar min/max and julianday calls in their PostgreSQL spelling (see the module
    docstring). Walks the calls from the last one back, so an inner call is rewritten
    before the call around it and earlier positions stay valid."""
    starts = [m.start() for m in _CALL.finditer(_masked(sql))]
    for start in reversed(starts):
        mask = _masked(sql)
        match = _CALL.match(mask, start)
        if match is None:
            continue
        found = _call_args(mask, match.end() - 1)
        if found is None:
            continue
        spans, close = found
        name = match.group(1).lower()
        args = [sql[a:b].strip() for a, b in spans]
        if name == "julianday" and len(args) == 1:
            new = (f"(extract(epoch FROM ({args[0]})::timestamptz) / 86400.0 "
                   f"+ {_UNIX_EPOCH_JD})")
        elif name in _SCALAR and len(args) >= 2:
            new = f"{_SCALAR[name]}({', '.join(args)})"
        else:
            continue  # the aggregate min(x) / max(x)
        sql = sql[:start] + new + sql[close + 1:]
    return sql


def _translate_code(code: str) -> str:
    code = _PLANNER_HINT.sub("", code)
    for pattern, repl in _WORD_SUBS:
        code = pattern.sub(repl, code)
    # group_concat(x) without a separator joins with ',' in SQLite.
    return _GROUP_CONCAT_ONE.sub(r"string_agg(\1, ',')", code)


def _json_path(match: re.Match[str]) -> str:
    return f"({match.group(1)}::jsonb #>> '{{{match.group(2).replace('.', ',')}}}')"


@functools.lru_cache(maxsize=2048)  # the same few hundred statements, run again and again
def to_postgres(sql: str, *, with_params: bool = True) -> str:
    """The PostgreSQL text of a SQLite statement (see the module docstring).

    `with_params`: the statement is sent with parameters, so `?` becomes `%s` and a
    literal `%` is doubled; without parameters psycopg sends the text as it is.
    """
    sql = _JSON_EXTRACT.sub(_json_path, sql)  # spans a quoted path: before splitting
    if _CALL.search(sql):
        sql = _rewrite_calls(sql)  # arguments may hold strings: before splitting too
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    if ignore:
        sql = re.sub(r"\bOR\s+IGNORE\s+", "", sql, count=1, flags=re.I)
    out: list[str] = []
    for is_code, text in split_code(sql):
        if is_code:
            text = _translate_code(text)
            if with_params:
                text = text.replace("%", "%%").replace("?", "%s")
        elif with_params:
            text = text.replace("%", "%%")
        out.append(text)
    sql = "".join(out)
    if ignore:
        sql = _append_before_returning(sql, " ON CONFLICT DO NOTHING")
    return sql


def _append_before_returning(sql: str, clause: str) -> str:
    body = sql.rstrip().rstrip(";")
    match = _RETURNING.search(body)
    if match:
        return body[:match.start()].rstrip() + clause + " " + body[match.start():]
    return body + clause


def inserted_table(sql: str) -> str | None:
    """The table an INSERT statement writes to, or None for any other statement."""
    match = _INSERT_INTO.match(sql)
    return match.group(1).lower() if match else None


def explicit_id_table(sql: str) -> str | None:
    """The id table an INSERT gives explicit ids to (`INSERT INTO t (id, ...)`), else None."""
    table = inserted_table(sql)
    if table not in ID_TABLES:
        return None
    match = re.match(r"^\s*INSERT\s+INTO\s+\w+\s*\(\s*id\s*[,)]", sql, re.I)
    return table if match else None


def returning_id(sql: str) -> str | None:
    """`sql` with `RETURNING id` added when it inserts into a table with an id column and
    returns nothing yet (how a PostgreSQL insert gives SQLite's lastrowid); else None."""
    table = inserted_table(sql)
    if table not in ID_TABLES or _RETURNING.search(sql):
        return None
    return sql.rstrip().rstrip(";") + " RETURNING id"


__all__ = ["ID_TABLES", "POSTGRES", "SQLITE", "explicit_id_table", "inserted_table",
           "returning_id", "split_code", "to_postgres"]
