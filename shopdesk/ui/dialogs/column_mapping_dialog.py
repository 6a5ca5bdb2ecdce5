"""Map the columns of a file no preset recognises: one source column per target field.

The result is a ColumnMapping; it can be saved as a named profile and picked again
the next time a file of that shape comes in.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import CaseKind, Platform
from ...domain.errors import ValidationError
from ...domain.text import pick
from ...importers import ColumnMapping, MappingError, Preset, RecordType
from ...importers.mapping import FIELDS, REQUIRED_FIELDS, normalise_header
from ...services.profiles import ProfileService

NOT_MAPPED = ""


class ColumnMappingDialog(QDialog):
    """Choose which header of the file feeds each field; optionally save as a profile."""

    def __init__(
        self,
        headers: Sequence[str],
        profiles: ProfileService,
        *,
        lang: str = "zh",
        presets: Sequence[Preset] = (),
        initial: ColumnMapping | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = [h for h in headers if h.strip()]
        self.profiles = profiles
        self.lang = lang
        self.presets = tuple(presets)
        self._mapping: ColumnMapping | None = None
        self.setWindowTitle(self.tr("Column mapping"))
        self._build()
        if initial is not None:
            self.set_mapping(initial)
        else:
            self._fill_fields()

    # --- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.record_type = QComboBox()
        self.record_type.addItem(
            self.tr("After-sales / refunds (become cases)"), RecordType.REFUND.value
        )
        self.record_type.addItem(
            self.tr("Orders (buyer details for cases)"), RecordType.ORDER.value
        )
        self.record_type.currentIndexChanged.connect(self._fill_fields)
        self.platform = QComboBox()
        for p in Platform:
            self.platform.addItem(p.label(self.lang), p.value)
        self.platform.setCurrentIndex(self.platform.findData(Platform.OTHER.value))
        self.default_kind = QComboBox()
        self.default_kind.addItem(self.tr("(from the file)"), "")
        for k in CaseKind:
            self.default_kind.addItem(k.label(self.lang), k.value)
        self.default_kind_label = QLabel(self.tr("Case kind when empty"))
        form = QFormLayout()
        form.addRow(self.tr("Rows are"), self.record_type)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.default_kind_label, self.default_kind)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.save_box = QCheckBox(self.tr("Save as profile"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Kuaishou after-sales"))
        self.name.textEdited.connect(lambda _t: self.save_box.setChecked(True))
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_box)
        save_row.addWidget(self.name, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this mapping"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(save_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def current_type(self) -> RecordType:
        return RecordType(self.record_type.currentData())

    def _fill_fields(self) -> None:
        kind = self.current_type()
        specs = FIELDS[kind]
        required = set(REQUIRED_FIELDS[kind])
        if kind is RecordType.REFUND:
            required.add("kind")  # a column, or the default above
        self.default_kind.setVisible(kind is RecordType.REFUND)
        self.default_kind_label.setVisible(kind is RecordType.REFUND)
        self.table.setRowCount(len(specs))
        self._combos: dict[str, QComboBox] = {}
        for row, (name, spec) in enumerate(specs.items()):
            label = pick(self.lang, spec.zh, spec.en)
            item = QTableWidgetItem(label + (" *" if name in required else ""))
            item.setToolTip(name)
            self.table.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), NOT_MAPPED)
            for header in self.headers:
                combo.addItem(header, header)
            guess = self._guess(kind, name, spec.zh)
            if guess:
                combo.setCurrentIndex(combo.findData(guess))
            self.table.setCellWidget(row, 1, combo)
            self._combos[name] = combo

    def _guess(self, kind: RecordType, name: str, zh: str) -> str:
        """The file's header that a preset (or the field's own name) uses for `name`."""
        by_norm = {normalise_header(h): h for h in self.headers}
        candidates = [zh] + [
            c for p in self.presets if p.record_type is kind for c in p.columns.get(name, ())
        ]
        for candidate in candidates:
            found = by_norm.get(normalise_header(candidate))
            if found:
                return found
        return ""

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show an existing mapping (a profile being edited)."""
        self.record_type.setCurrentIndex(self.record_type.findData(mapping.record_type.value))
        self._fill_fields()
        self.platform.setCurrentIndex(self.platform.findData(mapping.platform.value))
        for name, combo in self._combos.items():
            header = mapping.columns.get(name, NOT_MAPPED)
            index = combo.findData(header)
            combo.setCurrentIndex(index if index >= 0 else 0)
        self.default_kind.setCurrentIndex(
            max(self.default_kind.findData(mapping.defaults.get("kind", "")), 0)
        )
        if mapping.name:
            self.name.setText(mapping.name)

    # --- result --------------------------------------------------------------------
    def build_mapping(self) -> ColumnMapping:
        """The mapping as chosen; raises MappingError when it cannot work."""
        kind = self.current_type()
        columns = {n: c.currentData() for n, c in self._combos.items() if c.currentData()}
        missing = [FIELDS[kind][f] for f in REQUIRED_FIELDS[kind] if f not in columns]
        defaults = {}
        if kind is RecordType.REFUND and self.default_kind.currentData():
            defaults["kind"] = self.default_kind.currentData()
        elif kind is RecordType.REFUND and "kind" not in columns:
            missing.append(FIELDS[kind]["kind"])
        if missing:
            raise MappingError(
                "请为这些字段选择列：" + "、".join(s.zh for s in missing),
                "Choose a column for: " + ", ".join(s.en for s in missing),
            )
        return ColumnMapping(
            record_type=kind,
            platform=Platform(self.platform.currentData()),
            columns=columns,
            defaults=defaults,
            name=self.name.text().strip(),
        )

    def mapping(self) -> ColumnMapping | None:
        """The accepted mapping (None until the dialog was accepted)."""
        return self._mapping

    def accept(self) -> None:
        try:
            mapping = self.build_mapping()
            if self.save_box.isChecked():
                mapping = self.profiles.save(self.name.text(), mapping)
        except MappingError as exc:
            self.error.setText(pick(self.lang, exc.zh, exc.en))
            return
        except ValidationError as exc:
            self.error.setText(exc.errors[0].message(self.lang))
            return
        self._mapping = mapping
        super().accept()
