"""`make bundle`: build the one-folder app for this platform and report its size.

    python packaging/build_bundle.py [--dist DIR] [--work DIR]

Runs PyInstaller on packaging/shopdesk.spec (in the Python that has ShopDesk installed),
then, on Linux, packs dist/ShopDesk-VERSION-linux-ARCH.tar.gz with the .desktop file, the
icons and the install/uninstall scripts. On Windows the installer is made from dist/ShopDesk
by Inno Setup (packaging/windows/shopdesk.iss), on macOS dist/ShopDesk.app is signed and put
in a disk image: packaging/README.md gives the steps. Prints the sizes, unpacked and packed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bundle_meta  # noqa: E402


def tree_size(path: Path) -> int:
    """Bytes of every file below `path` (symlinks not followed, as du counts them)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def linux_tarball(dist: Path, version: str) -> Path:
    """dist/ShopDesk-VERSION-linux-ARCH.tar.gz: the app folder, menu entry, icons, scripts."""
    name = f"ShopDesk-{version}-linux-{platform.machine() or 'x86_64'}"
    target = dist / f"{name}.tar.gz"
    extras = {
        "install.sh": HERE / "linux" / "install.sh",
        "uninstall.sh": HERE / "linux" / "uninstall.sh",
        "README.txt": HERE / "linux" / "README.txt",
        "shopdesk.desktop": HERE / "shopdesk.desktop",
        "shopdesk.png": ROOT / "resources" / "icons" / "shopdesk.png",
        "shopdesk-512.png": HERE / "icons" / "shopdesk-512.png",
    }

    def executable_scripts(info: tarfile.TarInfo) -> tarfile.TarInfo:
        if info.name.endswith(".sh"):
            info.mode = 0o755
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    partial = target.with_suffix(".part")
    with tarfile.open(partial, "w:gz", compresslevel=9) as tar:
        tar.add(dist / bundle_meta.APP_NAME, arcname=f"{name}/{bundle_meta.APP_NAME}",
                filter=executable_scripts)
        for arcname, source in extras.items():
            tar.add(source, arcname=f"{name}/{arcname}", filter=executable_scripts)
    partial.replace(target)
    return target


def build(dist: Path, work: Path) -> int:
    version = bundle_meta.version()
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(HERE / "shopdesk.spec")]
    print("+", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=ROOT)
    if result.returncode != 0:
        print("bundle: PyInstaller failed", file=sys.stderr)
        return result.returncode
    folder = dist / bundle_meta.APP_NAME
    print(f"bundle: built {folder} in {time.monotonic() - started:.0f} s")
    print(f"bundle: unpacked size {mib(tree_size(folder))}")
    if sys.platform.startswith("linux"):
        tarball = linux_tarball(dist, version)
        print(f"bundle: {tarball} ({mib(tarball.stat().st_size)} compressed)")
    elif sys.platform == "darwin":
        app = dist / f"{bundle_meta.APP_NAME}.app"
        print(f"bundle: {app} ({mib(tree_size(app))} unpacked); sign and make the .dmg as "
              "packaging/README.md says")
    else:
        archive = shutil.make_archive(str(dist / f"ShopDesk-{version}-windows-portable"),
                                      "zip", dist, bundle_meta.APP_NAME)
        print(f"bundle: {archive} ({mib(Path(archive).stat().st_size)} compressed); "
              "the installer: iscc packaging\\windows\\shopdesk.iss")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    args = parser.parse_args(argv)
    return build(args.dist.resolve(), args.work.resolve())


if __name__ == "__main__":
    sys.exit(main())
