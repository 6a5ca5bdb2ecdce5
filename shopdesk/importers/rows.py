"""A mapping bound to one header row, and the cell-by-cell reading of a data row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Any

from shopdesk.domain.enums import CaseKind
from shopdesk.domain.platform_state import STATE_TABLES, PlatformStateMap

from .cells import Cell, CellError, clean_text, parse_datetime, parse_identifier, parse_money
from .errors import RowError
from .mapping import FIELDS, ColumnMapping, FieldSpec, normalise_header, normalise_value

# A cell (and the row's values so far, which a converter may add to) -> the field's value.
Converter = Callable[[Cell, dict[str, object]], object]


@dataclass
class BoundMapping:
    """Where each mapped field sits in the file: field -> (column index, header text)."""

    mapping: ColumnMapping
    header_cells: list[str]
    index: dict[str, tuple[int, str]]
    missing: list[str]  # source headers the mapping names but the file lacks
    tz: tzinfo
    states: PlatformStateMap = field(default_factory=PlatformStateMap)
    _values: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _raw_columns: list[tuple[int, str]] = field(default_factory=list, repr=False)
    _specs: dict[str, FieldSpec] = field(default_factory=dict, repr=False)
    _converters: dict[str, Converter] = field(default_factory=dict, repr=False)
    _bound_columns: list[tuple[str, int, str, Converter, dict[str, object]]] | None \
        = field(default=None, repr=False)
    _last_pos: int = field(default=-1, repr=False)  # the last column read (_columns)
    # What readers of this file's rows remember between rows (refunds.py).
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def bind(cls, mapping: ColumnMapping, header_cells: Sequence[str], tz: tzinfo) -> BoundMapping:
        positions: dict[str, int] = {}
        raw_columns: list[tuple[int, str]] = []
        for i, header in enumerate(header_cells):
            key = normalise_header(header)
            if key and key not in positions:
                positions[key] = i
                raw_columns.append((i, header))
        index: dict[str, tuple[int, str]] = {}
        missing: list[str] = []
        for name, header in mapping.columns.items():
            pos = positions.get(normalise_header(header))
            if pos is None:
                missing.append(header)
            else:
                index[name] = (pos, header_cells[pos])
        # State tables say what the platform's words mean; the cell keeps the words.
        values = {name: {normalise_value(k): v for k, v in table.items()}
                  for name, table in mapping.values.items() if name not in STATE_TABLES}
        return cls(mapping=mapping, header_cells=list(header_cells), index=index,
                   missing=missing, tz=tz, states=PlatformStateMap.from_tables(mapping.values),
                   _values=values, _raw_columns=raw_columns,
                   _specs=FIELDS[mapping.record_type])

    def header_for(self, name: str) -> str:
        found = self.index.get(name)
        return found[1] if found else ""

    def raw(self, cells: Sequence[Cell]) -> dict[str, str]:
        """The row as the file had it, header -> text (first column of a repeated header)."""
        return raw_row(self._raw_columns, cells)

    @property
    def raw_columns(self) -> list[tuple[int, str]]:
        """(column, header) of every distinct header, for raw_row."""
        return self._raw_columns

    def value_of(self, name: str, cells: Sequence[Cell]) -> object:
        """One mapped field of a row, converted (None: the field has no column); raises
        CellError."""
        found = self.index.get(name)
        if found is None:
            return None
        pos = found[0]
        return self._converter(name)(cells[pos] if pos < len(cells) else None, {})

    def reader_of(self, name: str) -> Callable[[Sequence[Cell]], object]:
        """`value_of(name, cells)` with the column and converter looked up once (a
        re-import reads the refund number of every known row)."""
        found = self.index.get(name)
        if found is None:
            return lambda _cells: None
        pos, convert = found[0], self._converter(name)
        spec = self._specs[name]
        if spec.kind == "id" and not self._values.get(name):
            def read_id(cells: Sequence[Cell]) -> object:  # one call less per row
                return parse_identifier(cells[pos] if pos < len(cells) else None,
                                        spec.zh, spec.en)
            return read_id

        def read(cells: Sequence[Cell]) -> object:
            return convert(cells[pos] if pos < len(cells) else None, {})
        return read

    def read(self, number: int, cells: Sequence[Cell]) -> tuple[dict[str, object], list[RowError]]:
        """Every mapped field of one row, converted; problems become RowErrors."""
        errors: list[RowError] = []
        width = len(cells)
        columns = self._columns()
        try:
            # With every mapped column in the row: the cells read before first, in one
            # pass, then the others through their converters, in column order. (A
            # column's cache holds text cells only; no other cell equals a text. A cell
            # that cannot be hashed, or a short row, takes the loop below.)
            values = {name: seen.get(cells[pos], _MISSING)
                      for name, pos, _h, _c, seen in columns} \
                if width > self._last_pos else None
        except TypeError:
            values = None
        if values is not None:
            # (The convert-and-remember step is written out here and in the loop below,
            # not shared: a call per converted cell cost ~0.1-0.2 s of a 50,000-row read.)
            for name, pos, header, convert, seen in columns:
                if values[name] is not _MISSING:
                    continue
                raw = cells[pos]
                try:
                    value = values[name] = convert(raw, values)
                except CellError as exc:
                    del values[name]
                    errors.append(RowError(number, header, name, exc.zh, exc.en,
                                           clean_text(raw)))
                    continue
                if seen is not _UNCACHED and type(raw) is str:
                    if len(seen) >= _REMEMBER:
                        seen.clear()
                    seen[raw] = value
            return self._defaults(number, values, errors)
        values = {}
        for name, pos, header, convert, seen in columns:
            raw = cells[pos] if pos < width else None
            # A text cell this column read before (statuses, reasons, titles, amounts,
            # times repeat down an export): its value again, no converter call.
            if type(raw) is str:
                hit = seen.get(raw, _MISSING)
                if hit is not _MISSING:
                    values[name] = hit
                    continue
            try:
                value = values[name] = convert(raw, values)
            except CellError as exc:
                errors.append(RowError(number, header, name, exc.zh, exc.en, clean_text(raw)))
                continue
            if seen is not _UNCACHED and type(raw) is str:
                if len(seen) >= _REMEMBER:
                    seen.clear()
                seen[raw] = value
        return self._defaults(number, values, errors)

    def _defaults(self, number: int, values: dict[str, object], errors: list[RowError]
                  ) -> tuple[dict[str, object], list[RowError]]:
        """The mapping's defaults for the fields the row left empty."""
        for name, default in self.mapping.defaults.items():
            if values.get(name) in (None, "") and not any(e.field == name for e in errors):
                try:
                    values[name] = self._converter(name)(default, values)
                except CellError as exc:
                    errors.append(RowError(number, self.header_for(name), name, exc.zh, exc.en,
                                           default))
        return values, errors

    def _columns(self) -> list[tuple[str, int, str, Converter, dict[str, object]]]:
        """(field, column, header, converter, the values of text cells read so far) of
        every mapped column, made on first use: dispatching on the field's kind in every
        cell of every row was a fifth of a large import's reading time. Every converter
        but the phone's (it notes a masked number beside the value) depends on the cell
        alone, so its values are remembered; not those of numbers (one per row, each read
        about as fast as it is looked up): their "cache" is _UNCACHED, always empty."""
        if self._bound_columns is None:
            self._bound_columns = [
                (name, pos, header, self._converter(name),
                 _UNCACHED if self._specs[name].kind in ("phone", "id") else {})
                for name, (pos, header) in self.index.items()]
            self._last_pos = max((pos for pos, _header in self.index.values()), default=-1)
        return self._bound_columns

    def _converter(self, name: str) -> Converter:
        convert = self._converters.get(name)
        if convert is None:
            convert = self._converters[name] = self._make_converter(name, self._specs[name])
        return convert

    def _make_converter(self, name: str, spec: FieldSpec) -> Converter:
        convert = self._kind_converter(name, spec)
        table = self._values.get(name)
        if not table:
            return convert

        def mapped(raw: Cell, values: dict[str, object]) -> object:
            hit = table.get(normalise_value(clean_text(raw)))
            return convert(hit if hit is not None else raw, values)
        return mapped

    def _kind_converter(self, name: str, spec: FieldSpec) -> Converter:
        kind = spec.kind
        if kind == "text":
            return lambda raw, _values: clean_text(raw)
        if kind == "id":
            return lambda raw, _values: parse_identifier(raw, spec.zh, spec.en)
        if kind == "money":
            return _remembered(parse_money)
        if kind == "datetime":
            tz = self.tz
            return _remembered(lambda raw: parse_datetime(raw, tz))
        if kind == "phone":
            def phone(raw: Cell, values: dict[str, object]) -> object:
                text = clean_text(raw).lstrip("'`").strip()
                if "*" in text:  # masked by the platform: not a number anyone can call
                    values[f"{name}_masked"] = text
                    return ""
                return text
            return phone
        if kind == "case_kind":
            known: dict[str, str] = {}  # the file's wording -> kind, looked up once

            def case_kind(raw: Cell, _values: dict[str, object]) -> object:
                text = clean_text(raw)
                if not text:
                    return ""
                found = known.get(text)
                if found is None:
                    found = known[text] = self._case_kind(name, text)
                return found
            return case_kind
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover

    def _case_kind(self, name: str, text: str) -> str:
        try:
            return CaseKind.parse(text).value
        except ValueError:
            known = list(self.mapping.values.get(name, {}))
            zh = "、".join(known + [k.zh for k in CaseKind])
            en = ", ".join(known + [k.value for k in CaseKind])
            raise CellError(f"未知的售后类型：{text}（可填：{zh}）",
                            f"Unknown case kind: {text} (use one of: {en})") from None


def raw_row(columns: Sequence[tuple[int, str]], cells: Sequence[Cell]) -> dict[str, str]:
    """The row as the file had it, header -> text, for `columns` (BoundMapping.raw)."""
    out = {}
    width = len(cells)
    for i, header in columns:
        value = cells[i] if i < width else None
        out[header] = value if isinstance(value, str) else clean_text(value)
    return out


_MISSING = object()
# The cache of a column whose values are not remembered: never written, so never a hit.
_UNCACHED: dict[str, object] = {}
_REMEMBER = 4096  # distinct cells per column kept (a column of unique times stays small)


def _remembered(convert: Callable[[Cell], object]) -> Converter:
    """`convert` of a cell, remembered per distinct cell: a column of amounts or times
    repeats a few hundred values over 50,000 rows. Keyed by the cell's type too (True
    == 1 == 1.0 to a dict, not to the parsers); failures are not remembered."""
    seen: dict[tuple[type, Cell], object] = {}

    def converter(raw: Cell, _values: dict[str, object]) -> object:
        key = (type(raw), raw)
        try:
            return seen[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell: converted every time
            return convert(raw)
        value = convert(raw)
        if len(seen) >= _REMEMBER:
            seen.clear()
        seen[key] = value
        return value
    return converter
