"""Script tables <-> TOML and CSV text, for exporting and importing a shop's scripts.

Only conversion lives here: validation (parse + lint) and writing are the service's job.
TOML is written in the shipped files' own layout (`[[script]]` with dotted zh/en keys) so an
exported file can also be dropped into a script folder. CSV is for spreadsheets: one script
per row, list cells joined with "|".
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from collections.abc import Mapping
from typing import Any

from ..domain.scripts import ANY, Script, ScriptError, ScriptLibraryError

LIST_SEP = "|"
CSV_COLUMNS = ("id", "title_zh", "title_en", "kinds", "causes", "step", "channel", "audience",
               "tone_zh", "tone_en", "text_zh", "text_en", "customer_types", "tags",
               "facts_zh", "facts_en")
_OPTIONAL_COLUMNS = ("audience", "customer_types", "tags", "facts_zh", "facts_en")
_BITEXTS = ("title", "tone", "text")
_LISTS = ("kinds", "causes", "customer_types", "tags")


def script_to_dict(script: Script) -> dict[str, Any]:
    """The script as the table parse_script_dict reads (round-trips exactly)."""
    data: dict[str, Any] = {
        "id": script.id,
        "title": {"zh": script.title.zh, "en": script.title.en},
        "kinds": [k.value for k in script.kinds] or [ANY],
        "causes": [c.value for c in script.causes] or [ANY],
        "step": script.step.value,
        "channel": script.channel.value,
        "audience": script.audience.value,
        "tone": {"zh": script.tone.zh, "en": script.tone.en},
        "text": {"zh": script.text.zh, "en": script.text.en},
    }
    if script.customer_types:
        data["customer_types"] = [t.value for t in script.customer_types]
    if script.tags:
        data["tags"] = list(script.tags)
    if script.facts:
        data["facts"] = {"zh": [f.zh for f in script.facts], "en": [f.en for f in script.facts]}
    return data


# ------------------------------------------------------------------ TOML

def _toml_str(value: str) -> str:
    # JSON's string escapes are all valid TOML basic-string escapes; DEL is not allowed raw.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_str(str(v)) for v in value) + "]"
    return _toml_str(str(value))


def to_toml(scripts: list[Mapping[str, Any]]) -> str:
    """A TOML document with one [[script]] table per script."""
    out = ["# ShopDesk 话术导出 / script export", ""]
    for data in scripts:
        out.append("[[script]]")
        for key, value in data.items():
            if isinstance(value, Mapping):
                for lang, text in value.items():
                    out.append(f"{key}.{lang} = {_toml_value(text)}")
            else:
                out.append(f"{key} = {_toml_value(value)}")
        out.append("")
    return "\n".join(out)


def from_toml(text: str, source: str) -> list[tuple[int, object]]:
    """(1-based position, table) of every [[script]]; ScriptLibraryError on bad TOML."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScriptLibraryError([ScriptError(source, "", "", f"TOML 语法错误：{exc}",
                                              f"TOML syntax error: {exc}")]) from exc
    errors = [ScriptError(source, "", key, "未知的顶层字段（只允许 [[script]]）",
                          "unknown top-level key (only [[script]])")
              for key in sorted(set(doc) - {"script"})]
    tables = doc.get("script", [])
    if not isinstance(tables, list):
        errors.append(ScriptError(source, "", "script", "应为 [[script]] 表数组",
                                  "must be an array of [[script]] tables"))
    if errors:
        raise ScriptLibraryError(errors)
    return list(enumerate(tables, start=1))


# ------------------------------------------------------------------ CSV

def to_csv(scripts: list[Mapping[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for data in scripts:
        row = []
        for col in CSV_COLUMNS:
            name, _, lang = col.partition("_")
            if name == "facts":
                row.append(LIST_SEP.join(data.get("facts", {}).get(lang, [])))
            elif name in _BITEXTS and lang:
                row.append(data.get(name, {}).get(lang, ""))
            elif col in _LISTS:
                row.append(LIST_SEP.join(data.get(col, [])))
            else:
                row.append(data.get(col, ""))
        writer.writerow(row)
    return buf.getvalue()


def _row_to_dict(row: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for col in CSV_COLUMNS:
        cell = (row.get(col) or "").strip()
        name, _, lang = col.partition("_")
        if name == "facts":
            if cell:
                data.setdefault("facts", {})[lang] = [p.strip() for p in cell.split(LIST_SEP)]
        elif name in _BITEXTS and lang:
            data.setdefault(name, {})[lang] = cell
        elif col in _LISTS:
            items = [p.strip() for p in cell.split(LIST_SEP) if p.strip()]
            # Empty optional lists are simply absent; empty kinds/causes stay [] and are
            # refused by the parser with its own message.
            if items or col in ("kinds", "causes"):
                data[col] = items
        elif cell or col != "audience":
            data[col] = cell
    return data


def from_csv(text: str, source: str) -> list[tuple[int, object]]:
    """(spreadsheet row number, table) per data row; the header is row 1."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in header and c not in _OPTIONAL_COLUMNS]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        raise ScriptLibraryError([ScriptError(
            f"{source}:1", "", "header",
            f"表头缺少列 {missing}，未知列 {unknown}（应为 {', '.join(CSV_COLUMNS)}）",
            f"header is missing columns {missing}, unknown columns {unknown} "
            f"(expected {', '.join(CSV_COLUMNS)})")])
    reader.fieldnames = header
    rows: list[tuple[int, object]] = []
    for raw in reader:
        if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
            continue  # blank line in a spreadsheet
        rows.append((reader.line_num, _row_to_dict(raw)))
    return rows


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GBK: what Excel in China saves."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")
