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
    from bench.startup_probe import first_page, open_window, rss_mb

    view = os.environ.get("SHOPDESK_BENCH_VIEW", "open")
    app, register, window = open_window()  # shopdesk.app first, as the app imports it
    from PySide6.QtCore import QTimer

    from shopdesk.services.quick_filters import QuickFilter
    model = window.case_list.model
    state = {"filtered": False, "shown": 0.0}

    def step() -> None:
        if not first_page(model):
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
