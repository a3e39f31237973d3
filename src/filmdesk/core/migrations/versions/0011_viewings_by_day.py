"""An index on the viewings' day: the statistics count viewings per day, the search's
``watched:2024`` and the year in review read one year's viewings, and the period picker lists
the years; each read every viewing before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_viewings_watched_on", "viewings", ["watched_on"])


def downgrade() -> None:
    op.drop_index("ix_viewings_watched_on", table_name="viewings")
