"""A mapping bound to one header row, and the cell-by-cell reading of a data row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import tzinfo

from shopdesk.domain.enums import CaseKind
from shopdesk.domain.platform_state import STATE_TABLES, PlatformStateMap

from .cells import Cell, CellError, clean_text, parse_datetime, parse_identifier, parse_money
from .errors import RowError
from .mapping import FIELDS, ColumnMapping, FieldSpec, normalise_header, normalise_value


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
        out = {}
        width = len(cells)
        for i, header in self._raw_columns:
            value = cells[i] if i < width else None
            out[header] = value if isinstance(value, str) else clean_text(value)
        return out

    def read(self, number: int, cells: Sequence[Cell]) -> tuple[dict[str, object], list[RowError]]:
        """Every mapped field of one row, converted; problems become RowErrors."""
        values: dict[str, object] = {}
        errors: list[RowError] = []
        width = len(cells)
        for name, (pos, header) in self.index.items():
            raw = cells[pos] if pos < width else None
            try:
                values[name] = self._convert(name, self._specs[name], raw, values)
            except CellError as exc:
                errors.append(RowError(number, header, name, exc.zh, exc.en, clean_text(raw)))
        for name, default in self.mapping.defaults.items():
            if values.get(name) in (None, "") and not any(e.field == name for e in errors):
                try:
                    values[name] = self._convert(name, self._specs[name], default, values)
                except CellError as exc:
                    errors.append(RowError(number, self.header_for(name), name, exc.zh, exc.en,
                                           default))
        return values, errors

    def _convert(self, name: str, spec: FieldSpec, raw: Cell, values: dict[str, object]) -> object:
        table = self._values.get(name)
        if table:
            mapped = table.get(normalise_value(clean_text(raw)))
            if mapped is not None:
                raw = mapped
        kind = spec.kind
        if kind == "text":
            return clean_text(raw)
        if kind == "id":
            return parse_identifier(raw, spec.zh, spec.en)
        if kind == "money":
            return parse_money(raw)
        if kind == "datetime":
            return parse_datetime(raw, self.tz)
        if kind == "phone":
            text = clean_text(raw).lstrip("'`").strip()
            if "*" in text:  # masked by the platform: not a number anyone can call
                values[f"{name}_masked"] = text
                return ""
            return text
        if kind == "case_kind":
            text = clean_text(raw)
            if not text:
                return ""
            try:
                return CaseKind.parse(text).value
            except ValueError:
                known = list(self.mapping.values.get(name, {}))
                zh = "、".join(known + [k.zh for k in CaseKind])
                en = ", ".join(known + [k.value for k in CaseKind])
                raise CellError(f"未知的售后类型：{text}（可填：{zh}）",
                                f"Unknown case kind: {text} (use one of: {en})") from None
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover
