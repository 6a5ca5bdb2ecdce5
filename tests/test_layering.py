"""The headless entry points load no Qt at run time.

The layering itself is declared once, as import-linter contracts in pyproject.toml, and
checked by `lint-imports` in `make test`; tests/test_import_graph.py checks for cycles. Both
read the source statically, so this one test imports the real modules in a fresh interpreter:
an import done some other way (importlib, a plugin) would slip past them but not past this.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = ("import sys, shopdesk.__main__, shopdesk.cli; "
         "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")


def test_main_module_and_cli_load_no_qt():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
