"""Copies of a SQLite catalog that filmdesk makes itself, and restoring one.

Where: a ``backups`` folder beside the catalog (``~/.local/share/filmdesk/backups`` for the
default one). Each backup is one SQLite file named for its catalog, when it was made (UTC), why
and how many films it holds, e.g. ``library.sqlite3.2025-03-04T143005Z.automatic.1234-films.bak``:
listing them reads the folder only, never the files.

When: every time a catalog is opened and a day has passed since the last automatic one (kept:
7 daily, 4 weekly, 6 monthly, as Anki thins its own); and before an import, a schema upgrade or
a restore (kept: the last 10 of those).

- ``naming``: the names, the folder, listing, and the debris of interrupted backups;
- ``writing``: making one (a consistent copy, written under a temporary name and renamed when
  whole, with the catalog's own permissions);
- ``rotation``: which ones are pruned;
- ``restoring``: putting one back in place of the catalog;
- ``service``: ``catalog.backups``, for a catalog that is open.
"""
