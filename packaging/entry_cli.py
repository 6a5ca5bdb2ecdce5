"""The bundle's console program `shopdesk` (PyInstaller entry script).

Imports the package by its absolute name: running shopdesk/__main__.py itself as the script
broke every relative import in it ("attempted relative import with no known parent package").
"""

import os
import sys

from shopdesk.__main__ import main
from shopdesk.frozen_env import restore_library_path

if __name__ == "__main__":
    restore_library_path(os.environ, frozen=getattr(sys, "frozen", False),
                         platform=sys.platform)
    sys.exit(main())
