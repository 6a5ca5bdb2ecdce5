"""Help → User guide (F1): the guide shipped in resources/help, in the window's language."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...domain.text import pick
from ...paths import resource_path

# The section the import dialog links to (each platform's export menu).
EXPORTS_SECTION = 3


def guide_text(lang: str) -> str:
    """The user guide as Markdown: Chinese unless the window is English."""
    name = pick(lang, "guide_zh.md", "guide_en.md")
    return resource_path("help", name).read_text(encoding="utf-8")


def section_title(lang: str, number: int) -> str:
    """The heading text of section `number` ('3. 从平台导出…'), as the browser shows it."""
    for line in guide_text(lang).splitlines():
        if line.startswith(f"## {number}."):
            return line[3:].strip()
    return ""


class HelpDialog(QDialog):
    """A reading window: not modal, so the guide can stay open beside the case."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("User guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(guide_text(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def show_section(self, number: int) -> bool:
        """Scroll to section `number` (e.g. 3: platform exports). False if not found."""
        title = section_title(self.lang, number)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        found = bool(title) and self.browser.find(title)
        if found:
            # Heading at the top of the view, not just somewhere on screen.
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.maximum())
            self.browser.ensureCursorVisible()
        return found
