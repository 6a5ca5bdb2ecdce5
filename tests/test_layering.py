"""Layering: the core packages and the CLI never import Qt."""

from __future__ import annotations

import subprocess
import sys

CORE_IMPORTS = ("import shopdesk.services.register, shopdesk.storage.db, shopdesk.domain.case, "
                "shopdesk.cli, shopdesk.services.demo, "
                "shopdesk.services.quick_filters; import sys; "
                "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules "
                "if m.startswith('PySide6'))")


def test_services_storage_domain_and_cli_do_not_import_qt():
    result = subprocess.run([sys.executable, "-c", CORE_IMPORTS], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_main_module_imports_qt_only_for_the_window():
    code = ("import shopdesk.__main__, sys; assert 'PySide6' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
