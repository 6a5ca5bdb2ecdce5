"""Full-text search over cases: FTS5 trigram for terms of three or more characters, and
a bigram index for one- and two-character terms.

The trigram tokenizer cannot answer terms shorter than three characters, which Chinese
users type all the time (耳机, 退款). A LIKE over every body scans the whole register, so
a second FTS5 table holds each body as overlapping two-character tokens. To keep its
matching exactly that of `body LIKE '%term%'` (ASCII case folded, nothing else; no
tokenizer rules about punctuation, `%`, `_` or quotes) every token is the hex of the
UTF-8 of its characters:
- a two-character term is one exact token;
- a one-character term is a prefix query: UTF-8 is prefix-free, so `hex(c)*` matches the
  tokens that start with `c`; the last character of each run also gets a token of its own.
Terms never contain whitespace (the box splits on it), so no token spans a space.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from . import dialect
from .batches import in_batches
from .database import Database
from .pg import search as pg_search

# Fields whose text the search box finds; notes are added from the timeline.
SEARCHED_COLUMNS = ("case_no", "order_no", "refund_no", "buyer_nick", "item_title", "sku",
                    "description")

# LIKE folds ASCII letters only; so does this.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _hex(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").hex()


@lru_cache(maxsize=1 << 14)
def _char_hex(char: str) -> str:
    return _hex(char)


def bigram_text(body: str) -> str:
    """The bigram index's text for a search body (see the module docstring)."""
    return " ".join(map(_run_tokens, body.split()))


@lru_cache(maxsize=1 << 16)
def _run_tokens(run: str) -> str:
    """The tokens of one whitespace-free run. Cached: a register repeats the same item
    titles, descriptions and notes, and a bulk index spent most of its time here (folding
    case per run, inside the cache: translating whole bodies cost as much again)."""
    run = run.translate(_ASCII_LOWER)
    if run.isascii():  # one hex pair per character: slice the run's hex
        h = run.encode().hex()
        return " ".join([h[i:i + 4] for i in range(0, len(h) - 2, 2)] + [h[-2:]])
    # Each character's hex once (a pair's hex is its two characters' hex side by side):
    # half the encoding of hexing every pair; and each character's from a cache, since a
    # register's text is a few thousand characters over and over.
    chars = list(map(_char_hex, run))
    return " ".join([*map(str.__add__, chars, chars[1:]), chars[-1]])


def _body_sql() -> str:
    """The search text of case `c`: its searched columns plus its notes."""
    cols = " || char(10) || ".join(f"coalesce(c.{c}, '')" for c in SEARCHED_COLUMNS)
    return (f"{cols} || char(10) || coalesce((SELECT group_concat(e.text, char(10)) "
            "FROM case_events e WHERE e.case_id = c.id AND e.type = 'note'), '')")


def search_body(values: Iterable[str | None], notes: Iterable[str]) -> str:
    """The search text `_body_sql` makes of a case, from its SEARCHED_COLUMNS values (in
    that order) and its notes' texts in timeline order (a bulk load's cases in memory)."""
    return "\n".join([v or "" for v in values]) + "\n" + "\n".join(notes)


def is_team(db: Database) -> bool:
    """True for a team register (PostgreSQL), whose search is storage/pg/search.py."""
    return dialect.is_postgres(db)


def _write_bigrams(db: Database, rows: Iterable[tuple[int, str]]) -> None:
    db.executemany("INSERT INTO cases_bigram(rowid, grams) VALUES (?, ?)",
                        ((rowid, bigram_text(body or "")) for rowid, body in rows))


def reindex_cases(db: Database, case_ids: list[int]) -> None:
    """Rebuild the search text of these cases (inside the writing transaction)."""
    if is_team(db):
        pg_search.reindex_cases(db, case_ids)
        return
    for chunk, marks in in_batches(case_ids):
        db.execute(f"DELETE FROM cases_fts WHERE rowid IN ({marks})", chunk)
        db.execute(f"DELETE FROM cases_bigram WHERE rowid IN ({marks})", chunk)
        _insert_bodies(db, chunk, marks)


def index_new_cases(db: Database, case_ids: list[int]) -> None:
    """`reindex_cases` for cases just inserted, never indexed: nothing to delete first
    (an import's new cases: the deletes were a sixth of indexing them)."""
    if is_team(db):
        pg_search.reindex_cases(db, case_ids)
        return
    for chunk, marks in in_batches(case_ids):
        _insert_bodies(db, chunk, marks)


def _insert_bodies(db: Database, chunk: list[int], marks: str) -> None:
    db.execute(f"INSERT INTO cases_fts(rowid, body) SELECT c.id, {_body_sql()} FROM cases c "
               f"WHERE c.id IN ({marks})", chunk)
    _write_bigrams(db, db.execute(
        f"SELECT rowid, body FROM cases_fts WHERE rowid IN ({marks})", chunk).fetchall())


def index_new_range(db: Database, first_id: int, last_id: int) -> None:
    """Index the cases with ids first_id..last_id, never indexed before (a bulk load's
    new rows): one INSERT ... SELECT for the trigram index and one pass for the bigrams,
    where batches of ids cost a statement (and a re-read of the bodies) per few hundred."""
    if is_team(db):
        pg_search.reindex_cases(db, list(range(first_id, last_id + 1)))
        return
    db.execute(f"INSERT INTO cases_fts(rowid, body) SELECT c.id, {_body_sql()} FROM cases c "
               "WHERE c.id BETWEEN ? AND ?", [first_id, last_id])
    cursor = db.conn.cursor()
    cursor.execute("SELECT rowid, body FROM cases_fts WHERE rowid BETWEEN ? AND ?",
                   [first_id, last_id])
    while rows := cursor.fetchmany(5000):
        _write_bigrams(db, rows)


def reindex_case(db: Database, case_id: int) -> None:
    """Rebuild one case's search text (call inside the writing transaction)."""
    reindex_cases(db, [case_id])


def reindex_all(db: Database) -> None:
    """Rebuild the whole index (after bulk loads)."""
    if is_team(db):
        pg_search.reindex_all(db)
        return
    db.execute("DELETE FROM cases_fts")
    db.execute(f"INSERT INTO cases_fts(rowid, body) SELECT c.id, {_body_sql()} FROM cases c")
    rebuild_bigrams(db)


def rebuild_bigrams(db: Database) -> None:
    """Fill the bigram index from the trigram index's bodies (migration, bulk loads)."""
    db.execute("DELETE FROM cases_bigram")
    cursor = db.conn.cursor()
    cursor.execute("SELECT rowid, body FROM cases_fts")
    while rows := cursor.fetchmany(5000):
        _write_bigrams(db, rows)


def delete_from_index(db: Database, case_ids: list[int]) -> None:
    """Drop these cases from both search indexes (purging them)."""
    if is_team(db):
        pg_search.delete_from_index(db, case_ids)
        return
    for chunk, marks in in_batches(case_ids):
        db.execute(f"DELETE FROM cases_fts WHERE rowid IN ({marks})", chunk)
        db.execute(f"DELETE FROM cases_bigram WHERE rowid IN ({marks})", chunk)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def short_term_match(term: str) -> str:
    """The bigram index's MATCH expression for a one- or two-character term."""
    token = _hex(term.translate(_ASCII_LOWER))
    return f'"{token}" *' if len(term) == 1 else f'"{token}"'


def like_clause(text: str) -> tuple[str, list[str]] | None:
    """Today's scan for short terms (kept to compare against; see search_clause)."""
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    conds = ["body LIKE ? ESCAPE '\\'"] * len(terms)
    params = [f"%{_escape_like(t)}%" for t in terms]
    return f"id IN (SELECT rowid FROM cases_fts WHERE {' AND '.join(conds)})", params


# A term found in more than this share of cases is checked row by row in display order
# instead: the first page then comes after a few hundred rows, where collecting every
# match from the index and sorting them (half the register) costs a second at 1M.
COMMON_SHARE = 0.05
# ... or above a smaller share in a bigger register. Walking the list reads about 100/share
# rows for a page (about 2 us each); collecting a term's hits and sorting them costs
# about 4 us a hit (share x cases). They cost the same at a share of sqrt(50 / cases):
# 2.2% at 100k cases, 0.7% at 1M (measured on the bench registers; at 100k a term in 5.9%
# of cases took 20 ms sorted, 3.5 ms walked).
WALK_OR_SORT = 50.0


def walk_budget(cases: int) -> float:
    """Processor seconds a common term's walk may take before its hits are sorted
    instead: about what sorting the hits of a term at the common share costs (9 ms at
    100k cases, 28 ms at 1M), never under the list's own walk budget (4 ms)."""
    return max(0.004, 4e-6 * math.sqrt(WALK_OR_SORT * max(cases, 0)))


def common_share_for(cases: int, cap: float = COMMON_SHARE) -> float:
    """The share above which a term counts as common in a register of `cases` cases."""
    return cap if cases <= 0 else min(cap, math.sqrt(WALK_OR_SORT / cases))

# A term's share is estimated from the newest cases this many ids deep. Counting every
# case holding it read the term's whole doclist (fts5vocab): 3-8 ms at 100k for a term in
# most cases, ten times that at 1M, on every keystroke. The newest cases are also the
# top of the default list, the part a walk in display order reads.
SAMPLE_IDS = 2000


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class TermStats:
    """How common a search term is, from a sample of the newest cases in its index."""

    def __init__(self, db: Database, sample: int = SAMPLE_IDS) -> None:
        self.db = db
        self.sample = sample
        self._memo: dict[tuple[str, int], float] = {}  # (term, max id) -> share

    def top(self) -> int:
        """The newest case's id (the register's size, near enough)."""
        return int(self.db.execute("SELECT max(id) FROM cases").fetchone()[0] or 0)

    def common_share(self, cap: float = COMMON_SHARE) -> float:
        """The share above which a term is common in this register (common_share_for)."""
        return common_share_for(self.top(), cap)

    def share(self, term: str) -> float:
        """Estimated share of cases containing `term`, 0.0 when there are none."""
        top = self.db.execute("SELECT max(id) FROM cases").fetchone()[0] or 0
        if not top:
            return 0.0
        key = (term, top)
        found = self._memo.get(key)
        if found is None:
            since = max(0, top - self.sample)
            table, match = (("cases_bigram", short_term_match(term)) if len(term) < 3
                            else ("cases_fts", _phrase(term)))
            # FTS5 seeks each doclist to the rowid bound: cost grows with the sample,
            # not with the register.
            hits = self.db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ? "
                                   "AND rowid > ?", [match, since]).fetchone()[0]
            found = hits / (top - since)
            if len(self._memo) >= 256:  # one entry per term typed: keep it small
                self._memo.clear()
            self._memo[key] = found
        return found


# Order and refund numbers are long runs of digits (some platforms add dashes). Digits
# have no case, so a prefix range on the plain column index finds what the (case-folding)
# trigram index would find at the start of those columns.
_NUMBER = re.compile(r"[0-9][0-9-]{5,}")
_NUMBER_COLUMNS = ("order_no", "refund_no")


def looks_like_number(term: str) -> bool:
    """Whether a search term looks like (the start of) an order or refund number."""
    return _NUMBER.fullmatch(term) is not None


_SCAN = "EXISTS (SELECT 1 FROM cases_fts_content f WHERE f.id = cases.id "


def scans_every_row(where: str) -> bool:
    """Whether a list's conditions search only common terms (checked row by row, see
    search_clause) and use no index of matches: the first page is then found by walking
    the sort order, not by sorting every match."""
    return _SCAN in where and " MATCH " not in where and " GLOB " not in where


def number_clause(term: str) -> tuple[str, list[str]]:
    """Cases whose order or refund number starts with `term`, through their indexes
    (GLOB is case-sensitive, so SQLite turns the prefix into an index range)."""
    parts = [f"SELECT id FROM cases WHERE {col} GLOB ?" for col in _NUMBER_COLUMNS]
    return f"id IN ({' UNION '.join(parts)})", [f"{term}*"] * len(_NUMBER_COLUMNS)


def number_found(db: Database, term: str) -> bool:
    """Whether some order or refund number starts with `term` (two index probes)."""
    sql, params = number_clause(term)
    inner = sql[len("id IN ("):-1]
    return db.execute(f"SELECT EXISTS ({inner})", params).fetchone()[0] == 1


def _scannable(term: str) -> bool:
    """LIKE agrees with the index on this term: LIKE folds ASCII case only, the trigram
    index folds every letter, so a term with cased non-ASCII letters stays on the index."""
    return len(term) < 3 or all(c.isascii() or c.lower() == c.upper() for c in term)


def search_clause(text: str, share: Callable[[str], float] | None = None,
                  common_share: float = COMMON_SHARE,
                  is_number: Callable[[str], bool] | None = None,
                  ) -> tuple[str, list[str]] | None:
    """SQL (conditions on `cases`) and params for a search box text.

    Whitespace separates terms; every term must match. A term that looks like an order or
    refund number and starts one (`is_number(term)`) finds those cases through the
    number indexes; a number found in none of them is searched everywhere like any term.
    Other terms of three or more characters use the trigram index; shorter ones the bigram
    index. A common term (`share(term)` above `common_share`) is checked per row instead
    (see COMMON_SHARE).
    """
    terms = [t for t in text.split() if t]
    if not terms:
        return None
    numbers = [t for t in terms
               if is_number is not None and looks_like_number(t) and is_number(t)]
    terms = [t for t in terms if t not in numbers]
    number_conds = [number_clause(t) for t in numbers]
    if not terms:
        return (" AND ".join(c for c, _p in number_conds),
                [p for _c, ps in number_conds for p in ps])
    common = [t for t in terms
              if share is not None and _scannable(t) and share(t) > common_share]
    rare = [t for t in terms if t not in common]
    long_terms = [t for t in rare if len(t) >= 3]
    short_terms = [t for t in rare if len(t) < 3]
    conds: list[str] = []
    params: list[str] = []
    if long_terms:
        conds.append("id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)")
        params.append(" AND ".join(_phrase(t) for t in long_terms))
    if short_terms:
        conds.append("id IN (SELECT rowid FROM cases_bigram WHERE cases_bigram MATCH ?)")
        params.append(" AND ".join(short_term_match(t) for t in short_terms))
    for t in common:
        # The trigram table's own content table (FTS5's shadow table: id, c0 = body):
        # the same text as cases_fts.body without a virtual-table query per row walked,
        # which made the walk 2-3x dearer.
        conds.append(_SCAN + "AND f.c0 LIKE ? ESCAPE '\\')")
        params.append(f"%{_escape_like(t)}%")
    for cond, ps in number_conds:
        conds.append(cond)
        params.extend(ps)
    return " AND ".join(conds), params
