"""What the PyInstaller spec needs besides PyInstaller: names, version metadata, trimming.

Plain Python (no PyInstaller import), so tests check it on any platform: the Windows
version resource text, the macOS Info.plist and what is trimmed from the bundle.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "ShopDesk"
BUNDLE_ID = "cn.shopdesk.ShopDesk"
COMPANY = "ShopDesk"
DESCRIPTION = "ShopDesk 店铺售后台"
COPYRIGHT = "© ShopDesk. All rights reserved."


def version(root: Path = ROOT) -> str:
    """shopdesk.__version__, read from the file (the spec must not import the app)."""
    text = (root / "shopdesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise RuntimeError("shopdesk/__init__.py has no __version__")
    return match.group(1)


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """"1.2.3" / "1.2.3rc1" -> (1, 2, 3, 0): Windows wants four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def exe_names(platform: str = sys.platform) -> tuple[str, str]:
    """(windowed, console) program names.

    Windows and macOS file systems ignore case, so `ShopDesk` and `shopdesk` would be one
    file there: the console program is `shopdesk-console` (as Anki names its own). Linux
    keeps `shopdesk`, the name the README's commands use.
    """
    if platform.startswith("win") or platform == "darwin":
        return APP_NAME, "shopdesk-console"
    return APP_NAME, "shopdesk"


def windows_version_text(ver: str, exe_name: str, description: str = DESCRIPTION) -> str:
    """The version resource in PyInstaller's text form (EXE(version=file))."""
    v = version_tuple(ver)
    strings = {
        "CompanyName": COMPANY, "FileDescription": description, "FileVersion": ver,
        "InternalName": exe_name, "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{exe_name}.exe", "ProductName": APP_NAME, "ProductVersion": ver,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {val!r})" for k, val in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200, 0x0409, 1200])])
  ]
)
"""


def info_plist(ver: str) -> dict[str, object]:
    """Info.plist keys for the macOS .app (PyInstaller fills the executable and icon)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": ver,
        "CFBundleVersion": ver,
        "CFBundleDevelopmentRegion": "zh_CN",
        "CFBundleLocalizations": ["zh_CN", "en"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "11.0",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": COPYRIGHT,
        # Drag a spreadsheet or a photo onto the Dock icon: documents the app can open.
        "CFBundleDocumentTypes": [{"CFBundleTypeName": "Platform export",
                                   "CFBundleTypeRole": "Viewer",
                                   "LSItemContentTypes": ["public.comma-separated-values-text",
                                                          "org.openxmlformats.spreadsheetml.sheet"]}],
    }


# --- trimming --------------------------------------------------------------------------
# Qt translations: the app speaks Chinese and English; Qt's own texts are only needed in
# Chinese (English is built in). Every other language is dropped (~20 MB of .qm files).
KEEP_QT_TRANSLATIONS = re.compile(r"^(qt|qtbase)_zh_CN\.qm$")
# Platform plugins a seller's desktop never uses (framebuffer, VNC, EGL full-screen...);
# xcb, wayland, offscreen (for the smoke test), windows and cocoa stay.
DROP_PLUGINS = re.compile(
    r"(^|/)(platforms/(libq(eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay|minimal)\.so)"
    r"|egldeviceintegrations/|qmltooling/|designer/|sqldrivers/|generic/"
    r"|networkinformation/|tls/libqopensslbackend|vectorimageformats/)")
# Python modules nothing in ShopDesk imports but that hooks or optional imports drag in.
EXCLUDES = ["tkinter", "_tkinter", "unittest", "pydoc_data", "test", "lib2to3", "IPython",
            "matplotlib", "numpy", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL",
            "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtDBus",
            "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtUiTools", "PySide6.QtDesigner",
            "PySide6.QtHelp", "PySide6.QtPdf", "PySide6.QtOpenGLWidgets"]


def keep(dest: str) -> bool:
    """False for a collected file the app does not need (by its path inside the bundle)."""
    dest = dest.replace("\\", "/")
    if "/translations/" in dest and "PySide6" in dest:
        return bool(KEEP_QT_TRANSLATIONS.match(dest.rsplit("/", 1)[-1]))
    return not ("/plugins/" in dest and DROP_PLUGINS.search(dest.split("/plugins/", 1)[1]))
