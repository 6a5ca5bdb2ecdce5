"""Team mode: where the register is (this PC's file or a PostgreSQL server), setting it up.

`team.json` in the data folder names the server (its URL without the password); its
absence means the local register, the default that needs no set-up. The password goes to
the OS keyring (never into a file); without a keyring, libpq's own password file
(PGPASSFILE / ~/.pgpass) is the way, and the URL is refused rather than written down.
"""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..domain.clock import Clock
from ..domain.errors import ShopDeskError
from ..domain.files import make_private
from ..domain.text import list_sep, pick
from ..paths import DataPaths
from ..storage.db import open_database
from ..storage.pg.blobs import upload_folder_files
from ..storage.pg.connection import (
    PgDatabase,
    TeamConnectError,
    TeamOfflineError,
    describe_url,
    tls_in_use,
    url_error,
)
from ..storage.pg.db import applied_migrations, migrate_team, open_team_database
from ..storage.pg.transfer import cases_only_in, copy_register, table_checksums

KEYRING_SERVICE = "ShopDesk team register"
# libpq's sslmode values, weakest first ("prefer" is libpq's default).
TLS_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432


def conninfo_to_dict(url: str) -> dict[str, Any]:
    """psycopg's, imported when a team URL is read: a local start never loads psycopg."""
    from psycopg.conninfo import conninfo_to_dict as parse

    return parse(url)


def make_conninfo(**info: Any) -> str:
    from psycopg.conninfo import make_conninfo as make

    return make(**info)


class TeamSetupError(ShopDeskError):
    """Team set-up refused: the server's register is not empty, not set up, and such."""


@dataclass(frozen=True)
class TeamStatus:
    mode: str  # "local" or "team"
    where: str  # the file, or host:port/database
    reachable: bool | None  # None: not asked (local)
    cases: int | None
    pc: str
    user: str = ""  # the server's user name (team), never the password
    tls_mode: str = ""  # the sslmode asked for (team; libpq's default is "prefer")
    encrypted: bool | None = None  # whether the connection uses TLS (None: not asked)
    # On connecting: cases of this PC's local register the team register lacks (work
    # done while not connected); they stay in the local file, out of the team's view.
    local_only: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "where": self.where, "reachable": self.reachable,
                "cases": self.cases, "pc": self.pc, "user": self.user,
                "tls_mode": self.tls_mode, "encrypted": self.encrypted,
                "local_only_cases": list(self.local_only)}

    def local_only_warning(self, lang: str = "zh") -> str:
        """What connecting leaves behind in the local file ("" when nothing)."""
        if not self.local_only:
            return ""
        n = len(self.local_only)
        shown = list_sep(lang).join(self.local_only[:5]) + ("…" if n > 5 else "")
        return pick(lang,
                    f"注意：这台电脑的本机登记簿里有 {n} 个案件不在团队登记簿中（{shown}），"
                    "连接后看不到它们；它们仍在本机文件里（shopdesk team disconnect 可回到本机"
                    "登记簿查看，再在团队登记簿里重新登记）。",
                    f"Note: {n} case(s) of this PC's local register are not in the team "
                    f"register ({shown}) and are out of view once connected; they stay in "
                    "the local file (shopdesk team disconnect shows them again; log them "
                    "again in the team register).")


def build_url(host: str, database: str, user: str, *, port: int = DEFAULT_PORT,
              password: str = "", tls_mode: str = "", root_cert: str = "") -> str:
    """A connection address from its parts (the window's fields, the CLI's options)."""
    if not host.strip() or not database.strip() or not user.strip():
        raise TeamConnectError(
            "请填写服务器、数据库和用户名。", "Fill in the server, the database and the user.")
    if tls_mode and tls_mode not in TLS_MODES:
        raise TeamConnectError(
            f"加密方式 {tls_mode} 不存在，可选：{'、'.join(TLS_MODES)}。",
            f"There is no TLS mode {tls_mode}; choose one of {', '.join(TLS_MODES)}.")
    parts: dict[str, Any] = {"host": host.strip(), "port": port, "dbname": database.strip(),
                             "user": user.strip()}
    if password:
        parts["password"] = password
    if tls_mode:
        parts["sslmode"] = tls_mode
    if root_cert.strip():
        parts["sslrootcert"] = root_cert.strip()
    return make_conninfo(**parts)


def with_tls(url: str, tls_mode: str | None, root_cert: str | None) -> str:
    """`url` with the TLS options given (the CLI's --sslmode / --sslrootcert)."""
    if not tls_mode and not root_cert:
        return url
    info = url_parts(url)
    if tls_mode:
        if tls_mode not in TLS_MODES:
            raise TeamConnectError(
                f"加密方式 {tls_mode} 不存在，可选：{'、'.join(TLS_MODES)}。",
                f"There is no TLS mode {tls_mode}; choose one of {', '.join(TLS_MODES)}.")
        info["sslmode"] = tls_mode
    if root_cert:
        info["sslrootcert"] = root_cert
    return make_conninfo(**info)


def url_parts(url: str) -> dict[str, Any]:
    """The address's parts (host, port, dbname, user, password, sslmode, ...)."""
    from psycopg import ProgrammingError

    try:
        return conninfo_to_dict(url)
    except ProgrammingError as exc:
        raise url_error(exc) from exc


def is_offline(exc: BaseException) -> bool:
    """The team server is out of reach (or refuses now): the window shows its banner and
    keeps what was typed instead of an error box."""
    if isinstance(exc, (TeamOfflineError, TeamConnectError)):
        return True
    psycopg = sys.modules.get("psycopg")  # not loaded: no psycopg error can exist
    return psycopg is not None and isinstance(exc, (psycopg.OperationalError,
                                                    psycopg.InterfaceError))


def pc_name() -> str:
    """This computer's name, recorded with the person in a team register's audit."""
    return socket.gethostname() or "?"


def _config_path(paths: DataPaths) -> Path:
    return paths.team_config


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None)."""
    info = url_parts(url)
    password = info.pop("password", None)
    return make_conninfo(**info), password


def _keyring_key(url: str) -> str:
    info = conninfo_to_dict(url)
    return f"{info.get('user', '')}@{describe_url(url)}"


def _save_password(url: str, password: str) -> None:
    try:
        import keyring
        keyring.set_password(KEYRING_SERVICE, _keyring_key(url), password)
    except Exception as exc:  # no keyring backend on this PC (keyring.errors.*)
        raise TeamSetupError(
            "这台电脑没有可用的密码保管（钥匙串），密码不会写进设置文件。请把密码放进 PostgreSQL "
            "的密码文件（~/.pgpass 或 PGPASSFILE），再用不含密码的网址重试。",
            "This PC has no keyring to keep the password, and it is never written to the "
            "settings. Put it in PostgreSQL's password file (~/.pgpass or PGPASSFILE) and "
            f"use the URL without the password ({exc}).") from exc


def _load_password(url: str) -> str | None:
    try:
        import keyring
        return keyring.get_password(KEYRING_SERVICE, _keyring_key(url))
    except Exception:  # no keyring: libpq's password file may still hold it
        return None


def configured_url(paths: DataPaths) -> str | None:
    """The team register's URL (with the password from the keyring), or None: local."""
    path = _config_path(paths)
    if not path.exists():
        return None
    saved = json.loads(path.read_text(encoding="utf-8")).get("url")
    if not saved:
        return None
    password = _load_password(saved)
    if password:
        info = conninfo_to_dict(saved)
        info["password"] = password
        return make_conninfo(**info)
    return saved


def _save_config(paths: DataPaths, url: str) -> None:
    bare, password = split_password(url)
    if password:
        _save_password(bare, password)
    _write_config(paths, bare)


def _write_config(paths: DataPaths, bare: str) -> None:
    path = _config_path(paths)
    paths.ensure()
    path.write_text(json.dumps({"url": bare}, ensure_ascii=False), encoding="utf-8")
    make_private(path)


def open_team(paths: DataPaths) -> PgDatabase | None:
    """The team register's connection when this PC is set up for one, else None."""
    url = configured_url(paths)
    return open_team_database(url) if url else None


def connect(paths: DataPaths, url: str) -> TeamStatus:
    """Use the team register at `url` from now on (it must have been set up by init)."""
    db = PgDatabase(url)
    try:
        if not applied_migrations(db):
            raise TeamSetupError(
                f"服务器上还没有团队登记簿：{db.where}。请店主先运行 shopdesk team init。",
                f"There is no team register on {db.where} yet. The shop owner runs "
                "`shopdesk team init` first.")
        migrate_team(db)
        cases = int(db.execute("SELECT count(*) FROM cases").fetchone()[0])
        encrypted = tls_in_use(db)
        local_only = cases_only_in(paths.database, db)
    finally:
        db.close()
    _save_config(paths, url)
    return replace(_team_status(url, True, cases, encrypted), local_only=tuple(local_only))


def _team_status(url: str, reachable: bool | None, cases: int | None,
                 encrypted: bool | None) -> TeamStatus:
    info = url_parts(url)
    return TeamStatus("team", describe_url(url), reachable, cases, pc_name(),
                      info.get("user") or "", info.get("sslmode") or "prefer", encrypted)


def where(paths: DataPaths) -> TeamStatus:
    """Where this PC's register is, without asking the server (for the settings page)."""
    path = _config_path(paths)
    saved = json.loads(path.read_text(encoding="utf-8")).get("url") if path.exists() else None
    if not saved:
        return TeamStatus("local", str(paths.database), None, None, pc_name())
    return _team_status(saved, None, None, None)


def password_saved(paths: DataPaths) -> bool:
    """Whether this PC's keyring holds a password for the saved team address (without
    one the server trusts this PC, or PostgreSQL's password file answers)."""
    path = _config_path(paths)
    saved = json.loads(path.read_text(encoding="utf-8")).get("url") if path.exists() else None
    return bool(saved and _load_password(saved))


def saved_parts(paths: DataPaths) -> dict[str, Any]:
    """The saved team address's parts, without the password ({} when local)."""
    path = _config_path(paths)
    saved = json.loads(path.read_text(encoding="utf-8")).get("url") if path.exists() else None
    if not saved:
        return {}
    info = url_parts(saved)
    info.pop("password", None)
    return info


@dataclass(frozen=True)
class InitReport:
    where: str
    copied: dict[str, int]
    checksums_match: bool
    evidence_files: int = 0


def init(paths: DataPaths, clock: Clock, url: str,
         progress: Callable[[str, int], None] | None = None) -> InitReport:
    """Create the team register at `url` and move this PC's local register into it.

    The server's database must be empty of cases. Every row is copied in one transaction,
    then counted and checksummed per table on both sides; the local file is only read
    (it stays as it was, a backup). This PC then uses the team register.
    """
    bare, password = split_password(url)
    db = PgDatabase(url)
    try:
        if password:  # before anything is copied: no keyring, no set-up
            _save_password(bare, password)
        migrate_team(db)
        if int(db.execute("SELECT count(*) FROM cases").fetchone()[0]):
            raise TeamSetupError(
                f"服务器上的团队登记簿已有案件：{db.where}。没有复制任何内容；"
                "请用 shopdesk team connect 连接它。",
                f"The team register on {db.where} already holds cases. Nothing was copied; "
                "use `shopdesk team connect` to use it.")
        copied: dict[str, int] = {}
        match = True
        files = 0
        if paths.database.exists():
            local = open_database(paths.database)
            try:
                _empty(db)
                copied = copy_register(local, db, progress)
                match = table_checksums(local) == table_checksums(db)
            finally:
                local.close()
            files = upload_folder_files(db, paths.evidence)
        if not match:
            raise TeamSetupError(
                "复制到服务器的数据与本机登记簿不一致，请联系技术支持。本机文件没有改动。",
                "The copy on the server differs from the local register; contact support. "
                "The local file was not changed.")
    finally:
        db.close()
    _write_config(paths, bare)
    return InitReport(describe_url(url), copied, match, files)


def _empty(db: PgDatabase) -> None:
    """Remove what a fresh register holds (e.g. staff added before init) before a copy."""
    from ..storage.pg.transfer import copied_tables

    with db.atomic():
        tables = copied_tables(db)
        db.executescript("TRUNCATE " + ", ".join(tables) + ", cases_search CASCADE")


def disconnect(paths: DataPaths) -> None:
    """Back to the local register on this PC (the team register is left as it is)."""
    _config_path(paths).unlink(missing_ok=True)


def status(paths: DataPaths) -> TeamStatus:
    """Where this PC's register is, and whether its server answers now."""
    url = configured_url(paths)
    if url is None:
        return TeamStatus("local", str(paths.database), None, None, pc_name())
    try:
        db = PgDatabase(url)
    except ShopDeskError:
        return _team_status(url, False, None, None)
    try:
        cases = int(db.execute("SELECT count(*) FROM cases WHERE deleted_at IS NULL")
                    .fetchone()[0])
        encrypted = tls_in_use(db)
    finally:
        db.close()
    return _team_status(url, True, cases, encrypted)

