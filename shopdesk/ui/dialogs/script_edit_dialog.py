"""Edit a script of the library, or write a new shop script (checked like the shipped ones)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import CaseKind, Cause, CustomerType
from ...domain.errors import ValidationError
from ...domain.labels import LabelledEnum
from ...domain.scripts import ANY, Audience, Channel, HandlingStep, ScriptLibraryError
from ...services.scripts import ScriptService
from ...services.scripts_io import script_to_dict
from ..widgets.enum_combo import EnumCombo

ERROR_STYLE = "color: #a12a00;"


class CheckList(QListWidget):
    """Checkable enum members; none checked means "any"."""

    def __init__(self, enum: type[LabelledEnum], lang: str, checked: list[str],
                 exclude: tuple[str, ...] = ()) -> None:
        super().__init__()
        for member in enum:
            if member.value in exclude:
                continue
            item = QListWidgetItem(member.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, member.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if member.value in checked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(110)

    def keys(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]


class ScriptEditDialog(QDialog):
    """Emits saved(script id) and accepts when the service took the script."""

    saved = Signal(str)

    def __init__(self, service: ScriptService, operator: str, parent: QWidget | None = None,
                 *, script_id: str | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.service = service
        self.operator = operator
        self.script_id = script_id  # None: a new shop script
        self.lang = lang
        if script_id is None:
            step = HandlingStep.RESPOND
            data: dict[str, Any] = {"id": service.new_shop_id(step), "kinds": [ANY],
                                    "causes": [ANY], "step": step.value, "channel": "chat",
                                    "audience": "buyer"}
            self.setWindowTitle(self.tr("New script"))
        else:
            data = script_to_dict(service.get(script_id))
            self.setWindowTitle(self.tr("Edit script — %1").replace("%1", script_id))
        self._build(data)

    def _build(self, data: dict[str, Any]) -> None:
        lang = self.lang
        self.id_edit = QLineEdit(data.get("id", ""))
        if self.script_id is not None:
            # The id is what the shop's edit, usage counts and favourites hang on: an edit
            # keeps it (the service refuses another one), so it is shown, not offered.
            self.id_edit.setReadOnly(True)
            self.id_edit.setToolTip(self.tr("An existing script keeps its id."))
        self.step = EnumCombo(HandlingStep, lang)
        self.step.set_current(HandlingStep(data["step"]))
        self.channel = EnumCombo(Channel, lang)
        self.channel.set_current(Channel(data["channel"]))
        self.audience = EnumCombo(Audience, lang)
        self.audience.set_current(Audience(data.get("audience", "buyer")))
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        texts = QGridLayout()
        texts.addWidget(QLabel("中文"), 0, 1)
        # Only the shipped library must be bilingual; the shop may write Chinese only.
        english = QLabel(self.tr("English (optional)"))
        english.setToolTip(self.tr("Left empty, the English window shows the Chinese text."))
        texts.addWidget(english, 0, 2)
        for row, (name, label) in enumerate((("title", self.tr("Title")),
                                             ("tone", self.tr("Tone")),
                                             ("text", self.tr("Text")),
                                             ("facts", self.tr("Facts (one per line)"))),
                                            start=1):
            texts.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
            for col, code in enumerate(("zh", "en"), start=1):
                value = data.get(name, {}).get(code, "")
                if name == "facts":
                    # The facts a statement to the platform offers to tick ({事实}): kept
                    # when a shipped statement is edited, or the edit was refused.
                    value = "\n".join(value)
                edit: QLineEdit | QPlainTextEdit
                if name in ("text", "facts"):
                    edit = QPlainTextEdit(value)
                    edit.setTabChangesFocus(True)
                    if name == "facts":
                        edit.setPlaceholderText(self.tr("Only for a text with {事实}"))
                        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
                else:
                    edit = QLineEdit(value)
                    edit.setCursorPosition(0)  # show the start of a long title
                edit.setAccessibleName(f"{name}.{code}")
                texts.addWidget(edit, row, col)
                self.edits[f"{name}.{code}"] = edit
        self.kinds = CheckList(CaseKind, lang, data.get("kinds", []))
        self.causes = CheckList(Cause, lang, data.get("causes", []))
        self.ctypes = CheckList(CustomerType, lang, data.get("customer_types", []),
                                exclude=(CustomerType.UNKNOWN.value,))
        self.tags = QLineEdit(" ".join(data.get("tags", [])))
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.id_edit)
        form.addRow(self.tr("Step"), self.step)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Audience"), self.audience)
        form.addRow(self.tr("Tags"), self.tags)
        lists = QHBoxLayout()
        for title, widget in ((self.tr("Case kinds (none = any)"), self.kinds),
                              (self.tr("Causes (none = any)"), self.causes),
                              (self.tr("Customer types"), self.ctypes)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(widget)
            lists.addWidget(box)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(texts)
        layout.addLayout(lists)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(720, 640)

    def _text(self, key: str) -> str:
        edit = self.edits[key]
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def data(self) -> dict[str, Any]:
        """The script table as entered."""
        data: dict[str, Any] = {
            "id": self.id_edit.text().strip(),
            "kinds": self.kinds.keys() or [ANY],
            "causes": self.causes.keys() or [ANY],
            "step": self.step.current_key(),
            "channel": self.channel.current_key(),
            "audience": self.audience.current_key(),
        }
        for name in ("title", "tone", "text"):
            data[name] = {code: self._text(f"{name}.{code}") for code in ("zh", "en")}
        facts = {code: [line.strip() for line in self._text(f"facts.{code}").splitlines()
                        if line.strip()] for code in ("zh", "en")}
        if facts["zh"] or facts["en"]:
            data["facts"] = facts
        if self.ctypes.keys():
            data["customer_types"] = self.ctypes.keys()
        tags = self.tags.text().split()
        if tags:
            data["tags"] = tags
        return data

    def save(self) -> None:
        """Save through the service; on refusal show every reason and stay open."""
        try:
            if self.script_id is None:
                script = self.service.add_shop_script(self.data(), self.operator)
            else:
                script = self.service.edit(self.script_id, self.data(), self.operator)
        except ScriptLibraryError as exc:
            # Fields as this form names them ("标题（中文）"), not the file keys ("title.zh").
            self._show_errors([e.field_message(self.lang) for e in exc.errors])
            return
        except ValidationError as exc:
            self._show_errors([e.message(self.lang) for e in exc.errors])
            return
        self.saved.emit(script.id)
        self.accept()

    def _show_errors(self, lines: list[str]) -> None:
        self.errors.setText("\n".join(lines))
        self.errors.show()
