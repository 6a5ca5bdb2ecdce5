"""SQLite SQL as the storage modules write it, translated for PostgreSQL.

The storage modules keep one SQL text per query (written for SQLite). On a team register
(PostgreSQL) `to_postgres` rewrites the few SQLite-only spellings they use:

- `?` placeholders become `%s` (and a literal `%` becomes `%%`, as psycopg needs);
- `INSERT OR IGNORE` becomes `INSERT ... ON CONFLICT DO NOTHING`;
- `group_concat(x, sep)` becomes `string_agg(x, sep)`, `char(n)` becomes `chr(n)`;
- `json_extract(col, '$.a.b')` becomes `(col::jsonb #>> '{a,b}')` (text, as SQLite returns
  for strings);
- `LIKE` becomes `ILIKE` (SQLite's LIKE ignores ASCII case; PostgreSQL's does not);
- `IS ?` / `IS NOT ?` become `IS [NOT] DISTINCT FROM` (SQLite's null-safe equality).

Quoted strings, quoted identifiers and comments are never rewritten. What cannot be
translated this simply is written per dialect in the storage module (`db.dialect`).
The functions here are pure (no database) so they are tested on their own.
"""

from __future__ import annotations

import functools
import re

SQLITE = "sqlite"
POSTGRES = "postgresql"

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


def _translate_code(code: str) -> str:
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
