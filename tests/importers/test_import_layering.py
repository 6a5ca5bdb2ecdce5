"""The importers package stays Qt-free and finds no resources on its own."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import shopdesk.importers
import shopdesk.importers.parser
assert "PySide6" not in sys.modules, "importers pulled in Qt"
assert "shopdesk.paths" not in sys.modules, "importers looks resources up itself"
assert "shopdesk.storage" not in sys.modules, "importers must not touch the database"
print("clean")
"""


def test_importers_import_neither_qt_nor_paths_nor_storage():
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "clean"
