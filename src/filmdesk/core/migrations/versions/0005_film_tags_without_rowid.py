"""On SQLite, film_tags keeps its rows in primary-key order (WITHOUT ROWID).

A tag link is only its two ids, so a separate rowid table beside the primary-key index was
one B-tree too many: a large import wrote every link twice, and reading a film's tags went
through the index and then the table. PostgreSQL is left as it is.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _rebuild(rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    suffix = "" if rowid else " WITHOUT ROWID"
    op.execute(
        "CREATE TABLE film_tags_rebuilt ("
        " film_id INTEGER NOT NULL,"
        " tag_id INTEGER NOT NULL,"
        " CONSTRAINT pk_film_tags PRIMARY KEY (film_id, tag_id),"
        " CONSTRAINT fk_film_tags_film_id_films FOREIGN KEY(film_id)"
        " REFERENCES films (id) ON DELETE CASCADE,"
        " CONSTRAINT fk_film_tags_tag_id_tags FOREIGN KEY(tag_id)"
        f" REFERENCES tags (id) ON DELETE CASCADE){suffix}"
    )
    # Links to a film or tag that is gone (left by a tool that ran without foreign keys) are
    # dropped: they mean nothing, and the new table checks its keys.
    op.execute(
        "INSERT INTO film_tags_rebuilt (film_id, tag_id)"
        " SELECT film_id, tag_id FROM film_tags"
        " WHERE film_id IN (SELECT id FROM films) AND tag_id IN (SELECT id FROM tags)"
        " ORDER BY film_id, tag_id"
    )
    op.execute("DROP TABLE film_tags")  # (a link table: nothing refers to it)
    op.execute("ALTER TABLE film_tags_rebuilt RENAME TO film_tags")
    op.create_index(op.f("ix_film_tags_tag_id"), "film_tags", ["tag_id"])


def upgrade() -> None:
    _rebuild(rowid=False)


def downgrade() -> None:
    _rebuild(rowid=True)
