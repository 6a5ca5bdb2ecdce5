"""Started as a fresh process by bench_scale: the real window with its list under a filter,
then its resident memory (issue 13: memory with the list open, whatever the filter).

SHOPDESK_BENCH_VIEW says which list: `open` (the quick filter) or `search:<text>`. Prints
`shown_at=` (when the filtered first page is in the model) and `rss_mb=` a moment later,
once the count and the other work the change started have settled. Same clock and settings
folder as startup_probe.
"""

from __future__ import annotations

import os
import sys
import time

SETTLE_MS = 1500  # the count and the banners run off the UI thread after a change


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from shopdesk.app import create_main_window  # isort: skip
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.clock import BENCH_NOW
    from bench.startup_probe import rss_mb
    from shopdesk.domain.clock import FixedClock
    from shopdesk.paths import DataPaths, data_dir
    from shopdesk.services.quick_filters import QuickFilter
    from shopdesk.services.register import open_register
    from shopdesk.ui.i18n import Translators

    view = os.environ.get("SHOPDESK_BENCH_VIEW", "open")
    settings_dir = os.environ.get("SHOPDESK_BENCH_SETTINGS")
    if settings_dir:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([])
    register = open_register(DataPaths(data_dir()), FixedClock(BENCH_NOW), daily_backup=False)
    window = create_main_window(register, os.environ, [], Translators(app))
    window.resize(1366, 768)
    window.show()
    window.detail.preload_scripts(window.tasks)
    model = window.case_list.model
    state = {"filtered": False, "shown": 0.0}

    def first_page() -> bool:
        if model.rowCount() == 0:
            return False
        for c in range(model.columnCount()):
            model.data(model.index(0, c))
        return True

    def step() -> None:
        if not first_page():
            QTimer.singleShot(5, step)
            return
        if not state["filtered"]:  # the window's own first page: now the filter
            state["filtered"] = True
            if view.startswith("search:"):
                window.filter_bar.search.setText(view.removeprefix("search:"))
                window.filter_bar.flush_search()
            else:
                window.filter_bar.set_quick(QuickFilter(view))
            QTimer.singleShot(0, step)
            return
        state["shown"] = time.perf_counter()
        QTimer.singleShot(SETTLE_MS, report)

    def report() -> None:
        print(f"shown_at={state['shown']} rss_mb={rss_mb():.1f} rows={model.rowCount()}")
        sys.stdout.flush()
        app.quit()

    QTimer.singleShot(0, step)
    app.exec()
    window.tasks.shutdown()
    register.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
