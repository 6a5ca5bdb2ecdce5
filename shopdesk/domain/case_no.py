"""Readable case numbers for saying aloud in a hand-off: SD-20261123-0007.

The number within a day is four digits (0001-9999). A shop that opens more than 9,999 cases
in one day (a bulk import) continues with 'X' and six digits (SD-20261123-X010000 up to
X999999), then 'XX' and nine digits, and so on: a letter sorts after every digit, so the
numbers keep their order when sorted as text (the case list sorts them in SQL), and every
number of a tier has the same width.

Demo cases are numbered in their own series, DEMO-20261123-0001: trying the demo never uses up
the day's real numbers, and a demo case is told apart at a glance in every list.
"""

from __future__ import annotations

import re
from datetime import date

PATTERN = re.compile(r"^(SD|DEMO)-([0-9]{8})-(X*)([0-9]+)$")
PREFIX = "SD"
DEMO_PREFIX = "DEMO"
BASE_WIDTH = 4


def _width(tier: int) -> int:
    return BASE_WIDTH + 2 + 3 * (tier - 1) if tier else BASE_WIDTH


def format_case_no(day: date, seq: int, prefix: str = PREFIX) -> str:
    """The n-th case opened on `day` (shop time); `prefix` DEMO_PREFIX for the demo series."""
    if seq < 1:
        raise ValueError(f"a case number starts at 1, not {seq}")
    tier = 0
    while seq >= 10 ** _width(tier):
        tier += 1
    return f"{prefix}-{day:%Y%m%d}-{'X' * tier}{seq:0{_width(tier)}d}"


def case_numbers(day: date, first: int, count: int, prefix: str = PREFIX) -> list[str]:
    """`format_case_no(day, seq, prefix)` for `count` numbers from `first` on, the day's
    part formatted once (an import numbers tens of thousands of cases at a time)."""
    if first < 1:
        raise ValueError(f"a case number starts at 1, not {first}")
    head = f"{prefix}-{day:%Y%m%d}-"
    out: list[str] = []
    seq, end = first, first + count
    while seq < end:
        tier = 0
        while seq >= 10 ** _width(tier):
            tier += 1
        width = _width(tier)
        stop = min(end, 10 ** width)  # the first number of the next tier
        lead = head + "X" * tier
        out.extend([f"{lead}{n:0{width}d}" for n in range(seq, stop)])
        seq = stop
    return out


def parse_case_no(text: str) -> tuple[date, int]:
    """'sd-20261123-7' style input is accepted too; raises ValueError otherwise."""
    m = PATTERN.match(text.strip().upper())
    if not m:
        raise ValueError(f"not a case number: {text!r}")
    d = m.group(2)
    return date(int(d[:4]), int(d[4:6]), int(d[6:])), int(m.group(4))


def is_demo_case_no(text: str) -> bool:
    """True for a number of the demo series."""
    return text.strip().upper().startswith(DEMO_PREFIX + "-")


def normalise_case_no(text: str) -> str:
    day, seq = parse_case_no(text)
    return format_case_no(day, seq, DEMO_PREFIX if is_demo_case_no(text) else PREFIX)
