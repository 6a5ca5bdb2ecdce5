"""Start-up stays light: the PDF and spreadsheet libraries load when printing or
importing, psycopg when a team register is opened, not when the window module is
imported."""

from __future__ import annotations

import subprocess
import sys


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
