"""The log file, the crash file and `shopdesk paths`: what a user sends when something broke."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.__main__ import command_words
from shopdesk.cli import run
from shopdesk.diagnostics import LOGGER_NAME, mask_for_log, start_diagnostics
from shopdesk.paths import log_dir, login_name, settings_file
from shopdesk.reports.fonts import candidate_names, find_candidates, font_dirs

log = logging.getLogger(LOGGER_NAME + ".test")


@pytest.fixture
def diagnostics(tmp_path, monkeypatch):
    # The crash file (faulthandler) is tested in a child process: enabling it here would
    # take faulthandler away from pytest for the rest of the run.
    monkeypatch.setattr("faulthandler.enable", lambda *a, **k: None)
    monkeypatch.setattr("faulthandler.disable", lambda: None)
    diag = start_diagnostics(tmp_path / "logs", role="test")
    yield diag
    diag.close()


def read_log(diag) -> str:
    diag.handler.flush()
    return diag.log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "hidden", "kept"), [
    ("买家说打 13812345678 找他", "13812345678", "138****5678"),
    ("phone +86 138-1234-5678 again", "1234-5678", "+86"),
    ("座机 0571-88881234 下午打", "88881234", "057"),
    ("overseas +1 415 555 0100 buyer", "555 0100", "+1"),
])
def test_log_masking_hides_phone_numbers(text, hidden, kept):
    masked = mask_for_log(text)
    assert hidden not in masked and kept in masked


def test_log_masking_keeps_order_and_refund_numbers():
    text = "订单 3126112300000000001 退款 158000000000000001 金额 59.90 SD-20261123-0001"
    assert mask_for_log(text) == text


def test_the_log_file_has_records_and_never_a_full_phone(diagnostics):
    log.info("imported case for buyer %s", "13812345678")
    try:
        raise ValueError("bad phone 13987654321 in row 5")
    except ValueError:
        log.exception("import failed for %s", "0571-88881234")
    text = read_log(diagnostics)
    assert "started" in text and "imported case for buyer 138****5678" in text
    assert "Traceback" in text and "ValueError: bad phone 139****4321 in row 5" in text
    for full in ("13812345678", "13987654321", "88881234"):
        assert full not in text


def test_the_log_file_rotates(diagnostics):
    handler = diagnostics.handler
    handler.maxBytes = 2000
    for i in range(100):
        log.info("line %d %s", i, "x" * 50)
    handler.flush()
    rotated = sorted(p.name for p in diagnostics.folder.glob("shopdesk.log*"))
    assert rotated[:2] == ["shopdesk.log", "shopdesk.log.1"]
    assert len(rotated) <= 5  # the current file and four old ones at most


def test_closing_removes_the_handler(tmp_path, diagnostics):
    diagnostics.close()
    assert not [h for h in logging.getLogger(LOGGER_NAME).handlers
                if getattr(h, "_shopdesk", False)]


def test_an_unwritable_log_folder_leaves_logging_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    diag = start_diagnostics(blocker / "logs", role="test")
    assert diag.handler is None
    diag.close()


def test_a_hard_crash_is_written_to_the_crash_file(tmp_path):
    code = ("import ctypes, pathlib\n"
            "from shopdesk.diagnostics import start_diagnostics\n"
            f"start_diagnostics(pathlib.Path({str(tmp_path)!r}), role='test')\n"
            "ctypes.string_at(0)\n")  # a segfault: no Python exception, no excepthook
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60,
                            check=False)
    assert result.returncode != 0
    crash = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in crash and "string_at" in crash


def test_an_unexpected_cli_error_is_one_line_and_the_traceback_is_logged(tmp_path):
    home = tmp_path / "home"
    code = ("import shopdesk.cli as cli\n"
            "def boom(args): raise RuntimeError('boom for 13812345678')\n"
            "cli.run = boom\n"
            "from shopdesk.__main__ import main\n"
            "raise SystemExit(main(['--as', '张三', 'cases', 'show', 'SD-1']))\n")
    env = {**os.environ, "SHOPDESK_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            timeout=60, check=False)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert "Traceback" not in err and "shopdesk: unexpected error: RuntimeError" in err
    assert str(home / "logs" / "shopdesk.log") in err
    text = (home / "logs" / "shopdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in text and "boom for 138****5678" in text
    assert "13812345678" not in text and "张三" not in text  # --as values stay out


@pytest.mark.parametrize(("args", "words"), [
    (["cases", "list", "--json"], "cases list"),
    (["--as", "张三", "cases", "add", "--phone", "13812345678"], "cases add"),
    (["--as=张三", "print", "SD-20261123-0001", "-o", "x.pdf"], "print"),
    (["import", "/tmp/买家张三.csv"], "import"),
    (["--version"], "--version"),
])
def test_the_log_names_the_command_not_its_values(args, words):
    assert command_words(args) == words


def test_log_folder_follows_shopdesk_home(tmp_path):
    assert log_dir({"SHOPDESK_HOME": str(tmp_path)}) == tmp_path / "logs"


def test_log_folder_is_the_platform_user_log_folder_otherwise(monkeypatch):
    monkeypatch.setattr("platformdirs.user_log_dir",
                        lambda app, appauthor=None: f"/logs/{app}")
    assert log_dir({}) == Path("/logs/ShopDesk")


def test_paths_json_names_every_folder(tmp_path):
    home = tmp_path / "home"
    out = io.StringIO()
    assert run(["paths", "--json"], env={"SHOPDESK_HOME": str(home)}, out=out) == 0
    data = json.loads(out.getvalue())
    assert data["schema"] == 1
    assert data["data"] == str(home) and data["backups"] == str(home / "backups")
    assert data["evidence"] == str(home / "evidence") and data["logs"] == str(home / "logs")
    assert data["log_file"].endswith("shopdesk.log") and data["settings"].endswith(".ini")


def test_paths_answers_when_the_register_cannot_be_opened(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "shopdesk.sqlite3").write_bytes(b"not a database" * 200)
    env = {"SHOPDESK_HOME": str(home)}
    err = io.StringIO()
    assert run(["cases", "list"], env=env, out=io.StringIO(), err=err) == 1
    out = io.StringIO()
    assert run(["paths"], env=env, out=out, err=io.StringIO()) == 0
    assert f"logs        日志文件夹  {home / 'logs'}" in out.getvalue()


def test_settings_file_where_qt_puts_it_per_platform(tmp_path):
    assert settings_file({"APPDATA": r"C:\Users\xw\AppData\Roaming"}, "win32") == Path(
        r"C:\Users\xw\AppData\Roaming") / "ShopDesk" / "ShopDesk.ini"
    assert settings_file({"XDG_CONFIG_HOME": str(tmp_path)}, "linux") == (
        tmp_path / "ShopDesk" / "ShopDesk.ini")
    assert settings_file({"XDG_CONFIG_HOME": str(tmp_path)}, "darwin") == (
        Path.home() / ".config" / "ShopDesk" / "ShopDesk.ini")


def test_the_default_operator_on_windows_comes_from_username():
    # Windows sets USERNAME; USER is not set there (or left over from a Unix tool).
    assert login_name({"USERNAME": "xiaowang"}, "win32") == "xiaowang"
    assert login_name({"USERNAME": "xiaowang", "USER": "git"}, "win32") == "xiaowang"
    assert login_name({"USER": "lihua"}, "linux") == "lihua"
    assert login_name({"LOGNAME": "lihua"}, "darwin") == "lihua"
    assert login_name({}, "win32") == ""


def test_windows_pdf_fonts_are_found_in_the_windows_fonts_folder(tmp_path):
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    for name in ("simsun.ttc", "msyh.ttc", "arial.ttf"):
        (windir / "Fonts" / name).write_bytes(b"")
    dirs = font_dirs({"WINDIR": str(windir), "LOCALAPPDATA": str(tmp_path / "Local")},
                     "win32")
    assert dirs[0] == windir / "Fonts"
    found = find_candidates(dirs, candidate_names("win32"))
    assert [p.name for p, _i in found] == ["msyh.ttc", "simsun.ttc"]  # YaHei first


def test_the_start_line_names_the_system_without_platform_platform(tmp_path, monkeypatch):
    # platform.platform() reads the whole Python binary on Linux (~20 ms of each start).
    import platform

    def slow() -> str:
        raise AssertionError("platform.platform() at start")

    monkeypatch.setattr(platform, "platform", slow)
    monkeypatch.setattr("faulthandler.enable", lambda *a, **k: None)
    monkeypatch.setattr("faulthandler.disable", lambda: None)
    diag = start_diagnostics(tmp_path / "logs", role="test")
    try:
        text = read_log(diag)
    finally:
        diag.close()
    assert f"{platform.system()} {platform.release()} {platform.machine()}" in text
    assert f"Python {platform.python_version()}" in text
