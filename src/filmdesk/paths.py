"""Where filmdesk keeps its files, and where it finds the files it ships with."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir, user_data_dir

APP_NAME = "filmdesk"
DATABASE_ENV = "FILMDESK_DATABASE"
DATABASE_FILENAME = "library.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent
# In a source checkout (editable install) the shipped files sit at the top of the repository;
# an installed wheel carries them inside the package (see pyproject.toml, force-include).
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    """The user's data folder for filmdesk (honours XDG_DATA_HOME on Linux)."""
    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user's configuration folder for filmdesk."""
    return Path(user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The user's cache folder for filmdesk: what can be made again (poster thumbnails)."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The SQLite file used when neither --database nor FILMDESK_DATABASE says otherwise."""
    return data_dir() / DATABASE_FILENAME


def database_target(explicit: str | None = None) -> str:
    """The database to open: the explicit argument, else $FILMDESK_DATABASE, else the default.

    Returns either a SQLAlchemy URL (anything containing ``://``) or a filesystem path. An
    explicit but empty value is refused (ValueError): a script whose variable is unset must
    not quietly work on the user's own catalog.

    A file named here that is not there yet is made (a new catalog) only in a folder that is:
    a mistyped folder is refused (ValueError), not made with a new catalog in it. The default
    file's folder is made when needed.
    """
    if explicit is not None and not explicit.strip():
        raise ValueError("--database is empty; give a file or a URL")
    for candidate in (explicit, os.environ.get(DATABASE_ENV)):
        if candidate and candidate.strip():
            target = candidate.strip()
            file = Path(target).expanduser()  # ("~/…" in quotes: opening expands it too)
            folder = file.parent
            if "://" not in target and not file.exists() and not folder.is_dir():
                raise ValueError(
                    f"{target}: there is no folder {folder}; filmdesk makes a new catalog only "
                    "in a folder that exists"
                )
            return target
    return str(default_database_path())


def shipped_file(*parts: str) -> Path:
    """A file shipped with filmdesk, e.g. ``shipped_file("data", "seed.json")``."""
    installed = _PACKAGE_DIR.joinpath(*parts)
    if installed.exists():
        return installed
    return _SOURCE_ROOT.joinpath(*parts)


def seed_path() -> Path:
    """The curated collection filmdesk starts with."""
    return shipped_file("data", "seed.json")
