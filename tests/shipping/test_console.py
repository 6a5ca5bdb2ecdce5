"""Output on a Chinese Windows console and in a windowed program without a console.

A console in code page 936 is simulated with PYTHONIOENCODING=cp936: Python then encodes
stdout in GBK as it would on such a laptop when output is redirected. GBK has no ¥ (U+00A5)
sign, so before the entry point made output UTF-8 `cases list > f.txt` crashed on it.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shopdesk.cli import run
from shopdesk.console import prepare_streams

CP936 = {"PYTHONIOENCODING": "cp936"}


def shopdesk(home: Path, *args: str, extra: dict[str, str] | None = None,
             stdout=subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SHOPDESK_HOME": str(home), **(extra or {})}
    return subprocess.run([sys.executable, "-m", "shopdesk", *args], env=env, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=120, check=False)


@pytest.fixture
def home(tmp_path) -> Path:
    home = tmp_path / "home"
    assert run(["demo", "--cases", "4", "--seed", "3"], env={"SHOPDESK_HOME": str(home)},
               out=io.StringIO(), err=io.StringIO()) == 0
    return home


def test_cp936_console_redirected_to_a_file_gets_utf8_with_the_yuan_sign(home, tmp_path):
    target = tmp_path / "f.txt"
    with target.open("wb") as f:
        result = shopdesk(home, "cases", "list", extra=CP936, stdout=f)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = target.read_bytes().decode("utf-8")  # strict: one GBK byte would fail here
    assert "¥" in text and "共 4 个案件" in text


def test_cp936_json_is_utf8_and_keeps_chinese_unescaped(home):
    result = shopdesk(home, "cases", "list", "--json", extra=CP936)
    assert result.returncode == 0, result.stderr
    raw = result.stdout
    data = json.loads(raw.decode("utf-8"))
    assert data["count"] == 4
    nick = data["cases"][0]["buyer_nick"]
    assert nick.encode("utf-8") in raw  # written as UTF-8 text, not \\u escapes or GBK


def test_cp936_shift_end_text_ends_the_shift_and_prints_it(home):
    result = shopdesk(home, "--as", "小王", "shift", "end", "--note", "记得回电 ¥20 补偿",
                      "--text", extra=CP936)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")
    assert "¥20" in text and "交接" in text
    # Ended exactly once: the printing came after the write and did not fail it.
    listing = shopdesk(home, "handoff", "list", "--json")
    assert json.loads(listing.stdout)["count"] == 1


def test_a_cp936_error_message_is_utf8_on_stderr(home):
    result = shopdesk(home, "cases", "add", "--platform", "taobao", "--order", "1",
                      "--kind", "refund_only", "--amount", "-1", extra=CP936)
    assert result.returncode == 1
    assert "shopdesk: --amount: 金额不能为负数" in result.stderr.decode("utf-8")
    assert b"Traceback" not in result.stderr


def test_a_windowed_program_without_stdout_runs_commands_and_logs(home):
    # As pythonw / a windowed PyInstaller program starts: no stdout, no stderr at all.
    code = ("import sys; sys.stdout = None; sys.stderr = None\n"
            "from shopdesk.__main__ import main\n"
            "raise SystemExit(main(['cases', 'list', '--json']))")
    env = {**os.environ, "SHOPDESK_HOME": str(home)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""  # written to the sink, not to the inherited pipe
    log = (home / "logs" / "shopdesk.log").read_text(encoding="utf-8")
    assert "command cases list: exit 0" in log


def test_prepare_streams_gives_a_missing_stdout_a_sink(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert prepare_streams() is True
    assert sys.stdout is not None and sys.stderr is not None
    print("退款 ¥59.90")  # must not raise
    sys.stderr.write("shopdesk: 好\n")
    assert sys.stdout.fileno() >= 0  # a real file: faulthandler and children need one
    sys.stdout.close()
    sys.stderr.close()


def test_prepare_streams_reencodes_a_gbk_stream_as_utf8(monkeypatch):
    raw_out, raw_err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw_out, encoding="cp936"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(raw_err, encoding="cp936"))
    assert prepare_streams() is False
    print("¥128.00 😀")
    sys.stderr.write("\udcff bad byte\n")  # a surrogate escape: shown, not a crash
    sys.stdout.flush()
    sys.stderr.flush()
    assert raw_out.getvalue().decode("utf-8") == "¥128.00 😀\n"
    assert b"\\udcff bad byte" in raw_err.getvalue()
