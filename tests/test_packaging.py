"""The wheel must carry resources/ so an installed ShopDesk finds its shipped data."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_contains_resources(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("shopdesk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = [p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*")
               if p.is_file() and not p.name.startswith(".")]
    assert shipped, "resources/ is empty"
    for rel in shipped:
        assert f"shopdesk/resources/{rel}" in names
    assert "shopdesk/paths.py" in names
