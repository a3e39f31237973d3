"""Films get a sort title, so the database can list them in title order.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from filmdesk.core.sorting import title_sort_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("films") as batch:
        batch.add_column(
            sa.Column("sort_title", sa.String(length=500), nullable=False, server_default="")
        )
    films = sa.table(
        "films",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("sort_title", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(films.c.id, films.c.title)).all()
    if rows:
        conn.execute(
            films.update()
            .where(films.c.id == sa.bindparam("film_id"))
            .values(sort_title=sa.bindparam("key")),
            [{"film_id": film_id, "key": title_sort_key(title)} for film_id, title in rows],
        )
    op.create_index(op.f("ix_films_sort_title"), "films", ["sort_title", "id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_films_sort_title"), table_name="films")
    with op.batch_alter_table("films") as batch:
        batch.drop_column("sort_title")
