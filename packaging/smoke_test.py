"""Smoke-test a built ShopDesk bundle the way a seller's computer would run it.

    python packaging/smoke_test.py dist/ShopDesk [--tarball FILE | --no-tarball]

Standard library only (the Windows and macOS workflow runs it too). Every program runs in a
clean environment: no PATH, no PYTHON* variables, a fresh home and data folder (`env -i` on
Linux and macOS; on Windows only the variables Windows itself needs). Checks:

  version        `shopdesk --version` names the version of shopdesk/__init__.py
  demo           `demo --cases 5`
  json           `cases list --json` is UTF-8 JSON with the 5 cases
  cp936          `cases list` on a Chinese Windows console (PYTHONIOENCODING=cp936) is
                 UTF-8, ¥ included
  pdf            `print CASE_NO -o 争议摘要.pdf` writes a PDF
  gbk-import     a GBK-encoded Taobao refund export with a Chinese file name is imported
  log            `paths --json` names the log file; it has the commands and no full phone number
  window         `ShopDesk` starts offscreen, lists the cases and draws its first page
  install        (Linux) the tarball beside the folder (dist/ShopDesk-VERSION-linux-*.tar.gz,
                 or --tarball): install.sh into a fake home, the menu entry and `shopdesk`
                 work, uninstall.sh removes the program and keeps the data

Ends with one line `smoke: N passed, M failed`; exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import bundle_meta  # noqa: E402

WINDOWS = sys.platform.startswith("win")
TIMEOUT = 180
# A Taobao refund export as the platform writes it: GBK, a title line above the header.
GBK_EXPORT = (
    "淘宝退款记录导出（2026-11-23 导出）\r\n"
    "退款编号,订单编号,支付宝交易号,订单付款时间,宝贝标题,商品编码,买家实际支付金额,买家退款金额,"
    "手工退款/系统退款,是否需要退货,退款的申请时间,超时时间,退款状态,货物状态,发货物流信息,"
    "客服介入状态,买家退款原因,买家退款说明,部分退款/全部退款,退款完结时间\r\n"
    '="158000000000000901",="3126112300000000901",="2026112022001100000901",'
    "2026-11-20 10:00:00,纯棉短袖T恤 白色 L,TS-WHITE-L,128.00,128.00,手工退款,是,"
    "2026-11-23 09:30:00,2026-11-25 09:30:00,买家已经申请退款，等待卖家同意,买家已收到货,"
    "中通快递 75312345678901,未介入,质量问题,洗了一次就掉色,全部退款,\r\n"
    '="158000000000000902",="3126112300000000902",="2026112022001100000902",'
    "2026-11-21 08:05:00,保温杯 500ml,CUP-500,￥59.90,￥59.90,系统退款,否,"
    "2026-11-22 23:10:00,2026-11-24 23:10:00,退款成功,买家未收到货,,未介入,"
    "七天无理由退换货,拍多了，不想要了,全部退款,2026-11-23 08:00:00\r\n"
)
MOBILE = re.compile(rb"(?<!\d)1[3-9]\d{9}(?!\d)")


class Smoke:
    """The bundle under test, its scratch folder and the results so far."""

    def __init__(self, bundle: Path, scratch: Path) -> None:
        self.bundle = bundle
        self.scratch = scratch
        gui, cli = bundle_meta.exe_names()
        suffix = ".exe" if WINDOWS else ""
        self.cli = bundle / f"{cli}{suffix}"
        self.gui = bundle / f"{gui}{suffix}"
        self.home = scratch / "data"
        self.results: list[tuple[str, bool, str]] = []

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: what a double-click or a fresh terminal would have, no more."""
        user_home = self.scratch / "home"
        user_home.mkdir(exist_ok=True)
        env = {"SHOPDESK_HOME": str(self.home), "HOME": str(user_home),
               "XDG_CONFIG_HOME": str(user_home / ".config"), "LANG": "C"}
        if WINDOWS:  # Windows cannot start a process without these; PATH stays out
            for key in ("SYSTEMROOT", "WINDIR", "TEMP", "TMP", "USERPROFILE", "APPDATA",
                        "LOCALAPPDATA", "SYSTEMDRIVE", "COMSPEC", "PATHEXT"):
                if key in os.environ:
                    env[key] = os.environ[key]
            env["APPDATA"] = str(user_home / "AppData" / "Roaming")
        env.update(extra)
        return env

    def run(self, program: Path, *args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([str(program), *args], env=env or self.env(), cwd=cwd or self.scratch,
                              capture_output=True, timeout=TIMEOUT, check=False)

    def check(self, name: str, test: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail, ok = test(), True
        except Exception as exc:  # a failed check is reported, the others still run
            detail, ok = f"{type(exc).__name__}: {exc}", False
        took = time.monotonic() - started
        self.results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'} {name} ({took:.1f} s): {detail}", flush=True)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def completed(result: subprocess.CompletedProcess[bytes], what: str) -> str:
    expect(result.returncode == 0, f"{what} exited {result.returncode}: "
           f"{result.stderr.decode('utf-8', 'replace')[-800:]}")
    return result.stdout.decode("utf-8")  # strict: a GBK byte here fails the check


def checks(s: Smoke, tarball: Path | None) -> None:
    version = bundle_meta.version()
    state: dict[str, str] = {}

    def check_version() -> str:
        out = completed(s.run(s.cli, "--version"), "--version")
        expect(out.strip() == f"ShopDesk {version}", f"printed {out!r}")
        return out.strip()

    def check_demo() -> str:
        return completed(s.run(s.cli, "demo", "--cases", "5", "--seed", "7"), "demo").strip()

    def check_json() -> str:
        data = json.loads(completed(s.run(s.cli, "cases", "list", "--json"), "cases list"))
        expect(data["count"] == 5, f"count {data['count']}")
        state["case_no"] = data["cases"][0]["case_no"]
        return f"{data['count']} cases, first {state['case_no']}"

    def check_cp936() -> str:
        result = s.run(s.cli, "cases", "list", env=s.env(PYTHONIOENCODING="cp936"))
        out = completed(result, "cases list (cp936)")
        expect("¥" in out, "no ¥ in the listing")
        return f"{len(out.splitlines())} lines of UTF-8"

    def check_pdf() -> str:
        target = s.scratch / "争议摘要.pdf"
        completed(s.run(s.cli, "print", state["case_no"], "-o", str(target)), "print")
        head = target.read_bytes()[:5]
        expect(head == b"%PDF-", f"starts with {head!r}")
        return f"{target.name}: {target.stat().st_size} bytes"

    def check_gbk() -> str:
        source = s.scratch / "淘宝退款-GBK.csv"
        source.write_bytes(GBK_EXPORT.encode("gbk"))
        out = completed(s.run(s.cli, "import", str(source), "--json"), "import")
        data = json.loads(out)
        expect(data["imported"] and data["created"] == 2 and not data["errors"],
               f"import said {data['message']!r}, errors {data['errors']}")
        # By its order number: the demo cases made before may sell 保温杯 too.
        listing = completed(s.run(s.cli, "cases", "list", "--search", "3126112300000000902",
                                  "--json"), "cases list --search")
        found = json.loads(listing)["cases"]
        expect(len(found) == 1 and "保温杯" in found[0]["item_title"],
               "the imported case is not found by its order number")
        return data["message"]

    def check_log() -> str:
        paths = json.loads(completed(s.run(s.cli, "paths", "--json"), "paths"))
        log = Path(paths["log_file"])
        expect(log.is_file(), f"no log file at {log}")
        text = log.read_bytes()
        expect(b"command demo: exit 0" in text, "the demo command is not in the log")
        expect(not MOBILE.search(text), "a full mobile number is in the log")
        return f"{log} ({len(text)} bytes)"

    def check_window() -> str:
        shot = s.scratch / "window.png"
        env = s.env(QT_QPA_PLATFORM="offscreen", SHOPDESK_SMOKE_SCREENSHOT=str(shot))
        completed(s.run(s.gui, env=env), "ShopDesk (window)")
        png = shot.read_bytes()
        expect(png[:8] == b"\x89PNG\r\n\x1a\n", "no PNG written")
        # A blank window compresses to a few kB; a drawn list, toolbar and menus do not.
        expect(len(png) > 8000, f"the screenshot is nearly empty ({len(png)} bytes)")
        log = (s.home / "logs" / "shopdesk.log").read_text(encoding="utf-8")
        listed = re.findall(r"smoke test: .* (\d+) cases listed", log)
        expect(bool(listed) and int(listed[-1]) > 0, "the window listed no cases")
        return f"{listed[-1]} cases listed, screenshot {len(png)} bytes"

    def check_install() -> str:
        assert tarball is not None
        unpacked = s.scratch / "unpacked"
        with tarfile.open(tarball) as tar:
            tar.extractall(unpacked, filter="tar")
        folder = next(unpacked.iterdir())
        home = s.scratch / "user"
        env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "SHOPDESK_HOME": str(s.home)}
        out = completed(subprocess.run(["sh", str(folder / "install.sh")], env=env,
                                       capture_output=True, timeout=TIMEOUT), "install.sh")
        desktop = home / ".local/share/applications/shopdesk.desktop"
        exec_line = next(line for line in desktop.read_text(encoding="utf-8").splitlines()
                         if line.startswith("Exec="))
        program = Path(exec_line.removeprefix("Exec=").strip('"'))
        expect(program.is_file() and os.access(program, os.X_OK), f"{exec_line} is not a program")
        expect((home / ".local/share/icons/hicolor/256x256/apps/shopdesk.png").is_file(),
               "no icon installed")
        command = home / ".local/bin/shopdesk"
        version_out = completed(s.run(command, "--version"), "installed shopdesk")
        expect(version in version_out, f"installed shopdesk printed {version_out!r}")
        validate = shutil.which("desktop-file-validate")
        if validate:
            result = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
            expect(result.returncode == 0, f"desktop-file-validate: {result.stdout}")
        completed(subprocess.run(["sh", str(program.parent / "uninstall.sh")], env=env,
                                 capture_output=True, timeout=TIMEOUT), "uninstall.sh")
        expect(not desktop.exists() and not command.exists() and not program.exists(),
               "uninstall.sh left the program behind")
        expect((s.home / "shopdesk.sqlite3").is_file(), "uninstall removed the data")
        return out.strip().splitlines()[0]

    for name, test in (("version", check_version), ("demo", check_demo), ("json", check_json),
                       ("cp936", check_cp936), ("pdf", check_pdf), ("gbk-import", check_gbk),
                       ("log", check_log), ("window", check_window)):
        s.check(name, test)
    if tarball is not None:
        s.check("install", check_install)


def default_tarball(bundle: Path) -> Path | None:
    """On Linux, the tarball build_bundle.py wrote for this version beside the folder."""
    if not sys.platform.startswith("linux"):
        return None
    found = sorted(bundle.resolve().parent.glob(f"ShopDesk-{bundle_meta.version()}-linux-*.tar.gz"))
    return found[-1] if found else None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", type=Path, help="the one-folder app, e.g. dist/ShopDesk")
    parser.add_argument("--tarball", type=Path, help="the Linux tarball to install "
                        "(default: the one build_bundle.py wrote beside the folder)")
    parser.add_argument("--no-tarball", action="store_true", help="skip the install check")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    tarball = None if args.no_tarball else (args.tarball or default_tarball(args.bundle))
    scratch = Path(tempfile.mkdtemp(prefix="shopdesk-smoke-"))
    smoke = Smoke(args.bundle.resolve(), scratch)
    try:
        checks(smoke, tarball.resolve() if tarball else None)
    finally:
        if args.keep:
            print(f"scratch folder kept: {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    failed = sum(1 for _name, ok, _detail in smoke.results if not ok)
    print(f"smoke: {len(smoke.results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
