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
LOG_FILENAME = "shopdesk.log"
CRASH_FILENAME = "crash.log"


def data_dir(env: dict[str, str] | None = None) -> Path:
    """The data folder: $SHOPDESK_HOME, else the platform's user data dir."""
    env = dict(os.environ) if env is None else env
    home = env.get("SHOPDESK_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def log_dir(env: dict[str, str] | None = None) -> Path:
    """Where the log and crash files go: $SHOPDESK_HOME/logs, else the user log folder.

    With SHOPDESK_HOME set (tests, a second shop on one computer) the logs stay beside that
    data, so nothing one writes lands in the other's log.
    """
    env = dict(os.environ) if env is None else env
    home = env.get("SHOPDESK_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def settings_file(env: dict[str, str] | None = None, platform: str = sys.platform) -> Path:
    """The window's own settings (size, columns, last folder): Qt's user-scope INI file.

    Computed here without Qt, the way QSettings(IniFormat, UserScope, "ShopDesk",
    "ShopDesk") places it, so `shopdesk paths` can name it: %APPDATA% on Windows,
    ~/.config on macOS (for the INI format), $XDG_CONFIG_HOME or ~/.config on Linux.
    """
    env = dict(os.environ) if env is None else env
    if platform.startswith("win"):
        base = Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif platform == "darwin":
        base = Path.home() / ".config"
    else:
        base = Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_NAME / f"{APP_NAME}.ini"


def login_name(env: dict[str, str] | None = None, platform: str = sys.platform) -> str:
    """The computer account's name, as a default operator: USERNAME on Windows (USER is
    not set there), USER or LOGNAME elsewhere; "" when none is known."""
    env = dict(os.environ) if env is None else env
    keys = ("USERNAME", "USER") if platform.startswith("win") else ("USER", "LOGNAME",
                                                                    "USERNAME")
    return next((env[k] for k in keys if env.get(k)), "")


TEAM_FILE = "team.json"
OPERATOR_FILE = "operator.json"


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
    def team_config(self) -> Path:
        """`team.json`: present when this PC uses a team register (services/team.py)."""
        return self.root / TEAM_FILE

    @property
    def operator_file(self) -> Path:
        """`operator.json`: who is at this PC's keyboard (services/staff.py). Kept here, not
        in the register, because a team register is shared by every PC."""
        return self.root / OPERATOR_FILE

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
