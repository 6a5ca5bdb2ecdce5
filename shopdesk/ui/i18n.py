"""UI language: which one to use, and installing Qt translators for it.

Source strings are English (self.tr / QCoreApplication.translate); Simplified Chinese comes
from resources/translations/shopdesk_zh_CN.qm plus Qt's own qtbase_zh_CN.qm, so standard
buttons say 确定/取消. Enum labels are data and come from the domain's .label(lang).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..domain.text import is_english
from ..paths import resource_path

LANG_ENV = "SHOPDESK_LANG"
DEFAULT_LANG = "zh"
APP_QM = "shopdesk_zh_CN"
# A copy of the register's language setting kept in QSettings, so messages shown before the
# register is open (another instance running, a damaged file) speak the user's language.
LANGUAGE_HINT_KEY = "ui/languageHint"
# The language whose translators are installed, kept on the application object so every
# widget labels data (enums, scripts) in the same language as its tr() strings.
APP_LANG_PROPERTY = "shopdeskLanguage"


class _HasLanguage(Protocol):
    def language(self, env_value: str | None = None) -> str: ...


def normalise(value: str | None) -> str | None:
    """'en', 'en_US', 'EN' -> 'en'; 'zh', 'zh_CN' -> 'zh'; anything else -> None."""
    if not value:
        return None
    if is_english(value):
        return "en"
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    return None


def arg_language(args: Sequence[str]) -> str | None:
    """The language from `--lang en` / `--lang=en` on the command line, if any."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return normalise(args[i + 1])
        if arg.startswith("--lang="):
            return normalise(arg.split("=", 1)[1])
    return None


def override_language(env: Mapping[str, str], args: Sequence[str] = ()) -> str | None:
    """A language forced by the command line or SHOPDESK_LANG (command line wins)."""
    return arg_language(args) or normalise(env.get(LANG_ENV))


def hinted_language(settings: QSettings) -> str:
    """The last language the user chose, as remembered outside the register."""
    return normalise(str(settings.value(LANGUAGE_HINT_KEY, DEFAULT_LANG))) or DEFAULT_LANG


def remember_language_hint(settings: QSettings, lang: str) -> None:
    settings.setValue(LANGUAGE_HINT_KEY, normalise(lang) or DEFAULT_LANG)


def ui_language(register: _HasLanguage) -> str:
    """The language widgets should label data in: the installed translators' language
    (so `--lang en` reaches every view), else the register's setting or SHOPDESK_LANG."""
    app = QCoreApplication.instance()
    installed = normalise(app.property(APP_LANG_PROPERTY)) if app is not None else None
    return installed or register.language(os.environ.get(LANG_ENV))


def translations_dir() -> Path:
    """Folder holding shopdesk_zh_CN.qm."""
    return resource_path("translations")


def qt_translations_dir() -> str:
    """PySide6's bundled Qt translations (qtbase_zh_CN.qm lives here)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


# Strings this Qt version asks for that its shipped qtbase_zh_CN.qm does not know yet (Qt
# added accelerators to them): without these the Chinese file dialog says "Look in:".
QT_GAPS_ZH = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class _GapTranslator(QTranslator):
    """Answers only the strings in `table`; installed after Qt's own translator."""

    def __init__(self, table: Mapping[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._table = dict(table)

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # None (a null string): "not mine", so Qt asks the next translator.
        return self._table.get((context, source))

    def isEmpty(self) -> bool:
        return not self._table


class Translators:
    """The translators installed on one application; install() replaces earlier ones."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.lang = "en"

    def install(self, lang: str) -> bool:
        """Install the translators for `lang`; returns False if a .qm file failed to load."""
        self.remove()
        self.lang = normalise(lang) or DEFAULT_LANG
        self._app.setProperty(APP_LANG_PROPERTY, self.lang)
        if is_english(self.lang):
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return True
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ok = True
        for name, folder in (("qtbase_zh_CN", qt_translations_dir()),
                             (APP_QM, str(translations_dir()))):
            translator = QTranslator(self._app)
            data = _read_qm(Path(folder) / f"{name}.qm")
            # Loaded from memory: Qt maps a file it loads, and an update written over
            # the file while the window runs turned half the window English mid-shift.
            # Qt does not copy the data: it lives as long as the translator does (on the
            # translator's wrapper, which its parent, the application, keeps: a Translators
            # dropped after install() freed the bytes and the window turned English).
            if data is not None and translator.load(data, folder):
                translator.qm_bytes = data  # type: ignore[attr-defined]
                self._app.installTranslator(translator)
                self._installed.append(translator)
            else:
                ok = False
        gaps = _GapTranslator(QT_GAPS_ZH, self._app)
        self._app.installTranslator(gaps)
        self._installed.append(gaps)
        return ok

    def remove(self) -> None:
        self._app.setProperty(APP_LANG_PROPERTY, None)
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed.clear()


def _read_qm(path: Path) -> bytes | None:
    """A .qm file's bytes; None when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError:
        return None
