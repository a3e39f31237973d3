"""Seed bookkeeping: which seed items were applied, and catalog facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seed_records",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("applied", sa.JSON(), nullable=False),
        sa.Column("seed_version", sa.Integer(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", "kind", name=op.f("pk_seed_records")),
    )
    op.create_table(
        "catalog_meta",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_catalog_meta")),
    )
    # Catalogs created before this revision got the seed without bookkeeping: record their seed
    # films so a seed update recognises them and so deleted ones are not brought back.
    conn = op.get_bind()
    films = sa.table("films", sa.column("seed_key", sa.String))
    records = sa.table(
        "seed_records",
        sa.column("key", sa.String),
        sa.column("kind", sa.String),
        sa.column("applied", sa.JSON),
        sa.column("seed_version", sa.Integer),
        sa.column("applied_at", sa.DateTime(timezone=True)),
    )
    keys = [
        row[0]
        for row in conn.execute(sa.select(films.c.seed_key).where(films.c.seed_key.is_not(None)))
    ]
    if keys:
        now = datetime.now(UTC)
        conn.execute(
            records.insert(),
            [
                {"key": k, "kind": "film", "applied": {}, "seed_version": 0, "applied_at": now}
                for k in keys
            ],
        )


def downgrade() -> None:
    op.drop_table("catalog_meta")
    op.drop_table("seed_records")
