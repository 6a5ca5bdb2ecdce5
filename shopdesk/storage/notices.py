"""What the register's storage tells the user without failing: it opened and works, but
something about where it lives matters (for now: the WAL journal was refused)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.text import Bilingual


@dataclass(frozen=True)
class StorageNotice(Bilingual):
    """Something about where the register lives that the user should know (not an error:
    the register opened and works)."""

    zh: str
    en: str


def journal_notice(mode: str, path: Path) -> StorageNotice | None:
    """None when SQLite took the WAL journal; else what working without it means.

    SQLite keeps the old mode (`delete`) where the file system cannot share the WAL's
    memory index: some network shares and special file systems. The register still
    works, but a reader then blocks the writer: the window's background work and other
    programs wait for each other, and a busy register is reported more often.
    """
    if mode.lower() == "wal":
        return None
    return StorageNotice(
        f"数据文件夹 {path.parent} 所在的磁盘不支持 SQLite 的 WAL 日志（现为 {mode} 模式），"
        "登记簿仍可使用，但读写会互相等待，更常出现“登记簿正忙”。请把数据文件夹放在本机磁盘"
        "上；多台电脑共用请用团队模式。",
        f"The drive of the data folder {path.parent} does not support SQLite's WAL journal "
        f"(the {mode} journal is used). The register still works, but reads and writes "
        "wait for each other and a busy register is reported more often. Keep the data "
        "folder on a local disk; to share it between computers use team mode.")
