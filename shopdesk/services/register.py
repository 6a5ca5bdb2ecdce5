"""Opening the register: one object holding the database and every service on it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.clock import SHOP_TZ_DEFAULT, Clock
from ..paths import DataPaths
from ..storage.backup import BackupFile, BackupManager, restore_file, verify
from ..storage.db import open_database
from ..storage.settings import SettingsStore
from .calls import CallService
from .cases import CaseService
from .evidence import EvidenceService
from .evidence_checklist import OVERRIDE_NAME as EVIDENCE_CHECKLIST_NAME
from .holidays import ShopHolidays
from .promises import PromiseService
from .scripts import ScriptService, open_script_service
from .shifts import ShiftService
from .staff import StaffService

LANGUAGE_KEY = "language"
SHOP_TZ_KEY = "shop_timezone"


@dataclass
class Register:
    """The open 售后登记簿 and its services (the CLI and the UI share this)."""

    paths: DataPaths
    db: Database
    clock: Clock
    cases: CaseService = field(init=False)
    staff: StaffService = field(init=False)
    calls: CallService = field(init=False)
    holidays: ShopHolidays = field(init=False)
    evidence: EvidenceService = field(init=False)
    promises: PromiseService = field(init=False)
    shifts: ShiftService = field(init=False)
    settings: SettingsStore = field(init=False)
    backups: BackupManager = field(init=False)
    _scripts: ScriptService | None = field(init=False, default=None, repr=False)

    def __post_init__(self) -> None:
        self.settings = SettingsStore(self.db)
        tz = self.settings.get(SHOP_TZ_KEY, SHOP_TZ_DEFAULT)
        self.cases = CaseService(self.db, self.clock, shop_tz=tz)
        self.staff = StaffService(self.db, self.clock)
        self.holidays = ShopHolidays(self.db, self.settings, self.clock, shop_tz=tz)
        self.calls = CallService(self.db, self.clock, self.settings, self.holidays, shop_tz=tz)
        self.promises = PromiseService(self.db, self.clock, shop_tz=tz)
        self.evidence = EvidenceService(
            self.db, self.clock, self.paths.evidence,
            checklist_override=self.paths.root / EVIDENCE_CHECKLIST_NAME)
        self.shifts = ShiftService.for_register(self)
        self.backups = BackupManager(self.paths.backups)

    @property
    def scripts(self) -> ScriptService:
        """The reply-script service, loaded on first use (keeps start-up light).

        Raises CatalogError when the shipped script files are broken.
        """
        if self._scripts is None:
            self._scripts = open_script_service(self.db, self.clock)
        return self._scripts

    @property
    def shop_tz(self) -> str:
        return self.cases.shop_tz

    def language(self, env_value: str | None = None) -> str:
        """'zh' or 'en': SHOPDESK_LANG wins over the saved setting."""
        chosen = (env_value or self.settings.get(LANGUAGE_KEY, "zh") or "zh").lower()
        return "en" if chosen.startswith("en") else "zh"

    def set_language(self, lang: str) -> None:
        with self.db.atomic():
            self.settings.set(LANGUAGE_KEY, "en" if lang.startswith("en") else "zh")

    def run_daily_backup(self) -> Path | None:
        """Take today's daily backup if due, on a connection of its own.

        Safe to call from a worker thread: it never touches `self.db`, so the window can
        start at once and a large register is copied in the background (WAL lets it read
        while the UI writes).
        """
        if not self.paths.database.exists():
            return None
        conn = sqlite3.connect(str(self.paths.database), check_same_thread=False)
        try:
            snapshot = Database(conn)
            if snapshot.execute("SELECT count(*) FROM cases").fetchone()[0] == 0:
                return None
            return BackupManager(self.paths.backups).daily_if_due(snapshot, self.clock.now())
        finally:
            conn.close()

    def back_up_now(self) -> Path:
        return self.backups.make(self.db, "manual", self.clock.now())

    def list_backups(self) -> list[BackupFile]:
        return self.backups.list()

    def close(self) -> None:
        self.db.close()

    def restore(self, backup: Path) -> tuple[Register, Path]:
        """Close, replace the file with `backup`, reopen. Returns (new register, kept file)."""
        now: datetime = self.clock.now()
        # Check the backup while this register is still open: a bad file changes nothing.
        verify(backup)
        # A safety copy of the current state, in case the restore was a mistake.
        self.backups.make(self.db, "pre-restore", now)
        self.close()
        kept = restore_file(backup, self.paths.database, now)
        return open_register(self.paths, self.clock, daily_backup=False), kept


def open_register(paths: DataPaths, clock: Clock, *, daily_backup: bool = True) -> Register:
    """Create folders, open and migrate the database (backing it up first), daily backup."""
    paths.ensure()
    manager = BackupManager(paths.backups)

    def backup_before_migrate(db: Database, pending: list[str]) -> None:
        manager.make(db, f"pre-migration-{pending[0]}", clock.now())

    db = open_database(paths.database, before_migrate=backup_before_migrate)
    register = Register(paths=paths, db=db, clock=clock)
    if daily_backup:
        register.run_daily_backup()
    return register
