"""The "Who is working?" question: the first name on the staff list, asked wherever one
is needed.

The first start asks it on a new register, and so does any action that needs an operator
while nobody is on the staff list (the toolbar's operator list is empty then, so pointing
the user at it would lead nowhere)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ...domain.errors import ValidationError
from ...services.staff import StaffService

# Wrong names (empty, too long, taken) are asked again this many times; the toolbar's
# operator picker and Settings → Staff remain afterwards.
_ATTEMPTS = 5


def ask_operator_name(parent: QWidget | None, staff: StaffService, lang: str) -> str:
    """Ask for the user's name, add them to the staff and make them this PC's operator.
    Returns the name, '' when the user cancels."""
    # Literal context and text: lupdate reads only those (a wrapper's strings vanished
    # from the .ts and the question came up in English). Context: where it was first.
    question = QCoreApplication.translate("FirstStart", "Who is working?")
    hint = QCoreApplication.translate("FirstStart",
                                      "Your name (recorded on every change you make):")
    for _attempt in range(_ATTEMPTS):
        # The question is in the body, not the title: a narrow input dialog clipped it
        # in the title bar ("现在是谁…pDesk" at 1280x720). With no title of its own the
        # title bar shows just the application's name.
        name, ok = QInputDialog.getText(parent, "", question + "\n" + hint,
                                        QLineEdit.EchoMode.Normal, "")
        if not ok:
            return ""
        name = name.strip()
        try:
            staff.add(name, actor=name)
            staff.set_current_operator(name)
        except ValidationError as exc:
            hint = "\n".join(e.message(lang) for e in exc.errors)
            continue
        return name
    return ""
