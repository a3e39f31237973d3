"""A PostgreSQL server of the tests' (and benchmarks') own: Debian's ``postgresql`` package,
started in a temporary folder on a free local port, stopped afterwards. No system service.

As root (CI), the server runs as the ``postgres`` user the package creates: PostgreSQL refuses
to run as root.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "filmdesk"


def _bin_folder() -> Path | None:
    """The folder of Debian's newest PostgreSQL programs (or of ``initdb`` on the PATH)."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def missing_reason() -> str | None:
    """Why no server can be started here, or None."""
    if _bin_folder() is None:
        return (
            "PostgreSQL is not installed (Debian package postgresql: scripts/dev-env installs it)"
        )
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser, and PostgreSQL refuses to run as root"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """One server; ``new_database()`` gives each test an empty database of its own."""

    def __init__(self, *, durable: bool = False) -> None:
        folder = _bin_folder()
        assert folder is not None, missing_reason()
        self._bin = folder
        self._durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="filmdesk-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._as: list[str] = []
        if os.geteuid() == 0:
            self._as = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres")

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self._as, str(self._bin / program), *args],
            check=True,
            capture_output=True,
            cwd=self.folder,
        )

    def start(self) -> LocalServer:
        self._run(
            "initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
            "-E", "UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        settings = [
            f"-p {self.port}",
            "-c listen_addresses=127.0.0.1",
            f"-k {self.data}",
            "-c max_connections=200",
        ]
        if not self._durable:  # the tests' databases are thrown away: no need to sync
            settings += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        self._settings = " ".join(settings)
        self.resume()
        return self

    def resume(self) -> None:
        """Start the server (again, after ``pause``), on the same port."""
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"),
            "-w", "-o", self._settings, "start",
        )  # fmt: skip

    def pause(self) -> None:
        """Stop the server, as a server that goes away: its data stays for ``resume``."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """The SQLAlchemy URL of ``database`` on this server."""
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside a transaction."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        ) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """An empty database of its own: its URL. The databases of the tests before the last
        are dropped (a test's windows may still be closing when the next one starts)."""
        number = next(self._names)
        if number > 2:
            self.sql(f"DROP DATABASE IF EXISTS catalog_{number - 2} WITH (FORCE)")
        name = f"catalog_{number}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop the database behind ``url`` (connections to it are ended)."""
        name = url.rsplit("/", 1)[1].split("?")[0]
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
