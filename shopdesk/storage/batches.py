"""`WHERE x IN (...)` over many values, a slice at a time.

One place for the slicing every store did by hand: SQLite caps the number of `?` in one
statement, and a list of ids (a batch print, a hand-off, a trash emptied) can be longer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

BATCH = 500  # values per statement: far below SQLite's limit, short statements


def in_batches(values: Sequence[T], size: int = BATCH) -> Iterator[tuple[list[T], str]]:
    """Each slice of `values` (in order, `size` at most) with its "?, ?, ..." for `IN (...)`.

    Nothing is yielded for no values, so a caller never builds an empty `IN ()`."""
    for start in range(0, len(values), size):
        chunk = list(values[start:start + size])
        yield chunk, ", ".join("?" for _ in chunk)
