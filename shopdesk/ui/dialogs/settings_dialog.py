"""Settings: the staff list (add / deactivate, PINs), the interface language, shifts, the
deadline warning threshold with the deadline rules, reminders, and team mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import ValidationError
from ...services.register import Register
from .deadline_settings import DeadlineSettingsPage
from .followup_settings import FollowupSettingsPage
from .limits_page import LimitsPage
from .reminder_settings import ReminderSettingsPage
from .settings_tabs import (  # noqa: F401 - the tabs are named from here too
    DEADLINES_TAB,
    FOLLOWUPS_TAB,
    LANGUAGE_TAB,
    LIMITS_TAB,
    PROFILE_TAB,
    REMINDERS_TAB,
    SHIFTS_TAB,
    STAFF_TAB,
    TEAM_TAB,
)
from .shift_settings import PinDialog, ShiftSettingsPage
from .shop_profile_page import ShopProfilePage
from .team_settings import TeamSettingsPage

_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGES = (("zh", "简体中文"), ("en", "English"))  # each named in its own language


class SettingsDialog(QDialog):
    """Staff changes apply at once; the language and the shop profile are saved on OK (the
    window then offers to reopen in the new language)."""

    def __init__(self, register: Register, lang: str, *, forced_lang: str | None = None,
                 tab: int = STAFF_TAB, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._register = register
        self._lang = lang
        self.staff_changed = False
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(420, 360)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._staff_page(), self.tr("Staff"))
        self.tabs.addTab(self._language_page(forced_lang), self.tr("Language"))
        self.shift_page = ShiftSettingsPage(register, self)
        self.tabs.addTab(self.shift_page, self.tr("Shifts"))
        self.profile_page = ShopProfilePage(register, lang, self)
        self.tabs.addTab(self.profile_page, self.tr("Shop profile"))
        self.deadline_page = DeadlineSettingsPage(register, lang, self)
        self.tabs.addTab(self.deadline_page, self.tr("Deadlines"))
        self.reminder_page = ReminderSettingsPage(register, lang, self)
        self.tabs.addTab(self.reminder_page, self.tr("Reminders"))
        self.followup_page = FollowupSettingsPage(register, lang, self)
        self.tabs.addTab(self.followup_page, self.tr("Follow-ups"))
        self.limits_page = LimitsPage(register, lang, self)
        self.tabs.addTab(self.limits_page, self.tr("Limits"))
        self.team_page = TeamSettingsPage(register, lang, self)
        self.team_page.save_other_pages = self.save_pages
        self.tabs.addTab(self.team_page, self.tr("Team mode"))
        # This PC now uses another register: the other tabs were about the old one.
        self.team_page.setup_ended.connect(lambda ok: self.reject() if ok else None)
        self.tabs.setCurrentIndex(tab)
        # Eight tabs: wide enough that none hides behind the tab bar's scroll arrows.
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + 24)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self._reload_staff()

    # --- staff -----------------------------------------------------------
    def _staff_page(self) -> QWidget:
        page = QWidget(self)
        self.staff_list = QListWidget(page)
        self.staff_list.setObjectName("staff_list")
        self.name_edit = QLineEdit(page)
        self.name_edit.setObjectName("staff_name")
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. 小王"))
        self.name_edit.setMaxLength(32)
        self.add_button = QPushButton(self.tr("Add"), page)
        self.add_button.setObjectName("staff_add")
        self.deactivate_button = QPushButton(self.tr("Deactivate"), page)
        self.deactivate_button.setObjectName("staff_deactivate")
        self.deactivate_button.setToolTip(
            self.tr("Hide from the operator list; their name stays on past changes"))
        self.pin_button = QPushButton(self.tr("Set PIN…"), page)
        self.pin_button.setObjectName("staff_set_pin")
        self.pin_button.setToolTip(self.tr("A 4-digit PIN asked when this person starts a "
                                           "shift, acknowledges a hand-off or becomes the "
                                           "operator"))
        self.clear_pin_button = QPushButton(self.tr("Clear PIN…"), page)
        self.clear_pin_button.setObjectName("staff_clear_pin")
        self.pin_button.clicked.connect(lambda: self._edit_pin(clear=False))
        self.clear_pin_button.clicked.connect(lambda: self._edit_pin(clear=True))
        self.add_button.clicked.connect(self._add_staff)
        self.name_edit.returnPressed.connect(self._add_staff)
        self.deactivate_button.clicked.connect(self._deactivate_staff)
        self.staff_list.currentRowChanged.connect(lambda _r: self._update_buttons())

        add_row = QHBoxLayout()
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("People who work on this register:"), page))
        layout.addWidget(self.staff_list, 1)
        member_row = QHBoxLayout()
        member_row.addWidget(self.deactivate_button)
        member_row.addWidget(self.pin_button)
        member_row.addWidget(self.clear_pin_button)
        member_row.addStretch(1)
        layout.addLayout(member_row)
        layout.addLayout(add_row)
        return page

    def _reload_staff(self) -> None:
        self.staff_list.clear()
        with_pin = self._register.staff.staff_with_pins()
        for member in self._register.staff.list():
            mark = self.tr("  (PIN)") if member.name in with_pin else ""
            item = QListWidgetItem(member.name + mark)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            item.setData(_NAME_ROLE, member.name)
            self.staff_list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.staff_list.currentItem()
        self.deactivate_button.setEnabled(item is not None)
        self.pin_button.setEnabled(item is not None)
        self.clear_pin_button.setEnabled(
            item is not None and self._register.staff.has_pin(item.data(_NAME_ROLE)))

    def _edit_pin(self, *, clear: bool) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            return
        dialog = PinDialog(self._register, item.data(_NAME_ROLE), self._lang, clear=clear,
                           parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            row = self.staff_list.currentRow()
            self._reload_staff()
            self.staff_list.setCurrentRow(row)

    def _actor(self, fallback: str) -> str:
        return self._register.staff.current_operator() or fallback

    def _add_staff(self) -> None:
        name = self.name_edit.text().strip()
        try:
            self._register.staff.add(name, actor=self._actor(name))
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Cannot add"),
                                "\n".join(e.message(self._lang) for e in exc.errors))
            return
        self.staff_changed = True
        self.name_edit.clear()
        self._reload_staff()

    def _deactivate_staff(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Deactivate"),
            self.tr("Remove {name} from the operator list? Their past changes keep "
                    "their name.").format(name=item.data(_NAME_ROLE)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._register.staff.deactivate(item.data(Qt.ItemDataRole.UserRole),
                                        actor=self._actor(item.data(_NAME_ROLE)))
        self.staff_changed = True
        self._reload_staff()

    # --- language --------------------------------------------------------
    def _language_page(self, forced_lang: str | None) -> QWidget:
        page = QWidget(self)
        self.language_combo = QComboBox(page)
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        saved = self._register.language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(saved), 0))
        note = QLabel(self.tr("On OK the window offers to reopen in the new language."), page)
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Interface language:"), self.language_combo)
        form.addRow(note)
        if forced_lang:
            forced = QLabel(self.tr("Right now the SHOPDESK_LANG environment variable "
                                    "chooses the language, and it wins over this setting."),
                            page)
            forced.setWordWrap(True)
            form.addRow(forced)
        return page

    def accept(self) -> None:
        """Save every page; a refused page keeps the dialog open on its tab with the
        reason."""
        if self.save_pages():
            super().accept()

    def save_pages(self) -> bool:
        """Save what the pages hold, as OK does; False (on the refusing page's tab, with
        its reason) when a page refuses. Team mode calls it before switching registers, so
        edits on the other tabs are kept, in the register they were made for."""
        if not self.reminder_page.save():
            self.tabs.setCurrentWidget(self.reminder_page)  # where the refusal is shown
            return False
        if not self.limits_page.save(self._actor("")):
            self.tabs.setCurrentWidget(self.limits_page)
            return False
        profile = self.profile_page.profile()
        if profile != self._register.shop_profile.profile():
            try:
                self._register.shop_profile.save(profile, self._actor("ShopDesk"))
            except ValidationError as exc:
                self.tabs.setCurrentWidget(self.profile_page)
                QMessageBox.warning(self, self.tr("Shop profile"),
                                    "\n".join(e.message(self._lang) for e in exc.errors))
                return False
        self.shift_page.save()
        self.deadline_page.save()
        self.followup_page.save()
        return True

    def done(self, result: int) -> None:
        if self.team_page.busy():  # a team set-up is copying: it says when it has ended
            return
        super().done(result)

    def chosen_language(self) -> str:
        return self.language_combo.currentData()
