"""The evidence checklist per cause: shipped in resources/, overridable in the data folder.

The shipped file is resources/evidence/checklist.toml. A shop can copy it to
``<data folder>/evidence_checklist.toml`` and edit it: causes listed there replace
the shipped lists for those causes; causes it leaves out keep the shipped list.
Files are re-read when they change (by modification time), so an edit shows up
without restarting.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..domain.enums import Cause
from ..domain.evidence import ChecklistError, Requirement, parse_checklist
from ..paths import resource_path

OVERRIDE_NAME = "evidence_checklist.toml"

Checklist = dict[Cause, tuple[Requirement, ...]]


def shipped_checklist_path() -> Path:
    return resource_path("evidence", "checklist.toml")


def load_checklist_file(path: Path) -> Checklist:
    """Parse one checklist file; ChecklistError names the file and the key at fault."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ChecklistError(str(path), "-", "找不到文件", "file not found") from None
    except OSError as exc:
        raise ChecklistError(str(path), "-", f"无法读取（{exc.strerror}）",
                             f"cannot read it ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(str(path), "TOML", f"格式错误：{exc}", f"not valid TOML: {exc}"
                             ) from None
    except UnicodeDecodeError:
        raise ChecklistError(str(path), "TOML", "文件须为 UTF-8 编码",
                             "the file must be UTF-8") from None
    return parse_checklist(data, str(path))


class ChecklistSource:
    """The effective checklist: shipped lists, with the data folder's override on top."""

    def __init__(self, override: Path | None = None, shipped: Path | None = None) -> None:
        self.override = override
        self.shipped = shipped or shipped_checklist_path()
        self._cache: dict[Path, tuple[int, Checklist]] = {}

    def _load(self, path: Path) -> Checklist:
        stamp = path.stat().st_mtime_ns
        cached = self._cache.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        checklist = load_checklist_file(path)
        self._cache[path] = (stamp, checklist)
        return checklist

    def checklist(self) -> Checklist:
        """Every cause's requirements; ChecklistError when a file is broken."""
        try:
            merged = dict(self._load(self.shipped))
        except FileNotFoundError:
            raise ChecklistError(str(self.shipped), "-", "找不到文件", "file not found"
                                 ) from None
        if self.override is not None and self.override.is_file():
            merged.update(self._load(self.override))
        return merged

    def requirements(self, cause: Cause | None) -> tuple[Requirement, ...]:
        """What to collect for `cause`; a case without a cause uses the 'unclear' list."""
        return self.checklist().get(cause or Cause.UNCLEAR, ())
