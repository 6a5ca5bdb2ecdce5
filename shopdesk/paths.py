"""Where ShopDesk keeps its data and finds its shipped resources.

Nothing here creates directories at import time; callers ask for them.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ShopDesk"
DB_FILENAME = "shopdesk.sqlite3"


def data_dir(env: dict[str, str] | None = None) -> Path:
    """The data folder: $SHOPDESK_HOME, else the platform's user data dir."""
    env = dict(os.environ) if env is None else env
    home = env.get("SHOPDESK_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """Every file and folder inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def evidence(self) -> Path:
        return self.root / "evidence"

    @property
    def lock(self) -> Path:
        return self.root / "shopdesk.lock"

    def ensure(self) -> DataPaths:
        """Create the folders (called by the composition root, never at import)."""
        for p in (self.root, self.backups, self.evidence):
            p.mkdir(parents=True, exist_ok=True)
        return self


def resources_dir() -> Path:
    """Shipped data: works from a checkout, an installed wheel and a PyInstaller bundle."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    here = Path(__file__).resolve().parent
    candidates.append(here / "resources")  # inside an installed wheel
    candidates.append(here.parent / "resources")  # checkout / editable install
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("ShopDesk resources folder not found; looked in: "
                            + ", ".join(str(c) for c in candidates))


def resource_path(*parts: str) -> Path:
    """A path inside the shipped resources folder."""
    return resources_dir().joinpath(*parts)
