"""Films, tags and collections.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "films",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seed_key", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("original_title", sa.String(length=500), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("directors", sa.JSON(), nullable=False),
        sa.Column("countries", sa.JSON(), nullable=False),
        sa.Column("runtime_minutes", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("fact", sa.Text(), nullable=False),
        sa.Column("trailer_url", sa.String(length=2000), nullable=False),
        sa.Column("availability_note", sa.Text(), nullable=False),
        sa.Column("availability_checked_on", sa.Date(), nullable=True),
        sa.Column("imdb_id", sa.String(length=20), nullable=True),
        sa.Column("letterboxd_uri", sa.String(length=500), nullable=True),
        sa.Column("rating_half_stars", sa.SmallInteger(), nullable=True),
        sa.Column("watched", sa.Boolean(), nullable=False),
        sa.Column("watched_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_films")),
        sa.UniqueConstraint("seed_key", name=op.f("uq_films_seed_key")),
    )
    op.create_index(op.f("ix_films_year"), "films", ["year"])
    op.create_index(op.f("ix_films_imdb_id"), "films", ["imdb_id"])
    op.create_index(op.f("ix_films_letterboxd_uri"), "films", ["letterboxd_uri"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("key", name=op.f("uq_tags_key")),
    )
    op.create_table(
        "film_tags",
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["film_id"], ["films.id"], name=op.f("fk_film_tags_film_id_films"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_film_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("film_id", "tag_id", name=op.f("pk_film_tags")),
    )
    op.create_index(op.f("ix_film_tags_tag_id"), "film_tags", ["tag_id"])
    op.create_table(
        "collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seed_key", sa.String(length=200), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collections")),
        sa.UniqueConstraint("seed_key", name=op.f("uq_collections_seed_key")),
    )
    op.create_table(
        "collection_films",
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_collection_films_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["film_id"],
            ["films.id"],
            name=op.f("fk_collection_films_film_id_films"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("collection_id", "film_id", name=op.f("pk_collection_films")),
    )
    op.create_index(op.f("ix_collection_films_film_id"), "collection_films", ["film_id"])


def downgrade() -> None:
    op.drop_table("collection_films")
    op.drop_table("collections")
    op.drop_table("film_tags")
    op.drop_table("tags")
    op.drop_table("films")
