"""The bundle's metadata and trimming (packaging/bundle_meta.py) and pyproject housekeeping:
the version written once, the SPDX license, the dependencies the code imports."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

import shopdesk

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_meta  # noqa: E402
import make_icon  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once_and_read_everywhere():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "shopdesk.__version__"}
    assert bundle_meta.version() == shopdesk.__version__
    assert importlib.metadata.version("shopdesk") == shopdesk.__version__


def test_the_license_is_an_spdx_expression_setuptools_accepts():
    assert PYPROJECT["project"]["license"] == "LicenseRef-Proprietary"
    requires = PYPROJECT["build-system"]["requires"]
    minimum = next(r for r in requires if r.startswith("setuptools"))
    assert int(re.search(r">=(\d+)", minimum).group(1)) >= 77  # PEP 639 support
    assert not any("License ::" in c for c in PYPROJECT["project"].get("classifiers", []))


def imported_top_level(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def test_dependencies_are_what_the_code_imports():
    declared = {re.split(r"[<>=!\[ ]", d)[0].lower() for d in PYPROJECT["project"]["dependencies"]}
    imported = imported_top_level(ROOT / "shopdesk")
    distribution = {"PIL": "pillow", "charset_normalizer": "charset-normalizer",
                    "PySide6": "pyside6-essentials", "chinese_calendar": "chinese-calendar",
                    "sqlite_utils": "sqlite-utils", "pypdfium2": "pypdfium2",
                    "platformdirs": "platformdirs", "reportlab": "reportlab",
                    "openpyxl": "openpyxl", "filelock": "filelock"}
    for module, dist in distribution.items():
        assert module in imported, f"{module} is no longer imported: drop {dist}?"
        assert dist in declared, f"{module} is imported but {dist} is not declared"


def test_there_is_a_gui_entry_point_for_the_window():
    assert PYPROJECT["project"]["gui-scripts"]["shopdesk-gui"] == "shopdesk.__main__:main_gui"
    assert PYPROJECT["project"]["scripts"]["shopdesk"] == "shopdesk.__main__:main"


@pytest.mark.parametrize(("platform", "names"), [
    ("linux", ("ShopDesk", "shopdesk")),
    ("win32", ("ShopDesk", "shopdesk-console")),
    ("darwin", ("ShopDesk", "shopdesk-console")),
])
def test_program_names_never_differ_only_by_case_where_case_is_ignored(platform, names):
    gui, cli = bundle_meta.exe_names(platform)
    assert (gui, cli) == names
    if platform != "linux":
        assert gui.lower() != cli.lower()


def test_windows_version_resource_carries_the_version():
    text = bundle_meta.windows_version_text("1.4.2", "ShopDesk")
    ast.parse(text)  # PyInstaller evaluates it as a Python expression
    assert "filevers=(1, 4, 2, 0)" in text and "StringStruct('ProductVersion', '1.4.2')" in text
    assert "StringStruct('OriginalFilename', 'ShopDesk.exe')" in text
    assert bundle_meta.version_tuple("2.0rc1") == (2, 0, 1, 0)


def test_info_plist_for_the_mac_app():
    plist = bundle_meta.info_plist("1.4.2")
    assert plist["CFBundleShortVersionString"] == "1.4.2"
    assert plist["CFBundleIdentifier"] == bundle_meta.BUNDLE_ID
    assert plist["NSHighResolutionCapable"] is True
    assert "zh_CN" in plist["CFBundleLocalizations"]


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtbase_ja.qm", False),
    ("resources/translations/shopdesk_zh_CN.qm", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqlinuxfb.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6\\Qt\\plugins\\platforms\\qwindows.dll", True),
])
def test_trimming_keeps_what_the_app_uses(dest, kept):
    assert bundle_meta.keep(dest) is kept


def test_the_icon_script_writes_every_format(tmp_path):
    written = {p.name for p in make_icon.main(tmp_path)}
    assert written == {"shopdesk.png", "shopdesk-512.png", "shopdesk.ico", "shopdesk.icns"}
    from PIL import Image

    with Image.open(tmp_path / "packaging" / "icons" / "shopdesk.ico") as ico:
        assert {(16, 16), (32, 32), (256, 256)} <= ico.info["sizes"]
    with Image.open(tmp_path / "resources" / "icons" / "shopdesk.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
        assert png.getpixel((0, 0))[3] == 0  # transparent corners: the tile is rounded
    # The committed files are what the script draws (regenerate and commit after a change).
    assert (ROOT / "resources" / "icons" / "shopdesk.png").is_file()
    assert (ROOT / "packaging" / "icons" / "shopdesk.ico").is_file()


def test_the_spec_collects_every_shopdesk_module_through_the_package():
    spec = (ROOT / "packaging" / "shopdesk.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("shopdesk")' in spec
    assert "__main__.py" not in spec.split("Analysis(", 1)[1].split(")", 1)[0]
    for entry in ("entry_gui.py", "entry_cli.py"):
        text = (ROOT / "packaging" / entry).read_text(encoding="utf-8")
        assert "from shopdesk.__main__ import" in text  # absolute: through the package
