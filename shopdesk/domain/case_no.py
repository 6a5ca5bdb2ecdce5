"""Readable case numbers for saying aloud in a hand-off: SD-20261123-0007."""

from __future__ import annotations

import re
from datetime import date

PATTERN = re.compile(r"^SD-(\d{8})-(\d{4,})$")


def format_case_no(day: date, seq: int) -> str:
    """The n-th case opened on `day` (shop time)."""
    return f"SD-{day:%Y%m%d}-{seq:04d}"


def parse_case_no(text: str) -> tuple[date, int]:
    """'sd-20261123-7' style input is accepted too; raises ValueError otherwise."""
    cleaned = text.strip().upper()
    m = PATTERN.match(cleaned)
    if not m:
        m2 = re.match(r"^SD-(\d{8})-(\d{1,})$", cleaned)
        if not m2:
            raise ValueError(f"not a case number: {text!r}")
        m = m2
    d = m.group(1)
    return date(int(d[:4]), int(d[4:6]), int(d[6:])), int(m.group(2))


def normalise_case_no(text: str) -> str:
    day, seq = parse_case_no(text)
    return format_case_no(day, seq)
