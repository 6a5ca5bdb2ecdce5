"""Shared by the import tests: a GBK Taobao refund export on disk, and reading + applying it."""

from __future__ import annotations

from pathlib import Path

from shopdesk.services.imports import ImportService
from tests.importers.helpers import TAOBAO_REFUND_HEADER, csv_bytes


def write_refunds(tmp_path: Path, rows: list[list[object]], name: str = "refunds.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes([TAOBAO_REFUND_HEADER, *rows], "gbk"))
    return path


def run(service: ImportService, path: Path, **kw):
    parsed = service.read(path)
    return service.apply(parsed, path.name, "小王", **kw)
