"""The limit for start-up: a bare QMainWindow with a QTableView of 30 rows, shown.

Prints `shown_at=<perf_counter>`, `rss_mb=` and `cpu_ms=` like startup_probe.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from bench.startup_probe import cpu_ms, rss_mb

    app = QApplication([])
    window = QMainWindow()
    table = QTableView(window)
    model = QStandardItemModel(0, 13, table)
    for r in range(30):
        model.appendRow([QStandardItem(f"{r}-{c}") for c in range(13)])
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1366, 768)
    window.show()

    def report() -> None:
        print(f"shown_at={time.perf_counter()} rss_mb={rss_mb():.1f} cpu_ms={cpu_ms():.0f}")
        sys.stdout.flush()
        app.quit()

    QTimer.singleShot(0, report)
    app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
