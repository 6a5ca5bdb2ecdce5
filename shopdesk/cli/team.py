"""`shopdesk team init|connect|status|disconnect`: a register shared by a team's PCs on a
PostgreSQL server (services/team.py). Run without opening the register first: `init`
reads the local one, `status` answers when the server does not."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from ..domain.clock import SystemClock
from ..domain.errors import ShopDeskError
from ..domain.text import is_english
from ..paths import DataPaths, data_dir
from ..services import team
from .common import emit_json

SCHEMA_VERSION = 1


def add_team_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("team", help="team mode: one register on a PostgreSQL server")
    tsub = p.add_subparsers(dest="team_command", required=True)
    init = tsub.add_parser("init", help="create the team register and move this one into it")
    init.add_argument("--url", required=True, help="postgresql://user[:password]@host/db")
    init.add_argument("--json", action="store_true")
    conn = tsub.add_parser("connect", help="use an existing team register from this PC")
    conn.add_argument("url")
    conn.add_argument("--json", action="store_true")
    for sp in (init, conn):
        sp.add_argument("--sslmode", choices=team.TLS_MODES,
                        help="TLS: require / verify-ca / verify-full (libpq's sslmode)")
        sp.add_argument("--sslrootcert", metavar="FILE",
                        help="the CA certificate that signed the server's (verify-ca/-full)")
    st = tsub.add_parser("status", help="where this PC's register is")
    st.add_argument("--json", action="store_true")
    tsub.add_parser("disconnect", help="go back to the local register on this PC")
    p.set_defaults(without_register=cmd_team)


def cmd_team(args: argparse.Namespace, env: dict[str, str], out: TextIO) -> int:
    en = is_english(env.get("SHOPDESK_LANG"))
    paths = DataPaths(data_dir(env))
    try:
        if args.team_command == "init":
            url = team.with_tls(args.url, args.sslmode, args.sslrootcert)
            report = team.init(paths, SystemClock(), url)
            if args.json:
                emit_json(out, {"schema": SCHEMA_VERSION, "where": report.where,
                                "copied": report.copied, "checksums_match": True,
                                "evidence_files": report.evidence_files})
            else:
                rows = sum(report.copied.values())
                out.write(f"Team register created on {report.where}: {rows} rows copied, "
                          "every table counted and checksummed. The local file is kept.\n"
                          if en else f"已在 {report.where} 建立团队登记簿：复制 {rows} 行，"
                          "每张表的行数和校验和一致。本机文件保留未动。\n")
            return 0
        if args.team_command == "connect":
            url = team.with_tls(args.url, args.sslmode, args.sslrootcert)
            return _status(team.connect(paths, url), args, out, en)
        if args.team_command == "status":
            return _status(team.status(paths), args, out, en)
        team.disconnect(paths)
        out.write("This PC uses its local register again.\n" if en
                  else "这台电脑重新使用本机登记簿。\n")
        return 0
    except ShopDeskError as exc:
        sys.stderr.write(f"shopdesk: {exc.message('en' if en else 'zh')}\n")
        return 1


def _status(status: team.TeamStatus, args: argparse.Namespace, out: TextIO, en: bool) -> int:
    if getattr(args, "json", False):
        emit_json(out, {"schema": SCHEMA_VERSION, **status.to_dict()})
    elif status.mode == "local":
        out.write(f"Local register: {status.where}\n" if en else f"本机登记簿：{status.where}\n")
    elif status.reachable:
        tls = ("TLS" if en else "已加密") if status.encrypted else ("no TLS" if en else "未加密")
        out.write(f"Team register: {status.where} as {status.user} ({status.cases} cases, "
                  f"{tls}), this PC: {status.pc}\n" if en else
                  f"团队登记簿：{status.where}，用户 {status.user}（{status.cases} 个案件，"
                  f"{tls}），本机：{status.pc}\n")
        if status.local_only:  # connecting left this PC's own cases out of view
            out.write(status.local_only_warning("en" if en else "zh") + "\n")
    else:
        out.write(f"Team register: {status.where} - the server cannot be reached now\n"
                  if en else f"团队登记簿：{status.where}——现在连不上服务器\n")
    return 0 if status.mode == "local" or status.reachable else 1
