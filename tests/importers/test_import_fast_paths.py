"""The quick readings an import takes read exactly what the general ones read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from shopdesk.importers.cells import CellError, parse_datetime
from shopdesk.storage.search import _hex, bigram_text

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize("text, want", [
    ("2026-11-23 10:00:00", datetime(2026, 11, 23, 10, tzinfo=SHANGHAI)),
    ("2026-11-23 10:00+08", datetime(2026, 11, 23, 10, tzinfo=timezone(timedelta(hours=8)))),
    ("0000-00-00 00:00:00", None),
    (" 2026-11-23 10:00:00\t", datetime(2026, 11, 23, 10, tzinfo=SHANGHAI)),
])
def test_the_usual_time_text_reads_as_before(text, want):
    got = parse_datetime(text, SHANGHAI)
    assert got == want and (got is None or got.utcoffset() == want.utcoffset())


@pytest.mark.parametrize("text", ["2026-02-30 10:00:00", "2026-11-23 25:00:00",
                                  "2026-11-23 10:00:60"])
def test_an_impossible_usual_time_is_still_refused(text):
    with pytest.raises(CellError):
        parse_datetime(text, SHANGHAI)


def _bigrams_char_by_char(body: str) -> str:
    tokens: list[str] = []
    for run in body.split():
        chars = [_hex(c.lower() if c.isascii() else c) for c in run]
        tokens.extend(a + b for a, b in pairwise(chars))
        tokens.append(chars[-1])
    return " ".join(tokens)


@pytest.mark.parametrize("body", ["", "A", "ab", "Order 3126112300000000001 SKU-12",
                                  "蓝牙耳机 买家\n说明_%'\"", "x耳", "😀a", "a\u00e9B c"])
def test_bigram_text_of_ascii_runs_is_that_of_each_character(body):
    assert bigram_text(body) == _bigrams_char_by_char(body)


def test_reading_a_file_pauses_the_cycle_collector_and_restores_it():
    """Reading pauses the cyclic GC (every record stays alive to the end) and leaves it
    as it found it: enabled again after, still disabled when the caller had disabled it,
    enabled again after a failed read."""
    import gc

    from shopdesk.importers import ImportCancelled, parse_bytes
    from tests.importers.helpers import TAOBAO_REFUND_HEADER, config, csv_bytes, taobao_refund_row

    data = csv_bytes([TAOBAO_REFUND_HEADER, *(taobao_refund_row(i) for i in range(3))], "gbk")
    seen: list[bool] = []
    assert gc.isenabled()
    result = parse_bytes(data, config(), progress=lambda d, t: seen.append(gc.isenabled()))
    assert len(result.records) == 3 and seen and not any(seen)
    assert gc.isenabled()
    with pytest.raises(ImportCancelled):
        parse_bytes(data, config(), cancelled=lambda: True)
    assert gc.isenabled()
    gc.disable()
    try:
        parse_bytes(data, config())
        assert not gc.isenabled()
    finally:
        gc.enable()
