"""Composition root: data folder, single-instance guard, register, translators, window."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

# The core before Qt: once PySide6 is imported, it reads the source of every module
# imported after it (shiboken's `__feature__` check), a few tenths of a second of a start
# for the ~250 modules below the UI.
from . import __version__
from .diagnostics import LOGGER_NAME
from .domain.clock import Clock, SystemClock
from .domain.errors import ShopDeskError
from .paths import DataPaths, data_dir, log_dir, resource_path
from .services.register import Register, open_register

# isort: split
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .ui import startup_texts as texts
from .ui.i18n import Translators, hinted_language, override_language
from .ui.main_window import MainWindow
from .ui.pyside_workarounds import protect_bool_refcounts
from .ui.single_instance import SingleInstanceGuard
from .ui.window_state import APPLICATION, ORGANIZATION, app_settings

EXIT_OK, EXIT_ERROR = 0, 1
# Set by packaging/smoke_test.py only: screenshot the started window to this file and quit.
SMOKE_SCREENSHOT_ENV = "SHOPDESK_SMOKE_SCREENSHOT"
SMOKE_DELAY_MS = 1500
log = logging.getLogger(LOGGER_NAME)


def _application(args: Sequence[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "shopdesk", *args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("ShopDesk")
    app.setApplicationVersion(__version__)
    icon = resource_path("icons", "shopdesk.png")
    if icon.is_file():  # taskbar and title bar; the bundles also carry .ico/.icns
        app.setWindowIcon(QIcon(str(icon)))
    app.setDesktopFileName("shopdesk")  # Wayland/X11 match the window to shopdesk.desktop
    return app


def create_main_window(register: Register, env: Mapping[str, str], args: Sequence[str],
                       translators: Translators) -> MainWindow:
    """Pick the language (command line > SHOPDESK_LANG > saved setting), translate, build."""
    forced = override_language(env, args)
    lang = forced or register.language()
    translators.install(lang)
    return MainWindow(register, lang, settings=app_settings(), forced_lang=forced,
                      log_folder=log_dir(dict(env)))


def start_background_work(window: MainWindow) -> None:
    """Once the window has painted its list: the integrity check and daily backup on the
    writer thread (a large register is read while the window works), and the reply-script
    library on the pool. Started earlier, their Python work held the interpreter while the
    first page was being built."""
    window.first_paint.call(window.backup.start_daily)
    window.first_paint.call(lambda: window.detail.preload_scripts(window.tasks))


def reopen_window(window: MainWindow, env: Mapping[str, str], args: Sequence[str],
                  translators: Translators) -> MainWindow | None:
    """Close `window` and open a new one on the same register in the language now saved
    (Settings → Language), or on `window.next_register` (Settings → Team mode switched this
    PC to another register; the old one is closed): without restarting the program. None
    when the user kept the old window open (an unsaved note)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.reopening = True
    register = window.next_register or window.register
    # What the user was looking at, kept across a language change (the box promised it).
    case_id, search = window.detail.current_case_id, window.filter_bar.search.text()
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the old window is the last one for a moment
    try:
        if not window.close():
            window.reopening = False
            if register is not window.register:  # used from the next start instead
                window.next_register = None
                register.close()
                window.team.say_switch_waits()
            return None
    finally:
        app.setQuitOnLastWindowClosed(quits)
    new = create_main_window(register, env, args, translators)
    new.show()
    if register is window.register:
        if search:
            new.filter_bar.search.setText(search)
            new.filter_bar.flush_search()
        if case_id is not None:
            new.open_case_by_id(case_id)
    else:
        for timer in window.findChildren(QTimer):  # nothing may read the old one now
            timer.stop()
        window.register.close()
    window.deleteLater()
    return new


def _excepthook(log_folder: Path, window: Callable[[], MainWindow]
                ) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """The window's sys.excepthook (ui/dialogs/error_dialog.py). The box's module loads
    with the first error, not on the start path."""
    made: list[Callable[[type[BaseException], BaseException, TracebackType | None], None]] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not made:
            from .ui.dialogs.error_dialog import make_excepthook

            made.append(make_excepthook(log_folder, window,
                                        offline=lambda e: window().team.show_offline(e)))
        made[0](kind, exc, tb)
    return hook


def _quit_on_sigint(app: QApplication) -> Callable[[], None]:
    """Ctrl+C in the terminal closes the window normally (state saved, lock released).

    Python only sees the signal when it runs, so a timer lets it in twice a second.
    Returns a function that puts the previous handler back.
    """
    previous = signal.signal(signal.SIGINT, lambda *_: app.closeAllWindows())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)

    def undo() -> None:
        timer.stop()
        timer.deleteLater()
        signal.signal(signal.SIGINT, previous)
    return undo


def run_gui(args: Sequence[str], *, env: Mapping[str, str] | None = None,
            clock: Clock | None = None) -> int:
    """Open the window on the data folder; returns the process exit code."""
    env = dict(os.environ) if env is None else dict(env)
    app = _application(args)
    protect_bool_refcounts()  # PySide6 6.12.0 on Python 3.11: see pyside_workarounds
    translators = Translators(app)
    # Before the register is open, use the override or the last language the user chose.
    early_lang = override_language(env, args) or hinted_language(app_settings())
    translators.install(early_lang)
    try:
        return _run(app, translators, early_lang, args, env, clock)
    finally:
        translators.remove()


def _run(app: QApplication, translators: Translators, early_lang: str, args: Sequence[str],
         env: Mapping[str, str], clock: Clock | None) -> int:
    paths = DataPaths(data_dir(env))
    try:
        paths.ensure()
    except OSError as exc:
        QMessageBox.critical(None, texts.cannot_open_title(),
                             texts.cannot_create_folder(paths.root, exc.strerror or exc))
        return EXIT_ERROR

    guard = SingleInstanceGuard.for_paths(paths)
    if not guard.acquire():
        text = texts.already_running()
        print(f"shopdesk: {text}", file=sys.stderr)
        if guard.notify_running():
            return EXIT_OK
        QMessageBox.information(None, "ShopDesk", text)
        return EXIT_ERROR
    try:
        try:
            # The daily backup runs once the window is up (below), not on the start path.
            register = open_register(paths, clock or SystemClock(), daily_backup=False)
        except ShopDeskError as exc:
            # The damaged, foreign or newer file is left exactly as it is.
            log.error("cannot open the register: %s", exc.message("en"))
            print(f"shopdesk: {exc.message(early_lang)}", file=sys.stderr)
            QMessageBox.critical(None, texts.cannot_open_title(), exc.message(early_lang))
            return EXIT_ERROR
        except OSError as exc:
            QMessageBox.critical(None, texts.cannot_open_title(), str(exc))
            return EXIT_ERROR
        return _show_window(app, guard, register, translators, args, env)
    finally:
        guard.release()


def _smoke_screenshot(app: QApplication, window: MainWindow, path: Path) -> None:
    """Save what the window shows, log how many cases its list holds, close everything
    (a first-start question too: its answer is "cancel")."""
    saved = window.grab().save(str(path))
    log.info("smoke test: screenshot %s saved=%s, %d cases listed, title %r", path, saved,
             window.case_list.model.rowCount(), window.windowTitle())
    app.closeAllWindows()


def _show_window(app: QApplication, guard: SingleInstanceGuard, register: Register,
                 translators: Translators, args: Sequence[str], env: Mapping[str, str]) -> int:
    window = create_main_window(register, env, args, translators)
    shown = [window]  # the window now on screen: a language change reopens it

    def wire(w: MainWindow) -> None:
        guard.raise_requested.connect(w.bring_to_front)
        w.reopen_requested.connect(lambda: reopen(w))

    def reopen(old: MainWindow) -> None:
        new = reopen_window(old, env, args, translators)
        if new is not None:
            guard.raise_requested.disconnect(old.bring_to_front)
            shown[0] = new
            wire(new)

    wire(window)
    sys.excepthook = _excepthook(log_dir(dict(env)), lambda: shown[0])
    undo_sigint = _quit_on_sigint(app)
    if window.has_saved_geometry():
        window.show()
    else:
        window.showMaximized()  # small laptop screens: use all of it from the start
    QTimer.singleShot(0, window.run_first_start)
    shot = env.get(SMOKE_SCREENSHOT_ENV)
    if shot:  # the bundle's smoke test: prove the first page is drawn, then leave
        QTimer.singleShot(SMOKE_DELAY_MS, lambda: _smoke_screenshot(app, shown[0], Path(shot)))
    start_background_work(window)
    try:
        return app.exec()
    finally:
        undo_sigint()
        sys.excepthook = sys.__excepthook__
        window = shown[0]
        current = window.register  # a restore may have replaced the one we opened
        window.tasks.shutdown()  # closed windows did this already; a Ctrl+C exit too
        # The window goes before the translators (removing one re-translates live widgets).
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        current.close()
