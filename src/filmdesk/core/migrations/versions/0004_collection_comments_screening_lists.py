"""Collections get a rating and dated comments; screening lists with ordered entries.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("collections") as batch:
        batch.add_column(sa.Column("rating_half_stars", sa.SmallInteger(), nullable=True))
    op.create_table(
        "collection_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_collection_comments_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_comments")),
    )
    op.create_index(
        op.f("ix_collection_comments_collection_id"), "collection_comments", ["collection_id"]
    )
    op.create_table(
        "screening_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("audience", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_lists")),
    )
    op.create_table(
        "list_entries",
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        # Naive local wall-clock time (no zone): the time on the classroom clock.
        sa.Column("scheduled_at", sa.DateTime(timezone=False), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("screened", sa.Boolean(), nullable=False),
        sa.Column("screened_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["screening_lists.id"],
            name=op.f("fk_list_entries_list_id_screening_lists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["film_id"],
            ["films.id"],
            name=op.f("fk_list_entries_film_id_films"),
            ondelete="CASCADE",
        ),
        # One film once per list: the primary key says so.
        sa.PrimaryKeyConstraint("list_id", "film_id", name=op.f("pk_list_entries")),
    )
    op.create_index(op.f("ix_list_entries_film_id"), "list_entries", ["film_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_list_entries_film_id"), table_name="list_entries")
    op.drop_table("list_entries")
    op.drop_table("screening_lists")
    op.drop_index(op.f("ix_collection_comments_collection_id"), table_name="collection_comments")
    op.drop_table("collection_comments")
    with op.batch_alter_table("collections") as batch:
        batch.drop_column("rating_half_stars")
