"""The wheel must carry resources/ so an installed ShopDesk finds its shipped data."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What a fresh clone would not have: the build runs on a copy without them.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info",
                                    "__pycache__", ".*_cache", ".hypothesis", "shots", "out")


def build_leftovers() -> set[str]:
    """What a setuptools build writes into the tree it builds from."""
    return {p.name for p in ROOT.iterdir() if p.name == "build" or p.name.endswith(".egg-info")}


@pytest.mark.slow
def test_wheel_contains_resources_and_the_checkout_stays_clean(tmp_path):
    before = build_leftovers()
    # setuptools writes build/ and *.egg-info next to the sources: build from a copy.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path / "wheel"), str(source)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert build_leftovers() == before
    wheel = next((tmp_path / "wheel").glob("shopdesk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    shipped = [p.relative_to(ROOT / "resources").as_posix()
               for p in (ROOT / "resources").rglob("*")
               if p.is_file() and not p.name.startswith(".") and "__pycache__" not in p.parts]
    assert shipped, "resources/ is empty"
    for rel in shipped:
        assert f"shopdesk/resources/{rel}" in names
    assert "shopdesk/paths.py" in names
    assert not any(n.startswith("tests/") for n in names)
