"""`shopdesk team init|status|disconnect` against a real server (tests/pg_support)."""

from __future__ import annotations

import io
import json

from psycopg.conninfo import conninfo_to_dict

from shopdesk.cli import run
from tests import pg_support
from tests.services.evidence_support import png_bytes


def _run(argv, home, clock):
    out = io.StringIO()
    code = run(argv, clock=clock, env={"SHOPDESK_HOME": str(home)}, out=out, err=io.StringIO())
    return code, out.getvalue()


def test_init_moves_the_register_and_every_command_then_uses_the_server(cli_home, clock):
    code, _ = _run(["staff", "add", "小李"], cli_home, clock)
    assert code == 0
    code, out = _run(["cases", "add", "--platform", "taobao", "--order", "3126112300000000001",
                      "--kind", "refund_only", "--json"], cli_home, clock)
    assert code == 0, out
    case_no = json.loads(out)["case"]["case_no"]
    photo = cli_home / "破损.png"
    photo.write_bytes(png_bytes(60, 40))  # a picture that decodes (added ones must)
    code, out = _run(["evidence", "add", case_no, str(photo)], cli_home, clock)
    assert code == 0, out
    with pg_support.scratch_database("sdcli") as url:
        code, out = _run(["team", "init", "--url", url, "--json"], cli_home, clock)
        assert code == 0, out
        report = json.loads(out)
        assert report["checksums_match"] and report["copied"]["staff"] == 1
        assert report["evidence_files"] == 1
        code, out = _run(["team", "status", "--json"], cli_home, clock)
        status = json.loads(out)
        assert code == 0 and status["mode"] == "team" and status["reachable"] is True
        assert status["user"] == conninfo_to_dict(url).get("user", "")
        assert status["tls_mode"] == (conninfo_to_dict(url).get("sslmode") or "prefer")
        assert isinstance(status["encrypted"], bool)  # asked of the live connection
        assert "password" not in (cli_home / "team.json").read_text()
        # Every command now works on the team register.
        code, out = _run(["staff", "list", "--json"], cli_home, clock)
        assert code == 0 and "小李" in out
        code, out = _run(["team", "disconnect"], cli_home, clock)
        assert code == 0
    code, out = _run(["team", "status", "--json"], cli_home, clock)
    assert json.loads(out)["mode"] == "local"


def test_an_unreachable_server_is_said_and_nothing_is_written_locally(cli_home, clock):
    (cli_home / "team.json").write_text(json.dumps(
        {"url": "postgresql://nobody@127.0.0.1:1/none"}), encoding="utf-8")
    before = (cli_home / "shopdesk.sqlite3").read_bytes()
    err = io.StringIO()
    code = run(["staff", "add", "小张"], clock=clock, env={"SHOPDESK_HOME": str(cli_home)},
               out=io.StringIO(), err=err)
    assert code == 1 and "无法连接团队登记簿服务器" in err.getvalue()
    assert (cli_home / "shopdesk.sqlite3").read_bytes() == before


def test_tls_options_reach_the_server_and_a_refusal_is_plain(cli_home, clock, capsys):
    pg_support.require_server()
    code = run(["team", "connect", pg_support.server_url(), "--sslmode", "require"],
               clock=clock, env={"SHOPDESK_HOME": str(cli_home), "SHOPDESK_LANG": "en"},
               out=io.StringIO(), err=io.StringIO())
    err = capsys.readouterr().err
    assert code == 1 and "does not accept TLS" in err
    assert "Traceback" not in err and not (cli_home / "team.json").exists()


def test_backups_of_a_team_register_are_listed_and_restoring_says_where(cli_home, clock):
    # Walkthrough (session 17): `backup` wrote a .dump that `backup --list` never showed
    # (only the pre-team local backup, which looked current), and nothing said the team
    # register takes no daily backup.
    with pg_support.scratch_database("sdbak") as url:
        assert _run(["team", "init", "--url", url], cli_home, clock)[0] == 0
        code, out = _run(["backup"], cli_home, clock)
        assert code == 0
        dump = out.strip()
        code, out = _run(["backup", "--list"], cli_home, clock)
        assert code == 0
        first = out.splitlines()[0]
        if dump.endswith(".dump"):  # pg_dump installed
            assert first.endswith(dump) and "team-dump" in first
        else:
            assert first.endswith(dump) and "team-export" in first
        assert "团队登记簿不做每日自动备份：服务器由店铺自己备份" in out
        code = run(["backup", "restore", "--latest"], clock=clock,
                   env={"SHOPDESK_HOME": str(cli_home)}, out=io.StringIO(),
                   err=(err := io.StringIO()))
        assert code == 1 and "pg_restore" in err.getvalue()
        _run(["team", "disconnect"], cli_home, clock)


def test_connecting_says_which_local_cases_stay_behind(cli_home, clock):
    # Walkthrough (session 17): a case opened while disconnected (with an open promise)
    # vanished from view on `team connect`, without a word.
    with pg_support.scratch_database("sdleft") as url:
        _run(["cases", "add", "--platform", "taobao", "--order", "3126112300000000001",
              "--kind", "refund_only"], cli_home, clock)
        assert _run(["team", "init", "--url", url], cli_home, clock)[0] == 0
        assert _run(["team", "disconnect"], cli_home, clock)[0] == 0
        code, out = _run(["cases", "add", "--platform", "jd", "--order", "JD777",
                          "--kind", "refund_only", "--json"], cli_home, clock)
        offline = json.loads(out)["case"]["case_no"]
        code, out = _run(["team", "connect", url], cli_home, clock)
        assert code == 0
        assert f"有 1 个案件不在团队登记簿中（{offline}）" in out
        assert _run(["team", "disconnect"], cli_home, clock)[0] == 0
        code, out = _run(["team", "connect", url, "--json"], cli_home, clock)
        assert json.loads(out)["local_only_cases"] == [offline]
        # The case copied by init is in both: not listed.
        _run(["team", "disconnect"], cli_home, clock)
