"""Everything an import needs from the shipped data folder, loaded once and passed in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .presets import Preset, load_presets
from .reasons import ReasonMap


@dataclass(frozen=True)
class ImportConfig:
    """Presets and the reason map. Nothing is located at import time: pass the folder."""

    presets: tuple[Preset, ...]
    reasons: ReasonMap

    @classmethod
    def load(cls, folder: Path | str) -> ImportConfig:
        """`folder` is resources/importers: presets/*.toml and reason_map.toml."""
        folder = Path(folder)
        return cls(presets=load_presets(folder / "presets"),
                   reasons=ReasonMap.load(folder / "reason_map.toml"))

    def preset(self, key: str) -> Preset:
        for preset in self.presets:
            if preset.key == key:
                return preset
        known = ", ".join(p.key for p in self.presets)
        raise KeyError(f"unknown preset {key!r} (known: {known})")
