"""Guard against PySide6 builds that corrupt reference counts on signal emit."""

import subprocess
import sys

PROBE = """
import sys
from PySide6.QtCore import QObject, Signal
class A(QObject):
    s = Signal(int)
a = A()
a.s.connect(lambda x: None)
before = sys.getrefcount(True)
for i in range(5000):
    a.s.emit(i)
print(sys.getrefcount(True) - before)
"""


def test_many_signal_emits_do_not_corrupt_true():
    # A fresh interpreter without the app's work-around: the installed PySide6 itself.
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout.strip()) >= 0
