"""Films in a collection are numbered from 1, as entries of screening lists always were.

Collections and screening lists now share one ordered-membership rule (filmdesk.core.groups),
so the positions users see and the positions stored are the same in both.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE collection_films SET position = position + 1")


def downgrade() -> None:
    op.execute("UPDATE collection_films SET position = position - 1")
