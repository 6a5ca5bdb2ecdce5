"""Opening the register: one object holding the database and every service on it."""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.case import Case
from ..domain.clock import SHOP_TZ_DEFAULT, Clock
from ..domain.errors import NotFoundError, ShopDeskError, ValidationError
from ..domain.text import Bilingual, normalize_lang
from ..paths import DataPaths, resource_path
from ..storage.backup import BackupFile, BackupManager, restore_file, verify
from ..storage.database import Database
from ..storage.db import check_integrity, open_database
from ..storage.search import is_team
from ..storage.settings import SettingsStore
from ..storage.transactions import connect
from .cases import CaseService
from .deadlines import OVERRIDE_NAME as DEADLINE_RULES_NAME
from .deadlines import DeadlineService
from .holidays import ShopHolidays
from .promises import PromiseService, not_needed_reason
from .refunds import RefundQueue
from .reminders import (
    DeadlineProvider,
    PromiseProvider,
    RefundCutoffProvider,
    ReminderService,
    WarningProvider,
)
from .shifts import ShiftService
from .staff import StaffService
from .warnings import OVERRIDE_NAME as WARNING_RULES_NAME
from .warnings import WarningService

if TYPE_CHECKING:  # the importers load with the first import, not with every open
    from ..domain.enums import CaseStatus, Outcome
    from ..domain.promises import Promise
    from ..domain.warnings import CaseFacts
    from ..domain.workflow import Transition
    from .analysis import AnalysisService
    from .blacklist import BlacklistService
    from .calls import CallService
    from .evidence import EvidenceService
    from .followups import FollowupService
    from .form_memory import FormMemory
    from .imports import ImportService
    from .major import MajorService
    from .reviews import ReviewService
    from .script_catalog import ScriptCatalog
    from .scripts import ScriptService
    from .shop_profile import ShopProfileService
    from .summary import SummaryService

_log = logging.getLogger("shopdesk.register")

LANGUAGE_KEY = "language"
SHOP_TZ_KEY = "shop_timezone"
# Set once bad reviews saved before 0.2's reply-due tracking were given it.
_REVIEW_DUE_KEY = "reviews/reply_due_backfilled"


@dataclass
class Register:
    """The open 售后登记簿 and its services (the CLI and the UI share this).

    Every service is built here, once, with its collaborators passed in: no service builds
    another or imports this module, and the edges use these attributes instead of making
    their own copies. The services the window's first page does not use (analysis,
    blacklist, reviews, summary, form memory, shop profile) are built, and their modules
    imported, on first use.
    """

    paths: DataPaths
    db: Database
    clock: Clock
    cases: CaseService = field(init=False)
    deadlines: DeadlineService = field(init=False)
    warnings: WarningService = field(init=False)
    staff: StaffService = field(init=False)
    holidays: ShopHolidays = field(init=False)
    promises: PromiseService = field(init=False)
    shifts: ShiftService = field(init=False)
    refunds: RefundQueue = field(init=False)
    reminders: ReminderService = field(init=False)
    settings: SettingsStore = field(init=False)
    backups: BackupManager = field(init=False)
    daily_backup_error: ShopDeskError | None = field(init=False, default=None, repr=False)
    _imports: ImportService | None = field(init=False, default=None, repr=False)
    _scripts: ScriptService | None = field(init=False, default=None, repr=False)
    closed: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.settings = SettingsStore(self.db)
        tz = self.settings.get(SHOP_TZ_KEY, SHOP_TZ_DEFAULT)
        self.warnings = WarningService(self.db, self.clock,
                                       override=self.paths.root / WARNING_RULES_NAME)
        self.deadlines = DeadlineService(self.db, self.clock, self.settings, shop_tz=tz,
                                         override=self.paths.root / DEADLINE_RULES_NAME,
                                         holiday_span=lambda n, y: self.holidays.holiday_span(
                                             n, y))
        # The operator is this PC's (its data folder's), never the shared register's; only
        # the local register carries an operator kept by an older version over.
        self.staff = StaffService(self.db, self.clock, self.settings, shop_tz=tz,
                                  operator_file=self.paths.operator_file,
                                  legacy_operator=not is_team(self.db))
        self.cases = CaseService(
            self.db, self.clock, shop_tz=tz, after_write=self._after_case_write,
            compensation_check=lambda case, amount, actor: self.major.check_compensation(
                case, amount, actor))
        self.cases.moved_from = self._after_case_move
        self.holidays = ShopHolidays(self.db, self.settings, self.clock, shop_tz=tz)
        self.promises = PromiseService(self.db, self.clock, shop_tz=tz)
        # Resolving schedules a follow-up, reopening cancels it: in the status change's
        # own transaction.
        self.cases.status_listeners.append(
            lambda before, after, actor, now: self.followups.on_status(before, after, actor,
                                                                       now))
        self.shifts = ShiftService(self.db, self.clock, self.settings, self.staff,
                                   lambda: self.calls, self.promises, shop_tz=tz)
        self.refunds = RefundQueue(self.cases, self.promises, self.clock, shop_tz=tz)
        self.reminders = ReminderService(self.db, self.clock, self.settings, shop_tz=tz,
                                         refunds=self.refunds,
                                         pc=(socket.gethostname() or "?")
                                         if is_team(self.db) else "")
        self.reminders.add_provider(PromiseProvider(self.promises, self._case_nos))
        self.reminders.add_provider(WarningProvider(self.warnings))
        self.reminders.add_provider(RefundCutoffProvider(self.refunds,
                                                         self.reminders.settings))
        self.reminders.add_provider(DeadlineProvider(
            self.deadlines.due_between, self._case_id_of,
            count_between=self.deadlines.count_between))
        self.backups = BackupManager(self.paths.backups, tz=tz)

    # --- built on first use ----------------------------------------------------------
    # The window's first page needs none of these: the call policy, major-case approvals,
    # evidence and follow-ups load (with their domain modules) when first asked for.
    @cached_property
    def calls(self) -> CallService:
        from .calls import CallService

        return CallService(self.db, self.clock, self.settings, self.holidays,
                           shop_tz=self.shop_tz, staff=self.staff)

    @cached_property
    def major(self) -> MajorService:
        from .major import MajorService

        return MajorService(self.db, self.clock, self.settings, self.staff)

    @cached_property
    def evidence(self) -> EvidenceService:
        from .evidence import EvidenceService
        from .evidence_checklist import OVERRIDE_NAME as EVIDENCE_CHECKLIST_NAME

        return EvidenceService(self.db, self.clock, self.paths.evidence,
                               checklist_override=self.paths.root / EVIDENCE_CHECKLIST_NAME)

    @cached_property
    def followups(self) -> FollowupService:
        from .followups import FollowupService

        return FollowupService(self.db, self.clock, self.settings, self.cases,
                               shop_tz=self.shop_tz)

    @cached_property
    def blacklist(self) -> BlacklistService:
        from .blacklist import BlacklistService

        return BlacklistService(self.db, self.clock, self.warnings)

    @cached_property
    def analysis(self) -> AnalysisService:
        from .analysis import AnalysisService

        return AnalysisService(self.db, self.clock, shop_tz=self.shop_tz)

    def finish_case(self, case_id: int, transition: Transition, actor: str, *,
                    keep_promises: bool = False, promises_not_needed: str | None = None,
                    expected_status: CaseStatus | None = None,
                    expected_outcome: Outcome | None = None
                    ) -> tuple[Case, list[Promise]]:
        """Change the case's status and, when asked, mark its open promises kept
        (`keep_promises`) or no longer needed (`promises_not_needed`: the reason), in one
        transaction: never a resolved case with half its promises settled. The promises
        are read inside it (one settled elsewhere meanwhile is left alone). Returns the
        case and the promises settled. Neither asked: they stay open and reminded.
        `expected_status` / `expected_outcome`: what the screen the choice was made on
        showed (see CaseService.change_status): moved since, nothing is written."""
        if keep_promises and promises_not_needed is not None:
            raise ValueError("keep_promises and promises_not_needed exclude each other")
        if promises_not_needed is not None:
            # Checked before anything is written, and even with no open promise left: the
            # caller asked with no (or too long a) reason. The field names the choice.
            try:
                promises_not_needed = not_needed_reason(promises_not_needed)
            except ValidationError as exc:
                raise ValidationError([replace(e, field="promises_not_needed")
                                       for e in exc.errors]) from None
        with self.db.atomic():
            case = self.cases.change_status(case_id, transition, actor,
                                            expected_status=expected_status,
                                            expected_outcome=expected_outcome)
            open_now = self.promises.open_for_case(case_id)
            if keep_promises:
                settled = [self.promises.keep(p.id, actor) for p in open_now]
            elif promises_not_needed is not None:
                settled = [self.promises.cancel(p.id, actor, promises_not_needed)
                           for p in open_now]
            else:
                settled = []
        return case, settled

    def backfill_review_due(self) -> None:
        """Once per register: bad reviews saved before their reply due time was kept on
        the case get it (their deadline counted from the case, not the review)."""
        if self.settings.get(_REVIEW_DUE_KEY):
            return
        # Plain SQL first: the review service (and the script library it loads) stays off
        # the start path, and nothing to do writes nothing.
        if self.db.execute("SELECT 1 FROM reviews WHERE reviewed_at IS NOT NULL "
                           "LIMIT 1").fetchone() is None:
            return
        with self.db.atomic():
            self.reviews.backfill_reply_due()
            self.settings.set(_REVIEW_DUE_KEY, True)

    @cached_property
    def reviews(self) -> ReviewService:
        from .reviews import ReviewService

        return ReviewService(
            self.db, self.clock, self.cases, self.calls,
            scripts=lambda: self.scripts,
            windows_file=resource_path("reviews") / "reply_windows.toml", shop_tz=self.shop_tz,
            after_write=self._after_case_write)

    @cached_property
    def summary(self) -> SummaryService:
        from .summary import SummaryService

        return SummaryService(self.db, self.clock, cases=self.cases, calls=self.calls,
                              promises=self.promises, evidence=self.evidence,
                              shop_tz=self.shop_tz)

    @cached_property
    def form_memory(self) -> FormMemory:
        from .form_memory import FormMemory

        return FormMemory(self.db, self.settings, self.cases.store)

    @cached_property
    def shop_profile(self) -> ShopProfileService:
        from .shop_profile import ShopProfileService

        return ShopProfileService(self.db, self.settings, self.clock, shop_tz=self.shop_tz,
                                  policy=self.calls.policy)

    def _case_nos(self, case_ids: list[int] | tuple[int, ...]) -> dict[int, str]:
        """Case numbers by id (trashed cases too): what reminders name."""
        return {i: c.case_no for i, c in self.cases.fetch(list(case_ids)).items()}

    def _case_id_of(self, case_no: str) -> int | None:
        """The id of the case numbered `case_no` (None: no such case)."""
        try:
            return self.cases.get_by_no(case_no).id
        except (NotFoundError, ShopDeskError, ValueError):
            return None

    @property
    def imports(self) -> ImportService:
        """The import service with the shipped platform presets, built on first use (the
        presets are files read from disk, which most commands and most tests never need)."""
        if self._imports is None:
            from ..importers import ImportConfig
            from .imports import ImportService

            config = ImportConfig.load(resource_path("importers"))
            self._imports = ImportService(self.db, self.clock, config, shop_tz=self.shop_tz,
                                          after_write=self._after_import_write,
                                          after_import=self.followups.schedule_resolved,
                                          settle_new=self.deadlines.new_columns,
                                          after_move=self._after_case_move,
                                          after_fill=self._after_order_fill)
        return self._imports

    def _after_case_write(self, case_ids: list[int], *, siblings: bool = True) -> None:
        """In every case write's transaction: the stage and its deadline first (the
        warnings read a settled case), then the early warnings. `siblings=False` when the
        write cannot change what other cases' rules read (a note: the rules read only the
        judged case's own words)."""
        self._refresh_review_due(case_ids)
        self.deadlines.recompute(case_ids)
        self.warnings.evaluate(case_ids, siblings=siblings)

    def _refresh_review_due(self, case_ids: list[int]) -> None:
        """A case with a review whose platform or kind was edited: its reply due time
        follows (the window's length is the platform's). One indexed look-up per write; the
        review service loads only when a reviewed case is among them."""
        reviewed: list[int] = []
        ids = list(case_ids)
        for start in range(0, len(ids), 500):  # bound parameters stay well under limits
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            reviewed += [r[0] for r in self.db.execute(
                f"SELECT case_id FROM reviews WHERE case_id IN ({marks}) "
                "AND reviewed_at IS NOT NULL", chunk).fetchall()]
        if reviewed:
            self.reviews.refresh_reply_due(reviewed)
    def _after_case_move(self, before: list[Case]) -> None:
        """In an edit's or a trashing's transaction: the cases these left behind (their
        buyer, product or cause as they were) are judged again."""
        self.warnings.rejudge_left(before)

    def _after_order_fill(self, case_ids: list[int]) -> None:
        """An order export filled these cases' buyer and item fields: the early warnings
        read them; stages and deadlines do not."""
        self.warnings.evaluate(case_ids)

    def _after_import_write(self, case_ids: list[int], *,
                            settled: Mapping[int, CaseFacts] | None = None) -> None:
        """`_after_case_write` for an import: its new cases (`settled`, id -> their warning
        facts as written) were written with their stage and deadline, so only the updated
        ones are recomputed, and their facts are not read back."""
        settled = settled or {}
        if settled:  # computed under the rules in force (ensure_current ran at the open)
            self.deadlines.mark_rules_current()
        self.deadlines.recompute([i for i in case_ids if i not in settled])
        self.warnings.evaluate(case_ids, written=settled)

    @property
    def scripts(self) -> ScriptService:
        """The reply-script service, loaded on first use (keeps start-up light).

        Raises CatalogError when the shipped script files are broken.
        """
        if self._scripts is None:
            from .scripts import load_shipped_catalog

            self._adopt_scripts(load_shipped_catalog())
        assert self._scripts is not None
        return self._scripts

    @property
    def scripts_loaded(self) -> bool:
        """Whether `scripts` is built (reading it would not load the library)."""
        return self._scripts is not None

    def use_scripts_catalog(self, catalog: ScriptCatalog) -> None:
        """Build `scripts` on a catalog loaded elsewhere (the window loads the library on a
        worker thread after it shows); a service already built is kept."""
        if self._scripts is None:
            self._adopt_scripts(catalog)

    def _adopt_scripts(self, catalog: ScriptCatalog) -> None:
        """The one way `scripts` is built, whoever loaded the catalog (the CLI here, the
        window on a worker thread): every case's scripts then get the same defaults
        ({截止时间} from the due time, {店铺}, {退货地址}, {上班时间}), so the window and
        `shopdesk scripts render` fill a script alike."""
        from .scripts import ScriptService

        service = ScriptService(self.db, self.clock, catalog)
        service.case_defaults = self.shop_profile.values_for_case
        self._scripts = service

    @property
    def shop_tz(self) -> str:
        return self.cases.shop_tz

    def language(self, env_value: str | None = None) -> str:
        """'zh' or 'en': SHOPDESK_LANG wins over the saved setting."""
        return normalize_lang(env_value or self.settings.get(LANGUAGE_KEY, "zh"))

    def set_language(self, lang: str) -> None:
        with self.db.atomic():
            self.settings.set(LANGUAGE_KEY, normalize_lang(lang))

    def check_integrity(self) -> None:
        """Read the whole file for damage (quick_check) on a read-only connection of its
        own; raises CorruptDatabaseError. Safe on a worker thread."""
        if self.paths.database.exists():
            check_integrity(self.paths.database)

    def run_daily_backup(self) -> Path | None:
        """Check the file, then take today's daily backup if due, on connections of their own.

        The integrity check runs here rather than at open (it reads the whole file: seconds
        at a million cases). A damaged file raises CorruptDatabaseError before any backup is
        written, so a good older backup is never replaced by a copy of a damaged file.

        Safe to call from a worker thread: it never touches `self.db`, so the window can
        start at once and a large register is copied in the background (WAL lets it read
        while the UI writes). Skipped when another process is taking it. Raises on
        failure; `open_register` turns that into a warning, never a failed command.
        """
        if self.is_team or not self.paths.database.exists():
            return None  # a team register's server is backed up by the shop (README)
        self.check_integrity()
        snapshot = connect(str(self.paths.database))
        try:
            if snapshot.execute("SELECT count(*) FROM cases").fetchone()[0] == 0:
                return None
            return self.backups.daily_if_due(snapshot, self.clock.now())
        finally:
            snapshot.close()

    def open_second(self) -> Register:
        """Another Register on the same file with a connection of its own, for the UI's
        writer thread: under WAL each connection sees only what the other has committed.
        The file was checked and migrated when this one opened, so this only connects."""
        if self.is_team:
            from ..storage.pg.connection import reconnect

            return Register(paths=self.paths, db=reconnect(self.db), clock=self.clock)
        return Register(paths=self.paths, db=connect(str(self.paths.database)),
                        clock=self.clock)

    @property
    def storage_notice(self) -> Bilingual | None:
        """What the user should know about where the register lives (None: nothing), such
        as a data folder whose drive refused SQLite's WAL journal."""
        return getattr(self.db, "storage_notice", None)

    @property
    def is_team(self) -> bool:
        """True for a team register (PostgreSQL server), False for the local file."""
        return is_team(self.db)

    def watch_connection(self, listener: Callable[[ShopDeskError | None], None]) -> None:
        """Call `listener(error)` when a team register's server is lost and
        `listener(None)` when it answers again (from any thread; the local file: never)."""
        listeners = getattr(self.db, "listeners", None)
        if listeners is not None:
            listeners.append(listener)

    def probe_server(self) -> bool:
        """Whether a team register's server answers a fresh connection (from any thread;
        it never uses the register's own connection). The local file: always True."""
        probe = getattr(self.db, "probe", None)
        return True if probe is None else bool(probe())

    def data_version(self) -> int:
        """A number that changes when another connection commits to the register (SQLite's
        `PRAGMA data_version`): the window polls it to notice changes made elsewhere."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def try_daily_backup(self) -> Path | None:
        """`run_daily_backup`, with a failure logged and kept in `daily_backup_error`
        instead of raised (the user's command goes on)."""
        self.daily_backup_error = None
        try:
            return self.run_daily_backup()
        except (ShopDeskError, OSError, sqlite3.Error) as exc:  # a lock timeout is an OSError
            _log.warning("daily backup failed: %s", exc)
            self.daily_backup_error = daily_backup_failure(exc)
            return None

    def back_up_now(self) -> Path:
        """A backup file in the backups folder: of the local file, or of the team register
        (a pg_dump archive when pg_dump is installed, else a local register file)."""
        if self.is_team:
            from ..storage.pg.backup import team_backup  # pg_dump and its helpers

            return team_backup(self.db, self.paths.backups, self.clock.now(), self.shop_tz)
        return self.backups.make(self.db, "manual", self.clock.now())

    def list_backups(self) -> list[BackupFile]:
        """Backups in the backups folder, newest first; on a team register also the
        pg_dump archives "Back up now" took (reason `team-dump`: restored on the server)."""
        if self.is_team:
            from ..storage.pg.backup import team_dumps

            return sorted([*team_dumps(self.paths.backups), *self.backups.list()],
                          key=lambda b: (b.taken_at, b.path.name), reverse=True)
        return self.backups.list()

    def close(self) -> None:
        self.db.close()
        self.closed = True  # a window closing after its register must not read from it

    @property
    def is_open(self) -> bool:
        """False once closed (a restore closes the old register before the window has
        switched to the new one; late task results must not read it)."""
        return not self.closed

    def restore_refused(self) -> ShopDeskError | None:
        """Why this register cannot be restored from a backup file on this PC (None: it
        can): a team register is restored on its server."""
        if not self.is_team:
            return None
        from ..storage.pg.backup import team_restore_refused

        return team_restore_refused()

    def restore(self, backup: Path) -> tuple[Register, Path]:
        """Close, replace the file with `backup`, reopen. Returns (new register, kept file)."""
        if self.is_team:
            from ..storage.pg.backup import team_restore_refused

            raise team_restore_refused()
        now: datetime = self.clock.now()
        # Check the backup while this register is still open: a bad file changes nothing.
        verify(backup)
        # A safety copy of the current state, in case the restore was a mistake.
        self.backups.make(self.db, "pre-restore", now)
        self.close()
        kept = restore_file(backup, self.paths.database, now, tz=self.shop_tz)
        return open_register(self.paths, self.clock, daily_backup=False), kept


def daily_backup_failure(exc: BaseException) -> ShopDeskError:
    """What to tell the user when the daily backup failed (their work goes on)."""
    detail = exc.en if isinstance(exc, ShopDeskError) else str(exc)
    detail_zh = exc.zh if isinstance(exc, ShopDeskError) else str(exc)
    return ShopDeskError(f"今天的自动备份失败：{detail_zh}。你的操作不受影响，下次启动时会再试。",
                         f"The daily backup failed: {detail}. Your work is not affected; "
                         "it is tried again at the next start.")


def open_register(paths: DataPaths, clock: Clock, *, daily_backup: bool = True) -> Register:
    """Create folders, open and migrate the database (backing it up first), daily backup.

    A daily backup that fails never fails the caller: the error is logged and kept in
    `register.daily_backup_error` for the edge to show.
    """
    paths.ensure()
    if paths.team_config.exists():  # else the team code (psycopg's side) is not loaded
        from .team import open_team

        team_db = open_team(paths)  # TeamOfflineError when its server cannot be reached
        if team_db is not None:
            team = Register(paths=paths, db=team_db, clock=clock)
            # Rules changed (a new version shipped them): the open cases' deadlines are
            # computed again, as at a local start; one PC does it, the others find it done.
            team.deadlines.ensure_current()
            team.backfill_review_due()  # one team PC does it; the others find it done
            return team
    manager = BackupManager(paths.backups)

    def backup_before_migrate(db: Database, pending: list[str]) -> None:
        manager.make(db, f"pre-migration-{pending[0]}", clock.now())

    db = open_database(paths.database, before_migrate=backup_before_migrate)
    register = Register(paths=paths, db=db, clock=clock)
    # Deadlines of cases a bulk loader wrote, or of every open case when the rules changed.
    register.deadlines.ensure_current()
    register.backfill_review_due()
    if daily_backup:
        register.try_daily_backup()
    return register
