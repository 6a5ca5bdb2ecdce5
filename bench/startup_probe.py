"""Started as a fresh process by the benchmarks: open the real window, report when rows show.

Prints `shown_at=<perf_counter>` (same clock as the parent on Linux: CLOCK_MONOTONIC),
`rss_mb=<resident memory>` and `cpu_ms=<this process's CPU time so far>` once the main
window is visible with its first page of rows. The CPU time hardly moves when other work
loads the machine, so it shows a start-up change where the wall clock is too noisy.
Uses the fixed benchmark clock and the settings folder in SHOPDESK_BENCH_SETTINGS (never
the user's QSettings).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    status = Path("/proc/self/status")
    if not status.exists():
        return float("nan")
    return next(int(line.split()[1]) / 1024 for line in status.read_text().splitlines()
                if line.startswith("VmRSS:"))


def cpu_ms() -> float:
    """User + system CPU time of this process so far (start-up included), in ms."""
    return time.process_time() * 1000


def open_window():
    """The real window on the register in SHOPDESK_HOME, as `shopdesk` opens it (fixed
    clock, the bench's own settings folder), shown: (app, register, window)."""
    # shopdesk.app first, as `shopdesk` imports it (its own import order matters: app.py).
    from shopdesk.app import create_main_window  # isort: skip
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from bench.clock import BENCH_NOW
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths, data_dir
    from shopdesk.services.register import open_register
    from shopdesk.ui.i18n import Translators

    settings_dir = os.environ.get("SHOPDESK_BENCH_SETTINGS")
    if settings_dir:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([])
    register = open_register(DataPaths(data_dir()), FixedClock(BENCH_NOW), daily_backup=False)
    window = create_main_window(register, os.environ, [], Translators(app))
    window.resize(1366, 768)
    window.show()
    # As run_gui does (app.start_background_work), once the list has painted.
    window.first_paint.call(lambda: window.detail.preload_scripts(window.tasks))
    return app, register, window


def first_page(model) -> bool:
    """True once the model holds its first page (its first row's cells read, as a paint
    reads them); False while it is still empty."""
    if model.rowCount() == 0:
        return False
    for c in range(model.columnCount()):
        model.data(model.index(0, c))
    return True


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app, register, window = open_window()
    from PySide6.QtCore import QTimer

    def report() -> None:
        model = window.case_list.model
        if not first_page(model):
            QTimer.singleShot(5, report)
            return
        shown = time.perf_counter()
        print(f"shown_at={shown} rss_mb={rss_mb():.1f} cpu_ms={cpu_ms():.0f} "
              f"rows={model.rowCount()}")
        sys.stdout.flush()
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()
    window.tasks.shutdown()
    register.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
