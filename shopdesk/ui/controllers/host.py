"""What a feature controller may use of the main window (the window implements it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QMenu, QPushButton, QWidget

if TYPE_CHECKING:
    from ...domain.case_query import GroupFilter
    from ...services.register import Register
    from ..tasks import Tasks
    from ..views.case_detail import CaseDetailView
    from ..views.case_list_view import CaseListView
    from ..views.filter_bar import FilterBar
    from ..views.operator_picker import OperatorPicker


class Host(Protocol):
    """The main window as its controllers see it."""

    lang: str
    filter_bar: FilterBar
    case_list: CaseListView
    operator_picker: OperatorPicker
    detail: CaseDetailView
    tasks: Tasks
    background_failed: SignalInstance  # a background job's exception, shown in the status bar

    @property
    def register(self) -> Register: ...

    @property
    def settings(self) -> QSettings: ...

    def operator(self) -> str:
        """Who is at the keyboard ('' when nobody is chosen)."""
        ...

    def show_message(self, text: str, msecs: int) -> None:
        """A passing message in the status bar."""
        ...

    def refresh(self) -> None:
        """Reload the list and the case on screen."""
        ...

    def after_change(self) -> None:
        """A case was changed (offers to start a shift when nobody is on it)."""
        ...

    def open_case_by_id(self, case_id: int) -> None: ...

    def bring_to_front(self) -> None:
        """Show the window (also from the tray, hidden or minimised) and raise it."""
        ...

    def hide(self) -> None:
        """Hide the window (closing it to the tray)."""
        ...

    def quit_app(self) -> None:
        """Quit for real (the tray's Quit), even when closing only hides the window."""
    def show_group(self, group: GroupFilter) -> None:
        """List the cases behind one row of the complaint analysis (and come forward)."""
        ...

    def set_register(self, register: Register) -> None:
        """Switch every view and controller to another open register (after a restore)."""
        ...


def require_operator(host: Host, parent: QWidget) -> str:
    """The operator's name; '' after asking the user to choose one in the toolbar (what
    is written records who did it, so nothing starts without one). With nobody on the
    staff list the toolbar's list is empty: the user is asked their name here instead (the
    first start's question), and the action goes on under it."""
    name = host.operator()
    if not name and not host.register.staff.list():
        # A new register whose first-start question was cancelled, or one whose only
        # staff were the demo's, cleared with it.
        from ..dialogs.operator_name import ask_operator_name

        if ask_operator_name(parent, host.register.staff, host.lang):
            host.operator_picker.reload()
            name = host.operator()
    elif not name:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            parent, QCoreApplication.translate("CaseController", "Choose the operator"),
            QCoreApplication.translate("CaseController",
                                       "First choose who you are in the toolbar (Operator)."))
        host.operator_picker.combo.setFocus()
    return name


def make_action(parent: QObject, name: str, text: str, slot,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
    """A named action calling `slot()`, with its shortcut and tip (also shown in the status
    bar while the menu item is hovered)."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def window_wide(parent: QWidget, *actions: QAction) -> None:
    """Make the actions' shortcuts work wherever the focus is in `parent`."""
    for action in actions:
        parent.addAction(action)


def show_tool_window(parent: QWidget, widget: QWidget, title: str,
                     size: tuple[int, int]) -> None:
    """Show `widget` as its own non-modal window that closes with `parent`."""
    widget.setParent(parent, Qt.WindowType.Window)
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    widget.setWindowTitle(title)
    add_close_controls(widget)
    widget.resize(*size)
    widget.show()
    widget.raise_()


def add_close_controls(window: QWidget) -> QPushButton:
    """A tool window closes like a dialog: a Close button at the bottom, Esc and Ctrl+W.
    Returns the button (named "tool_window_close")."""
    button = QPushButton(QCoreApplication.translate("ToolWindow", "Close"), window)
    button.setObjectName("tool_window_close")
    button.setAutoDefault(False)
    button.clicked.connect(window.close)
    layout = window.layout()
    if isinstance(layout, QBoxLayout):
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
    for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence("Ctrl+W")):
        shortcut = QShortcut(keys, window, window.close)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    # Keys the window's widgets leave unused also reach it when it is not the active
    # window (a shortcut then stays silent): close on those too.
    window.installEventFilter(_CloseKeys(window))
    return button


class _CloseKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                and isinstance(watched, QWidget):
            key = event.key()
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_W and ctrl):
                watched.close()
                return True
        return False


def fill_menu(menu: QMenu, actions: tuple[QAction | None, ...]) -> None:
    """Add `actions` to `menu` in order; None is a separator."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
