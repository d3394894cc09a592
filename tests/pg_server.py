"""A throwaway PostgreSQL server for the store and service tests.

initdb into a temporary folder, start on a free loopback port, drop at exit.
PostgreSQL refuses to run as root, so as root the server runs as the
`postgres` user that Debian's packages create.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def find_bindir() -> Path:
    for candidate in (os.environ.get("PG_BINDIR"), shutil.which("initdb") and
                      str(Path(shutil.which("initdb") or "").parent)):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if versions:
        return Path(versions[-1]).parent
    raise PostgresUnavailable("no PostgreSQL server binaries (initdb) found")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    datadir: Path
    port: int
    bindir: Path
    user: str | None  # OS user the server runs as (None: ourselves)

    def _run(self, *cmd: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        full = [*(["runuser", "-u", self.user, "--"] if self.user else []), *cmd]
        return subprocess.run(full, capture_output=True, text=True, timeout=timeout, check=False)

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = find_bindir()
        user = None
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable("running as root and no 'postgres' user") from exc
            user = "postgres"
        root = Path(tempfile.mkdtemp(prefix="cockpit-pg-"))
        datadir = root / "data"
        if user:
            shutil.chown(root, user)
        server = cls(datadir=datadir, port=_free_port(), bindir=bindir, user=user)
        init = server._run(str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres",
                           "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8")
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr[-2000:]}")
        opts = (f"-p {server.port} -c listen_addresses=127.0.0.1 -k {root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        started = server._run(str(bindir / "pg_ctl"), "-D", str(datadir), "-o", opts,
                              "-l", str(root / "server.log"), "-w", "-t", "60", "start")
        if started.returncode != 0:
            log = (root / "server.log").read_text(errors="replace")[-2000:] \
                if (root / "server.log").exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed: {started.stderr[-2000:]} {log}")
        return server

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "immediate", "stop")
        shutil.rmtree(self.datadir.parent, ignore_errors=True)
