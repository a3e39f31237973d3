"""The catalog's file itself: ``backups`` lists the copies filmdesk made of it, ``restore`` puts
one back, ``check`` looks for damage.

These work on the file without opening it as a catalog (``run_on_file``, not ``run``): they
must work when it is damaged, and a restore must not find the catalog held open by itself.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from filmdesk.cli.errors import EXIT_FAILURE, CliError
from filmdesk.cli.output import plural, print_json, table
from filmdesk.cli.parsing import PROG, Subparsers, add_command
from filmdesk.core.backups.naming import REASON_TEXT, Backup, backups_folder, list_backups
from filmdesk.core.backups.restoring import find_backup, restore_backup
from filmdesk.core.catalog_file import check_catalog, is_read_only
from filmdesk.core.db import database_url, open_database, sqlite_path
from filmdesk.core.problems import read_only_error

# What a command here runs: the arguments and the catalog's file.
FileHandler = Callable[[argparse.Namespace, Path], None]


def register(subparsers: Subparsers) -> None:
    """Add backups, restore and check."""
    p = add_command(
        subparsers,
        "backups",
        "List the copies of the catalog filmdesk made (each day it is opened, and before every "
        "import, upgrade and restore), newest first.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array of backups")
    p.set_defaults(file_handler=_list)

    p = add_command(
        subparsers,
        "restore",
        "Put a backup in place of the catalog. The catalog as it is now is backed up first, so "
        "a restore can itself be undone by restoring that copy.",
    )
    p.add_argument(
        "backup", metavar="BACKUP", help="its number in 'filmdesk-cli backups' (1: the newest), "
        "or the path of a backup file",
    )  # fmt: skip
    p.set_defaults(file_handler=_restore)

    p = add_command(
        subparsers,
        "check",
        "Check the whole catalog for damage (SQLite's integrity check) and for links to rows "
        "that are gone; nothing is changed.",
    )
    p.set_defaults(file_handler=_check)


def run_on_file(args: argparse.Namespace, target: str) -> None:
    """Run the command ``args`` names on the catalog at ``target``, without opening it."""
    path = sqlite_path(database_url(target))
    if path is None:
        raise CliError(
            "backups, restore and check work on a catalog in a SQLite file; back up other "
            "databases with their own tools",
            EXIT_FAILURE,
        )
    handler: FileHandler = args.file_handler
    handler(args, path)


def size_text(size: int) -> str:
    """A file size as a person reads it: 980 bytes, 12 KB, 3.4 MB."""
    if size < 1000:
        return plural(size, "byte")
    if size < 1_000_000:
        return f"{size / 1000:.0f} KB"
    return f"{size / 1_000_000:.1f} MB"


def when_text(backup: Backup) -> str:
    """When a backup was made, in local time, to the minute."""
    return backup.local_time.strftime("%Y-%m-%d %H:%M")


def _list(args: argparse.Namespace, catalog: Path) -> None:
    backups = list_backups(catalog)
    if args.json:
        print_json(
            [
                {
                    "number": number,
                    "path": str(b.path),
                    "made": b.local_time.isoformat(),
                    "films": b.films,
                    "size": b.size,
                    "why": b.reason.value,
                }
                for number, b in enumerate(backups, 1)
            ]
        )
        return
    if not backups:
        print(
            f"No backups of {catalog} yet. filmdesk makes one each day the catalog is opened, "
            "and before every import, upgrade and restore."
        )
        return
    rows = [
        (str(n), when_text(b), str(b.films), size_text(b.size), REASON_TEXT[b.reason])
        for n, b in enumerate(backups, 1)
    ]
    print("\n".join(table(("#", "Made", "Films", "Size", "Why"), rows, {0, 2, 3})))
    print(f"In {backups_folder(catalog)}. To go back to one: {PROG} restore NUMBER")


def _restore(args: argparse.Namespace, catalog: Path) -> None:
    # (Said before "no such backup".)
    if args.read_only:
        raise read_only_error(catalog, why="asked")
    if catalog.exists() and is_read_only(catalog):
        raise read_only_error(catalog)
    source = find_backup(catalog, args.backup)
    chosen = next((b for b in list_backups(catalog) if b.path == source), None)
    restored = restore_backup(catalog, source)
    # An older backup has an older schema: bring it up to date now, not at the next command.
    engine, _migration = open_database(str(catalog))
    engine.dispose()
    made = f" of {when_text(chosen)}" if chosen is not None else f" {source}"
    print(f"Restored {catalog} from the backup{made} ({plural(restored.films, 'film')}).")
    if restored.kept is not None:
        number = next(
            (n for n, b in enumerate(list_backups(catalog), 1) if b.path == restored.kept.path),
            None,
        )
        again = f"{PROG} restore {number}" if number is not None else f"{PROG} restore PATH"
        print(
            f"The catalog as it was ({plural(restored.kept.films, 'film')}) is backup "
            f"{number}: {again} brings it back."
        )
    if restored.kept_damaged is not None:
        print(f"The damaged catalog was kept as it was, in {restored.kept_damaged}.")


def _check(_args: argparse.Namespace, catalog: Path) -> None:
    report = check_catalog(catalog)
    facts = report.facts
    if report.ok:
        held = f" It holds {plural(facts.films or 0, 'film')}." if facts is not None else ""
        print(f"{catalog} is in good order: no damage, no broken links.{held}")
        return
    lines: list[str] = []
    if report.damage:
        lines.append(f"{catalog} is damaged. SQLite's integrity check found:")
        lines += [f"  {line}" for line in report.damage]
    if report.broken_links:
        lines.append(
            f"{plural(len(report.broken_links), 'row')} point at something no longer there:"
        )
        lines += [
            f"  {table_name} row {rowid if rowid is not None else '?'} -> {parent}"
            for table_name, rowid, parent in report.broken_links
        ]
    backups = list_backups(catalog)
    if backups:
        lines.append(
            f"The newest backup is from {when_text(backups[0])} "
            f"({plural(backups[0].films, 'film')}): {PROG} backups lists them all, "
            f"{PROG} restore NUMBER puts one back."
        )
    else:
        lines.append(f"There is no backup of it in {backups_folder(catalog)}.")
    print("\n".join(lines))
    found = "is damaged" if report.damage else "has broken links"
    raise CliError(f"the catalog {catalog} {found} (see above)", EXIT_FAILURE)
