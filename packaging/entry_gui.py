"""The bundle's windowed program `ShopDesk` (PyInstaller entry script, no console).

Always the window; stdout/stderr do not exist here, and shopdesk.console gives them a sink.
"""

import os
import sys

from shopdesk.__main__ import main_gui
from shopdesk.frozen_env import restore_library_path

if __name__ == "__main__":
    restore_library_path(os.environ, frozen=getattr(sys, "frozen", False),
                         platform=sys.platform)
    sys.exit(main_gui())
