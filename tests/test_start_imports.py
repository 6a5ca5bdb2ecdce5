"""Start-up stays light: the PDF and spreadsheet libraries load when printing or
importing, psycopg when a team register is opened, not when the window module is
imported."""

from __future__ import annotations

import os
import subprocess
import sys

from shopdesk.domain.clock import SystemClock
from shopdesk.paths import DataPaths
from shopdesk.services.demo import generate_demo
from shopdesk.services.register import open_register
from shopdesk.storage.db import pending_migrations


def test_opening_the_app_module_does_not_load_pdf_or_spreadsheet_libraries():
    code = ("import sys, shopdesk.app, shopdesk.ui.main_window; "
            "print(sorted(m for m in ('reportlab', 'pypdfium2', 'openpyxl') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.strip()
    assert out == "[]"


def test_a_local_start_does_not_load_psycopg():
    code = ("import sys, shopdesk.app, shopdesk.ui.main_window; "
            "print('psycopg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout.strip()
    assert out == "False"


# What opens dialogs, imports, prints or migrates loads when used, and so does the case
# page (the window starts with no case shown): none of it may load while the window is
# built and shows its first page.
NOT_AT_START = (
    "filelock",
    "PySide6.QtPrintSupport",
    "sqlite_utils",  # its regexes, click and dateutil: only migrations use it
    "shopdesk.domain.scripts",
    "shopdesk.importers",
    "shopdesk.reports",
    "shopdesk.services.blacklist",
    "shopdesk.services.calls",  # the call policy: the may-call dock starts hidden
    "shopdesk.services.case_audit",
    "shopdesk.services.demo",
    "shopdesk.services.evidence",
    "shopdesk.services.exports",
    "shopdesk.services.form_memory",
    "shopdesk.services.handoff_sheet",
    "shopdesk.services.imports",
    "shopdesk.services.major",
    "shopdesk.services.reviews",
    "shopdesk.services.scripts",
    "shopdesk.services.shop_profile",
    "shopdesk.services.summary",
    "shopdesk.services.team",  # only when team.json exists
    "shopdesk.storage.pg.backup",
    "shopdesk.storage.pg.connection",
    "shopdesk.storage.schema.m0001_initial",
    "shopdesk.ui.dialogs.analysis_dialog",
    "shopdesk.ui.dialogs.buyer_call_dialog",
    "shopdesk.ui.dialogs.case_form",
    "shopdesk.ui.dialogs.error_dialog",
    "shopdesk.ui.dialogs.help_dialog",
    "shopdesk.ui.dialogs.import_dialog",
    "shopdesk.ui.dialogs.log_call_dialog",
    "shopdesk.ui.dialogs.promise_dialog",
    "shopdesk.ui.dialogs.settings_dialog",
    "shopdesk.ui.dialogs.shift_start_dialog",
    "shopdesk.ui.dialogs.summary_dialog",
    "shopdesk.ui.dialogs.waybill_dialog",
    "shopdesk.ui.views.case_detail_text",
    "shopdesk.ui.views.evidence_panel",  # the case page: built with the first case shown
    "shopdesk.ui.views.may_call_list",
    "shopdesk.ui.views.review_panel",
    "shopdesk.ui.views.script_library_view",
    "shopdesk.ui.views.scripts_tab",
)

_START = """
import os, sys
from pathlib import Path
from shopdesk.app import create_main_window
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from shopdesk.domain.clock import SystemClock
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register
from shopdesk.ui.i18n import Translators

home, settings, names = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
app = QApplication([])
register = open_register(DataPaths(Path(home)), SystemClock(), daily_backup=False)
if sys.argv[4] == "window":
    window = create_main_window(register, {}, [], Translators(app))
    window.show()
    app.processEvents()
    assert window.case_list.model.rowCount() > 0
    window.tasks.shutdown()
print(",".join(sorted(n for n in names if n in sys.modules)))
register.close()
"""


def _start(home, settings, what: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _START, str(home), str(settings),
                           ",".join(NOT_AT_START), what], capture_output=True, text=True,
                          check=False, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    return [n for n in done.stdout.strip().split(",") if n]


def test_the_window_shows_its_first_page_without_dialogs_importers_or_migrations(tmp_path):
    home, settings = tmp_path / "data", tmp_path / "settings"
    register = open_register(DataPaths(home), SystemClock(), daily_backup=False)
    generate_demo(register, 30)
    register.close()
    assert _start(home, settings, "window") == []


def test_a_new_register_still_runs_every_migration(tmp_path):
    loaded = _start(tmp_path / "new", tmp_path / "settings", "open")
    # Applying migrations takes sqlite-utils' registry; opening an up-to-date one does not.
    assert loaded == ["shopdesk.storage.schema.m0001_initial", "sqlite_utils"]
    register = open_register(DataPaths(tmp_path / "new"), SystemClock(), daily_backup=False)
    try:
        assert pending_migrations(register.db) == []
    finally:
        register.close()


_COUNT = """
import sys
from pathlib import Path
from shopdesk.domain.case_query import CaseQuery
from shopdesk.domain.clock import SystemClock
from shopdesk.paths import DataPaths
from shopdesk.services.register import open_register

register = open_register(DataPaths(Path(sys.argv[1])), SystemClock(), daily_backup=False)
print(register.cases.background_counter()(CaseQuery()), "importlib.metadata" in sys.modules)
register.close()
"""


def test_the_lists_background_count_does_not_look_for_sqlite_utils_plugins(tmp_path):
    # ShopDesk has none; the search reads every installed package's entry points, on the
    # worker thread while the window builds its first page.
    register = open_register(DataPaths(tmp_path), SystemClock(), daily_backup=False)
    generate_demo(register, 5)
    register.close()
    out = subprocess.run([sys.executable, "-c", _COUNT, str(tmp_path)], capture_output=True,
                         text=True, check=True, timeout=120).stdout.split()
    assert out == ["5", "False"]
