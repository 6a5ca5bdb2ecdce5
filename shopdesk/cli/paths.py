"""`shopdesk paths [--json]`: where this computer keeps ShopDesk's files.

Runs without opening the register, so it answers when the register itself is what broke
(a damaged file, a newer version): the first thing support asks for. No Qt imported.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ..domain.text import is_english
from ..paths import CRASH_FILENAME, LOG_FILENAME, DataPaths, data_dir, log_dir, settings_file
from .common import emit_json

SCHEMA_VERSION = 1


def add_paths_parser(sub: argparse._SubParsersAction) -> None:
    """The `paths` subcommand (handled before the register is opened)."""
    p = sub.add_parser("paths", help="where the data, backups, evidence, logs and settings are")
    p.add_argument("--json", action="store_true")
    p.set_defaults(without_register=cmd_paths)


def folders(env: dict[str, str]) -> dict[str, str]:
    """Every folder and file a user or support may need, by a stable key."""
    data = DataPaths(data_dir(env))
    logs = log_dir(env)
    return {"data": str(data.root), "database": str(data.database),
            "backups": str(data.backups), "evidence": str(data.evidence), "logs": str(logs),
            "log_file": str(logs / LOG_FILENAME), "crash_file": str(logs / CRASH_FILENAME),
            "settings": str(settings_file(env))}


_LABELS = {"data": "数据文件夹", "database": "登记簿文件", "backups": "备份文件夹",
           "evidence": "证据文件夹", "logs": "日志文件夹", "log_file": "日志文件",
           "crash_file": "崩溃记录", "settings": "窗口设置"}


def cmd_paths(args: argparse.Namespace, env: dict[str, str], out: TextIO) -> int:
    found = folders(env)
    if args.json:
        data: dict[str, Any] = {"schema": SCHEMA_VERSION, **found}
        emit_json(out, data)
        return 0
    width = max(len(k) for k in found)
    chinese = not is_english(env.get("SHOPDESK_LANG"))
    for key, path in found.items():
        label = f"{key:<{width}}" + (f"  {_LABELS[key]}" if chinese else "")
        out.write(f"{label}  {path}\n")
    return 0
