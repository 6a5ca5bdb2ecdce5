"""The bundle's console program `shopdesk` (PyInstaller entry script).

Imports the package by its absolute name: running shopdesk/__main__.py itself as the script
broke every relative import in it ("attempted relative import with no known parent package").
"""

import sys

from shopdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
