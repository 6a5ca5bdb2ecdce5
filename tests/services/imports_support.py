"""Shared by the import tests: a GBK Taobao refund export on disk, and reading + applying it."""

from __future__ import annotations

from pathlib import Path

from shopdesk.services.imports import ImportService
from tests.importers.helpers import TAOBAO_REFUND_HEADER, csv_bytes


def write_refunds(tmp_path: Path, rows: list[list[object]], name: str = "refunds.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    return path


def write_refunds_with_nicks(tmp_path: Path, rows: list[list[object]], nicks: list[str],
                             name: str = "refunds.csv") -> Path:
    """The Taobao export with its optional 买家会员名 column, one nick per row."""
    path = tmp_path / name
    header = [*TAOBAO_REFUND_HEADER, "买家会员名"]
    path.write_bytes(csv_bytes([header, *[[*row, nick] for row, nick in
                                          zip(rows, nicks, strict=True)]], "gbk"))
    return path


def run(service: ImportService, path: Path, **kw):
    parsed = service.read(path)
    return service.apply(parsed, path.name, "小王", **kw)
