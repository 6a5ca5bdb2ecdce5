"""The public entry: a platform export file -> ParseResult (records + row errors).

Nothing a file contains makes these functions raise: a file that cannot be read at
all comes back as `ParseResult.file_error`. The only exception that escapes is
ImportCancelled, when the caller's `cancelled()` says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import chain, islice
from pathlib import Path
from zoneinfo import ZoneInfo

from shopdesk import __version__
from shopdesk.domain.clock import SHOP_TZ_DEFAULT
from shopdesk.domain.enums import Platform
from shopdesk.domain.gc_pause import no_cyclic_gc

from .cells import Cell, clean_text, is_blank
from .config import ImportConfig
from .errors import CellError, FileError, ImportCancelled, RowError
from .mapping import FIELDS, REQUIRED_FIELDS, ColumnMapping, RecordType, normalise_header
from .orders import OrderRecord, convert_order_row
from .presets import NearMiss, Preset, detect_preset, near_miss
from .readers import Row, Source, Table, open_source
from .refunds import RefundRecord, convert_refund_row
from .rows import BoundMapping

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
# (Row hashes, the file's record type) -> those whose case (or order) is still as the
# import of that very row left it.
KnownFn = Callable[[list[str], RecordType], Collection[str]]

HEADER_SCAN_ROWS = 30  # the header must be within the first rows (title lines allowed)
_CHECK_EVERY = 256  # rows between progress reports / cancellation checks
_KNOWN_BATCH = 500  # row hashes per `known` lookup
# Part of every row hash: bump it when the same cells and mapping would convert differently,
# or would be applied differently (services' plan_refunds, order_from_record and the order
# merge): a stored hash stands for what the import of its row did.
ROW_HASH_VERSION = 2


@dataclass
class KnownRow:
    """A row skipped before conversion: the same cells, read by the same mapping, as the
    row its case (or order) was last imported from (see parse_file's `known`)."""

    row_number: int
    row_hash: str
    cells: list[Cell] = field(repr=False)
    key: str = ""  # its refund (or order) number, the one cell read


@dataclass
class ParseResult:
    """What came out of one file. Check `file_error` first: when set, nothing else counts."""

    preset: str | None = None  # key of the preset used; None for a custom mapping
    record_type: RecordType | None = None
    platform: Platform | None = None
    mapping: ColumnMapping | None = None  # the mapping actually applied (can be saved)
    records: list[RefundRecord] = field(default_factory=list)
    orders: list[OrderRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    total_rows: int = 0  # non-blank data rows after the header
    file_error: FileError | None = None
    headers: list[str] = field(default_factory=list)  # header row (a best guess on failure)
    header_row: int | None = None
    table: str | None = None  # worksheet name, or the CSV delimiter ("comma", "tab" ...)
    file_kind: str | None = None  # "csv" or "xlsx"
    encoding: str | None = None
    missing_columns: list[str] = field(default_factory=list)  # mapped headers not in file
    known: list[KnownRow] = field(default_factory=list)  # rows skipped as unchanged
    known_as_of: object = None  # the caller's mark of when `known` answered (opaque here)
    sha256: str | None = None  # of the file's bytes: the import history knows it again
    _convert: Callable[[int, list[Cell], str], tuple[RefundRecord | OrderRecord | None,
                                                      list[RowError]]] \
        | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.file_error is None

    @property
    def error_rows(self) -> list[int]:
        """Row numbers with at least one problem, in order."""
        return sorted({e.row_number for e in self.errors})

    def convert_known(self, rows: Iterable[KnownRow]) -> tuple[
            list[RefundRecord] | list[OrderRecord], list[RowError]]:
        """Convert skipped rows after all (their case or order changed since the file was
        read): records of the file's type (refunds or orders)."""
        records: list = []
        errors: list[RowError] = []
        for row in rows:
            assert self._convert is not None
            record, problems = self._convert(row.row_number, row.cells, row.row_hash)
            if record is not None:
                records.append(record)
            errors.extend(problems)
        return records, errors


def parse_file(path: str | Path, config: ImportConfig, *, preset: str | None = None,
               mapping: ColumnMapping | None = None, tz: str = SHOP_TZ_DEFAULT,
               progress: ProgressFn | None = None, cancelled: CancelledFn | None = None,
               known: KnownFn | None = None) -> ParseResult:
    """Parse a CSV/XLSX export. `preset` forces a preset by key; `mapping` uses a custom
    column mapping instead of presets; neither: the preset is detected from the header.

    `known`: given, every record gets its `row_hash` (the cells and what reads them), and
    rows whose hash `known(hashes, record_type)` returns are not converted: they go to
    `result.known` (the register's importer skips rows an import already applied to a case
    or an order unchanged since).

    Raises only ImportCancelled, and ValueError/KeyError for bad arguments (both `preset`
    and `mapping`, an unknown preset key) — never for what the file contains.
    """
    _check_arguments(config, preset, mapping)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return ParseResult(file_error=_unreadable(Path(path), exc))
    return parse_bytes(data, config, preset=preset, mapping=mapping, tz=tz,
                       progress=progress, cancelled=cancelled, known=known)


def _unreadable(path: Path, exc: OSError) -> FileError:
    """The file named, and why in the user's words (the system's reason is English)."""
    if isinstance(exc, FileNotFoundError):
        zh, en = "文件不存在", "there is no such file"
    elif isinstance(exc, IsADirectoryError) or path.is_dir():
        # (Windows refuses to open a folder with "permission denied", not this error.)
        zh, en = "这是一个文件夹，不是文件", "it is a folder, not a file"
    elif isinstance(exc, PermissionError):
        zh, en = ("没有读取权限（文件可能正被 Excel 打开）",
                  "not allowed to read it (open in Excel?)")
    else:
        zh = en = str(exc.strerror or exc)
    return FileError("unreadable", f"无法打开文件 {path}：{zh}",
                     f"Cannot open the file {path}: {en}")


def parse_bytes(data: bytes, config: ImportConfig, *, preset: str | None = None,
                mapping: ColumnMapping | None = None, tz: str = SHOP_TZ_DEFAULT,
                progress: ProgressFn | None = None, cancelled: CancelledFn | None = None,
                known: KnownFn | None = None) -> ParseResult:
    """Like parse_file, for the file's bytes."""
    with no_cyclic_gc():
        return _parse_bytes(data, config, preset=preset, mapping=mapping, tz=tz,
                            progress=progress, cancelled=cancelled, known=known)


def _parse_bytes(data: bytes, config: ImportConfig, *, preset: str | None,
                 mapping: ColumnMapping | None, tz: str, progress: ProgressFn | None,
                 cancelled: CancelledFn | None, known: KnownFn | None) -> ParseResult:
    _check_arguments(config, preset, mapping)
    result = ParseResult(sha256=hashlib.sha256(data).hexdigest())
    source: Source | None = None
    try:
        source = open_source(bytes(data))
        result.file_kind, result.encoding = source.kind, source.encoding
        _Parser(config, result, preset=preset, mapping=mapping, tz=ZoneInfo(tz),
                progress=progress, cancelled=cancelled, known=known).run(source)
    except ImportCancelled:
        raise
    except FileError as exc:
        _fail(result, exc)
    except Exception as exc:  # a bug in here must not take the caller's window down
        _fail(result, FileError("internal", f"读取文件时出现内部错误：{exc!r}",
                                f"Internal error while reading the file: {exc!r}"))
    finally:
        if source is not None:
            with contextlib.suppress(Exception):  # closing a broken zip
                source.close()
    return result


def _check_arguments(config: ImportConfig, preset: str | None,
                     mapping: ColumnMapping | None) -> None:
    if preset is not None and mapping is not None:
        raise ValueError("give either a preset or a mapping, not both")
    if preset is not None:
        config.preset(preset)  # KeyError for an unknown key


def _fail(result: ParseResult, error: FileError) -> None:
    result.file_error = error
    result.records, result.orders, result.errors, result.total_rows = [], [], [], 0
    result.known = []


@dataclass
class _Header:
    table: Table
    row_number: int
    cells: list[str]
    rows: Iterator[Row]  # the data rows after the header
    mapping: ColumnMapping
    preset: Preset | None


class _Parser:
    def __init__(self, config: ImportConfig, result: ParseResult, *, preset: str | None,
                 mapping: ColumnMapping | None, tz: ZoneInfo, progress: ProgressFn | None,
                 cancelled: CancelledFn | None, known: KnownFn | None = None) -> None:
        self.config = config
        self.result = result
        self.presets = (config.preset(preset),) if preset else config.presets
        self.all_presets = config.presets
        self.custom = mapping
        self.tz = tz
        self.progress = progress or (lambda done, total: None)
        self.cancelled = cancelled or (lambda: False)
        self.known = known

    def check_cancelled(self) -> None:
        if self.cancelled():
            raise ImportCancelled()

    # -- finding the header -------------------------------------------------------------
    def find_header(self, source: Source) -> _Header:
        best: tuple[tuple[int, int, int], _Header] | None = None
        first_error: FileError | None = None
        guess: list[str] = []
        miss: NearMiss | None = None
        for t_index, table in enumerate(source.tables):
            rows = table.rows()
            try:
                head = list(islice(rows, HEADER_SCAN_ROWS))
            except FileError as exc:
                first_error = first_error or exc
                continue
            for position, (number, cells) in enumerate(head):
                texts = [clean_text(c) for c in cells]
                filled = sum(1 for t in texts if t)
                if not filled:
                    continue
                if t_index == 0 and filled > sum(1 for t in guess if t):
                    guess = texts
                found = self._match(texts)
                if found is None:
                    if self.custom is None:
                        close = near_miss(texts, self.presets, self.all_presets)
                        if close is not None and (miss is None or close.hits > miss.hits):
                            miss = close
                    continue
                score, mapping, preset = found
                rank = (score, -t_index, -number)
                if best is None or rank > best[0]:
                    rest = chain(head[position + 1:], rows)
                    best = (rank, _Header(table, number, texts, rest, mapping, preset))
        if best is not None:
            return best[1]
        self.result.headers = guess
        if first_error is not None and not guess:
            raise first_error
        if self.custom is not None:
            wanted = "、".join(self.custom.columns.values())
            raise FileError(
                "no_header",
                f"在文件前{HEADER_SCAN_ROWS}行里找不到映射所需的表头（{wanted}），"
                "至少要有订单号那一列。",
                f"No header row with the mapped columns ({wanted}) in the first "
                f"{HEADER_SCAN_ROWS} rows; the order number column at least is required.")
        if miss is not None:
            raise _missing_required(miss)
        names = "、".join(p.name_zh for p in self.presets)
        raise FileError(
            "no_header",
            f"无法识别表头：文件前{HEADER_SCAN_ROWS}行里没有可识别的列名（已尝试：{names}）。"
            "请选择预设，或为这个文件设置自定义列映射。",
            f"Header not recognised: no known column names in the first {HEADER_SCAN_ROWS} "
            f"rows (tried: {', '.join(p.name_en for p in self.presets)}). Pick a preset or "
            "set up a custom column mapping for this file.")

    def _match(self, texts: list[str]) -> tuple[int, ColumnMapping, Preset | None] | None:
        if self.custom is not None:
            present = {normalise_header(t) for t in texts}
            needed = [self.custom.columns.get(f) for f in REQUIRED_FIELDS[
                self.custom.record_type]]
            if any(h is None or normalise_header(h) not in present for h in needed):
                return None
            score = sum(1 for h in self.custom.columns.values()
                        if normalise_header(h) in present)
            return score, self.custom, None
        match = detect_preset(texts, self.presets)
        if match is None:
            return None
        return match.score, match.preset.resolve(texts), match.preset

    # -- reading the rows ---------------------------------------------------------------
    def run(self, source: Source) -> None:
        self.check_cancelled()
        header = self.find_header(source)
        result = self.result
        mapping = header.mapping
        bound = BoundMapping.bind(mapping, header.cells, self.tz)
        result.preset = header.preset.key if header.preset else None
        result.record_type = mapping.record_type
        result.platform = mapping.platform
        result.mapping = mapping
        result.headers = header.cells
        result.header_row = header.row_number
        result.table = header.table.name
        result.missing_columns = bound.missing
        self._check_columns(bound)

        header_key = [normalise_header(c) for c in header.cells]
        first_key = next((i for i, k in enumerate(header_key) if k), None)
        # A cell with a digit is not that header (the usual refund number): no cleaning.
        digitless = first_key is not None and not _ASCII_DIGIT.search(header_key[first_key])
        refunds = mapping.record_type is RecordType.REFUND
        rows = _Rows(result, bound, self.config, refunds)
        if self.known is not None and rows.key_field not in mapping.defaults:
            rows.hasher = _row_hasher(bound, self.config, str(self.tz))
        pending: list[tuple[int, list[Cell]]] = []
        order_at = bound.index["order_no"][0] if "order_no" in bound.index else None
        total = max(header.table.estimated_rows - header.row_number, 0)
        done = 0
        self.progress(0, total)
        for number, cells in header.rows:
            done += 1
            if done % _CHECK_EVERY == 0:
                self.check_cancelled()
                total = max(total, done)
                self.progress(done, total)
            lead = cells[first_key] if first_key is not None and first_key < len(cells) \
                else None
            # The usual row: a digit in the first column (the refund number) means neither
            # a blank row nor the header again; only other rows take the full checks.
            if not (isinstance(lead, str) and _ASCII_DIGIT.search(lead)):
                if _row_is_blank(cells) or _row_is_total(cells, order_at):
                    continue
                if (len(cells) == len(header_key) and first_key is not None
                        and normalise_header(clean_text(lead)) == header_key[first_key]
                        and [normalise_header(clean_text(c)) for c in cells] == header_key):
                    continue  # the header repeated (files glued together)
            elif not digitless and len(cells) == len(header_key) \
                    and [normalise_header(clean_text(c)) for c in cells] == header_key:
                continue  # the header repeated (a header with a digit in its first column)
            result.total_rows += 1
            if rows.hasher is None:
                rows.convert(number, cells)
                continue
            pending.append((number, cells))
            if len(pending) >= _KNOWN_BATCH:
                self._flush(rows, pending)
                pending = []
        self._flush(rows, pending)
        self.check_cancelled()
        self.progress(done, done)

    def _flush(self, rows: _Rows, pending: list[tuple[int, list[Cell]]]) -> None:
        """Hash a batch of rows, ask which are known, convert the others (in file order)."""
        if not pending:
            return
        assert rows.hasher is not None and self.known is not None
        hashes = [rows.hasher(cells) for _, cells in pending]
        hits = self.known(hashes, rows.bound.mapping.record_type)
        for (number, cells), row_hash in zip(pending, hashes, strict=True):
            if row_hash in hits:
                rows.skip(number, cells, row_hash)
            else:
                rows.convert(number, cells, row_hash)

    def _check_columns(self, bound: BoundMapping) -> None:
        mapping = bound.mapping
        specs = FIELDS[mapping.record_type]
        lacking = [f for f in REQUIRED_FIELDS[mapping.record_type] if f not in bound.index]
        if mapping.record_type is RecordType.REFUND and "kind" not in bound.index \
                and "kind" not in mapping.defaults:
            lacking.append("kind")
        if lacking:
            zh = "、".join(specs[f].zh for f in lacking)
            en = ", ".join(specs[f].en for f in lacking)
            raise FileError(
                "missing_columns",
                f"缺少必需的列：{zh}。请在列映射中指定这些列（售后类型也可以设默认值）。",
                f"Required columns missing: {en}. Map them to columns (the case kind may "
                "also have a default).")


_ASCII_DIGIT = re.compile("[0-9]")


def _missing_required(miss: NearMiss) -> FileError:
    """A platform's export with a required column deleted (or renamed): say which."""
    if len(miss.presets) == 1:
        preset = miss.presets[0]
        zh = "、".join("“" + "”或“".join(preset.columns[f]) + "”" for f in miss.lacking)
        en = ", ".join(" or ".join(f'"{h}"' for h in preset.columns[f]) for f in miss.lacking)
        what_zh, what_en = preset.name_zh, f"a {preset.name_en}"
    else:  # exports alike (Douyin's and Kuaishou's): the fields by their own names
        specs = FIELDS[miss.presets[0].record_type]
        zh = "、".join(specs[f].zh for f in miss.lacking)
        en = ", ".join(specs[f].en for f in miss.lacking)
        what_zh = "或".join(p.name_zh for p in miss.presets)
        what_en = " or ".join(f"a {p.name_en}" for p in miss.presets)
    return FileError(
        "missing_columns",
        f"这个文件像是{what_zh}，但缺少必需的列：{zh}。请从平台重新导出完整的表格，"
        "或为这个文件设置自定义列映射。",
        f"This file looks like {what_en} but lacks required columns: {en}. Export the "
        "full table from the platform again, or set up a custom column mapping for it.")


# A spreadsheet's totals row under the table (合计 / 总计 …, with the sums).
_TOTAL = re.compile(r"^\s*(合计|总计|小计|共计|汇总|total|sum)\s*[:：]?", re.IGNORECASE)


def _row_is_total(cells: list[Cell], order_at: int | None) -> bool:
    """A totals row: its first filled cell says 合计 (or 总计, Total …) and it names no
    order (no digit where the order number goes)."""
    lead = next((c for c in cells if not (c is None or (isinstance(c, str)
                                                          and not c.strip()))), None)
    if not isinstance(lead, str) or not _TOTAL.match(lead):
        return False
    order = cells[order_at] if order_at is not None and order_at < len(cells) else None
    return not (order is not None and _ASCII_DIGIT.search(str(order)))


def _row_is_blank(cells: list[Cell]) -> bool:
    for cell in cells:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        if isinstance(cell, str) and _ASCII_DIGIT.search(cell):
            return False  # cleaning keeps digits, and no empty word has one
        if not is_blank(cell):
            return False
    return True


class _Rows:
    """Converts data rows into the result, refusing a repeated refund / order number."""

    def __init__(self, result: ParseResult, bound: BoundMapping, config: ImportConfig,
                 refunds: bool) -> None:
        self.result = result
        self.bound = bound
        self.reasons = config.reasons
        self.refunds = refunds
        self.key_field = "refund_no" if refunds else "order_no"
        self.seen: dict[str, int] = {}
        self.hasher: Callable[[list[Cell]], str] | None = None
        self.key_of = bound.reader_of(self.key_field)
        result._convert = self.refund if refunds else self.order

    def refund(self, number: int, cells: list[Cell],
               row_hash: str) -> tuple[RefundRecord | None, list[RowError]]:
        record, errors = convert_refund_row(number, cells, self.bound, self.reasons)
        if record is not None:
            record.row_hash = row_hash
        return record, errors

    def order(self, number: int, cells: list[Cell],
              row_hash: str) -> tuple[OrderRecord | None, list[RowError]]:
        record, errors = convert_order_row(number, cells, self.bound)
        if record is not None:
            record.row_hash = row_hash
        return record, errors

    def convert(self, number: int, cells: list[Cell], row_hash: str = "") -> None:
        result, key_field = self.result, self.key_field
        record: RefundRecord | OrderRecord | None
        if self.refunds:
            record, errors = self.refund(number, cells, row_hash)
        else:
            record, errors = self.order(number, cells, row_hash)
        if record is not None:
            key = getattr(record, key_field)
            if key and key in self.seen:
                spec = FIELDS[self.bound.mapping.record_type][key_field]
                errors = [RowError(
                    number, self.bound.header_for(key_field), key_field,
                    f"{spec.zh}与第{self.seen[key]}行重复：{key}",
                    f"{spec.en} repeats row {self.seen[key]}: {key}", key)]
                record = None
            elif key:
                self.seen[key] = number
        if record is None:
            result.errors.extend(errors)
        elif self.refunds:
            result.records.append(record)  # type: ignore[arg-type]
        else:
            result.orders.append(record)  # type: ignore[arg-type]

    def skip(self, number: int, cells: list[Cell], row_hash: str) -> None:
        """A known row: only its refund (or order) number is read (a repeat in the file is
        still refused, as the full conversion would)."""
        try:
            key = str(self.key_of(cells) or "").strip()
        except CellError:
            key = None
        if key is None or (key and key in self.seen):
            self.convert(number, cells, row_hash)
            return
        if key:
            self.seen[key] = number
        self.result.known.append(KnownRow(number, row_hash, cells, key))


def _row_hasher(bound: BoundMapping, config: ImportConfig,
                tz: str) -> Callable[[list[Cell]], str]:
    """A row's hash: its cells plus everything that decides what they convert to (the
    mapping with its value tables, the header, the shop's zone, the reason map, the
    version of this code)."""
    reading = repr((ROW_HASH_VERSION, __version__,
                    json.dumps(bound.mapping.to_dict(), sort_keys=True, ensure_ascii=False),
                    bound.header_cells, tz, bound.states, config.reasons))
    prefix = blake2b(reading.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def row_hash(cells: list[Cell]) -> str:
        return blake2b(prefix + repr(cells).encode("utf-8", "surrogatepass"),
                       digest_size=16).hexdigest()
    return row_hash
