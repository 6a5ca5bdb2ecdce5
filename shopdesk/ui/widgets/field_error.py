"""A form field that can say what is wrong with it: red outline plus a small message below."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

ERROR_COLOUR = "#c62828"
_OUTLINE = f"QFrame#fieldFrame {{ border: 1px solid {ERROR_COLOUR}; border-radius: 3px; }}"


class FieldErrorLabel(QLabel):
    """Small red text; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
        self.setFont(font)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


class ValidatedField(QWidget):
    """Wraps an editor (or a row of widgets) in an outline frame with an error label below.

    The frame always keeps a 1px margin so that outlining a field never shifts the layout.
    """

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.frame = QFrame(self)
        self.frame.setObjectName("fieldFrame")
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(1, 1, 1, 1)
        inner.addWidget(editor)
        self.error = FieldErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.frame)
        layout.addWidget(self.error)

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    def set_error(self, message: str | None) -> None:
        """Show `message` (outline the field), or clear it with None."""
        if message:
            self.frame.setStyleSheet(_OUTLINE)
            self.error.show_error(message)
        else:
            self.frame.setStyleSheet("")
            self.error.clear_error()
