"""Comments have an author; on PostgreSQL, every committed change notifies the other windows.

A shared catalog has several people writing comments on a collection: each comment keeps who
wrote it (empty for the comments written before, by the one user of a local catalog).

On PostgreSQL, a statement that changes any of the catalog's tables sends a notification on
the channel ``filmdesk_changes`` when its transaction commits (PostgreSQL folds the identical
notifications of one transaction into one); every open window listens and then reads what
changed. SQLite needs no trigger: its windows look at ``PRAGMA data_version``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHANNEL = "filmdesk_changes"
WATCHED_TABLES = (
    "films", "viewings", "tags", "film_tags", "collections", "collection_films",
    "collection_comments", "screening_lists", "list_entries",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("collection_comments") as batch:
        batch.add_column(sa.Column("author", sa.Text(), nullable=False, server_default=""))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION filmdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"
    )
    for table in WATCHED_TABLES:
        op.execute(
            f"CREATE TRIGGER filmdesk_notify_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            f" ON {table} FOR EACH STATEMENT EXECUTE FUNCTION filmdesk_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED_TABLES:
            op.execute(f"DROP TRIGGER filmdesk_notify_{table} ON {table}")
        op.execute("DROP FUNCTION filmdesk_notify()")
    with op.batch_alter_table("collection_comments") as batch:
        batch.drop_column("author")
