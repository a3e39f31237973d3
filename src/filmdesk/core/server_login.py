"""Reaching a shared catalog on a PostgreSQL server: its URL from the fields a person fills
in, and the password kept where PostgreSQL's own tools keep it.

The password is never part of the URL filmdesk remembers (``filmdesk.ini`` holds the URL).
libpq, under psycopg, reads it from the password file: ``$PGPASSFILE``, else ``~/.pgpass``,
a file only its owner may read (libpq ignores it otherwise). ``remember_password`` writes the
line libpq looks for there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerLogin:
    """Where a shared catalog is and whose account opens it."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT

    def url(self) -> str:
        """The catalog's URL, as ``--database`` takes it (no password in it)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            host=self.host or None,
            port=self.port if self.port != DEFAULT_PORT else None,
            database=self.database,
        ).render_as_string(hide_password=False)


def password_file() -> Path:
    """The file libpq reads passwords from: ``$PGPASSFILE``, else ``~/.pgpass``."""
    given = os.environ.get("PGPASSFILE")
    return Path(given).expanduser() if given else Path.home() / ".pgpass"


def _escaped(value: str) -> str:
    # The password file's fields are separated by ":"; "\" escapes ":" and "\" in them.
    return value.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(login: ServerLogin, password: str) -> Path:
    """Keep ``password`` for ``login`` in the password file (made readable by its owner only),
    in place of a line for the same server, port, database and user. Returns the file."""
    path = password_file()
    key = ":".join(
        _escaped(part) for part in (login.host, str(login.port), login.database, login.user)
    )
    lines = []
    if path.exists():
        lines = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(key + ":")
        ]
    lines.append(f"{key}:{_escaped(password)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created with the owner's permissions only, before the password is in it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


def login_of(url: str) -> ServerLogin | None:
    """The fields of a shared catalog's URL (None: not a PostgreSQL URL)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    return ServerLogin(
        parsed.host or "", parsed.database or "", parsed.username or "", parsed.port or 5432
    )
