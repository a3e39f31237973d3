"""Posters: a table of images kept once per content, and the poster a film shows.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posters",
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("hash", name=op.f("pk_posters")),
    )
    with op.batch_alter_table("films") as batch:
        batch.add_column(sa.Column("poster_hash", sa.String(length=64), nullable=True))
        batch.create_foreign_key(
            op.f("fk_films_poster_hash_posters"), "posters", ["poster_hash"], ["hash"]
        )
        batch.create_index(op.f("ix_films_poster_hash"), ["poster_hash"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER filmdesk_notify_posters AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            " ON posters FOR EACH STATEMENT EXECUTE FUNCTION filmdesk_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER filmdesk_notify_posters ON posters")
    with op.batch_alter_table("films") as batch:
        batch.drop_index(op.f("ix_films_poster_hash"))
        batch.drop_constraint(op.f("fk_films_poster_hash_posters"), type_="foreignkey")
        batch.drop_column("poster_hash")
    op.drop_table("posters")
