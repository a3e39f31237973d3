"""Films have viewings: every time the user watched one, with its date, rating and note.

A film's one watched date becomes its one viewing (a film marked watched without a date gets
a viewing without a date), so nothing the user had is lost.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "viewings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("watched_on", sa.Date(), nullable=True),
        sa.Column("rating_half_stars", sa.SmallInteger(), nullable=True),
        sa.Column("rewatch", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["film_id"],
            ["films.id"],
            name=op.f("fk_viewings_film_id_films"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_viewings")),
    )
    op.create_index(op.f("ix_viewings_film_id"), "viewings", ["film_id"])
    op.execute(
        sa.text(
            "INSERT INTO viewings (film_id, watched_on, rating_half_stars, rewatch, note) "
            "SELECT id, watched_on, NULL, :no, '' FROM films WHERE watched = :yes ORDER BY id"
        ).bindparams(no=False, yes=True)
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_viewings_film_id"), table_name="viewings")
    op.drop_table("viewings")
