"""Exporting the shop's scripts and importing them again, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.scripts import Script, ScriptError, ScriptLibraryError
from ..domain.scripts.origin import ScriptOrigin
from . import scripts_io

if TYPE_CHECKING:
    from .scripts import ScriptService


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    edited_shipped: int


def _fmt(path: Path) -> str:
    return "csv" if path.suffix.lower() == ".csv" else "toml"


class ScriptTransfer:
    """Export / import for one ScriptService (validation and writes go through it)."""

    def __init__(self, service: ScriptService) -> None:
        self.svc = service

    def exportable(self) -> list[dict[str, Any]]:
        """The shop's own scripts and its edits of shipped ones, as tables."""
        return [scripts_io.script_to_dict(s) for s in self.svc.library()
                if self.svc.origin(s.id) is not ScriptOrigin.SHIPPED]

    def export_text(self, fmt: str) -> str:
        data = self.exportable()
        return scripts_io.to_csv(data) if fmt == "csv" else scripts_io.to_toml(data)

    def export_file(self, path: Path) -> int:
        """Write TOML or CSV (by suffix); returns how many scripts."""
        path = Path(path)
        fmt = _fmt(path)
        # A BOM so Excel opens the Chinese text of a CSV correctly.
        path.write_text(self.export_text(fmt), encoding="utf-8-sig" if fmt == "csv" else "utf-8",
                        newline="")
        return len(self.exportable())

    def import_file(self, path: Path, actor: str) -> ImportResult:
        path = Path(path)
        return self.import_text(scripts_io.decode(path.read_bytes()), _fmt(path), actor,
                                source=path.name)

    def import_text(self, text: str, fmt: str, actor: str, *,
                    source: str = "") -> ImportResult:
        """Import scripts all-or-nothing; ScriptLibraryError names row, script and field.

        A script with a shipped id becomes the shop's edit of it; any other id is a shop
        script (added, or updated when it exists).
        """
        source = source or f"import.{fmt}"
        rows = (scripts_io.from_csv(text, source) if fmt == "csv"
                else scripts_io.from_toml(text, source))
        errors: list[ScriptError] = []
        parsed: list[Script] = []
        seen: dict[str, str] = {}
        for n, data in rows:
            # CSV errors name the spreadsheet line; TOML ones the script id (or #n).
            where = f"{source}:{n}" if fmt == "csv" else source
            try:
                script = self.svc.validate(data, source=where, index=n)  # type: ignore[arg-type]
            except ScriptLibraryError as exc:
                errors.extend(exc.errors)
                continue
            if script.id in seen:
                errors.append(ScriptError(where, script.id, "id", f"与 {seen[script.id]} 重复",
                                          f"duplicates {seen[script.id]}"))
                continue
            seen[script.id] = where if fmt == "csv" else f"#{n}"
            parsed.append(script)
        if errors:
            raise ScriptLibraryError(errors)
        return self._write(parsed, actor)

    def _write(self, scripts: list[Script], actor: str) -> ImportResult:
        svc = self.svc
        now = svc.clock.now()
        added = updated = edited = 0
        with svc.db.atomic():
            for script in scripts:
                clean = scripts_io.script_to_dict(script)
                if script.id in svc.catalog.library:
                    svc.store.set_override(script.id, clean, now, actor)
                    edited += 1
                elif svc.store.shop_script_state(script.id) == "live":
                    svc.store.update_shop_script(script.id, clean)
                    updated += 1
                else:
                    svc.store.put_shop_script(script.id, clean, now, actor)
                    added += 1
                svc.audit_change(now, actor, "import", script.id, None, clean)
        svc.reload()
        return ImportResult(added, updated, edited)
