"""Combo boxes over the domain's labelled enums (labels from the domain, keys as item data)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain.enums import Cause, CauseSide
from ...domain.labels import LabelledEnum


class EnumCombo(QComboBox):
    """Pick one member of `enum`; an optional empty first entry stands for 'not set'."""

    def __init__(self, enum: type[LabelledEnum], lang: str, *, empty_label: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enum = enum
        self.lang = lang
        if empty_label is not None:
            self.addItem(empty_label, "")
        self._fill()

    def _fill(self) -> None:
        for member in self.enum:
            self.addItem(member.label(self.lang), member.value)

    def current(self) -> LabelledEnum | None:
        key = self.currentData()
        return self.enum(key) if key else None

    def current_key(self) -> str:
        return self.currentData() or ""

    def set_current(self, member: LabelledEnum | None) -> None:
        index = self.findData(member.value if member is not None else "")
        if index >= 0:
            self.setCurrentIndex(index)


class CauseCombo(EnumCombo):
    """Causes grouped under their side (卖家原因 / 快递原因 / 买家原因 / 其他).

    Group headings are disabled items, so arrow keys and clicks skip them.
    """

    def __init__(self, lang: str, *, empty_label: str, parent: QWidget | None = None) -> None:
        super().__init__(Cause, lang, empty_label=empty_label, parent=parent)

    def _fill(self) -> None:
        model = self.model()
        assert isinstance(model, QStandardItemModel)
        for side in CauseSide:
            self.addItem(side.label(self.lang), None)
            heading = model.item(self.count() - 1)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            for cause in Cause:
                if cause.side == side:
                    self.addItem(cause.label(self.lang), cause.value)
        self.setItemDelegate(_IndentDelegate(self))


class _IndentDelegate(QStyledItemDelegate):
    """Indents causes under their heading in the popup (the closed combo shows no indent)."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(Qt.ItemDataRole.UserRole):
            option.text = "    " + option.text
