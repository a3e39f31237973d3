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
    # Not in batch mode: on SQLite that copies the films table and drops the old one, and the
    # drop would take every film's tags, viewings and places along (their keys cascade).
    # SQLite adds a column with a reference in place.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE films ADD COLUMN poster_hash VARCHAR(64)"
            " CONSTRAINT fk_films_poster_hash_posters REFERENCES posters (hash)"
        )
    else:
        op.add_column("films", sa.Column("poster_hash", sa.String(length=64), nullable=True))
        op.create_foreign_key(
            op.f("fk_films_poster_hash_posters"), "films", "posters", ["poster_hash"], ["hash"]
        )
    op.create_index(op.f("ix_films_poster_hash"), "films", ["poster_hash"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER filmdesk_notify_posters AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE"
            " ON posters FOR EACH STATEMENT EXECUTE FUNCTION filmdesk_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER filmdesk_notify_posters ON posters")
    op.drop_index(op.f("ix_films_poster_hash"), table_name="films")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE films DROP COLUMN poster_hash")  # (SQLite 3.35+)
    else:
        op.drop_constraint(op.f("fk_films_poster_hash_posters"), "films", type_="foreignkey")
        op.drop_column("films", "poster_hash")
    op.drop_table("posters")
