"""Settings → Shop profile: the shops per platform, the default platform, each shop's return
addresses with one default. Fills {店铺} and {退货地址} in reply scripts."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Platform
from ...domain.shop_profile import Shop, ShopProfile
from ...services.register import Register
from ..widgets.enum_combo import EnumCombo


class ShopProfilePage(QWidget):
    """Edits a copy of the profile; `profile()` is what the dialog saves on OK."""

    def __init__(self, register: Register, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        saved = register.shop_profile.profile()
        self._shops: list[Shop] = list(saved.shops)
        self._row = -1

        self.default_platform = EnumCombo(Platform, lang, empty_label=self.tr("(none)"))
        self.default_platform.setObjectName("profile_default_platform")
        self.default_platform.set_current(saved.default_platform)
        self.shop_list = QListWidget(self)
        self.shop_list.setObjectName("profile_shops")
        self.add_button = QPushButton(self.tr("Add shop"), self)
        self.add_button.setObjectName("profile_add_shop")
        self.remove_button = QPushButton(self.tr("Remove shop"), self)
        self.remove_button.setObjectName("profile_remove_shop")
        self.platform = EnumCombo(Platform, lang)
        self.platform.setObjectName("profile_platform")
        self.name = QLineEdit(self)
        self.name.setObjectName("profile_shop_name")
        self.name.setPlaceholderText(self.tr("As the platform shows it, e.g. 暖暖家居旗舰店"))
        self.addresses = QPlainTextEdit(self)
        self.addresses.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.addresses.setObjectName("profile_addresses")
        self.addresses.setPlaceholderText(self.tr("One return address a line: address, "
                                                  "recipient, phone"))
        self.addresses.setMaximumHeight(90)
        self.default_address = QComboBox(self)
        self.default_address.setObjectName("profile_default_address")

        form = QFormLayout()
        form.addRow(self.tr("Platform:"), self.platform)
        form.addRow(self.tr("Shop name:"), self.name)
        form.addRow(self.tr("Return addresses:"), self.addresses)
        form.addRow(self.tr("Default address:"), self.default_address)
        self.editor = QWidget(self)
        self.editor.setLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QFormLayout()
        top.addRow(self.tr("Default platform for new cases:"), self.default_platform)
        note = QLabel(self.tr("Fills {店铺} and {退货地址} in the reply scripts."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.shop_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor)

        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.shop_list.currentRowChanged.connect(self._select)
        self.platform.currentIndexChanged.connect(lambda _i: self._store())
        self.name.textEdited.connect(lambda _t: self._store())
        self.addresses.textChanged.connect(self._addresses_changed)
        self.default_address.activated.connect(lambda _i: self._store())
        self._reload_list()
        self.shop_list.setCurrentRow(0 if self._shops else -1)
        self._select(self.shop_list.currentRow())

    def _label(self, shop: Shop) -> str:
        return f"{shop.platform.label(self._lang)} — {shop.name or '…'}"

    def _reload_list(self) -> None:
        self.shop_list.blockSignals(True)
        row = self.shop_list.currentRow()
        self.shop_list.clear()
        for shop in self._shops:
            self.shop_list.addItem(self._label(shop))
        self.shop_list.setCurrentRow(min(row, len(self._shops) - 1))
        self.shop_list.blockSignals(False)

    def _select(self, row: int) -> None:
        self._row = row
        shop = self._shops[row] if 0 <= row < len(self._shops) else None
        self.editor.setEnabled(shop is not None)
        self.remove_button.setEnabled(shop is not None)
        for w in (self.platform, self.name, self.addresses, self.default_address):
            w.blockSignals(True)
        self.platform.set_current(shop.platform if shop else Platform.TAOBAO)
        self.name.setText(shop.name if shop else "")
        self.addresses.setPlainText("\n".join(shop.addresses) if shop else "")
        self._fill_defaults(shop.default_address if shop else 0)
        for w in (self.platform, self.name, self.addresses, self.default_address):
            w.blockSignals(False)

    def _lines(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.addresses.toPlainText().splitlines()
                     if line.strip())

    def _fill_defaults(self, current: int) -> None:
        self.default_address.clear()
        for line in self._lines():
            self.default_address.addItem(line)
        if self.default_address.count():
            self.default_address.setCurrentIndex(min(max(current, 0),
                                                     self.default_address.count() - 1))

    def _addresses_changed(self) -> None:
        self._fill_defaults(self.default_address.currentIndex())
        self._store()

    def _store(self) -> None:
        if not 0 <= self._row < len(self._shops):
            return
        platform = self.platform.current() or Platform.TAOBAO
        self._shops[self._row] = Shop(platform, self.name.text(),  # type: ignore[arg-type]
                                      self._lines(), max(self.default_address.currentIndex(), 0))
        item = self.shop_list.item(self._row)
        if item is not None:
            item.setText(self._label(self._shops[self._row]))

    def _add(self) -> None:
        platform = self.default_platform.current() or Platform.TAOBAO
        self._shops.append(Shop(platform, ""))  # type: ignore[arg-type]
        self._reload_list()
        self.shop_list.setCurrentRow(len(self._shops) - 1)
        self.name.setFocus()

    def _remove(self) -> None:
        if 0 <= self._row < len(self._shops):
            del self._shops[self._row]
            self._reload_list()
            self._select(self.shop_list.currentRow())

    def profile(self) -> ShopProfile:
        return ShopProfile(tuple(self._shops),
                           self.default_platform.current())  # type: ignore[arg-type]
