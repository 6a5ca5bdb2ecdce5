"""The main window's chrome: its actions, menus, toolbar and status bar.

A mixin of MainWindow (its tr() context is this class's name, which the translation file
follows): the window builds these once, after its views and controllers exist.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QToolBar, QVBoxLayout, QWidget

from ..diagnostics import LOGGER_NAME
from .controllers.host import fill_menu, make_action
from .dialogs.settings_tabs import (
    LANGUAGE_TAB,
    PROFILE_TAB,
    REMINDERS_TAB,
    SHIFTS_TAB,
    STAFF_TAB,
)

if TYPE_CHECKING:
    from .dialogs.help_dialog import HelpDialog

# The status bar's data-folder label at most (pixels): room for the indicators beside it
# at 1280 wide.
_PATH_LABEL_WIDTH = 640


class MainWindowChrome:
    """Actions, menus, toolbar and status bar of MainWindow (mixed into it: `self` is the
    window, with its views and controllers built)."""

    def _action(self, name: str, text: str, slot: Any,
                shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        return make_action(self, name, text, slot, shortcut, tip)

    def _build_actions(self) -> None:
        self.act_new = self._action("action_new_case", self.tr("&New case…"), self.new_case,
                                    QKeySequence.StandardKey.New,
                                    self.tr("Log a new after-sales case (Ctrl+N)"))
        self.act_quit = self._action("action_quit", self.tr("E&xit"), self.close,
                                     QKeySequence.StandardKey.Quit)
        self.act_refresh = self._action("action_refresh", self.tr("&Refresh"), self.refresh,
                                        QKeySequence.StandardKey.Refresh,
                                        self.tr("Reload the list (F5)"))
        self.act_find = self._action("action_find", self.tr("&Find"), self._focus_search,
                                     QKeySequence.StandardKey.Find)
        self.act_trash = self._action("action_trash", self.tr("Move to &trash"),
                                      self.move_to_trash, QKeySequence.StandardKey.Delete,
                                      self.tr("Move the selected cases to the trash (Delete)"))
        # Delete only acts in the table: in the search box it must still delete text.
        self.act_trash.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.case_list.table.addAction(self.act_trash)
        self.act_untrash = self._action("action_untrash", self.tr("Rest&ore"),
                                        self.restore_from_trash,
                                        tip=self.tr("Bring the selected cases back"))
        self.act_empty_trash = self._action("action_empty_trash", self.tr("&Empty trash…"),
                                            self.empty_trash,
                                            tip=self.tr("Delete the cases in the trash "
                                                        "for good"))
        self.act_staff = self._action("action_staff", self.tr("&Staff…"),
                                      lambda: self.open_settings(STAFF_TAB))
        self.act_language = self._action("action_language", self.tr("&Language…"),
                                         lambda: self.open_settings(LANGUAGE_TAB))
        self.act_reminder_settings = self._action(
            "action_reminder_settings", self.tr("&Reminder settings…"),
            lambda: self.open_settings(REMINDERS_TAB),
            tip=self.tr("Minutes of notice before due times, quiet hours, when to remind "
                        "about today's refunds, minimising to the tray"))
        self.act_shift_settings = self._action(
            "action_shift_settings", self.tr("Shi&ft settings…"),
            lambda: self.open_settings(SHIFTS_TAB),
            tip=self.tr("The offer to start a shift and the next shift's length"))
        self.act_shop_profile = self._action("action_shop_profile", self.tr("S&hop profile…"),
                                             lambda: self.open_settings(PROFILE_TAB),
                                             tip=self.tr("Shop names, default platform and "
                                                         "return addresses used in scripts"))
        self.act_help = self._action("action_help", self.tr("&User guide"), self.show_help,
                                     QKeySequence.StandardKey.HelpContents,
                                     self.tr("How to use ShopDesk (F1)"))
        self._help: HelpDialog | None = None
        self.act_about = self._action("action_about", self.tr("&About ShopDesk"),
                                      self.show_about)
        self.act_log_folder = self._action("action_open_log_folder", self.tr("Open &log folder"),
                                           self.open_log_folder)
        # The features' own actions, kept under the names tests and menus know.
        self.act_import = self.imports.act_import
        self.act_export = self.exports.act_export
        self.act_backup = self.backup.act_backup
        self.act_restore_backup = self.backup.act_restore_backup
        self.act_policy = self.calls.act_policy
        self.act_compliance = self.calls.act_compliance
        self.act_scripts = self.scripts.act_scripts
        self.act_print_summary = self.summary.act_print_summary
        self.act_new_promise = self.promises.act_new_promise
        self.act_mark_major = self._action("action_mark_major",
                                           self.tr("Mark as &major complaint…"),
                                           lambda: self.detail.mark_major())

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("menu_file")
        fill_menu(file_menu, (self.act_new, self.act_import, self.imports.act_history,
                               self.act_export,
                               self.analysis.act_monthly_report, None,
                               self.act_backup, self.act_restore_backup, None,
                               self.first_start.act_load_demo, self.demo.act_remove_demo,
                               None, self.act_quit))
        file_menu.aboutToShow.connect(self.demo.update_action)
        case_menu = bar.addMenu(self.tr("&Cases"))
        case_menu.setObjectName("menu_cases")
        fill_menu(case_menu, (self.act_new_promise, self.act_find, self.act_refresh, None,
                               self.act_trash, self.act_untrash, self.act_empty_trash, None,
                               self.act_print_summary, self.act_mark_major,
                               self.blacklist.act_list_buyer))
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("menu_view")
        fill_menu(view_menu, (self.calls.act_may_call, self.act_compliance, self.act_scripts,
                               None, self.followups.act_followups, self.analysis.act_analysis,
                               self.blacklist.act_blacklist))
        bar.addMenu(self.shifts.menu)
        settings_menu = bar.addMenu(self.tr("&Settings"))
        settings_menu.setObjectName("menu_settings")
        fill_menu(settings_menu, (self.act_staff, self.act_shop_profile, self.act_language,
                                   self.act_shift_settings, self.act_reminder_settings,
                                   self.act_policy,
                                   self.team.act_team))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.act_help)
        help_menu.addAction(self.act_log_folder)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        # The most urgent first: server offline, overdue promises, unacknowledged hand-off.
        layout.addWidget(self.team.banner)
        layout.addWidget(self.promises.banner)
        layout.addWidget(self.shifts.banner)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_toolbar(self) -> None:
        bar = self.main_toolbar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()
        # Toolbar labels without the menu's "(&N)" accelerators, with the style's own icons.
        buttons = (
            (self.act_new, self.tr("New case"), QStyle.StandardPixmap.SP_FileIcon),
            (self.act_refresh, self.tr("Refresh"), QStyle.StandardPixmap.SP_BrowserReload),
            None,
            (self.act_trash, self.tr("Move to trash"), QStyle.StandardPixmap.SP_TrashIcon),
            (self.act_untrash, self.tr("Restore"), QStyle.StandardPixmap.SP_ArrowBack),
            (self.act_empty_trash, self.tr("Empty trash"),
             QStyle.StandardPixmap.SP_DialogDiscardButton),
        )
        for entry in buttons:
            if entry is None:
                bar.addSeparator()
                continue
            action, label, icon = entry
            action.setIconText(label)
            action.setIcon(style.standardIcon(icon))
            bar.addAction(action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # Improvement plans due or off target (shown and hidden through its action).
        self.analysis.indicator_action = bar.addWidget(self.analysis.indicator)
        # Its plan results read the cases (a tenth of a second at 100,000): filled in once
        # the list has painted (_count_after_first_paint).
        bar.addWidget(self.operator_picker)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_status_bar(self) -> None:
        self.statusBar().addPermanentWidget(self.reminders.status_label)
        self.statusBar().addPermanentWidget(self.followups.indicator)
        self.statusBar().addPermanentWidget(self.shifts.status_label)
        path = str(self._register.paths.root)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("data_folder_label")
        template = self.tr("Data folder: {path}")
        tip = path
        notice = self._register.storage_notice
        if notice is not None:  # the register works, but the user should know (in red)
            template = self.tr("Data folder: {path} (its drive refused SQLite's WAL journal; "
                               "hover for details)")
            tip = notice.message(self.lang)
            self.path_label.setStyleSheet("color: #b00020;")
            logging.getLogger(LOGGER_NAME).warning("%s", notice.message("en"))
        # A long path gives way in its middle; the words around it stay whole.
        metrics = self.path_label.fontMetrics()
        room = max(_PATH_LABEL_WIDTH - metrics.horizontalAdvance(template.format(path="")),
                   _PATH_LABEL_WIDTH // 4)
        self.path_label.setText(template.format(
            path=metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, room)))
        self.path_label.setToolTip(tip)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.path_label)
        self.background_warning = QLabel(self)
        self.background_warning.setObjectName("background_warning")
        self.background_warning.setStyleSheet("color: #b00020;")
        self.background_warning.hide()
        self.statusBar().addPermanentWidget(self.background_warning)
        self.background_failed.connect(self.show_background_failure)

