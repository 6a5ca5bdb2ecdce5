"""Platform export files (CSV/XLSX, GBK/UTF-8) -> clean records + row-level errors.

No Qt and no database here. Typical use::

    config = ImportConfig.load(resources / "importers")
    result = parse_file(path, config, progress=report, cancelled=should_stop)
    if result.file_error: show(result.file_error.message())
    else: preview(result.records or result.orders, result.errors)
"""

from __future__ import annotations

from .config import ImportConfig
from .errors import FileError, ImportCancelled, RowError
from .mapping import (
    ORDER_FIELDS,
    REFUND_FIELDS,
    ColumnMapping,
    MappingError,
    RecordType,
)
from .orders import OrderRecord
from .parser import KnownRow, ParseResult, parse_bytes, parse_file
from .presets import Preset, PresetMatch, detect_preset, load_presets
from .reasons import ReasonMap
from .refunds import RefundRecord

__all__ = [
    "ORDER_FIELDS",
    "REFUND_FIELDS",
    "ColumnMapping",
    "FileError",
    "ImportCancelled",
    "ImportConfig",
    "KnownRow",
    "MappingError",
    "OrderRecord",
    "ParseResult",
    "Preset",
    "PresetMatch",
    "ReasonMap",
    "RecordType",
    "RefundRecord",
    "RowError",
    "detect_preset",
    "load_presets",
    "parse_bytes",
    "parse_file",
]
