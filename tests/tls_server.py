"""A throwaway PostgreSQL cluster with TLS on and password logins, for the TLS tests.

The shared test server runs with ssl=off and trust logins, and other tests rely on that, so
it is never changed. Instead this starts a cluster of its own (initdb + pg_ctl from
SHOPDESK_TEST_PG_BIN, default /usr/lib/postgresql/15/bin) in a temporary folder on a free
port, with a self-signed certificate for 127.0.0.1 made by `openssl` and scram passwords
over TCP; it is stopped and deleted afterwards. Where that is impossible (no binaries, no
openssl, running as root without a `postgres` user to run them as) the tests say why and
skip.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "tls-test-pw"
DEFAULT_BIN = "/usr/lib/postgresql/15/bin"


@dataclass(frozen=True)
class TlsServer:
    port: int
    root_cert: Path  # the server's self-signed certificate: its own trust anchor
    other_cert: Path  # a certificate that did not sign the server's

    def url(self, dbname: str = "postgres", *, password: str | None = PASSWORD,
            sslmode: str = "verify-full", root_cert: Path | None = None) -> str:
        parts = [f"host=127.0.0.1 port={self.port} dbname={dbname} user=postgres",
                 f"sslmode={sslmode} sslrootcert={root_cert or self.root_cert}"]
        if password is not None:
            parts.append(f"password={password}")
        return " ".join(parts)


def why_not() -> str | None:
    """None when a TLS cluster can be started here, else the reason."""
    bin_dir = Path(os.environ.get("SHOPDESK_TEST_PG_BIN", DEFAULT_BIN))
    if not (bin_dir / "initdb").exists() or not (bin_dir / "pg_ctl").exists():
        return f"no initdb/pg_ctl in {bin_dir} (set SHOPDESK_TEST_PG_BIN)"
    if shutil.which("openssl") is None:
        return "no openssl to make a certificate"
    if os.name != "posix":
        return "the throwaway cluster is started the POSIX way only"
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            return "running as root without runuser to start PostgreSQL as 'postgres'"
        try:
            import pwd
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run PostgreSQL as"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cert(folder: Path, name: str) -> tuple[Path, Path]:
    key, crt = folder / f"{name}.key", folder / f"{name}.crt"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(key), "-out", str(crt), "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True)
    return key, crt


@contextlib.contextmanager
def tls_server() -> Iterator[TlsServer]:
    bin_dir = Path(os.environ.get("SHOPDESK_TEST_PG_BIN", DEFAULT_BIN))
    root = Path(tempfile.mkdtemp(prefix="shopdesk-tls-"))
    as_user: list[str] = []
    owner: tuple[int, int] | None = None
    if os.geteuid() == 0:
        import pwd
        entry = pwd.getpwnam("postgres")
        owner = (entry.pw_uid, entry.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, certs = root / "data", root / "certs"
    certs.mkdir()
    key, crt = _cert(certs, "server")
    _other_key, other = _cert(certs, "other")
    pwfile = root / "pw"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    os.chmod(root, 0o755)
    os.chmod(key, 0o600)
    if owner is not None:
        for path in (root, certs, key, crt, pwfile):
            os.chown(path, *owner)
    port = _free_port()
    log = root / "server.log"
    started = False
    try:
        subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                        "--auth-local=trust", "--auth-host=scram-sha-256",
                        f"--pwfile={pwfile}", "-E", "UTF8", "--no-sync"],
                       check=True, capture_output=True)
        options = (f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c ssl=on "
                   f"-c ssl_cert_file={crt} -c ssl_key_file={key} -c fsync=off")
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log),
                        "-o", options, "-w", "-t", "60", "start"],
                       check=True, capture_output=True)
        started = True
        yield TlsServer(port, crt, other)
    finally:
        if started:
            subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                            "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
