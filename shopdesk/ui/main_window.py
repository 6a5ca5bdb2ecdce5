"""The main window: filter bar, case list and detail panel, menus and toolbar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)
from shiboken6 import isValid

from .. import __version__
from ..diagnostics import LOGGER_NAME
from ..domain.case_query import GroupFilter
from ..domain.clock import local
from ..domain.errors import ShopDeskError
from ..paths import log_dir
from ..services.quick_filters import QuickFilter
from ..services.register import Register
from .controllers.analysis import AnalysisController
from .controllers.backup import BackupController
from .controllers.blacklist import BlacklistController
from .controllers.calls import CallController
from .controllers.cases import CaseController
from .controllers.deadlines import DeadlineController
from .controllers.demo import DemoController
from .controllers.exports import ExportController
from .controllers.external_changes import ExternalChanges
from .controllers.first_start import FirstStart
from .controllers.followups import FollowupController
from .controllers.imports import ImportController
from .controllers.promises import PromiseController
from .controllers.reminders import ReminderController
from .controllers.scripts import ScriptController
from .controllers.shifts import ShiftController
from .controllers.summary import SummaryController
from .controllers.team import TeamController
from .controllers.warnings import WarningController
from .dialogs.settings_tabs import STAFF_TAB
from .i18n import remember_language_hint
from .main_window_chrome import MainWindowChrome
from .main_window_state import restore_window_state, save_window_state
from .shift_offer import ShiftOffer
from .tasks import Tasks
from .views.case_detail import CaseDetailView
from .views.case_list_view import CaseListView
from .views.filter_bar import FilterBar
from .views.operator_picker import OperatorPicker
from .widgets.first_paint import FirstPaint
from .widgets.wheel_guard import WheelGuard
from .window_state import (
    GEOMETRY,
    app_settings,
    read_bytes,
)

if TYPE_CHECKING:  # the guide and the settings load when first opened, not at start
    from .dialogs.help_dialog import HelpDialog

TIME_REPAINT_MS = 60_000  # overdue colouring follows the clock


# The first window's reminder counts wait this long after its list has painted.
COUNTS_AFTER_SHOW_MS = 300


class MainWindow(MainWindowChrome, QMainWindow):
    """The register's window. The UI never runs SQL: everything goes through `register`.

    The window builds the list, the case panel and the filter bar, then one controller per
    feature (controllers/), and places their actions, banners and labels. It implements
    the controllers' `Host` interface.
    """

    # A background job (the daily backup) failed: emitted from its thread, shown here.
    background_failed = Signal(object)
    # The user chose another language and agreed to reopen the window in it (app.py does).
    reopen_requested = Signal()
    next_register: Register | None = None  # Settings → Team mode: reopen on this one

    def __init__(self, register: Register, lang: str, *, settings: QSettings | None = None,
                 forced_lang: str | None = None, parent: QWidget | None = None,
                 log_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.log_folder = log_folder if log_folder is not None else log_dir()
        self._register = register
        self.lang = lang
        self._forced_lang = forced_lang
        self.reopening = False  # closing only to reopen: the register stays open
        self._settings = settings if settings is not None else app_settings()
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("ShopDesk — after-sales desk"))
        self.setMinimumSize(900, 560)
        self.tasks = Tasks(register, self)  # the one writer thread, for as long as the window
        # Combos and spin boxes (here and in every dialog) take the wheel only when focused.
        self._wheel_guard = WheelGuard(self)
        self._build_views()
        # Counts and indicators the first page does not need wait until the rows are drawn.
        self.first_paint = FirstPaint(self.case_list.table.viewport())
        # The wheel guard filters every event of the application: it starts once the list
        # has painted (or the window is activated, whichever comes first), not while the
        # window builds.
        self.first_paint.call(self._wheel_guard.install)
        self.cases = CaseController(self, self)
        self.promises = PromiseController(self, self)
        self.warnings = WarningController(self, self)
        self.deadlines = DeadlineController(self, self)
        self.analysis = AnalysisController(self, self)
        self.blacklist = BlacklistController(self, self)
        self.summary = SummaryController(self, self)
        self.shifts = ShiftController(self, self)
        self.backup = BackupController(self, self)
        self.calls = CallController(self, self)
        self.scripts = ScriptController(self, self)
        self.imports = ImportController(self, self)
        self.exports = ExportController(self, self)
        self.followups = FollowupController(self, self)
        self.first_start = FirstStart(self, self)
        self.reminders = ReminderController(self, self)
        self._quitting = False  # the tray's Quit: close for real even when set to hide
        self.demo = DemoController(self, self)
        self.team = TeamController(self, self)  # the offline banner; switching registers
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_toolbar()
        self._build_status_bar()
        self.case_list.set_count_runner(self._run_count)
        with self.case_list.deferred():  # one query for the restored sort and filters
            self._restore_state()
            self._on_filters_changed()
        self._time_timer = QTimer(self)
        self._time_timer.setInterval(TIME_REPAINT_MS)
        self._time_timer.timeout.connect(self.case_list.model.touch_time_columns)
        self._time_timer.timeout.connect(lambda: self.detail.tick())
        self._time_timer.start()
        # Newest column first: each finds itself appended last on an older saved header.
        self.deadlines.place_column()
        self.promises.place_promise_column()
        self.warnings.place_column()
        self._attach_controllers(counts_later=True)
        # Offers to start a shift after a change made while nobody is on shift.
        self.shift_offer = ShiftOffer(lambda: self._register, self._settings, self.lang, self)
        self.shift_offer.started.connect(lambda _id: self.shifts.refresh())
        # Commits by another process (command line, a colleague) refresh the window.
        self.external_changes = ExternalChanges(self, self)
        self.external_changes.changed.connect(self.shifts.refresh)
        self.external_changes.changed.connect(self.analysis.external_change)
        # The status bar's reminder count too: after `demo --remove` on the command line it
        # said 提醒：87 over 6 cases until F5.
        self.external_changes.changed.connect(lambda: self.reminders.refresh_counts())

    # --- the register ----------------------------------------------------
    @property
    def register(self) -> Register:
        return self._register

    @property
    def settings(self) -> QSettings:
        return self._settings

    def operator(self) -> str:
        """Who is at the keyboard ('' when nobody is chosen): this PC's operator, as the
        toolbar box shows it. The box is the window's one answer; it is brought in line
        with the PC's stored operator first, so what is recorded is what the box shows."""
        return self.operator_picker.sync()

    def after_change(self) -> None:
        """A case was changed: with nobody on shift, offer (once) to start one."""
        self.shift_offer.after_change()

    def show_message(self, text: str, msecs: int) -> None:
        self.statusBar().showMessage(text, msecs)

    def set_register(self, register: Register) -> None:
        """Switch every view and controller to another open register (after a restore)."""
        self._register = register
        self.tasks.set_register(register)
        self.operator_picker.set_service(register.staff)
        self.case_list.set_service(register.cases)
        old = self.detail
        sizes = self.splitter.sizes()
        self.detail = self._make_detail_view()
        self.splitter.replaceWidget(1, self.detail)
        old.deleteLater()
        self.splitter.setSizes(sizes)
        self._attach_controllers()
        self.case_list.reload()
        self._update_actions()
        self.external_changes.rebase()

    def _attach_controllers(self, *, counts_later: bool = False) -> None:
        """Bind the controllers to the current register and case panel. `counts_later`
        (the first window of a start): the banners, the quick filters' counts and the
        warnings' re-judging (on the writer thread, which would compete with the first
        page) run once the list has painted; the reminder counts, which read the whole
        register (about 2 s at 100,000 cases), a little later."""
        self.calls.attach()
        self.promises.attach(count=not counts_later)
        self.warnings.attach(count=not counts_later)
        self.deadlines.attach(count=not counts_later)
        self.summary.attach()
        self.shifts.attach()
        if counts_later:
            self.first_paint.call(self._count_after_first_paint)
        else:
            self.reminders.attach()
            self.followups.attach()
        self.team.attach()

    def _count_after_first_paint(self) -> None:
        if not self._register.is_open:  # closed (or being restored) before the paint
            return
        self.promises.banner.refresh()
        self.warnings.refresh_open()
        self.deadlines.refresh_count()
        self.followups.attach()
        self.analysis.refresh_indicator()
        # With a context object: dropped if the window is deleted first (a quick close).
        QTimer.singleShot(COUNTS_AFTER_SHOW_MS, self.reminders, self.reminders.attach)

    # --- building --------------------------------------------------------
    def _build_views(self) -> None:
        today = local(self._register.clock.now(), self._register.shop_tz).date()
        self.filter_bar = FilterBar(self.lang, today, self)
        self.case_list = CaseListView(self._register.cases, self.lang, self.operator, self)
        self.detail = self._make_detail_view()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.case_list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([820, 520])
        self.operator_picker = OperatorPicker(self._register.staff, self)

        self.filter_bar.changed.connect(self._on_filters_changed)
        self.filter_bar.results_wanted.connect(self.case_list.focus_results)
        # Tab from the list: on to the case's actions (built with the first case shown).
        self.case_list.table.tab_target = lambda: getattr(self.detail, "edit_button", None)
        self.case_list.count_changed.connect(self.filter_bar.set_count)
        self.case_list.count_changed.connect(lambda _n: self._update_actions())
        self.case_list.selection_changed.connect(self._update_actions)
        self.case_list.table.select_all_limited.connect(self._say_select_all_limited)
        self.case_list.current_case_changed.connect(self._show_case)
        self.case_list.case_activated.connect(self._open_case)
        self.operator_picker.operator_changed.connect(self._on_operator_changed)

    def _make_detail_view(self) -> CaseDetailView:
        view = CaseDetailView(self._register, self.operator, self)
        view.setObjectName("case_detail")
        view.setMinimumWidth(320)
        view.changed.connect(self._on_case_changed)
        view.open_requested.connect(self.open_case_by_id)  # e.g. a similar case's link
        return view

    # --- state -----------------------------------------------------------
    def _restore_state(self) -> None:
        restore_window_state(self, self._settings)

    def has_saved_geometry(self) -> bool:
        return read_bytes(self._settings, GEOMETRY) is not None

    def save_state(self) -> None:
        save_window_state(self, self._settings)

    def quit_concerns(self) -> list[str]:
        """What would be left behind by quitting now: a typed but unsaved note, an open
        shift without its hand-off sheet, overdue promises to buyers."""
        concerns: list[str] = []
        if self._register.closed:  # nothing left to read (or to lose)
            return concerns
        if self.detail.unsaved_note().strip():
            concerns.append(self.tr("The progress note you typed has not been added."))
        shift = self._register.shifts.current()
        if shift is not None:
            concerns.append(self.tr("%1's shift has not been ended (no hand-off sheet yet).")
                            .replace("%1", shift.staff))
        overdue = self._register.promises.overdue_count()
        if overdue:
            concerns.append(self.tr("%1 promise(s) to buyers are overdue.")
                            .replace("%1", str(overdue)))
        return concerns

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.reminders.keeps_running():
            event.ignore()  # "closing minimises to the tray" (Settings → Reminders)
            self.reminders.hide_to_tray()
            return
        self._quitting = False
        concerns = self.quit_concerns()
        if self.reopening:  # the shift and the promises stay as they are: only a note is lost
            concerns = concerns[:1] if self.detail.unsaved_note().strip() else []
        if concerns:
            question = self.tr("Reopen anyway?") if self.reopening else self.tr("Quit anyway?")
            answer = QMessageBox.question(
                self, self.tr("Quit ShopDesk"),
                "\n".join(["• " + c for c in concerns] + ["", question]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.save_state()
        self.reminders.shutdown()
        self._wheel_guard.remove()
        self.tasks.shutdown()  # waits for the writer: nothing is left half-written
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._wheel_guard.install()  # the user may turn the wheel from now on
        super().changeEvent(event)

    def bring_to_front(self) -> None:
        """Another start of the app asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def quit_app(self) -> None:
        """The tray's Quit: close for real (asking about unsaved work as usual)."""
        self.bring_to_front()
        self._quitting = True
        if self.close():
            app = QApplication.instance()
            if app is not None and not any(w.isVisible() for w in app.topLevelWidgets()):
                app.quit()

    def run_first_start(self) -> None:
        self.first_start.run()

    def _run_count(self, work: Callable[[], int],
                   done: Callable[[int | None], None]) -> None:
        """Count the case list's total on the pool (the work opens its own connection).
        A count that comes back after its register was closed or replaced (a restore, a
        switch to another register, the window closing) or its list was deleted (a
        language switch's new window) is dropped: what hears the count reads the
        register, and the list's signal is gone."""
        register = self.register
        task = self.tasks.run(lambda _progress, _cancelled: work(), "count_cases")

        def deliver(total: int | None) -> None:
            if register is self.register and register.is_open and isValid(self.case_list):
                done(total)

        def failed(exc: object) -> None:
            # Its own connection could not read the file (a busy recovery, a file being
            # replaced): the list counts on the window's connection instead.
            logging.getLogger(LOGGER_NAME).warning("background count failed: %s", exc)
            deliver(None)

        task.succeeded.connect(deliver)
        task.failed.connect(failed)

    # --- slots -----------------------------------------------------------
    def _on_filters_changed(self) -> None:
        self.case_list.apply_filters(self.filter_bar.state())
        self._update_actions()

    def _on_operator_changed(self, name: str) -> None:
        if name:
            self.statusBar().showMessage(self.tr("Operator: {name}").format(name=name), 3000)
        else:  # deactivated on another PC: nobody is at the keyboard until chosen
            self.statusBar().showMessage(
                self.tr("No operator chosen: choose who is working in the toolbar"), 8000)
        if self.filter_bar.quick() == QuickFilter.MINE:
            self.case_list.reload()

    def _say_select_all_limited(self, selected: int, listed: int, limit: int) -> None:
        self.statusBar().showMessage(self.tr(
            "Selected the {selected} cases loaded so far, of {listed}: select all loads at "
            "most {limit} more. Scroll down to load more, or narrow the filters.").format(
                selected=f"{selected:,}", listed=f"{listed:,}", limit=f"{limit:,}"),
            10000)

    def _update_actions(self) -> None:
        trash = self.case_list.is_trash()
        selected = self.case_list.has_selection()
        self.act_trash.setVisible(not trash)
        self.act_trash.setEnabled(not trash and selected)
        self.act_untrash.setVisible(trash)
        self.act_untrash.setEnabled(trash and selected)
        self.act_empty_trash.setVisible(trash)
        self.act_empty_trash.setEnabled(trash and self.case_list.count() > 0)

    def _show_case(self, case_id: int | None) -> None:
        self.detail.show_case(case_id)
        self._link_back_tab()

    def _link_back_tab(self) -> None:
        """Shift+Tab from the case panel's first action goes back to the list (Tab from
        the list goes there); its page is built with the first case shown."""
        button = getattr(self.detail, "edit_button", None)
        # Once per button: a restore builds a new panel (and a new button).
        if button is None or getattr(self, "_back_tab_button", None) is button:
            return
        from .widgets.focus_link import BackTabTo

        button.installEventFilter(BackTabTo(lambda: self.case_list.table, button))
        self._back_tab_button = button

    def open_case_by_id(self, case_id: int) -> None:
        """Show a case chosen elsewhere (e.g. the may-call list), selecting it when listed."""
        if not self.case_list.select_case(case_id):
            self.detail.show_case(case_id)

    def show_group(self, group: GroupFilter) -> None:
        """List the cases behind a row of the complaint analysis, in front of it."""
        self.filter_bar.set_group(group)
        self.bring_to_front()

    def _open_case(self, case_id: int) -> None:
        self.detail.show_case(case_id)
        self.detail.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_case_changed(self, case_id: int) -> None:
        """The detail panel edited a case: refresh the list around it."""
        self.after_change()
        self.case_list.reload()
        if self.case_list.current_id() != case_id and \
                not self.case_list.select_case(case_id):
            # Resolved under 未结 (or otherwise out of the filter): the panel keeps showing
            # it, with the result, rather than going blank, and says why it left the list.
            self.detail.show_case(case_id)
            self.show_message(self.tr("The case no longer matches the filters; it is still "
                                      "shown here."), 6000)

    def _focus_search(self) -> None:
        self.filter_bar.focus_search()

    def show_error(self, exc: Exception) -> None:
        self.cases.show_error(exc)

    # --- commands --------------------------------------------------------
    def refresh(self) -> None:
        self.case_list.reload()
        self.detail.show_case(self.case_list.current_id())
        # The status bar's count too (after clearing the demo it said 提醒：61 over 0 cases
        # until the next minute's poll).
        self.reminders.refresh_counts()

    def new_case(self) -> None:
        self.cases.new_case()

    def move_to_trash(self) -> None:
        self.cases.move_to_trash()

    def restore_from_trash(self) -> None:
        self.cases.restore_from_trash()

    def empty_trash(self) -> None:
        self.cases.empty_trash()

    def open_settings(self, tab: int = STAFF_TAB) -> None:
        from .dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._register, self.lang, forced_lang=self._forced_lang,
                                tab=tab, parent=self)
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        if dialog.team_page.switched:  # this PC now uses another register: reopen on it
            self.team.switch_register()
            return
        if dialog.staff_changed:
            self.operator_picker.reload()
            self.case_list.reload()
        if dialog.deadline_page.changed:
            self.deadlines.settings_changed()
        if accepted:
            self.reminders.refresh_counts()  # lead times may have changed
            self.apply_language_choice(dialog.chosen_language())

    def apply_language_choice(self, lang: str) -> None:
        """Save the language and offer to reopen the window in it now (nothing is lost:
        the register stays open, the filters and column widths are kept)."""
        if lang == self._register.language():
            return
        self._register.set_language(lang)
        remember_language_hint(self._settings, lang)
        if self._forced_lang:
            QMessageBox.information(
                self, self.tr("Language"),
                self.tr("Saved. The SHOPDESK_LANG environment variable chooses the language "
                        "right now; the saved one is used once it is unset."))
            return
        answer = QMessageBox.question(
            self, self.tr("Language"),
            self.tr("The window has to be reopened to show the new language. Reopen it now? "
                    "Your cases, filters and the open shift are kept."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.reopen_requested.emit()
        else:
            self.show_message(self.tr("The new language is used from the next start."), 8000)

    def show_background_failure(self, error: object) -> None:
        """A failed automatic backup: said in the status bar until the next start."""
        reason = error.message(self.lang) if isinstance(error, ShopDeskError) else str(error)
        self.background_warning.setText(self.tr(
            "Automatic backup failed: {reason}. Back up by hand (File menu); details in the "
            "log (Help → Open log folder).").format(reason=reason))
        self.background_warning.setToolTip(reason)
        self.background_warning.show()

    def show_help(self, section: int | None = None) -> HelpDialog:
        """Open (or raise) the user guide in the window's language, at `section` if given."""
        if self._help is None:
            from .dialogs.help_dialog import HelpDialog

            self._help = HelpDialog(self.lang, self)
            self._help.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._help.destroyed.connect(lambda *_: setattr(self, "_help", None))
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()
        if section is not None:
            self._help.show_section(section)
        return self._help

    def open_log_folder(self) -> bool:
        from .dialogs.error_dialog import open_log_folder  # with the first error or click

        return open_log_folder(self, self.log_folder)

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About ShopDesk"),
            self.tr("<h3>ShopDesk — after-sales desk</h3><p>Version {version}</p>"
                    "<p>An after-sales register for small online shops. Your data stays "
                    "on this computer.</p><p>Data folder: {path}</p>").format(
                version=__version__, path=self._register.paths.root))
