"""The bundle's windowed program `ShopDesk` (PyInstaller entry script, no console).

Always the window; stdout/stderr do not exist here, and shopdesk.console gives them a sink.
"""

import sys

from shopdesk.__main__ import main_gui

if __name__ == "__main__":
    sys.exit(main_gui())
