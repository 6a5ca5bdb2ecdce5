"""Settings: the staff list (add / deactivate) and the interface language."""

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

STAFF_TAB, LANGUAGE_TAB = 0, 1
LANGUAGES = (("zh", "简体中文"), ("en", "English"))  # each named in its own language


class SettingsDialog(QDialog):
    """Staff changes apply at once; the language is saved on OK and used after a restart."""

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
        self.tabs.setCurrentIndex(tab)

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
        layout.addWidget(self.deactivate_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(add_row)
        return page

    def _reload_staff(self) -> None:
        self.staff_list.clear()
        for member in self._register.staff.list():
            item = QListWidgetItem(member.name)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.staff_list.addItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.deactivate_button.setEnabled(self.staff_list.currentItem() is not None)

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
                    "their name.").format(name=item.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._register.staff.deactivate(item.data(Qt.ItemDataRole.UserRole),
                                        actor=self._actor(item.text()))
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
        note = QLabel(self.tr("The new language takes effect after ShopDesk is restarted."),
                      page)
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

    def chosen_language(self) -> str:
        return self.language_combo.currentData()
